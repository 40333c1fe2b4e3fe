"""The audit log: whole JSON lines appended, never rewritten; the app records a row-level
view once per selection and every explorer query."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from dashboard import audit
from dashboard.filters import Filters


def test_entries_are_appended_and_read_newest_first(tmp_path):
    path = tmp_path / "logs" / "audit.jsonl"
    audit.record("anna@region.se", "view", "due_list",
                 Filters(dt.date(2024, 1, 1), None, ("Norr",)), 3, path=path)
    audit.record("rita@uni.se", "query", "SELECT 1", Filters(), 1, path=path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert (first["user"], first["action"], first["what"], first["rows"]) == (
        "anna@region.se", "view", "due_list", 3)
    assert first["filters"] == {"date_from": "2024-01-01", "districts": ["Norr"]}
    assert dt.datetime.fromisoformat(first["at"]).tzinfo is not None
    frame = audit.read(path)
    assert frame.user.tolist() == ["rita@uni.se", "anna@region.se"]
    with pytest.raises(ValueError):
        audit.record("x", "delete", "everything", path=path)


def entries(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def app_with_log(export, tmp_path, monkeypatch, access: str, **params):
    """The app over `export` with the settings' `[access]` lines, logging to a fresh file;
    run once with `params` in the URL."""
    log, settings = tmp_path / "audit.jsonl", tmp_path / "settings.toml"
    settings.write_text(f"[access]\n{access}\n", encoding="utf-8")
    monkeypatch.setenv("HEMBESOK_AUDIT", str(log))
    monkeypatch.setenv("HEMBESOK_DATA", str(export))
    monkeypatch.setenv("HEMBESOK_SETTINGS", str(settings))
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at, log


def test_the_app_records_views_and_queries(small_export, tmp_path, monkeypatch):
    at, log = app_with_log(small_export, tmp_path, monkeypatch,
                           "row_level = true\nresearcher = true", view="due")
    at.switch_page("../pages/progression.py").run()
    at.run()  # a rerun of the same view is not a new entry
    views = [e for e in entries(log) if e["action"] == "view"]
    # 3 due, 1 upcoming, 1 missed (tests/test_pages.py::test_due_list_for_a_coordinator)
    assert [(e["what"], e["rows"]) for e in views] == [("due_list", 5)]
    assert views[0]["families"] == ["F3", "F4", "F5", "F7", "F8"]
    at.switch_page("../pages/explorer.py").run()
    at.text_area(key="explorer_sql").set_value("SELECT family_id FROM families")
    at.button[0].click()
    at.run()
    queries = [e for e in entries(log) if e["action"] == "query"]
    assert queries[-1]["what"] == "SELECT family_id FROM families"
    assert queries[-1]["rows"] == 8


def test_an_explorer_query_names_the_families_it_returned(small_export, tmp_path, monkeypatch):
    at, log = app_with_log(small_export, tmp_path, monkeypatch, "researcher = true",
                           sql="SELECT family_id FROM families WHERE bvc_id = 'B3'")
    at.switch_page("../pages/explorer.py").run()
    query = [e for e in entries(log) if e["action"] == "query"][-1]
    assert (query["rows"], query["families"]) == (2, ["F5", "F6"])
