# shellcheck shell=bash
# Services the test suite needs, for scripts/test.sh. Source it, do not run it:
#
#     source scripts/test-setup.sh
#
# 1. installs Debian's postgresql and chromium when missing (one `apt-get update`, only
#    when something is missing, so a machine that has them pays nothing);
# 2. starts a private PostgreSQL server (temporary data directory owned by the `postgres`
#    user, a free port on 127.0.0.1, the socket in that directory) and exports
#    COUNTERCLAIM_TEST_PG_URL for tests/test_postgres.py;
# 3. stops the server and removes its directory when the sourcing shell exits (trap).
#
# A COUNTERCLAIM_TEST_PG_URL already set is used as it is and no server is started.
# Not root and no sudo: nothing is installed, and the tests that need a missing service
# skip with their reason (outside CI).

_cc_log() { printf 'test-setup: %s\n' "$*" >&2; }

_cc_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        return 1
    fi
}

_cc_apt_updated=0
_cc_apt_install() {
    # Installs the Debian packages given that are not installed yet.
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        _cc_log "no apt-get here; install ${missing[*]} yourself"
        return 1
    fi
    _cc_log "installing ${missing[*]} from Debian"
    if [ "$_cc_apt_updated" -eq 0 ]; then
        _cc_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
        _cc_apt_updated=1
    fi
    _cc_as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || return 1
}

_cc_root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# -- packages ---------------------------------------------------------------------------------
_cc_apt_install postgresql || _cc_log "postgresql not installed: PostgreSQL tests will skip"
if [ -f "$_cc_root_dir/scripts/browser-setup.sh" ]; then
    bash "$_cc_root_dir/scripts/browser-setup.sh" || _cc_log "browser-setup.sh failed"
else
    _cc_apt_install chromium || _cc_log "chromium not installed: browser tests will skip"
fi

# -- PostgreSQL -------------------------------------------------------------------------------
_cc_pg_dir=""
_cc_pg_bin=""

_cc_pg_run() {
    # Runs a PostgreSQL program as the `postgres` user (initdb refuses root), from a folder
    # that user can enter.
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

counterclaim_test_teardown() {
    if [ -n "$_cc_pg_dir" ] && [ -d "$_cc_pg_dir" ]; then
        # Immediate mode: the data is thrown away, so a clean checkpoint is wasted time.
        _cc_pg_run "$_cc_pg_bin/pg_ctl" -D "$_cc_pg_dir/data" -m immediate -w stop \
            >/dev/null 2>&1 || true
        rm -rf "$_cc_pg_dir"
        _cc_pg_dir=""
    fi
}

_cc_start_postgres() {
    local versions port
    versions="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$versions" ] || [ ! -x "$versions/initdb" ]; then
        _cc_log "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"
        return 1
    fi
    _cc_pg_bin="$versions"
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        _cc_log "no postgres user (the postgresql package creates it)"
        return 1
    fi
    _cc_pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/counterclaim-pg.XXXXXX")"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$_cc_pg_dir"
    chmod 700 "$_cc_pg_dir"
    trap counterclaim_test_teardown EXIT
    case $- in
        *i*) ;; # sourced by hand in a terminal: Ctrl-C must not close that shell
        *)
            trap 'exit 130' INT
            trap 'exit 143' TERM
            ;;
    esac
    if ! _cc_pg_run "$_cc_pg_bin/initdb" -D "$_cc_pg_dir/data" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C --no-sync >"$_cc_pg_dir/initdb.log" 2>&1; then
        _cc_log "initdb failed:"
        cat "$_cc_pg_dir/initdb.log" >&2
        return 1
    fi
    # A free port now; another process could take it before the server binds, so retry.
    local attempt
    for attempt in 1 2 3; do
        port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
        # fsync off and no WAL archiving: test data need not survive a crash.
        if _cc_pg_run "$_cc_pg_bin/pg_ctl" -D "$_cc_pg_dir/data" -l "$_cc_pg_dir/server.log" -w \
            -t 60 -o "-p $port -k $_cc_pg_dir -c listen_addresses=127.0.0.1 -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off" start >/dev/null 2>&1; then
            break
        fi
        port=""
    done
    if [ -z "$port" ]; then
        _cc_log "PostgreSQL did not start:"
        tail -n 20 "$_cc_pg_dir/server.log" >&2 2>/dev/null
        return 1
    fi
    if ! _cc_pg_run "$_cc_pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres \
        counterclaim_test; then
        _cc_log "createdb failed"
        return 1
    fi
    export COUNTERCLAIM_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/counterclaim_test"
    _cc_log "PostgreSQL $(basename "$(dirname "$_cc_pg_bin")") on 127.0.0.1:$port (data in $_cc_pg_dir)"
}

if [ -n "${COUNTERCLAIM_TEST_PG_URL:-}" ]; then
    _cc_log "using COUNTERCLAIM_TEST_PG_URL from the environment"
elif ! _cc_start_postgres; then
    counterclaim_test_teardown
    unset COUNTERCLAIM_TEST_PG_URL
    _cc_log "no PostgreSQL server: PostgreSQL tests will skip (fail under CI=true)"
fi
