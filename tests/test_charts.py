"""Charts as Vega-Lite specs: what a reader must be able to see without colour."""
import json

import pandas as pd

from dashboard import charts


def _trend(series: bool) -> dict:
    periods = pd.to_datetime(["2025-01-01", "2025-04-01", "2025-07-01"])
    frame = pd.DataFrame({"period": list(periods) * 2, "value": [10, 12, 5, 8, 9, 3],
                          "series": ["A"] * 3 + ["B"] * 3,
                          "partial": [True, False, True] * 2, "period_label": ["x"] * 6})
    if not series:
        frame = frame[frame.series == "A"]
    chart = charts.trend(frame, value_title="Besök", is_share=False, interval="quarter",
                         lang="sv", title="t", description="d",
                         series="series" if series else None)
    return charts.as_json(chart)


def _layers(spec: dict):
    for layer in spec.get("layer", []):
        yield layer
        yield from _layers(layer)


def _points(spec: dict) -> dict:
    return next(layer for layer in _layers(spec)
                if "mark" in layer and layer["mark"]["type"] == "point")


def test_a_part_periods_point_is_hollow_with_an_outline():
    """fillOpacity 0 for a period the selection holds in part; the outline stays, in the
    series' colour (the user test found such points drawn with nothing at all)."""
    for series in (True, False):
        points = _points(_trend(series))
        assert points["encoding"]["fillOpacity"]["field"] == "partial"
        assert points["encoding"]["fillOpacity"]["scale"]["range"] == [1, 0]
        outline = points["encoding"].get("stroke") or points["mark"].get("stroke")
        assert outline, series
        if series:
            assert outline["field"] == "series" and outline["legend"] is None


def test_a_hidden_bar_shows_its_text_at_zero_and_counts_have_whole_ticks():
    """The user test read hidden visit numbers as missing bars, and a small count's axis
    as "0 1 1 2 2 3"."""
    import numpy as np

    frame = pd.DataFrame({"category": ["1", "2", "3"], "value": [7, np.nan, 5],
                          "value_text": ["7", "<5", "5"]})
    spec = charts.as_json(charts.bars(frame, category="category", value_title="Besök",
                                      is_share=False, lang="sv", title="t", description="d"))
    bar, text = spec["layer"]
    assert text["encoding"]["x"]["field"] == "text_at"
    rows = spec["datasets"][spec["data"]["name"]]
    assert [(r["value_text"], r["text_at"]) for r in rows] == [("7", 7), ("<5", 0), ("5", 5)]
    assert bar["mark"]["type"] == "bar" and spec["encoding"]["x"]["axis"]["tickMinStep"] == 1


def test_every_chart_the_pages_draw_is_a_valid_vega_lite_spec(small_export, monkeypatch):
    """The charts are written as Vega-Lite dicts (no schema check at a rerun); here every
    chart of every page, default and filtered, is checked against Vega-Lite's schema, as
    JSON (the rows of its datasets included), and the schema refuses a broken one."""
    import pytest
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema import load_schema
    from jsonschema.exceptions import ValidationError
    from streamlit.testing.v1 import AppTest

    from conftest import ROOT
    from dashboard.app_pages import PAGES
    drawn = []
    original = charts._with_config

    def record(*args, **kwargs):
        drawn.append(original(*args, **kwargs))
        return drawn[-1]
    monkeypatch.setattr(charts, "_with_config", record)
    monkeypatch.setenv("HEMBESOK_DATA", str(small_export))
    for page in [p.file for p in PAGES if p.needs is None]:
        for params in ({}, {"period": "all", "district": "Norr"}):
            at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
            for key, value in params.items():
                at.query_params[key] = value
            at.run()
            at.switch_page("../" + page)
            at.run()
            assert not at.exception
    assert len(drawn) > 20
    schema = load_schema()
    kinds = set()
    for chart in drawn:
        spec = json.loads(json.dumps(charts.as_json(chart)))
        validate_jsonschema(spec, schema)  # raises on a spec the schema refuses
        kinds.add("facet" if "facet" in spec else "layer")
    assert kinds == {"facet", "layer"}
    broken = charts.as_json(drawn[0])
    broken["layer"] = [{"mark": {"type": "pie-ish"}}]
    with pytest.raises(ValidationError):
        validate_jsonschema(json.loads(json.dumps(broken)), schema)


def test_many_series_are_grey_lines_named_by_their_tooltip():
    """A line per district of the country (288): more than the palette's colours, so the
    lines are grey and a subtitle says how to tell them apart; no line is dropped."""
    periods = pd.to_datetime(["2025-01-01", "2025-04-01"])
    names = [f"Kommun {i:03d}" for i in range(len(charts.PALETTE) + 1)]
    frame = pd.DataFrame({"period": list(periods) * len(names),
                          "value": range(2 * len(names)), "period_label": "x",
                          "district": [n for n in names for _ in periods]})
    spec = charts.as_json(charts.trend(frame, value_title="Besök", is_share=False,
                                       interval="quarter", lang="sv", title="t",
                                       description="d", series="district"))
    assert len(spec["datasets"]["drawn"]) == 2 * len(names)
    marks = [layer["mark"] for layer in _layers(spec) if "mark" in layer]
    assert {m["color"] for m in marks} == {charts.TARGET_COLOUR}
    assert not any("color" in layer.get("encoding", {}) for layer in _layers(spec))
    assert spec["title"]["subtitle"][0].startswith(f"{len(names)} linjer")
    assert any(tip["field"] == "district" for tip in spec["layer"][0]["encoding"]["tooltip"])


def test_unit_dots_draw_the_lowest_forty_and_say_so():
    frame = pd.DataFrame({"unit": [f"BVC {i}" for i in range(50)],
                          "value": [i / 50 for i in range(50)],
                          "value_text": [f"{2 * i} %" for i in range(50)], "detail": "n / N"})
    spec = charts.as_json(charts.unit_dots(
        frame, value_title="v", lang="sv", title="t", description="d", target=0.5,
        target_label="Mål", below_label="under", met_label="nått"))
    assert [row["unit"] for row in spec["datasets"]["drawn"]] == list(frame.unit[:40])
    assert spec["title"]["subtitle"] == ["Mål 50\u00a0%", "De 40 med lägst andel av 50; "
                                         "tabellen har alla."]
