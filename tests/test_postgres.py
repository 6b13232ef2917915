"""The Store tests of tests/test_store.py, run unchanged on PostgreSQL (psycopg 3).

scripts/test-setup.sh starts a private server and sets COUNTERCLAIM_TEST_PG_URL. Without
it these tests skip with that reason, except under CI=true, where a missing server fails.
Every test starts from an empty database: the schema is dropped and the Store migrates it
again, so the migrations themselves are exercised on every test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import StatementError

import test_store
from counterclaim.store import Store, _normalise_url

pytestmark = pytest.mark.postgres

PG_URL = os.environ.get("COUNTERCLAIM_TEST_PG_URL", "")

# The shared test bodies, collected a second time in this module, where `db` is PostgreSQL.
globals().update(
    {name: value for name, value in vars(test_store).items() if name.startswith("test_")}
)
# These two are about SQLite files, not about the backend.
del test_reopening_a_file_store_keeps_its_data  # noqa: F821
del test_bare_path_is_an_sqlite_file  # noqa: F821
del test_unopenable_database_is_a_store_error  # noqa: F821


def _require_server() -> str:
    if not PG_URL:
        reason = "COUNTERCLAIM_TEST_PG_URL is not set (scripts/test-setup.sh starts a server)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must run the PostgreSQL tests", pytrace=False)
        pytest.skip(reason)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        reason = "psycopg is not installed (pip install -e '.[test]')"
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return PG_URL


def _empty_database(url: str) -> None:
    engine = create_engine(_normalise_url(url))
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture
def db() -> Iterator[Store]:
    url = _require_server()
    _empty_database(url)
    store = Store(url)
    assert store.engine.dialect.name == "postgresql"
    yield store
    store.close()


@pytest.mark.parametrize("prefix", ["postgresql://", "postgres://", "postgresql+psycopg://"])
def test_every_spelling_of_a_postgres_url_opens_with_psycopg(prefix: str) -> None:
    url = _require_server()
    _empty_database(url)
    store = Store(prefix + url.split("://", 1)[1])
    try:
        assert store.engine.dialect.name == "postgresql"
        assert store.engine.dialect.driver == "psycopg"
        assert store.schema_revision() == test_store.head_revision()
    finally:
        store.close()


def test_two_stores_on_one_database_see_each_others_writes(db: Store) -> None:
    other = Store(PG_URL)  # migrating an up-to-date database is a no-op
    try:
        assert other.add_documents([test_store.KYIV]) == [True]
        assert db.add_documents([test_store.KYIV, test_store.KHARTOUM]) == [False, True]
        assert other.document_count() == 2
    finally:
        other.close()


def test_nul_characters_are_refused_without_storing_the_batch(db: Store) -> None:
    # PostgreSQL text cannot hold U+0000 (SQLite can): the batch fails as a whole.
    from counterclaim.model import Document

    nul = Document(text="A report from Marib with a stray \x00 byte in it.")
    with pytest.raises(StatementError, match=r"(?i)\bnul\b|0x00"):
        db.add_documents([test_store.KYIV, nul])
    assert db.document_count() == 0
