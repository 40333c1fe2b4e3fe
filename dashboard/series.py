"""Query results shaped for charts and tables: shares and counts summed from BVCs up to
districts and all units, period labels, and small numbers hidden (contract, section 6).
Pure functions from DataFrame to DataFrame; no SQL, no Streamlit."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dashboard.i18n import t
from dashboard.numbers import LOCALES
from dashboard.suppression import cell_text, cell_texts

ALL_UNITS = "__all__"
SHARE_COLUMNS = ["n", "denominator", "missing"]


def period_label(day: dt.date, interval: str, lang: str) -> str:
    """'mars 2024', 'K1 2024' / 'Q1 2024', 'H2 2024', '2024'."""
    day = pd.Timestamp(day)
    if interval == "month":
        from babel.dates import format_date
        return format_date(day.date(), format="LLLL y", locale=LOCALES[lang])
    if interval == "quarter":
        return f"{t('quarter_short', lang)}{(day.month - 1) // 3 + 1} {day.year}"
    if interval == "half_year":
        return f"H{1 if day.month <= 6 else 2} {day.year}"
    return str(day.year)


def hide_within(frame: pd.DataFrame, by: list[str], column: str, threshold: int) -> pd.Series:
    """Cells of `column` to hide: counts from 1 to threshold - 1, and within each group of
    siblings whose total is shown elsewhere, the next smallest cell too (as
    suppression.hidden_cells, for every group at once)."""
    if frame.empty:
        return pd.Series(False, index=frame.index)
    counts = frame[column].to_numpy(dtype="int64")
    group = frame.groupby(by, sort=False, dropna=False).ngroup().to_numpy()
    small = (counts > 0) & (counts < threshold)
    lone = np.bincount(group, weights=small)[group] == 1
    candidates = np.flatnonzero(lone & ~small & (counts > 0))
    order = candidates[np.lexsort((candidates, counts[candidates], group[candidates]))]
    first = order[np.r_[True, group[order][1:] != group[order][:-1]]] if len(order) else order
    hidden = small.copy()
    hidden[first] = True
    return pd.Series(hidden, index=frame.index)


def with_share_values(summed: pd.DataFrame, siblings: list[str], threshold: int
                      ) -> pd.DataFrame:
    """`hidden` and `value` (n / N, NaN where hidden) for rows of n and denominator: hidden
    where N is small, where n is a small count, and where a sibling would reveal either."""
    return _shares(summed, threshold,
                   lambda column: hide_within(summed, siblings, column, threshold))


def _shares(summed: pd.DataFrame, threshold: int, hide) -> pd.DataFrame:
    """`hidden` where N is small or `hide` hides n or N (`hide(column)`: the rows of that
    column to hide), and `value`, n / N or NaN where hidden."""
    hidden = (summed.denominator < threshold) | hide("n") | hide("denominator")
    out = summed.assign(hidden=hidden)
    out["value"] = np.where(hidden, np.nan, out.n / out.denominator.where(out.denominator > 0))
    return out


def period_end(start, interval: str) -> dt.date:
    months = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}[interval]
    return (pd.Timestamp(start) + pd.DateOffset(months=months) - pd.Timedelta(days=1)).date()


def labelled(frame: pd.DataFrame, interval: str, lang: str, filters=None,
             reference: dt.date | None = None) -> pd.DataFrame:
    """Adds the period's label ('mars 2024') and whether the selection holds only part of
    it (`partial`: the period starts before the selection or ends after it or after the
    export's date); a partial period's label says so."""
    out = frame.copy()
    first = getattr(filters, "date_from", None)
    last = min(d for d in (getattr(filters, "date_to", None), reference) if d) if (
        getattr(filters, "date_to", None) or reference) else None
    # worked out once per period: a national table repeats each for every unit
    periods = pd.Series(pd.unique(pd.to_datetime(out.period)))
    partial = {p: bool((first and p.date() < first)
                       or (last and period_end(p, interval) > last)) for p in periods}
    label = {p: period_label(p, interval, lang) + (f" ({t('partial', lang)})"
                                                   if partial[p] else "") for p in periods}
    days = pd.to_datetime(out.period)
    out["partial"] = days.map(partial).astype(bool).to_numpy()
    out["period_label"] = days.map(label).to_numpy()
    return out


def means_from_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """rating_means' rows (item, rater_role with 'all' for both roles pooled, scale_max,
    mean, n) from rating_scores_by_item's counts per score: the same numbers, since a mean
    is the scores' sum over their number (integer sums, then one division)."""
    weighted = scores.assign(total=scores.score * scores.ratings)
    keys = ["item", "rater_role"]
    parts = [weighted.groupby(keys, as_index=False).agg(
                 scale_max=("scale_max", "first"), total=("total", "sum"),
                 n=("ratings", "sum")),
             weighted.groupby("item", as_index=False).agg(
                 scale_max=("scale_max", "first"), total=("total", "sum"),
                 n=("ratings", "sum")).assign(rater_role="all")]
    out = pd.concat(parts, ignore_index=True)
    out = out[out.n > 0].assign(mean=lambda f: f.total / f.n)
    return out[["item", "rater_role", "scale_max", "mean", "n"]].sort_values(
        keys, ignore_index=True)


def step_label(visit_number: int, label: str, lang: str) -> str:
    """'2 · 2 månader': a visit number with the age it means in its programme."""
    from dashboard.programmes import age_label
    return f"{int(visit_number)} · {age_label(label, lang)}"


def visits_by_number_bars(frame: pd.DataFrame, programme_names: dict[str, str], lang: str,
                          threshold: int) -> pd.DataFrame:
    """Visits per visit number and programme (figures.by_visit_number: visits, hidden as
    the grid has them) for bars: `value` NaN where hidden, the text beside each bar ("<5"
    or "–" where hidden)."""
    hidden = frame.visits_hidden.astype(bool)
    return pd.DataFrame({
        "group": [programme_names.get(p, p) for p in frame.programme_id],
        "category": [step_label(n, a, lang) for n, a in zip(frame.visit_number, frame.label)],
        "value": frame.visits.astype(float).where(~hidden).tolist(),
        "value_text": cell_texts(frame.visits, hidden, threshold, lang)})


def step_shares(frame: pd.DataFrame, programme_names: dict[str, str], lang: str
                ) -> pd.DataFrame:
    """Shares per visit number (on time, retention: figures' rows, hidden as the grid
    has them) with the step's label and its programme's name."""
    out = frame.reset_index(drop=True)
    out["group"] = [programme_names.get(p, p) for p in out.programme_id]
    out["category"] = [step_label(n, a, lang) for n, a in zip(out.visit_number, out.label)]
    out["step"] = out.category
    return out


def destination_bars(rows: pd.DataFrame, lang: str, threshold: int) -> pd.DataFrame:
    """Referrals per destination (figures.destination_counts, one row each) for bars,
    grouped (open forum, extra support), largest first within a group; hidden as the grid
    has them."""
    from dashboard.vocab import label
    rows = rows[rows.value > 0].sort_values(["destination_group", "value", "destination"],
                                            ascending=[False, False, True])
    return pd.DataFrame({
        "group": [label("destination_group", g, lang) for g in rows.destination_group],
        "category": [label("destination", d, lang) for d in rows.destination],
        "value": rows.value.astype(float).where(~rows.hidden.astype(bool)).tolist(),
        "value_text": cell_texts(rows.value, rows.hidden, threshold, lang)})


def destinations_by_district(rows: pd.DataFrame, lang: str, threshold: int) -> pd.DataFrame:
    """Referrals per destination (rows) by district (a column each) as text, from
    figures.destination_counts by district: destinations with referrals in any of them."""
    from dashboard.vocab import label
    texts = rows.assign(text=cell_texts(rows.value, rows.hidden, threshold, lang))
    used = rows.groupby("destination").value.sum()
    texts = texts[texts.destination.isin(used.index[used > 0])]
    table = texts.set_index(["destination_group", "destination", "unit_group"]).text.unstack(
        "unit_group").sort_index(ascending=[False, True])
    names = np.array([[label("destination_group", g, lang), label("destination", d, lang)]
                      for g, d in table.index], dtype=object).reshape(-1, 2)
    # one block of text: a national selection has some 300 districts, a column each
    return pd.DataFrame(np.hstack([names, table.to_numpy(dtype=object)]), dtype=object,
                        columns=[t("destination_group", lang), t("destination", lang),
                                 *table.columns])


def rating_trend(rows: pd.DataFrame, item: str, threshold: int, lang: str
                 ) -> pd.DataFrame:
    """One item's mean per period and rater role (pooled 'all' too), from
    figures.rating_means by an interval: the periods the grid holds ratings for with
    ratings, each mean shown where the grid shows its n. Columns: period, rater_role,
    series, mean, n, hidden, value, n_text."""
    from dashboard.vocab import label
    rows = rows[(rows["item"] == item) & rows.held & ((rows.n > 0) | rows.hidden)]
    rows = rows.rename(columns={"period_group": "period"}).reset_index(drop=True)
    rows["series"] = [t("all_roles", lang) if r == "all" else label("rater_role", r, lang)
                      for r in rows.rater_role]
    rows["n_text"] = cell_texts(rows.n, rows.hidden, threshold, lang)
    return rows


def rating_distribution(scores: pd.DataFrame, roles: pd.DataFrame, item: str,
                        threshold: int, lang: str) -> pd.DataFrame:
    """One item's share of ratings per score, a panel per rater role, from
    figures.score_counts and the roles' n (figures.rating_counts of the whole period):
    hidden where the grid hides the count, or the role's n is hidden or small."""
    from dashboard.numbers import DASH, percent
    from dashboard.vocab import label
    parts = []
    rows = scores[scores["item"] == item]
    for role, group in rows.groupby("rater_role", sort=True):
        total = roles[(roles["item"] == item) & (roles.rater_role == role)]
        n, role_hidden = (int(total.n.iloc[0]), bool(total.hidden.iloc[0])) if len(
            total) else (0, True)
        if n == 0:
            continue
        hidden = group.hidden.to_numpy(dtype=bool) | role_hidden | (n < threshold)
        values = np.where(hidden, np.nan, group.ratings.to_numpy() / n)
        parts.append(pd.DataFrame({
            "panel": f"{label('rater_role', role, lang)} "
                     f"(n = {cell_text(n, role_hidden, threshold, lang)})",
            "score": group.score.astype(int).tolist(), "value": values,
            "value_text": [DASH if pd.isna(v) else percent(v, lang) for v in values]}))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["panel", "score", "value", "value_text"])
