"""Row-level data is scoped where it is read: a row-level query never runs without a
scope, a reader scoped to some units gets only their rows whatever the filters say, and the
aggregates beside them stay whole."""
from __future__ import annotations

import pytest

import fixture_quality
from dashboard.context import Context
from dashboard.db import ROW_LEVEL_QUERIES, Database
from dashboard.filters import EVERY_UNIT, NO_UNIT, Filters, Scope
from dashboard.settings import Settings
from exports import write_export

B1 = Scope(("B1",))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return Database.open(write_export(tmp_path_factory.mktemp("scoped"), fixture_quality.tables()))


@pytest.mark.parametrize("name", sorted(ROW_LEVEL_QUERIES))
def test_a_row_level_query_without_a_scope_is_refused(db, name):
    options = {"table": "visits"} if name == "quarantined_rows" else {}
    with pytest.raises(PermissionError):
        db.query(name, **options)


def test_a_scoped_reader_sees_only_their_units_whatever_the_filters(db):
    assert set(db.query("due_list", scope=B1).bvc_id) == {"B1"}
    # a crafted URL asking for another district's BVC does not widen the scope
    assert db.query("due_list", Filters(bvcs=("B3",)), scope=B1).empty
    assert set(db.query("flagged_visits", scope=B1).visit_id) == {"V25", "V27"}
    assert set(db.query("quarantined_rows", scope=B1, table="visits").visit_id) == {"V29"}
    assert db.query("quarantined_rows", scope=B1, table="families").empty  # F10 is B2's
    assert db.query("quarantined_rows", scope=B1, table="ratings").empty  # no BVC column
    assert db.query("quarantine_rows", scope=B1).empty  # not tied to a unit
    assert len(db.query("quarantine_rows", scope=EVERY_UNIT)) == 4
    for name in ("due_list", "flagged_visits", "due_counts"):
        assert db.query(name, scope=NO_UNIT).empty


def test_due_counts_are_the_due_list_counted_within_the_scope(db):
    for scope in (B1, EVERY_UNIT):
        listed = db.query("due_list", scope=scope).status.value_counts().sort_index()
        counts = db.query("due_counts", scope=scope).set_index("status").families
        assert counts.to_dict() == listed.to_dict() and counts.sum() > 0


def test_the_aggregates_stay_whole_for_a_scoped_reader(db):
    counts = db.query("flag_counts_by_bvc")
    assert set(counts.bvc_id) == {"B1", "B2", "B3"}  # every unit, to compare
    assert counts[counts.check_name == "any"].set_index("bvc_id").visits.to_dict() == {
        "B1": 2, "B2": 2, "B3": 3}  # V25 fails two checks and counts once


def test_a_page_context_without_row_level_access_reads_no_rows(db):
    closed = Context(db, Filters(), "sv", Settings(row_level=False))
    assert closed.scope == NO_UNIT
    assert closed.query("due_list").empty and closed.query("flagged_visits").empty
    assert not closed.query("visit_counts").empty  # aggregates need no scope
    opened = Context(db, Filters(), "sv", Settings(row_level=True))
    assert len(opened.query("flagged_visits")) == 8
