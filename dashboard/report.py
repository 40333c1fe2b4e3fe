"""The steering group's meeting report for a selection: title page, key indicators with
n / N and targets, the main pages' charts (vl-convert, as SVG: print quality, Swedish
numbers), the districts side by side, the definitions and what was suppressed. HTML, and
PDF through WeasyPrint (page numbers from CSS)."""
from __future__ import annotations

import datetime as dt
import html

import pandas as pd

from dashboard import charts, figures, tables
from dashboard.numbers import percent
from dashboard.suppression import cell_text
from dashboard.i18n import indicator_definition, indicator_name, t
from dashboard.numbers import integer, iso_day
from dashboard.tiles import tiles_table

REPORT_FONT = "DejaVu Sans"  # Debian's fonts-dejavu-core: in .ci/run and the README
PAGE_WIDTH_PX = 640  # A4 less 2 cm margins at 96 dpi: charts are drawn at the printed size


def _fixed_width(spec):
    """Vega-Lite's "container" width means nothing off screen: use the printed width."""
    if isinstance(spec, dict):
        return {k: (PAGE_WIDTH_PX if k == "width" and v == "container" else _fixed_width(v))
                for k, v in spec.items()}
    if isinstance(spec, list):
        return [_fixed_width(v) for v in spec]
    return spec


def chart_svg(chart) -> str:
    """The chart as SVG, measured and drawn in the font the PDF uses, so that labels fit."""
    import vl_convert
    spec = _fixed_width(charts.as_json(chart))
    spec.setdefault("config", {})["font"] = REPORT_FONT
    return vl_convert.vegalite_to_svg(spec)


def table_html(frame: pd.DataFrame) -> str:
    """A plain HTML table; every value escaped (names come from the export)."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
                   for row in frame.astype(object).itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def hidden_cells(frames: list[pd.DataFrame], threshold: int) -> int:
    """How many cells of the report's tables are hidden ("<5" or "–")."""
    marks = {f"<{threshold}", "–"}
    return sum(int(frame.isin(marks).sum().sum()) for frame in frames)


def selection_lines(context) -> list[tuple[str, str]]:
    f, lang = context.filters, context.lang
    units = context.query("units")
    names = dict(zip(units.bvc_id, units.bvc_name))
    period = (f"{f.date_from or '…'} – {f.date_to or '…'}" if (f.date_from or f.date_to)
              else t("period_all", lang))
    dates = context.query("export_dates").iloc[0]
    return [
        (t("period", lang), period),
        (t("district", lang), ", ".join(f.districts) or t("all", lang)),
        (t("bvc", lang), ", ".join(names.get(b, b) for b in f.bvcs) or t("all", lang)),
        (t("programme", lang), ", ".join(context.programme_names.get(p, p)
                                         for p in f.programmes) or t("all", lang)),
        (t("report_export", lang), t("report_export_value", lang,
                                     date=context.db.export.reference_date.isoformat(),
                                     first=iso_day(dates.first_visit),
                                     last=iso_day(dates.last_visit))),
        (t("report_as_of", lang), (f.as_of or context.db.export.reference_date).isoformat()),
    ]


def unit_table(context) -> tuple[pd.DataFrame, str]:
    """The key visit shares per district side by side (per BVC when one district is
    chosen): share and N, as the grid has each district's (the selection's part of it) or
    BVC's. Returns the table and the level ("district" or "bvc")."""
    lang, threshold = context.lang, context.threshold
    view = context.view()
    units = context.query("units")
    chosen = units[units.bvc_id.isin(view.chosen)] if view else units.iloc[:0]
    by = "district" if chosen.district.nunique() > 1 else "bvc"
    names = dict(zip(units.bvc_id, units.bvc_name))
    label = (lambda u: u) if by == "district" else names.get
    shares = context.shares(figures.VISIT_SHARES, by=by)
    visits = context.counts(["visits"], by=by)
    active = set(visits.unit_group[visits.value > 0])
    shares = shares[shares.unit_group.isin(active)]
    shares = shares.assign(text=[
        f"{'–' if h else percent(v, lang)} ({cell_text(d, dh, threshold, lang)})"
        for v, h, d, dh in zip(shares.value, shares.hidden, shares.denominator,
                               shares.denominator_hidden)])
    wide = shares.pivot(index="indicator", columns="unit_group", values="text")
    wide = wide.reindex([i for i in figures.VISIT_SHARES if i in wide.index])
    visits = visits[visits.unit_group.isin(active)].set_index("unit_group")
    first = pd.DataFrame([[cell_text(visits.value[u], visits.hidden[u], threshold, lang)
                           for u in wide.columns]], columns=wide.columns,
                         index=[t("visits", lang)])
    wide.index = [indicator_name(i, lang) for i in wide.index]
    out = pd.concat([first, wide])
    out.columns = [label(u) for u in out.columns]
    out = out.reset_index().rename(columns={"index": t("indicator", lang)})
    out.columns.name = None
    return out, by


def report_interval(filters) -> str:
    """Quarters up to three years, else years: a printed table stays a page or two."""
    if filters.date_from is None or filters.date_to is None:
        return "year"
    return "quarter" if (filters.date_to - filters.date_from).days <= 3 * 366 else "year"


def build_html(context, made_at: dt.datetime) -> str:
    """The whole report as one HTML document (inline SVG charts, print CSS)."""
    lang, threshold = context.lang, context.threshold
    parts = [f"<section class='title-page'><h1>{t('report_title', lang)}</h1>"
             f"<p class='subtitle'>{t('app_title', lang)}</p><dl>"
             + "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>"
                       for k, v in selection_lines(context))
             + f"<dt>{t('report_made', lang)}</dt><dd>{made_at:%Y-%m-%d %H:%M}</dd></dl>"
             f"<p class='note'>{t('report_rule', lang, t=threshold, m=threshold - 1)}</p>"
             f"<p class='note'>{t('report_reach_note', lang)}</p></section>"]
    tables_shown = []
    counts = context.query("visit_counts").iloc[0]
    if counts.visits == 0:
        dates = context.query("export_dates").iloc[0]
        parts.append(f"<section><h2>{t('report_empty_title', lang)}</h2><p>"
                     + t("report_empty_text", lang, first=iso_day(dates.first_visit),
                         last=iso_day(dates.last_visit))
                     + "</p></section>")
        return _document(parts, lang)
    key = figures.key_tiles(context)
    indicators = tiles_table(key.visits + key.families, lang)
    change = t("change", lang)
    if key.compared:  # a typographic minus in print (Streamlit needs an ASCII one)
        indicators[change] = indicators[change].str.replace("-", "\u2212", regex=False)
        note = f"<p class='note'>{t('report_change_note', lang)}</p>"
    else:
        indicators, note = indicators.drop(columns=change), ""
    tables_shown.append(indicators)
    parts.append(f"<section><h2>{t('report_indicators', lang)}</h2>{table_html(indicators)}"
                 f"{note}</section>")
    interval = report_interval(context.filters)
    shown = [
        figures.visits_by_district(context, interval),
        *([figures.visits_by_number(context)] if figures.coarse_shown(context) else []),
        figures.both_professions_by_bvc(context),
        *([figures.referral_destinations(context)] if figures.coarse_shown(context) else []),
    ]
    # families born in the period, as the key indicators count them (the page shows all)
    if context.counts(["families"]).value.any():
        shown.append(figures.reach_funnel(context))
    for fig in shown:
        tables_shown.append(fig.table)
        drawing = (f"<div class='chart'>{chart_svg(fig.chart)}</div>" if fig.drawable else
                   f"<h2>{html.escape(fig.title)}</h2><p class='note'>"
                   f"{t('report_no_chart', lang)}</p>")
        parts.append(f"<section class='figure'>{drawing}{table_html(fig.table)}</section>")
    if figures.ratings_shown(context):
        ratings = tables.ratings_table(figures.rating_means(
            context, context.query("rating_means")), lang, threshold)
        tables_shown.append(ratings)
        parts.append(f"<section><h2>{t('ratings', lang)}</h2>{table_html(ratings)}</section>")
    units, level = unit_table(context)
    tables_shown.append(units)
    parts.append(f"<section class='districts'><h2>{t(f'report_{level}s', lang)}</h2>"
                 f"{table_html(units)}<p class='note'>"
                 f"{t('report_districts_note', lang)}</p></section>")
    used = ["visits", "families_visited"] + figures.VISIT_SHARES + figures.REACH_STAGES
    parts.append(f"<section class='definitions'><h2>{t('report_definitions', lang)}</h2><dl>"
                 + "".join(f"<dt>{html.escape(indicator_name(i, lang))} <code>{i}</code></dt>"
                           f"<dd>{html.escape(indicator_definition(i, lang))}</dd>"
                           for i in used)
                 + f"</dl><p class='note'>{t('report_ids', lang)}</p></section>")
    hidden = hidden_cells(tables_shown, threshold)
    parts.append(f"<section><h2>{t('report_suppressed', lang)}</h2><p>"
                 + (t("report_suppressed_none", lang) if hidden == 0 else
                    t("report_suppressed_one" if hidden == 1 else "report_suppressed_text",
                      lang, count=integer(hidden, lang)))
                 + " " + t("report_rule", lang, t=threshold, m=threshold - 1)
                 + "</p></section>")
    return _document(parts, lang)


STYLE = """
@page { size: A4; margin: 18mm 18mm 20mm 18mm;
        @bottom-right { content: "%(page)s " counter(page) " %(of)s " counter(pages);
                        font-family: "DejaVu Sans", sans-serif; font-size: 8pt; color: #555; }
        @bottom-left { content: "%(footer)s"; font-family: "DejaVu Sans", sans-serif;
                       font-size: 8pt; color: #555; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 24pt; margin: 0 0 4mm; } h2 { font-size: 14pt; margin: 6mm 0 3mm; }
.title-page { page-break-after: always; padding-top: 40mm; }
.subtitle { font-size: 14pt; color: #333; }
dl { display: grid; grid-template-columns: 45mm auto; gap: 2mm 4mm; }
dt { font-weight: bold; } dd { margin: 0; }
.definitions dl { display: block; } .definitions dd { margin: 0 0 2mm 0; }
table { border-collapse: collapse; width: 100%%; margin: 2mm 0 4mm; font-size: 8.5pt; }
th, td { border-bottom: 0.3pt solid #999; padding: 1.2mm 1.5mm; text-align: left;
         vertical-align: top; }
th { background: #eee; } tr { page-break-inside: avoid; }
.figure { page-break-before: always; } .districts { page-break-before: always; }
.chart svg { max-width: 100%%; height: auto; }
.note { color: #444; font-size: 9pt; } code { font-size: 8pt; }
"""


def _document(parts: list[str], lang: str) -> str:
    style = STYLE % {"page": t("report_page", lang), "of": t("report_of", lang),
                     "footer": t("report_title", lang)}
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
            f"<title>{t('report_title', lang)}</title><style>{style}</style></head><body>"
            + "".join(parts) + "</body></html>")


def render_pdf(document: str):
    """WeasyPrint's laid-out document (its `pages`, `write_pdf()`)."""
    from weasyprint import HTML
    return HTML(string=document).render()


def build_pdf(document: str) -> bytes:
    return render_pdf(document).write_pdf()


def write_report(db, filters, lang: str, out, settings=None) -> str:
    """The report for a selection written to `out` (.pdf or .html); says what was written.
    Unknown districts or BVCs are refused as by `summary`."""
    from dashboard.context import Context
    from dashboard.indicators import check_filters
    from dashboard.settings import load_settings
    check_filters(db, filters)
    context = Context(db, filters, lang, settings or load_settings())
    document = build_html(context, dt.datetime.now().replace(second=0, microsecond=0))
    if str(out).lower().endswith(".html"):
        out.write_text(document, encoding="utf-8")
        return "HTML"
    rendered = render_pdf(document)
    out.write_bytes(rendered.write_pdf())
    return f"PDF, {len(rendered.pages)} pages"
