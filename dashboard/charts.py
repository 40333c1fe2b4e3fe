"""Charts: plain functions from a prepared DataFrame to a Vega-Lite spec, never querying.
Numbers and months follow the language (Babel's symbols in Vega's locale: "96 %", "mars");
series differ in colour *and* dash and point shape, values are written beside bars and dots,
and every chart carries a title and a description for screen readers.

A spec is a plain dict whose `datasets` hold the DataFrames it draws (Streamlit sends them
to the browser as Arrow; `as_json` gives them as rows for the PDF and the tests). Written
as dicts rather than with Altair's classes: Altair copies and checks its objects at every
step, 0.3–0.4 s of a page's run at national scale (a line per district), while the specs
are the project's own; tests/test_charts.py checks every chart the pages draw against
Vega-Lite's schema."""
from __future__ import annotations

import copy
import json
from functools import lru_cache

import pandas as pd
from babel.dates import get_day_names, get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from dashboard.i18n import t
from dashboard.numbers import LOCALES, integer, percent

SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down",
          "triangle-right", "triangle-left"]
DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3], [10, 2], [3, 6]]
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
           "#8C564B", "#7F7F7F", "#B8860B"]  # Okabe–Ito, then darker extras
TARGET_COLOUR = "#444444"
HEAT_COLOURS = ["#fff5eb", "#fee6ce", "#fdd0a2", "#fdae6b", "#f16913", "#a63603"]  # ColorBrewer
HIDDEN_COLOUR = "#d0d0d0"
BELOW_TARGET = "#b3261e"
MET_TARGET = "#1f5f8b"
TICKS = {"month": {"interval": "month", "step": 1}, "quarter": {"interval": "month", "step": 3},
         "half_year": {"interval": "month", "step": 6}, "year": {"interval": "year", "step": 1}}
TIME_FORMATS = {"month": "%b %Y", "quarter": {"sv": "K%q %Y", "en": "Q%q %Y"},
                "half_year": "%Y", "year": "%Y"}


@lru_cache(maxsize=None)
def vega_locale(lang: str) -> dict:
    """Vega's number and time locale from Babel's data for the language."""
    code = LOCALES[lang]
    weekdays = get_day_names("wide", locale=code)
    short_days = get_day_names("abbreviated", locale=code)
    order = [6, 0, 1, 2, 3, 4, 5]  # Babel counts from Monday, Vega from Sunday
    return {
        "number": {"decimal": get_decimal_symbol(code), "thousands": get_group_symbol(code),
                   "grouping": [3], "currency": ["", ""],
                   "percent": "\u00a0%" if lang == "sv" else "%"},
        "time": {"dateTime": "%Y-%m-%d %H:%M", "date": "%Y-%m-%d", "time": "%H:%M:%S",
                 "periods": ["", ""],
                 "days": [weekdays[i] for i in order],
                 "shortDays": [short_days[i] for i in order],
                 "months": list(get_month_names("wide", context="stand-alone",
                                                locale=code).values()),
                 "shortMonths": list(get_month_names("abbreviated", context="stand-alone",
                                                     locale=code).values())},
    }


def time_format(interval: str, lang: str) -> str:
    fmt = TIME_FORMATS[interval]
    return fmt[lang] if isinstance(fmt, dict) else fmt



SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"


def _field(name: str, kind: str, **more) -> dict:
    """An encoding channel on a field ("quantitative", "nominal", "ordinal", "temporal")."""
    return {"field": name, "type": kind, **more}


def _scale_range(values: list, order: list[str]) -> list:
    """`values` repeated to the length of `order` (a colour, dash or shape per series)."""
    return (values * (len(order) // len(values) + 1))[:len(order)] if order else values


def _with_config(spec: dict, title: str, description: str, lang: str,
                 subtitle: str | list[str] = "", font_size: int = 12) -> dict:
    """Title, text alternative and the language's number and date formats."""
    heading = {"text": title, "anchor": "start"}
    if subtitle:
        heading["subtitle"] = subtitle
    return {"$schema": SCHEMA, **spec, "title": heading, "description": description,
            "config": {"locale": vega_locale(lang),
                       "axis": {"labelFontSize": font_size, "titleFontSize": font_size},
                       "legend": {"labelFontSize": font_size, "titleFontSize": font_size,
                                  "orient": "bottom", "symbolStrokeWidth": 2,
                                  "labelLimit": 280, "columns": 3}}}


def enlarged(spec: dict, font_size: int) -> dict:
    """The chart without its title, its axes' and legend's labels at `font_size` (a slide
    read from the back of the room)."""
    config = copy.deepcopy(spec["config"])
    config["axis"].update(labelFontSize=font_size, titleFontSize=font_size)
    config["legend"].update(labelFontSize=font_size)
    return {**spec, "title": "", "config": config}


def as_json(spec: dict) -> dict:
    """The spec with its datasets as rows (dates in ISO form), as Vega-Lite reads it outside
    Streamlit (the PDF's drawing, the tests)."""
    datasets = {name: json.loads(frame.to_json(orient="records", date_format="iso"))
                if isinstance(frame, pd.DataFrame) else frame
                for name, frame in spec.get("datasets", {}).items()}
    return {**spec, "datasets": datasets}


def _drawn(frame: pd.DataFrame, *columns: str | None, tooltip: list | None = None) -> pd.DataFrame:
    """Only the columns a chart draws. Streamlit sends a chart's whole frame to the browser,
    where its developer tools show every column: a hidden cell's raw n, N or mean would be
    read there without arithmetic (audit; contract, section 6)."""
    fields = [c for c in columns if c] + [tip["field"] for tip in tooltip or []]
    # without its index, which Streamlit would send as a column of its own, and a text
    # that repeats (a district's name in each of its periods) sent once, as a dictionary
    drawn = frame[[c for c in dict.fromkeys(fields) if c in frame.columns]].reset_index(
        drop=True)
    for column in drawn.columns:
        if (pd.api.types.is_string_dtype(drawn[column]) and not
                isinstance(drawn[column].dtype, pd.CategoricalDtype)):
            as_dictionary = drawn[column].astype("category")  # its texts counted once
            if len(as_dictionary.cat.categories) * 2 < len(drawn):
                drawn[column] = as_dictionary
    return drawn


def _series_encodings(series: str, title: str, order: list[str]) -> dict:
    colours = _scale_range(PALETTE, order)
    return {"color": _field(series, "nominal", title=title, sort=order,
                            scale={"domain": order, "range": colours}),
            "strokeDash": _field(series, "nominal", title=title, sort=order,
                                 scale={"domain": order, "range": _scale_range(DASHES, order)}),
            "shape": _field(series, "nominal", title=title, sort=order,
                            scale={"domain": order, "range": _scale_range(SHAPES, order)}),
            # the points' outline, in the series' colour: what is left of a hollow point
            "stroke": _field(series, "nominal", sort=order, legend=None,
                             scale={"domain": order, "range": colours})}


def _lines_with_points(encodings: dict, point_size: int, **point_encodings) -> list[dict]:
    """Lines that differ by dash, points that differ by shape, both by colour. A point is
    filled and outlined in its colour, so that one drawn hollow (fillOpacity 0: a period
    the selection holds in part) keeps its outline (the user test found them invisible)."""
    single = {} if encodings else {"color": PALETTE[0]}
    lines = {"mark": {"type": "line", "strokeWidth": 2, **single},
             "encoding": {k: v for k, v in encodings.items() if k not in ("shape", "stroke")}}
    points = {"mark": {"type": "point", "size": point_size, "filled": True, "strokeWidth": 1.5,
                       **single, **({"stroke": PALETTE[0]} if single else {})},
              "encoding": {**point_encodings,
                           **{k: v for k, v in encodings.items() if k != "strokeDash"}}}
    return [lines, points]


def _grey_lines(encodings: dict, **point_encodings) -> list[dict]:
    """Thin grey lines with small points, one per series (`encodings`: its `detail`)."""
    return [{"mark": {"type": "line", "strokeWidth": 1, "color": TARGET_COLOUR,
                      "opacity": 0.5}, "encoding": encodings},
            {"mark": {"type": "point", "size": 12, "filled": True, "color": TARGET_COLOUR,
                      "opacity": 0.6}, "encoding": {**point_encodings, **encodings}}]


def _legend_height(height: int, series_count: int) -> int:
    """Streamlit fits the whole chart, legend included, into its height: the plot keeps
    `height` and each legend row (three entries) adds to it."""
    return height + 22 * -(-series_count // 3)


def _target_layers() -> list[dict]:
    """A dashed rule at the target with its label, over the `target` dataset."""
    data = {"name": "target"}
    return [{"data": data, "mark": {"type": "rule", "color": TARGET_COLOUR,
                                    "strokeDash": [4, 4], "strokeWidth": 1.5},
             "encoding": {"y": _field("target", "quantitative")}},
            {"data": data, "mark": {"type": "text", "align": "left", "dx": 4, "dy": -7,
                                    "color": TARGET_COLOUR, "fontSize": 12},
             "encoding": {"y": _field("target", "quantitative"), "x": {"value": 0},
                          "text": _field("text", "nominal")}}]


def _target_data(target: float, lang: str, label: str) -> dict:
    return {"target": pd.DataFrame({"target": [target],
                                    "text": [f"{label} {percent(target, lang)}"]})}


def trend(frame: pd.DataFrame, *, value_title: str, is_share: bool, interval: str, lang: str,
          title: str, description: str, series: str | None = None, series_title: str = "",
          target: float | None = None, target_label: str = "", tooltip: list | None = None,
          height: int = 320, scale_max: int | None = None) -> dict:
    """Values over time (`period`, `value`, optional `series`): lines with points; a hidden
    value is a gap. Series differ in colour, dash and point shape. Shares run 0–100 %,
    means of a rating scale 1–`scale_max`, counts from 0. `tooltip`: encoding channels
    (dicts with `field`) in place of the period, series and value."""
    order = list(dict.fromkeys(frame[series])) if series else []
    # more series than colours (a line per district of the country): grey lines named by
    # their tooltip, no legend; a colour, dash and shape per series would repeat, and their
    # scales listed every name four times (105 KB of Besök's chart)
    many = len(order) > len(PALETTE)
    encodings = ({"detail": _field(series, "nominal")} if many else
                 _series_encodings(series, series_title, order) if series else {})
    value_format = ".0%" if is_share else ".1f" if scale_max else ",d"
    y_scale = ({"domain": [0, 1]} if is_share else
               {"domain": [1, scale_max]} if scale_max else {"zero": True})
    data = _drawn(frame, "period", "value", "period_label", series, "partial", tooltip=tooltip)
    base = {
        "x": _field("period", "temporal", title=None, axis={
            "format": time_format(interval, lang), "tickCount": TICKS[interval],
            "labelAngle": 0, "labelOverlap": True}),
        "y": _field("value", "quantitative", title=value_title, scale=y_scale,
                    axis={"format": value_format, "tickCount": 5}),
        "tooltip": tooltip or [_field("period_label", "nominal", title=""),
                               *([_field(series, "nominal", title=series_title)]
                                 if series else []),
                               _field("value", "quantitative", title=value_title,
                                      format=value_format)],
    }
    # a period the selection holds only in part is a hollow point
    partial = ({"fillOpacity": _field("partial", "nominal", legend=None,
                                      scale={"domain": [False, True], "range": [1, 0]})}
               if "partial" in frame else {})
    drawn = {"data": {"name": "drawn"}, "encoding": base,
             "layer": _grey_lines(encodings, **partial) if many
             else _lines_with_points(encodings, 50, **partial)}
    targets = _target_layers() if is_share and target is not None else []
    datasets = {"drawn": data, **(_target_data(target, lang, target_label) if targets else {})}
    spec = {"datasets": datasets, "layer": [drawn, *targets],
            "height": height if many else _legend_height(height, len(order)),
            "width": "container"}
    subtitle = (t("many_series", lang, count=len(order), most=len(PALETTE)).split("\n")
                if many else "")
    return _with_config(spec, title, description, lang, subtitle)


def unit_dots(frame: pd.DataFrame, *, value_title: str, lang: str, title: str,
              description: str, target: float | None, target_label: str,
              below_label: str, met_label: str, height_per_unit: int = 26,
              font_size: int = 12, most: int = 40) -> dict:
    """One share per unit (`unit`, `value`, `value_text`), sorted; units under the target
    are red triangles and say so in their label, so the lagging one stands out in any
    print."""
    status_order = [met_label, below_label]
    # the `most` first (the caller sorts the lowest share first): a dot per BVC of the
    # country was a chart 30 000 pixels tall
    data = _drawn(frame.head(most), "unit", "value", "value_text", "detail")
    # each unit's status and label worked out in the browser (a hidden value is no miss):
    # two columns fewer sent for a thousand BVCs
    below = (f"isValid(datum.value) && datum.value < {float(target)!r}" if target is not None
             else "false")
    status = [{"calculate": f"{below} ? {json.dumps(below_label)} : {json.dumps(met_label)}",
               "as": "status"},
              {"calculate": f"datum.status === {json.dumps(below_label)} ? "
                            f"datum.value_text + '  ✗' : datum.value_text", "as": "label"}]
    base = {
        # the rows' own order (sorted by the caller), not a list of every unit's name
        "y": _field("unit", "nominal", sort=None, title=None, axis={"labelLimit": 260}),
        "x": _field("value", "quantitative", title=value_title, scale={"domain": [0, 1]},
                    axis={"format": ".0%", "values": [i / 10 for i in range(11)]}),
        "tooltip": [_field("unit", "nominal", title=""),
                    _field("value_text", "nominal", title=value_title),
                    _field("detail", "nominal", title="n / N")]}
    dots = {"mark": {"type": "point", "size": 10 * font_size, "filled": True}, "encoding": {
        "color": _field("status", "nominal", title="", sort=status_order,
                        scale={"domain": status_order, "range": [MET_TARGET, BELOW_TARGET]}),
        "shape": _field("status", "nominal", title="", sort=status_order,
                        scale={"domain": status_order, "range": ["circle", "triangle-down"]})}}
    labels = {"mark": {"type": "text", "align": "left", "dx": 10, "fontSize": font_size},
              "encoding": {"text": _field("label", "nominal")}}
    layers = [{"data": {"name": "drawn"}, "transform": status, "encoding": base,
               "layer": [dots, labels]}]
    datasets = {"drawn": data}
    if target is not None:
        datasets["target"] = pd.DataFrame({"target": [target]})
        layers.insert(0, {"data": {"name": "target"},
                          "mark": {"type": "rule", "color": TARGET_COLOUR, "strokeDash": [4, 4]},
                          "encoding": {"x": _field("target", "quantitative")}})
    subtitle = [f"{target_label} {percent(target, lang)}"] if target is not None else []
    if len(frame) > most:
        subtitle.append(t("lowest_units", lang, shown=most, total=integer(len(frame), lang)))
    # a discrete axis sized by its step: a fixed height is not kept when Streamlit fits
    # the chart to the container
    spec = {"datasets": datasets, "layer": layers, "height": {"step": height_per_unit},
            "width": "container"}
    return _with_config(spec, title, description, lang, subtitle)


def bars(frame: pd.DataFrame, *, category: str, value_title: str, is_share: bool, lang: str,
         title: str, description: str, group: str | None = None, group_title: str = "",
         sort: list[str] | None = None) -> dict:
    """Horizontal bars (`category`, `value`, `value_text`) with the value written at the end
    of each bar; with `group`, one panel per group (the panel names the group)."""
    # rows come sorted: keep that order. A hidden value has no bar; its text ("<5", "–")
    # stands at zero, so that it does not read as a bar too short to see (user test)
    data = _drawn(frame.assign(order=range(len(frame)), text_at=frame["value"].fillna(0)),
                  category, "value", "value_text", "order", "text_at", group)
    scale = {"domain": [0, 1]} if is_share else {"zero": True, "nice": True}
    # whole numbers only: a small count's axis said "0 1 1 2 2 3"
    axis = {"format": ".0%" if is_share else ",d", "tickCount": 10,
            **({} if is_share else {"tickMinStep": 1})}
    base = {"y": _field(category, "nominal", sort={"field": "order"}, title=None,
                        axis={"labelLimit": 260}),
            "x": _field("value", "quantitative", title=value_title, scale=scale, axis=axis),
            "tooltip": [_field(category, "nominal", title=""),
                        _field("value_text", "nominal", title=value_title)]}
    layers = [{"mark": {"type": "bar", "color": MET_TARGET, "height": {"band": 0.7}}},
              {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
               "encoding": {"text": _field("value_text", "nominal"),
                            "x": _field("text_at", "quantitative", title=value_title,
                                        scale=scale)}}]
    if group:
        spec = {"datasets": {"drawn": data}, "data": {"name": "drawn"},
                "facet": {"row": _field(group, "nominal", title=group_title, header={
                    "labelAngle": 0, "labelAlign": "left", "labelFontSize": 13,
                    "labelFontWeight": "bold"})},
                "spec": {"encoding": base, "layer": layers, "height": {"step": 24},
                         "width": 520},
                "resolve": {"scale": {"y": "independent"}}}
    else:
        spec = {"datasets": {"drawn": data}, "data": {"name": "drawn"}, "encoding": base,
                "layer": layers, "height": {"step": 26}, "width": "container"}
    return _with_config(spec, title, description, lang)


def funnel(frame: pd.DataFrame, *, lang: str, title: str, description: str,
           step_title: str, value_title: str, series_title: str) -> dict:
    """Retention per visit number (`step`, `value`, `series` = cohort), one line per cohort."""
    order = list(dict.fromkeys(frame["series"]))
    steps = list(dict.fromkeys(frame["step"]))
    base = {"x": _field("step", "nominal", sort=steps, title=step_title, axis={"labelAngle": 0}),
            "y": _field("value", "quantitative", title=value_title, scale={"domain": [0, 1]},
                        axis={"format": ".0%"}),
            "tooltip": [_field("series", "nominal", title=series_title),
                        _field("step", "nominal", title=""),
                        _field("value_text", "nominal", title=value_title),
                        _field("detail", "nominal", title="n / N")]}
    spec = {"datasets": {"drawn": _drawn(frame, "step", "value", "series", "value_text",
                                         "detail")},
            "data": {"name": "drawn"}, "encoding": base,
            "layer": _lines_with_points(_series_encodings("series", series_title, order), 60),
            "height": _legend_height(320, len(order)), "width": "container"}
    return _with_config(spec, title, description, lang)


def distribution(frame: pd.DataFrame, *, lang: str, title: str, description: str,
                 score_title: str, value_title: str, panel_title: str) -> dict:
    """Share of ratings per score (`score`, `value`, `value_text`), a panel per rater role."""
    base = {"x": _field("score", "ordinal", title=score_title, axis={"labelAngle": 0}),
            "y": _field("value", "quantitative", title=value_title, axis={"format": ".0%"}),
            "tooltip": [_field("panel", "nominal", title=panel_title),
                        _field("score", "ordinal", title=score_title),
                        _field("value_text", "nominal", title=value_title)]}
    layers = [{"mark": {"type": "bar", "color": MET_TARGET}},
              {"mark": {"type": "text", "dy": -7, "fontSize": 11},
               "encoding": {"text": _field("value_text", "nominal")}}]
    spec = {"datasets": {"drawn": _drawn(frame, "score", "value", "value_text", "panel")},
            "data": {"name": "drawn"},
            "facet": {"column": _field("panel", "nominal", title=None,
                                       header={"labelFontSize": 13})},
            "spec": {"encoding": base, "layer": layers, "height": 220, "width": 300}}
    return _with_config(spec, title, description, lang)


def heatmap(frame: pd.DataFrame, *, x: str, x_title: str, x_sort: list[str], lang: str,
            title: str, description: str, legend_title: str, bands: list[str]) -> dict:
    """Cells (`unit` × `x`) coloured by their `band` (in `bands` order, light to dark, the
    last one grey for hidden cells) with `value_text` written in each, so that the number,
    not only the colour, tells."""
    colours = HEAT_COLOURS[:len(bands) - 1] + [HIDDEN_COLOUR]
    base = {"x": _field(x, "nominal", sort=x_sort, title=x_title, axis={
                "labelAngle": -35, "labelLimit": 180, "labelOverlap": False, "orient": "top"}),
            "y": _field("unit", "nominal", sort=list(dict.fromkeys(frame.unit)), title=None,
                        axis={"labelLimit": 260}),
            "tooltip": [_field("unit", "nominal", title=""),
                        _field(x, "nominal", title=x_title),
                        _field("value_text", "nominal", title=legend_title),
                        _field("detail", "nominal", title="n / N")]}
    cells = {"mark": {"type": "rect", "stroke": "white", "strokeWidth": 1},
             "encoding": {"color": _field("band", "nominal", title=legend_title, sort=bands,
                                          scale={"domain": bands, "range": colours})}}
    dark = bands[-3:-1]  # the two darkest bands take white text
    text = {"mark": {"type": "text", "fontSize": 11},
            "encoding": {"text": _field("value_text", "nominal"),
                         "color": {"condition": {"test": {"field": "band", "oneOf": dark},
                                                 "value": "white"},
                                   "value": "black"}}}
    spec = {"datasets": {"drawn": _drawn(frame, x, "unit", "band", "value_text", "detail")},
            "data": {"name": "drawn"}, "encoding": base, "layer": [cells, text],
            "height": {"step": 30}, "width": "container"}
    return _with_config(spec, title, description, lang)
