"""Tables the pages show and download, built from query results with suppression applied."""
from __future__ import annotations

import pandas as pd

from dashboard.i18n import t
from dashboard.numbers import DASH, decimal, iso_day, percent
from dashboard.programmes import age_label
from dashboard.series import period_label
from dashboard.suppression import cell_text, cell_texts, mean_text
from dashboard.vocab import label

COLUMN_KEYS = {"district": "district", "bvc_name": "bvc", "programme": "programme",
               "series": "series", "cohort_label": "cohort"}


def count_table(rows: pd.DataFrame, lang: str, threshold: int, keys: list[str],
                column: str = "visits") -> pd.DataFrame:
    """Counts per period (rows with `hidden`, labelled) as text, hidden ones "<5" or "–"."""
    out = pd.DataFrame({t("period", lang): rows.period_label.tolist()})
    for key in keys:
        out[t(COLUMN_KEYS[key], lang)] = rows[key].tolist()
    out[t(column, lang)] = cell_texts(rows[column], rows.hidden, threshold, lang)
    return out


def visits_table(rows: pd.DataFrame, units: pd.DataFrame, lang: str, threshold: int
                 ) -> pd.DataFrame:
    """Visits and families visited per BVC and period (Context.counts' rows by BVC,
    labelled) as text: hidden ones "<5" or "–"; a row per BVC and period with visits."""
    rows = rows.assign(text=cell_texts(rows.value, rows.hidden, threshold, lang))
    visits = rows[rows.measure == "visits"]
    families = rows[rows.measure == "families_visited"].set_index(["period", "bvc_id"]).text
    visits = visits[visits.value > 0].merge(units[["bvc_id", "bvc_name", "district"]],
                                            on="bvc_id")
    visits = visits.sort_values(["period", "district", "bvc_name"], kind="stable")
    return pd.DataFrame({
        t("period", lang): visits.period_label.tolist(),
        t("district", lang): visits.district.tolist(),
        t("bvc", lang): visits.bvc_name.tolist(),
        t("visits", lang): visits.text.tolist(),
        t("families_visited_short", lang): families.reindex(
            pd.MultiIndex.from_arrays([visits.period, visits.bvc_id])).tolist()})


def series_table(frame: pd.DataFrame, lang: str, is_share: bool) -> pd.DataFrame:
    """A chart's series (period_label, series, value) as text; a hidden value is "–"."""
    fmt = (lambda v: percent(v, lang)) if is_share else (lambda v: decimal(v, lang))
    return pd.DataFrame({
        t("period", lang): frame.period_label.tolist(),
        t("series", lang): frame.series.tolist(),
        t("value", lang): [DASH if pd.isna(v) else fmt(v) for v in frame.value],
    })


def visits_by_number_table(frame: pd.DataFrame, programme_names: dict[str, str], lang: str,
                           threshold: int) -> pd.DataFrame:
    """One row per programme and visit number (figures.by_visit_number); programmes side
    by side, never pooled; hidden as the grid has them, as on Besöksprogression."""
    return pd.DataFrame({
        t("programme", lang): [programme_names.get(p, p) for p in frame.programme_id],
        t("visit_number", lang): frame.visit_number.astype(int).tolist(),
        t("age", lang): [age_label(a, lang) for a in frame.label],
        t("visits", lang): cell_texts(frame.visits, frame.visits_hidden, threshold, lang),
    })


def ratings_table(rows: pd.DataFrame, lang: str, threshold: int) -> pd.DataFrame:
    """Pooled means per item (figures.rating_means of the whole period, rater_role
    'all'), 7-point items first, then 10-point; hidden as the grid has their n."""
    from dashboard.vocab import VOCABULARIES
    codes = VOCABULARIES["rating_item"]
    pooled = rows[(rows.rater_role == "all") & (rows.n > 0)]
    pooled = pooled.assign(scale_max=[codes[i].scale_max for i in pooled["item"]]
                           ).sort_values(["scale_max", "item"])
    return pd.DataFrame({
        t("item", lang): [label("rating_item", i, lang) for i in pooled["item"]],
        t("scale", lang): [f"1–{int(s)}" for s in pooled.scale_max],
        t("mean", lang): [DASH if h else mean_text(m, n, threshold, lang)
                          for m, n, h in zip(pooled["mean"], pooled.n, pooled.hidden)],
        t("ratings_n", lang): cell_texts(pooled.n, pooled.hidden, threshold, lang),
    })


def step_table(frame: pd.DataFrame, lang: str, value_title: str,
               with_series: bool = False) -> pd.DataFrame:
    """Per programme and visit number: the value as text and, for shares, n / N."""
    out = pd.DataFrame({t("programme", lang): frame.group.tolist()})
    if with_series:
        out[t("cohort_born", lang)] = frame.series.tolist()
    out[t("visit_number", lang)] = frame.category.tolist()
    out[value_title] = frame.value_text.tolist()
    if "detail" in frame:
        out["n / N"] = frame.detail.tolist()
    return out


STATUS_ORDER = ("overdue", "due", "upcoming", "missed")


def due_table(due: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The due list as a coordinator reads it: who, where, which visit, its window and how
    late; dates stay dates (the last visit ISO text) and days stay numbers so that the
    columns sort."""
    return pd.DataFrame({
        t("family", lang): due.family_id.tolist(),
        t("bvc", lang): due.bvc_name.tolist(),
        t("next_visit", lang): [f"{int(n)} · {age_label(a, lang)}"
                                for n, a in zip(due.next_visit_number, due.label)],
        t("window_opens", lang): [d.date() if hasattr(d, "date") else d for d in due.window_opens],
        t("window_closes", lang): [d.date() if hasattr(d, "date") else d
                                   for d in due.window_closes],
        t("status", lang): [t(f"status_{s}", lang) for s in due.status],
        t("days_overdue", lang): due.days_overdue.astype(int).tolist(),
        # ISO text ("–" before any visit; Streamlit would write "None"): sorts as dates do
        t("last_visit", lang): [iso_day(d) for d in due.last_visit_date],
    })


def percent_texts(values: pd.Series, lang: str) -> list[str]:
    """Shares as text ("96 %", "–" for NaN), each distinct share formatted once."""
    texts = {v: percent(v, lang) for v in values.dropna().unique()}
    return values.map(texts).astype(object).fillna(DASH).tolist()


def with_texts(frame: pd.DataFrame, lang: str, threshold: int) -> pd.DataFrame:
    """Adds `value_text` ("96 %" or "–") and `detail` ("n / N", hidden ones "<5" or "–")."""
    out = frame.copy()
    out["value_text"] = percent_texts(out.value, lang)
    n, d = (pd.Series(cell_texts(out[c], out.hidden, threshold, lang), index=out.index,
                      dtype="str") for c in ("n", "denominator"))
    out["detail"] = n + " / " + d
    return out


def unit_share_frame(units: pd.DataFrame, lang: str, threshold: int) -> pd.DataFrame:
    """Per-BVC shares (bvc_name, n, denominator, hidden, value) for the dot chart."""
    return with_texts(units, lang, threshold).assign(unit=units.bvc_name.tolist())


def unit_share_table(frame: pd.DataFrame, lang: str, target: float | None) -> pd.DataFrame:
    out = pd.DataFrame({t("district", lang): frame.district.tolist(),
                        t("bvc", lang): frame.unit.tolist(),
                        t("value", lang): frame.value_text.tolist(),
                        "n / N": frame.detail.tolist()})
    if target is not None:
        out[t("target", lang) + " " + percent(target, lang)] = [
            "" if pd.isna(v) else ("✓ " + t("target_met", lang) if v >= target
                                   else "✗ " + t("target_not_met", lang))
            for v in frame.value]
    return out


def share_series_table(frame: pd.DataFrame, lang: str, threshold: int) -> pd.DataFrame:
    """Shares over time (period_label, series, n, denominator, hidden, value) as text."""
    texts = with_texts(frame, lang, threshold)
    return pd.DataFrame({t("period", lang): texts.period_label.tolist(),
                         t("series", lang): texts.series.tolist(),
                         t("value", lang): texts.value_text.tolist(),
                         "n / N": texts.detail.tolist()})


def category_share_table(frame: pd.DataFrame, lang: str, category_title: str,
                         value_title: str) -> pd.DataFrame:
    return pd.DataFrame({category_title: frame.category.tolist(),
                         value_title: frame.value_text.tolist(),
                         "n / N": frame.detail.tolist()})


def destination_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({t("destination_group", lang): frame.group.tolist(),
                         t("destination", lang): frame.category.tolist(),
                         t("referrals", lang): frame.value_text.tolist()})


def ratings_by_role_table(rows: pd.DataFrame, lang: str, threshold: int) -> pd.DataFrame:
    """Mean and number of ratings per item, pooled and per rater role, side by side, from
    figures.rating_means of the whole period: hidden as the grid has their n (the pooled
    one where a role's is hidden)."""
    from dashboard.vocab import VOCABULARIES
    codes = VOCABULARIES["rating_item"]
    out = []
    for item in sorted(codes, key=lambda i: (codes[i].scale_max, i)):
        mine = rows[rows["item"] == item].set_index("rater_role")
        row = {t("item", lang): label("rating_item", item, lang),
               t("scale", lang): f"1–{int(codes[item].scale_max)}"}
        for role in ("all", *VOCABULARIES["rater_role"]):
            title = t("all_roles", lang) if role == "all" else label("rater_role", role, lang)
            n, hidden, mean = (int(mine.n[role]), bool(mine.hidden[role]),
                               mine["mean"][role]) if role in mine.index else (0, False, None)
            row[f"{title}: {t('mean', lang).lower()}"] = (
                DASH if hidden or pd.isna(mean) else mean_text(mean, n, threshold, lang))
            row[f"{title}: n"] = cell_text(n, hidden, threshold, lang)
        out.append(row)
    return pd.DataFrame(out)


def distribution_table(scores: pd.DataFrame, roles: pd.DataFrame, lang: str,
                       threshold: int) -> pd.DataFrame:
    """Ratings per item, rater role and score as the grid has them (figures.score_counts),
    and shares of that item's and role's ratings (`roles`: figures.rating_counts of the
    whole period), hidden where the count or the role's n is."""
    n_of = {(i, r): (int(n), bool(h)) for i, r, n, h in
            zip(roles["item"], roles.rater_role, roles.n, roles.hidden)}
    used = {k for k, (n, _) in n_of.items() if n > 0}
    rows = scores[[(i, r) in used for i, r in zip(scores["item"], scores.rater_role)]]
    out = []
    for item, role, score, count, hidden in zip(rows["item"], rows.rater_role, rows.score,
                                                rows.ratings, rows.hidden):
        n, role_hidden = n_of[(item, role)]
        hidden = bool(hidden) or role_hidden
        out.append({t("item", lang): label("rating_item", item, lang),
                    t("rater_role", lang): label("rater_role", role, lang),
                    t("score", lang): int(score),
                    t("ratings_n", lang): cell_text(count, hidden, threshold, lang),
                    t("share", lang): DASH if hidden or n < threshold
                    else percent(count / n, lang)})
    return pd.DataFrame(out)


def mean_series_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Means over time (period_label, series, value, n_text) as text."""
    return pd.DataFrame({t("period", lang): frame.period_label.tolist(),
                         t("rater_role", lang): frame.series.tolist(),
                         t("mean", lang): [DASH if pd.isna(v) else decimal(v, lang)
                                           for v in frame.value],
                         t("ratings_n", lang): frame.n_text.tolist()})


def reach_table(stages: pd.DataFrame, families: pd.DataFrame, cohort: str, lang: str,
                threshold: int) -> pd.DataFrame:
    """Per district and cohort: families and each stage as "value (n / N)", as the grid
    has them (`stages`: Context.shares' rows of REACH_STAGES by district and cohort,
    labelled; `families`: the families counted)."""
    from dashboard.i18n import indicator_name
    rows = with_texts(stages, lang, threshold)
    rows["text"] = rows.value_text + " (" + rows.detail + ")"
    wide = rows.pivot_table(index=["district", "period"], columns="indicator",
                            values="text", aggfunc="first")
    count = families.set_index(["district", "period"]).reindex(wide.index)
    out = pd.DataFrame({
        t("district", lang): [d for d, _ in wide.index],
        t("cohort_born", lang): [period_label(p, cohort, lang) for _, p in wide.index],
        t("families", lang): cell_texts(count.value.fillna(0), count.hidden.fillna(False),
                                        threshold, lang)})
    for indicator in ("offered_share", "accepted_share", "started_share", "completed_share"):
        out[indicator_name(indicator, lang)] = (
            wide[indicator].fillna("–").tolist() if indicator in wide else "–")
    return out

