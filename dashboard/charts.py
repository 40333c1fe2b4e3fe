"""Charts: plain functions from a prepared DataFrame to an Altair chart, never querying.
Numbers and months follow the language (Babel's symbols in Vega's locale: "96 %", "mars");
series differ in colour *and* dash and point shape, values are written beside bars and dots,
and every chart carries a title and a description for screen readers."""
from __future__ import annotations

from functools import lru_cache

import altair as alt
import pandas as pd
from babel.dates import get_day_names, get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from dashboard.numbers import LOCALES, percent

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


def unvalidated(chart):
    """The chart as Streamlit will serialise it, without checking the spec against
    Vega-Lite's JSON schema at every rerun (half a second of Besök at national scale): the
    specs are the project's own, and tests/test_charts.py validates every builder's."""
    from functools import partial
    object.__setattr__(chart, "to_dict", partial(type(chart).to_dict, chart, False))
    return chart


def finish(chart, title: str, description: str, lang: str, subtitle: str = ""):
    """Title, text alternative and the language's number and date formats."""
    title_params = alt.TitleParams(title, subtitle=subtitle or alt.Undefined, anchor="start")
    return (chart.properties(title=title_params, description=description)
            .configure(locale=vega_locale(lang))
            .configure_axis(labelFontSize=12, titleFontSize=12)
            .configure_legend(labelFontSize=12, titleFontSize=12, orient="bottom",
                              symbolStrokeWidth=2, labelLimit=280, columns=3))


def _drawn(frame: pd.DataFrame, *columns: str | None, tooltip: list | None = None) -> pd.DataFrame:
    """Only the columns a chart draws. Streamlit sends a chart's whole frame to the browser,
    where its developer tools show every column: a hidden cell's raw n, N or mean would be
    read there without arithmetic (audit; contract, section 6)."""
    fields = [c for c in columns if c]
    for tip in tooltip or []:
        fields.append(tip.to_dict().get("field") if hasattr(tip, "to_dict")
                      else str(tip).split(":")[0])
    return frame[[c for c in dict.fromkeys(fields) if c in frame.columns]]


def _series_encodings(series: str, title: str, order: list[str]) -> dict:
    scale_shapes = alt.Scale(domain=order, range=SHAPES[:len(order)] or SHAPES)
    colours = (PALETTE * (len(order) // len(PALETTE) + 1))[:len(order)] or PALETTE
    return {"color": alt.Color(f"{series}:N", title=title, sort=order,
                               scale=alt.Scale(domain=order, range=colours)),
            "strokeDash": alt.StrokeDash(f"{series}:N", title=title, sort=order,
                                         scale=alt.Scale(domain=order,
                                                         range=DASHES[:len(order)] or DASHES)),
            "shape": alt.Shape(f"{series}:N", title=title, sort=order, scale=scale_shapes),
            # the points' outline, in the series' colour: what is left of a hollow point
            "stroke": alt.Stroke(f"{series}:N", sort=order, legend=None,
                                 scale=alt.Scale(domain=order, range=colours))}


def _lines_with_points(base, encodings: dict, point_size: int, **point_encodings):
    """Lines that differ by dash, points that differ by shape, both by colour. A point is
    filled and outlined in its colour, so that one drawn hollow (fillOpacity 0: a period
    the selection holds in part) keeps its outline (the user test found them invisible)."""
    single = {} if encodings else {"color": PALETTE[0]}
    lines = base.mark_line(strokeWidth=2, **single).encode(
        **{k: v for k, v in encodings.items() if k not in ("shape", "stroke")})
    points = base.mark_point(size=point_size, filled=True, strokeWidth=1.5,
                             **single, **({"stroke": PALETTE[0]} if single else {})).encode(
        **point_encodings, **{k: v for k, v in encodings.items() if k != "strokeDash"})
    return lines + points


def _with_legend_room(chart, height: int, series_count: int):
    """Streamlit fits the whole chart, legend included, into its height: the plot keeps
    `height` and each legend row (three entries) adds to it."""
    return chart.properties(height=height + 22 * -(-series_count // 3), width="container")


def _target_layer(target: float | None, lang: str, label: str):
    if target is None:
        return None
    data = pd.DataFrame({"target": [target], "text": [f"{label} {percent(target, lang)}"]})
    base = alt.Chart(data)
    rule = base.mark_rule(color=TARGET_COLOUR, strokeDash=[4, 4], strokeWidth=1.5).encode(
        y="target:Q")
    text = base.mark_text(align="left", dx=4, dy=-7, color=TARGET_COLOUR, fontSize=12).encode(
        y="target:Q", x=alt.value(0), text="text:N")
    return rule + text


def trend(frame: pd.DataFrame, *, value_title: str, is_share: bool, interval: str, lang: str,
          title: str, description: str, series: str | None = None, series_title: str = "",
          target: float | None = None, target_label: str = "", tooltip: list | None = None,
          height: int = 320, scale_max: int | None = None):
    """Values over time (`period`, `value`, optional `series`): lines with points; a hidden
    value is a gap. Series differ in colour, dash and point shape. Shares run 0–100 %,
    means of a rating scale 1–`scale_max`, counts from 0."""
    order = list(dict.fromkeys(frame[series])) if series else []
    encodings = _series_encodings(series, series_title, order) if series else {}
    value_format = ".0%" if is_share else ".1f" if scale_max else ",d"
    y_axis = alt.Axis(format=value_format, tickCount=5)
    y_scale = (alt.Scale(domain=[0, 1]) if is_share else
               alt.Scale(domain=[1, scale_max]) if scale_max else alt.Scale(zero=True))
    data = _drawn(frame, "period", "value", "period_label", series, "partial", tooltip=tooltip)
    base = alt.Chart(data).encode(
        x=alt.X("period:T", title=None, axis=alt.Axis(
            format=time_format(interval, lang), tickCount=TICKS[interval], labelAngle=0,
            labelOverlap=True)),
        y=alt.Y("value:Q", title=value_title, axis=y_axis, scale=y_scale),
        tooltip=tooltip or [alt.Tooltip("period_label:N", title=""),
                            *([alt.Tooltip(f"{series}:N", title=series_title)] if series else []),
                            alt.Tooltip("value:Q", title=value_title, format=value_format)],
    )
    # a period the selection holds only in part is a hollow point
    partial = (alt.FillOpacity("partial:N", scale=alt.Scale(domain=[False, True],
                                                           range=[1, 0]), legend=None)
               if "partial" in frame else alt.Undefined)
    chart = _lines_with_points(base, encodings, 50, fillOpacity=partial)
    layer = _target_layer(target, lang, target_label) if is_share else None
    if layer is not None:
        chart = chart + layer
    return finish(_with_legend_room(chart, height, len(order)), title, description, lang)


def unit_dots(frame: pd.DataFrame, *, value_title: str, lang: str, title: str,
              description: str, target: float | None, target_label: str,
              below_label: str, met_label: str, height_per_unit: int = 26,
              font_size: int = 12):
    """One share per unit (`unit`, `value`, `value_text`), sorted; units under the target
    are red triangles and say so in their label, so the lagging one stands out in any
    print."""
    data = frame.copy()
    if target is not None:
        data["status"] = [below_label if pd.notna(v) and v < target else met_label
                          for v in data.value]
    else:
        data["status"] = met_label
    data["label"] = [f"{text}  ✗" if status == below_label else text
                     for text, status in zip(data.value_text, data.status)]
    order = list(data.unit)
    status_order = [met_label, below_label]
    data = _drawn(data, "unit", "value", "value_text", "detail", "status", "label")
    base = alt.Chart(data).encode(
        y=alt.Y("unit:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("value:Q", title=value_title, scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%", values=[i / 10 for i in range(11)])),
        tooltip=[alt.Tooltip("unit:N", title=""), alt.Tooltip("value_text:N", title=value_title),
                 alt.Tooltip("detail:N", title="n / N")])
    dots = base.mark_point(size=10 * font_size, filled=True).encode(
        color=alt.Color("status:N", title="", sort=status_order,
                        scale=alt.Scale(domain=status_order, range=[MET_TARGET, BELOW_TARGET])),
        shape=alt.Shape("status:N", title="", sort=status_order,
                        scale=alt.Scale(domain=status_order, range=["circle", "triangle-down"])))
    labels = base.mark_text(align="left", dx=10, fontSize=font_size).encode(text="label:N")
    chart = dots + labels
    if target is not None:
        rule = alt.Chart(pd.DataFrame({"target": [target]})).mark_rule(
            color=TARGET_COLOUR, strokeDash=[4, 4]).encode(x="target:Q")
        chart = rule + chart
    subtitle = f"{target_label} {percent(target, lang)}" if target is not None else ""
    # a discrete axis sized by its step: a fixed height is not kept when Streamlit fits
    # the chart to the container
    return finish(chart.properties(height={"step": height_per_unit}, width="container"),
                  title, description, lang, subtitle)


def bars(frame: pd.DataFrame, *, category: str, value_title: str, is_share: bool, lang: str,
         title: str, description: str, group: str | None = None, group_title: str = "",
         sort: list[str] | None = None):
    """Horizontal bars (`category`, `value`, `value_text`) with the value written at the end
    of each bar; with `group`, one panel per group (the panel names the group)."""
    # rows come sorted: keep that order. A hidden value has no bar; its text ("<5", "–")
    # stands at zero, so that it does not read as a bar too short to see (user test)
    frame = _drawn(frame.assign(order=range(len(frame)), text_at=frame["value"].fillna(0)),
                   category, "value", "value_text", "order", "text_at", group)
    scale = alt.Scale(domain=[0, 1]) if is_share else alt.Scale(zero=True, nice=True)
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{category}:N", sort=alt.EncodingSortField("order"), title=None,
                axis=alt.Axis(labelLimit=260)),
        x=alt.X("value:Q", title=value_title, scale=scale,
                # whole numbers only: a small count's axis said "0 1 1 2 2 3"
                axis=alt.Axis(format=".0%" if is_share else ",d", tickCount=10,
                              tickMinStep=alt.Undefined if is_share else 1)),
        tooltip=[alt.Tooltip(f"{category}:N", title=""),
                 alt.Tooltip("value_text:N", title=value_title)])
    chart = (base.mark_bar(color=MET_TARGET, height={"band": 0.7})
             + base.mark_text(align="left", dx=4, fontSize=12).encode(
                 text="value_text:N", x=alt.X("text_at:Q", title=value_title, scale=scale)))
    if group:
        chart = chart.properties(height={"step": 24}, width=520).facet(
            row=alt.Row(f"{group}:N", title=group_title, header=alt.Header(
                labelAngle=0, labelAlign="left", labelFontSize=13, labelFontWeight="bold")),
        ).resolve_scale(y="independent")
        return finish(chart, title, description, lang)
    return finish(chart.properties(height={"step": 26}, width="container"), title,
                  description, lang)


def funnel(frame: pd.DataFrame, *, lang: str, title: str, description: str,
           step_title: str, value_title: str, series_title: str):
    """Retention per visit number (`step`, `value`, `series` = cohort), one line per cohort."""
    order = list(dict.fromkeys(frame["series"]))
    steps = list(dict.fromkeys(frame["step"]))
    encodings = _series_encodings("series", series_title, order)
    base = alt.Chart(_drawn(frame, "step", "value", "series", "value_text", "detail")).encode(
        x=alt.X("step:N", sort=steps, title=step_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=value_title, scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%")),
        tooltip=[alt.Tooltip("series:N", title=series_title), alt.Tooltip("step:N", title=""),
                 alt.Tooltip("value_text:N", title=value_title),
                 alt.Tooltip("detail:N", title="n / N")])
    chart = _lines_with_points(base, encodings, 60)
    return finish(_with_legend_room(chart, 320, len(order)), title, description, lang)


def distribution(frame: pd.DataFrame, *, lang: str, title: str, description: str,
                 score_title: str, value_title: str, panel_title: str):
    """Share of ratings per score (`score`, `value`, `value_text`), a panel per rater role."""
    base = alt.Chart(_drawn(frame, "score", "value", "value_text", "panel")).encode(
        x=alt.X("score:O", title=score_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=value_title, axis=alt.Axis(format=".0%")),
        tooltip=[alt.Tooltip("panel:N", title=panel_title), alt.Tooltip("score:O", title=score_title),
                 alt.Tooltip("value_text:N", title=value_title)])
    chart = (base.mark_bar(color=MET_TARGET)
             + base.mark_text(dy=-7, fontSize=11).encode(text="value_text:N"))
    chart = chart.properties(height=220, width=300).facet(
        column=alt.Column("panel:N", title=None, header=alt.Header(labelFontSize=13)))
    return finish(chart, title, description, lang)


def heatmap(frame: pd.DataFrame, *, x: str, x_title: str, x_sort: list[str], lang: str,
            title: str, description: str, legend_title: str, bands: list[str]):
    """Cells (`unit` × `x`) coloured by their `band` (in `bands` order, light to dark, the
    last one grey for hidden cells) with `value_text` written in each, so that the number,
    not only the colour, tells."""
    colours = HEAT_COLOURS[:len(bands) - 1] + [HIDDEN_COLOUR]
    base = alt.Chart(_drawn(frame, x, "unit", "band", "value_text", "detail")).encode(
        x=alt.X(f"{x}:N", sort=x_sort, title=x_title,
                axis=alt.Axis(labelAngle=-35, labelLimit=180, labelOverlap=False,
                              orient="top")),
        y=alt.Y("unit:N", sort=list(dict.fromkeys(frame.unit)), title=None,
                axis=alt.Axis(labelLimit=260)),
        tooltip=[alt.Tooltip("unit:N", title=""), alt.Tooltip(f"{x}:N", title=x_title),
                 alt.Tooltip("value_text:N", title=legend_title),
                 alt.Tooltip("detail:N", title="n / N")])
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("band:N", title=legend_title, sort=bands,
                        scale=alt.Scale(domain=bands, range=colours)))
    dark = bands[-3:-1]  # the two darkest bands take white text
    text = base.mark_text(fontSize=11).encode(
        text="value_text:N",
        color=alt.condition(alt.FieldOneOfPredicate("band", dark), alt.value("white"),
                            alt.value("black")))
    return finish((cells + text).properties(height={"step": 30}, width="container"),
                  title, description, lang)
