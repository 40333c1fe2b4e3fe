"""A new export arriving while the app serves the old one (data contract, section 1: a
folder of exports, each published by writing its manifest last): the old one is served
until the new one is validated, then the switch is whole; a half-written export is never
read; a broken one leaves the old one in place with its message. Real exports, real
DuckDB, the real background thread."""
from __future__ import annotations

import copy
import time

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
