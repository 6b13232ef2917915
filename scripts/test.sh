#!/usr/bin/env bash
# The whole test suite, from a fresh Debian machine with Python 3.11 and nothing else:
#
#     bash scripts/test.sh [pytest arguments]
#
# Installs the Debian packages the tests need and starts a private PostgreSQL server
# (scripts/test-setup.sh), creates .venv if missing, installs the package with its test
# extra, then runs `ruff check src tests` and pytest. The exit code is pytest's (5, no tests
# collected, counts as a failure); when pytest passes but ruff found problems, it is 1.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
started=$(date +%s)

# shellcheck source=scripts/test-setup.sh
source scripts/test-setup.sh

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    echo "test.sh: creating .venv" >&2
    if ! "$python" -m venv .venv; then
        # Debian's own python3 keeps venv in a separate package.
        rm -rf .venv
        _cc_apt_install python3-venv
        "$python" -m venv .venv
    fi
fi

# Reinstall only when the project's requirements changed since the last install.
stamp=.venv/.counterclaim-test-install
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ] \
    || ! .venv/bin/python -c 'import counterclaim, pytest, hypothesis, psycopg' 2>/dev/null; then
    echo "test.sh: installing the package with its test extra" >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
    echo "$wanted" >"$stamp"
fi
setup_done=$(date +%s)

ruff_status=0
.venv/bin/ruff check src tests || ruff_status=$?

pytest_status=0
.venv/bin/python -m pytest "$@" || pytest_status=$?
finished=$(date +%s)

echo "test.sh: setup $((setup_done - started))s, lint and tests $((finished - setup_done))s" >&2
if [ "$pytest_status" -eq 5 ]; then
    echo "test.sh: pytest collected no tests; that is a failure" >&2
fi
if [ "$pytest_status" -ne 0 ]; then
    exit "$pytest_status"
fi
if [ "$ruff_status" -ne 0 ]; then
    echo "test.sh: ruff found problems (exit $ruff_status)" >&2
    exit 1
fi
exit 0
