"""A new export arriving while the app serves the old one (data contract, section 1: a
folder of exports, each published by writing its manifest last): the old one is served
until the new one is validated, then the switch is whole; a half-written export is never
read; a broken one leaves the old one in place with its message. Real exports, real
DuckDB, the real background thread."""
from __future__ import annotations

import copy
import time
from pathlib import Path

import fixture_small
from exports import write_export
from dashboard.db import Database, database_file
from dashboard.export import open_export
from dashboard.session import Exports


def visits(db: Database) -> int:
    return int(db.query("visit_counts")["visits"].sum())


def settle(exports: Exports, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while exports.pending and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not exports.pending


def test_new_export_is_read_in_the_background_then_switched(tmp_path):
    old_tables = fixture_small.tables()
    write_export(tmp_path / "2024-06-30", old_tables, extracted_at="2024-06-30")
    exports = Exports(str(tmp_path))
    old, incoming, refused = exports.current()
    assert (incoming, refused) == (None, None)
    before = visits(old)

    # half-written: its tables are there but its manifest is not yet: never read
    new_tables = copy.deepcopy(old_tables)
    new_tables["visits"] = new_tables["visits"][:-2]
    new_tables["ratings"] = [r for r in new_tables["ratings"]
                             if r["visit_id"] in {v["visit_id"] for v in new_tables["visits"]}]
    new_tables["referrals"] = [r for r in new_tables["referrals"]
                               if r["visit_id"] in {v["visit_id"] for v in new_tables["visits"]}]
    write_export(tmp_path / "2024-07-31", new_tables, extracted_at=None)
    assert exports.current() == (old, None, None)

    write_export(tmp_path / "2024-07-31", new_tables, extracted_at="2024-07-31")
    served, incoming, refused = exports.current()
    assert served is old and incoming == str(tmp_path / "2024-07-31") and refused is None
    assert visits(old) == before  # the old one answers while the new one is read
    settle(exports)
    new, incoming, refused = exports.current()
    assert new is not old and (incoming, refused) == (None, None)
    assert str(new.export.path).endswith("2024-07-31")
    assert visits(new) == before - 2
    assert visits(old) == before  # a query begun on the old one still finishes


def test_broken_new_export_leaves_the_old_one_and_says_why(tmp_path):
    write_export(tmp_path / "a", fixture_small.tables(), extracted_at="2024-06-30")
    exports = Exports(str(tmp_path))
    old, _, _ = exports.current()
    # an incomplete copy: the manifest promises more visits than the files hold
    write_export(tmp_path / "b", fixture_small.tables(), extracted_at="2024-07-31",
                 rows={"visits": 999})
    exports.current()
    settle(exports)
    served, incoming, refused = exports.current()
    assert served is old and incoming is None
    assert "999" in refused.message("sv") and "visits" in refused.message("sv")


def test_validated_database_is_kept_and_reopened_read_only(tmp_path, database_cache):
    folder = write_export(tmp_path / "e", fixture_small.tables())
    first = Database.open(folder)
    file = database_file(open_export(folder))
    assert file.exists() and file.parent == database_cache
    assert not list(database_cache.glob("*.part-*"))  # renamed into place whole
    again = Database.open(folder)
    assert visits(again) == visits(first)
    modified = file.stat().st_mtime_ns
    Database.open(folder)
    assert file.stat().st_mtime_ns >= modified
    # rewriting a file of the export makes another database
    write_export(folder, {"units": fixture_small.tables()["units"]}, rows={})
    assert database_file(open_export(folder)) != file


def test_a_build_removes_what_killed_builds_and_pruned_databases_left(tmp_path,
                                                                        database_cache):
    """A process killed mid-build leaves its partial file; a pruned database leaves its
    lock file. The next build removes both, but never the partial of a build that holds
    its lock."""
    import fcntl

    database_cache.mkdir(parents=True, exist_ok=True)
    killed = database_cache / "old-0123456789abcdef.part-4242"
    killed.write_bytes(b"half a database")
    Path(str(killed) + ".wal").write_bytes(b"log")
    (database_cache / "old-0123456789abcdef.lock").touch()
    (database_cache / "pruned-0123456789abcdef.lock").touch()
    running = database_cache / "busy-0123456789abcdef.part-4343"
    running.write_bytes(b"being written")
    with open(database_cache / "busy-0123456789abcdef.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        Database.open(write_export(tmp_path / "e", fixture_small.tables()))
        left = {p.name for p in database_cache.iterdir()}
    kept = database_file(open_export(tmp_path / "e"))
    assert {kept.name, running.name, "busy-0123456789abcdef.lock"} <= left
    assert not {killed.name, killed.name + ".wal", "old-0123456789abcdef.lock",
                "pruned-0123456789abcdef.lock"} & left


def test_a_database_being_read_is_not_pruned(tmp_path, monkeypatch):
    """Only the most recently used databases are kept, but never one a process has open:
    its explorer attaches the file by name (the review saw it fail once pruned), and apps
    of several data folders may share one cache."""
    from dashboard.db import KEEP_DATABASES
    from dashboard.explorer import Sandbox

    cache = tmp_path / "cache"
    monkeypatch.setenv("HEMBESOK_CACHE", str(cache))
    served = Database.open(write_export(tmp_path / "served", fixture_small.tables()))
    others = []
    for k in range(KEEP_DATABASES + 1):
        others.append(Database.open(write_export(tmp_path / f"other{k}",
                                                 fixture_small.tables())))
        others[-1].close()  # these are let go at once
    assert served.file.exists()  # the oldest, yet read
    assert len(list(cache.glob("*.duckdb"))) == KEEP_DATABASES + 1
    box = Sandbox(served)
    assert box.attached and box.run("SELECT count(*) AS n FROM visits").table.num_rows == 1
    served.close()  # let go: the next build prunes it
    Database.open(write_export(tmp_path / "last", fixture_small.tables()))
    assert not served.file.exists()
    assert len(list(cache.glob("*.duckdb"))) == KEEP_DATABASES
    assert not list(cache.glob("served-*"))  # its lock and readers files went with it


def test_the_explorer_copies_when_its_database_file_was_removed_by_hand(tmp_path, monkeypatch):
    from dashboard.explorer import Sandbox

    monkeypatch.setenv("HEMBESOK_CACHE", str(tmp_path / "cache"))
    db = Database.open(write_export(tmp_path / "e", fixture_small.tables()))
    db.file.unlink()
    box = Sandbox(db)
    assert not box.attached
    assert box.run("SELECT count(*) AS n FROM visits").table.to_pylist() == [
        {"n": visits(db)}]


def test_an_export_folder_gone_for_a_moment_keeps_the_one_served(tmp_path):
    import shutil
    write_export(tmp_path / "a", fixture_small.tables(), extracted_at="2024-06-30")
    exports = Exports(str(tmp_path))
    served, _, _ = exports.current()
    shutil.move(tmp_path / "a", tmp_path.parent / f"{tmp_path.name}-moved")
    again, incoming, refused = exports.current()
    assert again is served and incoming is None
    assert "ingen export" in refused.message("sv")
    assert visits(again) == visits(served)


def test_nothing_reads_the_export_files_once_validated(tmp_path):
    """The kept database holds the valid ratings itself: moving the export away, or
    rewriting its files with rows never checked, changes nothing the app or the explorer
    reads from it."""
    import shutil

    import pyarrow.parquet as pq
    from dashboard.explorer import Sandbox

    folder = write_export(tmp_path / "e", fixture_small.tables())
    db = Database.open(folder)
    before = db.con.execute("SELECT count(*), sum(score) FROM ratings").fetchone()
    bad = pq.read_table(folder / "ratings.parquet").to_pylist()
    for row in bad:
        row["score"] = 99
    pq.write_table(pq.read_table(folder / "ratings.parquet").from_pylist(bad),
                   folder / "ratings.parquet")
    assert db.con.execute("SELECT count(*), sum(score) FROM ratings").fetchone() == before
    shutil.move(folder, tmp_path / "moved")
    box = Sandbox(db)
    assert list(box.run("SELECT count(*) AS n, sum(score) AS s FROM ratings").table.to_pylist()[0]
                .values()) \
        == list(before)
    assert not db.con.execute("SELECT count(*) FROM duckdb_views() WHERE NOT internal "
                              "AND view_name LIKE '%src%'").fetchone()[0]


def test_a_failed_background_validation_is_reported_once(tmp_path, monkeypatch):
    write_export(tmp_path / "a", fixture_small.tables(), extracted_at="2024-06-30")
    exports = Exports(str(tmp_path))
    old, _, _ = exports.current()
    write_export(tmp_path / "b", fixture_small.tables(), extracted_at="2024-07-31")
    attempts = []

    def out_of_memory(path, threshold=None, progress=None):
        attempts.append(path)
        raise MemoryError

    monkeypatch.setattr(Database, "open", out_of_memory)
    for _ in range(5):
        exports.current()
        settle(exports)
    served, incoming, refused = exports.current()
    assert served is old and incoming is None and len(attempts) == 1
    assert "MemoryError" in refused.message("sv")


def test_without_a_writable_cache_it_validates_in_memory(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("HEMBESOK_CACHE", str(blocked))
    db = Database.open(write_export(tmp_path / "e", fixture_small.tables()))
    assert visits(db) == 14


def test_the_reference_date_names_the_database(tmp_path):
    import dataclasses
    import datetime as dt
    export = open_export(write_export(tmp_path / "e", fixture_small.tables(), extracted_at=None))
    later = dataclasses.replace(export, reference_date=export.reference_date + dt.timedelta(1))
    assert database_file(later) != database_file(export)


def test_a_refused_export_holds_no_readers_lock(tmp_path, monkeypatch):
    """Validation that refuses an export leaves its database free to be pruned at once.
    The second review: the shared lock stayed with the refusal's traceback, and Exports
    keeps refusals (it reports them at every rerun), so it stayed for good."""
    import fcntl

    import pytest

    from dashboard.errors import ExportError

    import dashboard.db

    def refuse(export, con=None, threshold=None, progress=None):
        raise ExportError("personal_number", table="visits", column="notes", count=1,
                          row=1, file="visits.parquet")

    monkeypatch.setenv("HEMBESOK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(dashboard.db, "build", refuse)  # refused while validating
    folder = write_export(tmp_path / "e", fixture_small.tables())
    with pytest.raises(ExportError) as refused:  # kept, as Exports keeps a refusal
        Database.open(folder)
    assert refused.value.__traceback__ is not None
    readers = database_file(open_export(folder)).with_suffix(".readers")
    with open(readers, "a") as free:
        fcntl.flock(free, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if still held
