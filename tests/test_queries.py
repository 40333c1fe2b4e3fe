"""Every named query is used by a test, and takes only bound parameters."""
from __future__ import annotations

import re

from conftest import ROOT
from dashboard.db import PARAMETER, ROW_LEVEL_QUERIES, query_names, query_text
from dashboard.filters import OPTIONS

ALLOWED_PARAMETERS = {"date_from", "date_to", "districts", "bvcs", "programmes", "as_of",
                      "scope_bvcs", *OPTIONS}


def test_every_query_file_is_used_by_a_test():
    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py")
                    if p.name != "test_queries.py")
    tests += (ROOT / "dashboard" / "indicators.py").read_text(encoding="utf-8")
    orphans = [name for name in query_names() if f'"{name}"' not in tests]
    assert orphans == []


def test_queries_have_a_grain_comment_and_only_known_parameters():
    for name in query_names():
        sql = query_text(name)
        assert sql.startswith("-- grain:"), name
        assert set(PARAMETER.findall(sql)) <= ALLOWED_PARAMETERS, name
        assert not re.search(r"\{[a-z_]*\}|%s|%\(", sql), name  # no string formatting


def test_unknown_query_name_is_refused():
    import pytest
    with pytest.raises(KeyError):
        query_text("../README")


def test_row_level_queries_take_the_scope_and_only_they_do():
    takes_scope = {name for name in query_names() if "$scope_bvcs" in query_text(name)}
    assert takes_scope == ROW_LEVEL_QUERIES
