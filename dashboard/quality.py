"""The data-quality view's numbers: completeness of the visit form per field, BVC and month
(suppressed as every aggregate), BVCs that stopped reporting, plausibility flags per BVC and
the quarantined rows with what to fix. Query rows in, display frames out."""
from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.contract import FORM_FIELDS, RULES, VISITS
from dashboard.hiding import day_numbers, unit_totals_hidden
from dashboard.i18n import t
from dashboard.numbers import DASH, integer, iso_days, percent
from dashboard.series import labelled, with_share_values
from dashboard.suppression import cell_texts, count_text, counts_text, share_text
from dashboard.tables import with_texts

FIELDS = FORM_FIELDS
CHECKS = ("long_visit", "short_visit", "out_of_window", "out_of_order", "repeated_number",
          "several_bvcs")


def field_label(field: str, lang: str) -> str:
    if field == "ratings":
        return t("field_ratings", lang)
    column = VISITS.column(field)
    return column.sv if lang == "sv" else column.en


BAND_LIMITS = (0.10, 0.25, 0.50)
MAX_PERIODS = 24  # columns a heat map can show legibly; its table has every period
MAX_UNITS = 40  # rows likewise: a national selection has about a thousand BVCs


def bands(lang: str, threshold: int) -> list[str]:
    """The heat map's colour bands, light to dark, then the hidden cells'."""
    return ["0 %" if lang == "sv" else "0%", t("band_few", lang, t=threshold),
            t("band_under", lang, limit=percent(BAND_LIMITS[0], lang)),
            f"{percent(BAND_LIMITS[0], lang)}–{percent(BAND_LIMITS[1], lang)}",
            f"{percent(BAND_LIMITS[1], lang)}–{percent(BAND_LIMITS[2], lang)}",
            t("band_over", lang, limit=percent(BAND_LIMITS[2], lang)),
            t("band_hidden", lang)]


def _cells(frame: pd.DataFrame, lang: str, threshold: int) -> pd.DataFrame:
    """Shares as text and colour band: a hidden share whose empty fields are a small count
    says "<5" (a few are empty: a count may say that much), any other hidden one "–"."""
    out = with_texts(frame, lang, threshold)
    few = ((out.n > 0) & (out.n < threshold) & (out.denominator >= threshold)).to_numpy()
    out["value_text"] = np.where(few, f"<{threshold}", out.value_text.to_numpy(dtype=object))
    # the band: "a few" for those, grey for a hidden share, "0 %", then by BAND_LIMITS
    value = out.value.to_numpy(dtype=float)
    band = np.select([few, np.isnan(value), value == 0],
                     [1, len(BAND_LIMITS) + 3, 0],
                     2 + np.searchsorted(BAND_LIMITS, np.nan_to_num(value), side="right"))
    out["band"] = np.asarray(bands(lang, threshold), dtype=object)[band]
    return out


def _with_visits_hidden(shares: pd.DataFrame, hidden: pd.Series) -> pd.DataFrame:
    """`shares` (with_share_values) hidden where `hidden`, the BVC's visits behind N."""
    hidden = hidden.astype(bool)
    return shares.assign(hidden=shares.hidden | hidden,
                         value=shares.value.where(~hidden))


def per_field(frame: pd.DataFrame) -> pd.DataFrame:
    """Completeness rows summed over the periods: one row per BVC and field."""
    return frame.groupby(["district", "bvc_id", "bvc_name", "field"], as_index=False,
                         sort=False)[["n", "denominator"]].sum()


def most_empty_units(frame: pd.DataFrame, threshold: int,
                     limit: int = MAX_UNITS) -> list[str]:
    """The BVCs whose visit forms leave the largest share of fields empty (all fields
    together), at most `limit` of them: the rows a heat map shows when there are more.
    Only a share over at least `threshold` fields ranks (a unit with one empty visit does
    not push out the large ones, and no hidden share picks what is drawn); the rest follow
    in the data's order."""
    units = frame.groupby("bvc_id", sort=False)[["n", "denominator"]].sum()
    share = (units.n / units.denominator).where(units.denominator >= threshold)
    return list(share.sort_values(ascending=False, kind="stable",
                                  na_position="last").index[:limit])


def completeness_by_field(frame: pd.DataFrame, lang: str, threshold: int,
                          visits_hidden: pd.Series | None = None) -> pd.DataFrame:
    """Share empty per BVC and field over the whole selection (`value` NaN where hidden).
    A field's N is the BVC's visits (or fewer): where Besök hides those (`visits_hidden`,
    by BVC), N and the share are hidden too (the audit read a "<5" back as 45 − 7 − 18 −
    8 − 8 from the heat map's "0 / 7")."""
    summed = per_field(frame)
    # BVCs are siblings within a field, as if a total of all units were shown
    shares = with_share_values(summed, ["field"], threshold)
    if visits_hidden is not None:
        shares = _with_visits_hidden(shares, shares.bvc_id.map(visits_hidden).fillna(False))
    out = _cells(shares, lang, threshold)
    return out.assign(field_label=out.field.map({f: field_label(f, lang)
                                                 for f in out.field.unique()}),
                      unit=out.bvc_name)


def completeness_by_period(frame: pd.DataFrame, field: str, interval: str, lang: str,
                           threshold: int, filters, reference,
                           visits: pd.DataFrame | None = None) -> pd.DataFrame:
    """One field's share empty per BVC and period; periods are siblings of the BVC's total
    shown beside them, so a hidden period cannot be recomputed. N is the BVC's visits in
    the period (or fewer): where Besök hides those (`visits`: its BVC table at this time
    scale, linked.Linked.view), N and the share are hidden too (the audit: 36 − 7 − 9 − 8 −
    8 = 4)."""
    rows = frame[frame.field == field]
    shares = with_share_values(rows.reset_index(drop=True), ["bvc_id"], threshold)
    if visits is not None:
        hidden = pd.MultiIndex.from_arrays([visits.bvc_id[visits.hidden],
                                            day_numbers(visits.period[visits.hidden])])
        cells = pd.MultiIndex.from_arrays([shares.bvc_id, day_numbers(shares.period)])
        shares = _with_visits_hidden(shares, pd.Series(cells.isin(hidden), index=shares.index))
    out = _cells(shares, lang, threshold)
    return labelled(out.assign(unit=out.bvc_name), interval, lang, filters, reference)


def completeness_table(frame: pd.DataFrame, lang: str, column: str, column_title: str,
                       order: list[str]) -> pd.DataFrame:
    """Heat-map cells as a table: one row per BVC, one column per field or period (in
    `order`); an empty cell had no visits."""
    wide = frame.pivot_table(index=["district", "unit"], columns=column, values="value_text",
                             aggfunc="first", sort=False)
    wide = wide.reindex(columns=[c for c in order if c in wide.columns]).reset_index().rename(columns={"district": t("district", lang),
                                              "unit": t("bvc", lang)})
    wide.columns.name = column_title
    return wide.fillna("")


def unit_overview(completeness: pd.DataFrame, flags: pd.DataFrame, last: pd.DataFrame,
                  lang: str, threshold: int, days: int, empty_limit: float,
                  visits_hidden: pd.Series | None = None,
                  every: pd.DataFrame | None = None) -> pd.DataFrame:
    """At a glance, per BVC in the selection: visits, the share of the form's fields left
    empty (all fields pooled), visits without ratings, implausible visits, the last visit and
    what to look at (✓ or ⚠ with the reasons in words, so no colour is needed)."""
    form = completeness[completeness.field != "ratings"]
    empty = form.groupby("bvc_id")[["n", "denominator"]].sum()
    rated = completeness[completeness.field == "ratings"].groupby("bvc_id")[
        ["n", "denominator"]].sum()
    # hidden as in the heat map of fields (completeness_by_field: the BVCs of a field are
    # siblings), so that this table does not show a share the map hides to protect another;
    # over `every` BVC of the period when given, so that a chosen district's BVCs hide what
    # the page of every BVC hides (the user test found 8 % here and "–" there, both ways)
    siblings = completeness if every is None else every
    rated_hidden = with_share_values(per_field(siblings[siblings.field == "ratings"]),
                                     ["field"], threshold).set_index("bvc_id").hidden
    flagged = flags[flags.check_name == "any"].set_index("bvc_id").visits
    # the BVCs' visits are siblings of the shown total, hidden as on Besök (`visits_hidden`,
    # linked.Linked.totals_view; else as siblings alone)
    if visits_hidden is None:
        visits_hidden = unit_totals_hidden(rated.denominator, threshold)
    units = last.set_index("bvc_id")
    ids = units.index
    # each BVC's figures side by side (looked up once, not per BVC: a national export has
    # a thousand)
    n, total = (empty.n.reindex(ids, fill_value=0).to_numpy(),
                empty.denominator.reindex(ids, fill_value=0).to_numpy())
    unrated, visits = (rated.n.reindex(ids, fill_value=0).to_numpy(),
                       rated.denominator.reindex(ids, fill_value=0).to_numpy())
    flagged = flagged.reindex(ids, fill_value=0).to_numpy()
    # with the visits hidden, so are the shares of them (with the heat map's n they would
    # give the visits back)
    hide = visits_hidden.reindex(ids, fill_value=False).astype(bool).to_numpy()
    rated_hide = rated_hidden.reindex(ids, fill_value=False).astype(bool).to_numpy()
    days_since = units.days_since_last_visit.to_numpy(dtype=float, na_value=np.nan)
    stopped = np.isnan(days_since) | (days_since > days)
    over = np.where(total > 0, n / np.where(total > 0, total, 1), 0) > empty_limit
    texts = (t("look_stopped", lang, days=days),
             t("look_empty", lang, limit=percent(empty_limit, lang)), t("look_flagged", lang))
    nothing = "✓ " + t("look_nothing", lang)
    look = [("⚠ " + "; ".join(x for x, on in zip(texts, r) if on)) if any(r) else nothing
            for r in zip(stopped, over, flagged > 0)]
    return pd.DataFrame({
        t("district", lang): units.district.tolist(),
        t("bvc", lang): units.bvc_name.tolist(),
        t("visits", lang): cell_texts(visits, hide, threshold, lang),
        t("empty_fields", lang): [
            t("few_empty", lang, t=threshold) if 0 < a < threshold <= b
            else DASH if h else share_text(a, b, threshold, lang)
            for a, b, h in zip(n, total, hide)],
        t("without_ratings", lang): [DASH if h or r else share_text(a, b, threshold, lang)
                                     for a, b, h, r in zip(unrated, visits, hide, rated_hide)],
        t("implausible", lang): cell_texts(flagged, np.zeros(len(flagged), bool), threshold,
                                           lang),
        t("last_visit", lang): iso_days(units.last_visit),
        t("look_at", lang): look})


def stopped_reporting(frame: pd.DataFrame, days: int, lang: str) -> pd.DataFrame:
    """BVCs without a visit in the last `days` days before the as-of date, or none yet."""
    stopped = frame[frame.days_since_last_visit.isna() | (frame.days_since_last_visit > days)]
    return pd.DataFrame({
        t("district", lang): stopped.district.tolist(),
        t("bvc", lang): stopped.bvc_name.tolist(),
        t("last_visit", lang): iso_days(stopped.last_visit),
        t("days_since", lang): ["–" if pd.isna(v) else integer(v, lang)
                                for v in stopped.days_since_last_visit],
        t("unit_start", lang): iso_days(stopped.start_date)})


def flag_table(flags: pd.DataFrame, completeness: pd.DataFrame, lang: str, threshold: int,
               visits_hidden: pd.Series | None = None) -> pd.DataFrame:
    """`flags`: rows of flag_counts_by_bvc (every unit: an aggregate)."""
    """Flagged visits per BVC and check as suppressed counts, with each BVC's visits (every
    visit has a location field) and a row for all units, so that the BVCs of a check are
    siblings of a shown total."""
    visits = completeness[completeness.field == "location"]
    units = visits.groupby(["district", "bvc_id", "bvc_name"], as_index=False,
                           sort=False).denominator.sum()
    counts = (flags.set_index(["bvc_id", "check_name"]).visits
              .unstack(fill_value=0).reindex(index=units.bvc_id, columns=list(CHECKS),
                                             fill_value=0))
    # the BVCs' visits are siblings of the row for all units (the audit: 99 − 95 = 4)
    totals = units.set_index("bvc_id").denominator
    hidden = (unit_totals_hidden(totals, threshold) if visits_hidden is None
              else visits_hidden.reindex(totals.index, fill_value=False))
    out = pd.DataFrame({t("district", lang): units.district.tolist() + [""],
                        t("bvc", lang): units.bvc_name.tolist() + [t("all_units_row", lang)],
                        t("visits", lang): cell_texts(units.denominator, hidden,
                                                      threshold, lang)
                        + [count_text(int(units.denominator.sum()), threshold, lang)]})
    for check in CHECKS:
        column = counts[check].astype(int).tolist()
        out[t(f"check_{check}", lang)] = (counts_text(column, threshold, lang)
                                          + counts_text([sum(column)], threshold, lang))
    return out


def quarantined_rows(frame: pd.DataFrame, export_path, lang: str) -> pd.DataFrame:
    """Row-level: each broken rule of a quarantined row, where it is in the export (file
    relative to the export folder, row from 1) and the whole row as it was read."""
    prefix = str(export_path).rstrip("/") + "/"
    head = {"rule": t("rule", lang), "column_name": t("column", lang),
            "value": t("value", lang), "file": t("file", lang), "row_number": t("row", lang)}
    out = frame.assign(rule=[RULES[r][0 if lang == "sv" else 1] for r in frame.rule],
                       file=[f.removeprefix(prefix) for f in frame.file])
    return out.rename(columns=head)


def flagged_rows(flags: pd.DataFrame, lang: str,
                 programme_names: dict[str, str] | None = None) -> pd.DataFrame:
    """Row-level: every flagged visit with the check it fails, for the coordinator to fix;
    programmes by their names where given (the user test saw "goteborg-6")."""
    columns = {"check": "check", "visit_id": "visit_id_column", "family_id": "family_column",
               "district": "district", "bvc_name": "bvc", "programme_id": "programme",
               "visit_number": "visit_number", "visit_date": "visit_date_column",
               "duration_minutes": "duration_column", "expected_minutes": "expected_minutes",
               "window_opens": "window_opens", "window_closes": "window_closes"}
    names = programme_names or {}
    checks = {c: t(f"check_{c}", lang) for c in flags.check_name.unique()}
    out = flags.assign(check=flags.check_name.map(checks),
                       programme_id=flags.programme_id.map(lambda p: names.get(p, p))
                       )[list(columns)]
    return out.rename(columns={c: t(key, lang) for c, key in columns.items()})


def quarantine_summary(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Quarantined rows per table and rule, with what to fix. The counts describe the
    export's files, not families, and are shown as they are (as by `validate`)."""
    return pd.DataFrame({
        t("table_name", lang): frame.table_name.tolist(),
        t("rule", lang): [RULES[r][0 if lang == "sv" else 1] for r in frame.rule],
        t("column", lang): [c or "" for c in frame.column_name],
        t("rows_quarantined", lang): [integer(v, lang) for v in frame.rows],
        t("what_to_fix", lang): [t(f"fix_{r}", lang) for r in frame.rule]})
