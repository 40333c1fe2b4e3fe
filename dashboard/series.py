"""Query results shaped for charts and tables: shares and counts summed from BVCs up to
districts and all units, period labels, and small numbers hidden (contract, section 6).
Pure functions from DataFrame to DataFrame; no SQL, no Streamlit."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dashboard.i18n import t
from dashboard.hiding import (hidden_as_months)
from dashboard.numbers import LOCALES
from dashboard.suppression import cell_text, cell_texts, hidden_cells, hidden_grid

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


def step_shares(frame: pd.DataFrame, programme_names: dict[str, str], lang: str,
                threshold: int, siblings: list[str] | None = None) -> pd.DataFrame:
    """Shares per visit number (on time, retention) with the step's label and its
    programme's name; hidden as `frame` says (`hidden`, `value`), else as the contract
    says within `siblings` (retention, not on the grid yet)."""
    out = frame.reset_index(drop=True)
    if "hidden" not in out:
        out = with_share_values(out, siblings, threshold)
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
    table = texts.pivot_table(index=["destination_group", "destination"],
                              columns="unit_group", values="text", aggfunc="first")
    table = table.sort_index(ascending=[False, True])
    out = pd.DataFrame({
        t("destination_group", lang): [label("destination_group", g, lang)
                                       for g, _ in table.index],
        t("destination", lang): [label("destination", d, lang) for _, d in table.index]})
    for district in table.columns:
        out[district] = table[district].tolist()
    return out


def rating_trend(frame: pd.DataFrame, item: str, threshold: int, lang: str,
                 interval: str | None = None, months: pd.DataFrame | None = None
                 ) -> pd.DataFrame:
    """One item's mean per period and rater role (pooled 'all' too); a mean of fewer than
    `threshold` ratings is hidden, and with it what would give its count back: the roles
    add up to the pooled count of the period (shown here), and the periods to the role's
    and the pooled count of the whole selection (shown in the table of means), so the
    role × period counts are suppressed as a table with both totals (hidden_grid) and the
    pooled ones along the periods; both with each coarser period's total (`interval`, as
    in hiding.hidden_counts: a quarter's n less two months' gave the third). `months`: the
    same query by month, so that a quarter or a year hides what its months hide."""
    from dashboard.vocab import label
    rows = frame[frame["item"] == item].copy()
    hidden = pd.Series(rows.n < threshold, index=rows.index)
    by_month = months[months["item"] == item] if months is not None else None

    def part(source, pooled: bool):
        return None if source is None else source[(source.rater_role == "all") == pooled]

    for pooled, extra in ((False, ["rater_role"]), (True, None)):
        own = part(rows, pooled)
        if not own.empty:
            hidden |= hidden_as_months(own, part(by_month, pooled), "n", "all", threshold,
                                       extra, interval).reindex(rows.index, fill_value=False)
    rows["hidden"] = hidden
    rows["value"] = rows["mean"].where(~hidden)
    rows["series"] = [t("all_roles", lang) if r == "all" else label("rater_role", r, lang)
                      for r in rows.rater_role]
    rows["n_text"] = cell_texts(rows.n, hidden, threshold, lang)
    return rows


def roles_hidden(rows: pd.DataFrame, threshold: int) -> dict[str, bool]:
    """Per rater role in the score counts `rows` (rater_role, ratings) of one item: whether
    its number of ratings is hidden. The roles add up to the pooled number the page shows,
    so a hidden role hides the other with it (as in tables.ratings_by_role_table)."""
    totals = rows.groupby("rater_role", sort=True).ratings.sum()
    return dict(zip(totals.index, hidden_cells([int(n) for n in totals], threshold)))


def rating_distribution(frame: pd.DataFrame, item: str, threshold: int, lang: str
                        ) -> pd.DataFrame:
    """One item's share of ratings per score, a panel per rater role; hidden where the count
    behind it is hidden or the role has fewer than `threshold` ratings."""
    from dashboard.numbers import DASH, percent
    from dashboard.vocab import label
    parts = []
    rows = frame[frame["item"] == item]
    scale = range(1, int(rows.scale_max.max()) + 1) if not rows.empty else []
    hidden_roles = roles_hidden(rows, threshold)
    for role, group in rows.groupby("rater_role", sort=True):
        group = (group.set_index("score").ratings.reindex(scale, fill_value=0)
                 .rename_axis("score").reset_index())
        total = int(group.ratings.sum())
        hidden = [h or total < threshold or hidden_roles[role]
                  for h in hidden_cells(group.ratings.tolist(), threshold)]
        values = [np.nan if h else c / total for c, h in zip(group.ratings, hidden)]
        n_text = cell_text(total, hidden_roles[role], threshold, lang)
        parts.append(pd.DataFrame({
            "panel": f"{label('rater_role', role, lang)} (n = {n_text})",
            "score": group.score.astype(int).tolist(), "value": values,
            "value_text": [DASH if pd.isna(v) else percent(v, lang) for v in values]}))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["panel", "score", "value", "value_text"])




