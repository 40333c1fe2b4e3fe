"""Who sees what: the access file, the reader a request names, and what each role reads
through the query layer (a coordinator only their units' rows, whatever the URL says)."""
from __future__ import annotations

import pytest

from dashboard.access import AccessFileError, load_access, reader_for
from dashboard.context import Context
from dashboard.filters import EVERY_UNIT, NO_UNIT, Filters, Scope
from dashboard.settings import Settings

ACCESS = """
[identity]
source = "headers"
contact = "FCA-samordnaren i regionen"

[users."Anna@Region.se"]
role = "coordinator"
districts = ["Norr"]

[users."rolf@region.se"]
role = "coordinator"
bvcs = ["B3"]
explorer = true

[users."rita@uni.se"]
role = "researcher"

[users."adam@region.se"]
role = "admin"

[groups.styrgrupp]
role = "steering"
"""


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "access.toml"
    path.write_text(ACCESS, encoding="utf-8")
    return load_access(path)


def test_the_file_maps_users_and_groups_to_roles(config):
    assert config.contact == "FCA-samordnaren i regionen"
    anna = reader_for(config, {"email": "anna@region.se"})  # names compare without case
    assert anna.roles == {"coordinator"} and anna.listed
    board = reader_for(config, {"email": "sara@region.se", "groups": "alla, styrgrupp"})
    assert board.roles == {"steering"}
    stranger = reader_for(config, {"email": "eve@example.com", "groups": "alla"})
    assert stranger.user == "eve@example.com" and not stranger.listed
    assert reader_for(config, {}).user is None


@pytest.mark.parametrize("text, message", [
    ('[users."x@y.se"]\nrole = "boss"\n', "not one of"),
    ('[users."x@y.se"]\nrole = "coordinator"\n', "needs districts or bvcs"),
    ('[identity]\nsource = "cookie"\n', "identity.source"),
    ('[users\n', "access.toml"),
])
def test_a_broken_file_is_refused_not_guessed(tmp_path, text, message):
    path = tmp_path / "access.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AccessFileError, match=message):
        load_access(path)


def test_a_named_file_that_is_missing_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("HEMBESOK_ACCESS", str(tmp_path / "nowhere.toml"))
    with pytest.raises(AccessFileError, match="does not exist"):
        load_access()


def context_for(db, config, email, **filters) -> Context:
    return Context(db, Filters(**filters), "sv", Settings(),
                   reader_for(config, {"email": email}))


def test_each_role_reads_what_it_may(small_db, config):
    anna = context_for(small_db, config, "anna@region.se")
    assert (anna.row_level, anna.researcher, anna.admin) == (True, False, False)
    assert anna.scope == Scope(("B1", "B2"))  # the district Norr, resolved to its BVCs
    assert set(anna.query("due_list").bvc_id) <= {"B1", "B2"}
    assert not anna.query("due_list").empty
    assert not anna.explorer
    rolf = context_for(small_db, config, "rolf@region.se")
    assert rolf.scope == Scope(("B3",)) and rolf.explorer and not rolf.researcher
    rita = context_for(small_db, config, "rita@uni.se")
    assert (rita.row_level, rita.researcher, rita.scope) == (True, True, EVERY_UNIT)
    assert rita.explorer
    adam = context_for(small_db, config, "adam@region.se")
    assert (adam.row_level, adam.admin, adam.scope) == (False, True, NO_UNIT)
    assert adam.query("due_list").empty
    board = Context(small_db, Filters(), "sv", Settings(),
                    reader_for(config, {"email": "s@region.se", "groups": "styrgrupp"}))
    assert (board.row_level, board.researcher, board.scope) == (False, False, NO_UNIT)
    assert board.query("visit_counts").visits.iloc[0] == 14  # aggregates for all units


def test_a_coordinator_tampering_with_the_url_sees_nothing_of_it(small_db, config):
    anna = context_for(small_db, config, "anna@region.se", bvcs=("B3",), districts=("Söder",))
    assert anna.query("due_list").empty
    assert anna.query("flagged_visits").empty
    assert anna.query("visit_counts").visits.iloc[0] == 2  # B3's aggregate: allowed


def test_without_an_access_file_the_sample_is_a_demo(small_db, monkeypatch):
    monkeypatch.delenv("HEMBESOK_ACCESS", raising=False)
    context = Context(small_db, Filters(), "sv", Settings())
    assert context.reader is None and not context.demo  # a real export: the settings decide
    assert (context.row_level, context.scope) == (False, NO_UNIT)


def run_app(monkeypatch, **env):
    from streamlit.testing.v1 import AppTest

    from conftest import ROOT
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def test_the_bundled_sample_without_an_access_file_says_demo(monkeypatch):
    monkeypatch.delenv("HEMBESOK_DATA", raising=False)
    monkeypatch.delenv("HEMBESOK_ACCESS", raising=False)
    at = run_app(monkeypatch)
    assert at.info[0].value.startswith("**Demoläge:**")


def test_with_streamlit_sign_in_nobody_sees_data_before_signing_in(small_export, tmp_path,
                                                                    monkeypatch):
    access = tmp_path / "access.toml"
    access.write_text('[identity]\nsource = "oidc"\n[users."x@y.se"]\nrole = "steering"\n',
                      encoding="utf-8")
    at = run_app(monkeypatch, HEMBESOK_DATA=str(small_export), HEMBESOK_ACCESS=str(access))
    assert [b.label for b in at.button] == ["Logga in"]
    assert not at.metric and not at.dataframe


def test_a_broken_access_file_stops_the_app(small_export, tmp_path, monkeypatch):
    access = tmp_path / "access.toml"
    access.write_text('[users."x@y.se"]\nrole = "boss"\n', encoding="utf-8")
    at = run_app(monkeypatch, HEMBESOK_DATA=str(small_export), HEMBESOK_ACCESS=str(access))
    assert "Behörighetsfilen kan inte läsas" in at.error[0].value
    assert not at.metric and not at.dataframe
