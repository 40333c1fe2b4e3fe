"""The figures that both a page and the meeting report show: named queries in, a chart with
its table alternative out, suppressed the same way wherever they are drawn. A context is
anything with `query`, `labelled`, `lang`, `threshold`, `settings`, `filters`, `db` and
`programme_names` (the page's or the report's)."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard import charts, series, tables
from dashboard.i18n import indicator_name, t
from dashboard.numbers import DASH
from dashboard.privacy import read
from dashboard.privacy.build import (COARSE_KINDS, RATING_KINDS, SCORE_KINDS, number_measure,
                                     rating_measure, referral_measure, retention_share,
                                     score_measure)
from dashboard.vocab import VOCABULARIES
from dashboard.tiles import (Tile, grid_count_tile, grid_share_tile)

VISIT_SHARES = ["home_share", "both_professions_share", "planned_team_share",
                "within_time_share", "mother_present_share", "other_parent_share",
                "referral_visit_share", "open_forum_referral_share", "extra_support_visit_share"]
FAMILY_SHARES = ["offered_share", "accepted_share"]
FAMILY_TILES = FAMILY_SHARES + ["completed_share"]
REACH_STAGES = ["offered_share", "accepted_share", "started_share", "completed_share"]


@dataclass
class Figure:
    title: str
    chart: dict  # a Vega-Lite spec (charts)
    table: pd.DataFrame
    file_name: str
    indicators: list[str] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)
    values: pd.Series | None = None  # what the chart plots (NaN where hidden)

    @property
    def drawable(self) -> bool:
        """Something to draw: not every value hidden or missing."""
        return self.values is None or bool(self.values.notna().any())


@dataclass
class KeyTiles:
    visits: list[Tile]
    families: list[Tile]
    interval: str
    compared: bool  # tiles carry a change against the previous period


def key_tiles(context) -> KeyTiles:
    """Översikt's indicators: visits and families, the visit shares and the family shares,
    each against the previous period of equal length, with a short trend. Visits,
    families visited and the visit shares are read from the grid (dashboard/privacy): a
    selection's figure is shown where every cell it adds up from is, its change where both
    periods are, its trend's points as the grid has them."""
    lang, threshold, targets = context.lang, context.threshold, context.settings.targets
    view = context.view()
    previous = view.previous() if view else None
    window, interval = _trend_window(view, previous)
    measures = ["visits", "families_visited"]
    counts = _by_measure(context.counts(measures, view=view))
    before = _by_measure(context.counts(measures, view=previous)) if previous else None
    shares = _by_indicator(context.shares(VISIT_SHARES, view=view))
    shares_before = (_by_indicator(context.shares(VISIT_SHARES, view=previous))
                     if previous else None)
    trends = context.shares(VISIT_SHARES, interval=interval, view=window) if window else None
    visits_trend = (context.counts(["visits"], interval=interval, view=window)
                    if window else None)
    missing = pd.concat([context.query("visit_shares"), context.query("reach_shares")]
                        ).set_index("indicator").missing
    visits = [
        grid_count_tile("visits", counts["visits"], lang, threshold,
                        before["visits"] if before else None,
                        _points(visits_trend, "shown")),
        grid_count_tile("families_visited", counts["families_visited"], lang, threshold,
                        before["families_visited"] if before else None)]
    visits += [grid_share_tile(i, shares[i], int(missing.get(i, 0)), lang, threshold,
                               targets.get(i), shares_before[i] if shares_before else None,
                               _points(trends[trends.indicator == i] if trends is not None
                                       else None, "value"))
               for i in VISIT_SHARES]
    families = _by_indicator(context.shares(FAMILY_TILES, view=view))
    families_before = (_by_indicator(context.shares(FAMILY_TILES, view=previous))
                       if previous else None)
    family_tiles = [grid_share_tile(i, families[i], int(missing.get(i, 0)), lang, threshold,
                                    targets.get(i),
                                    families_before[i] if families_before else None)
                    for i in FAMILY_TILES]
    return KeyTiles(visits, family_tiles, interval, previous is not None)


def _by_measure(rows: pd.DataFrame) -> dict:
    """counts' rows of one group by measure."""
    return {r.measure: r for r in rows.itertuples(index=False)}


def _by_indicator(rows: pd.DataFrame) -> dict:
    return {r.indicator: r for r in rows.itertuples(index=False)}


def _points(rows: pd.DataFrame | None, column: str) -> tuple[float, ...]:
    """A tile's trend: its shown values in time order (hidden ones left out)."""
    if rows is None or rows.empty:
        return ()
    return tuple(rows.sort_values("period_group")[column].dropna().astype(float).round(4))


def _trend_window(view, previous):
    """The view of a tile's short trend (the period and the one before) and its time
    scale: by month up to two years, by quarter up to eight, else by year."""
    if view is None:
        return None, "month"
    from dataclasses import replace
    window = replace(view, first=previous.first) if previous else view
    months = window.last - window.first + 1
    return window, "month" if months <= 24 else "quarter" if months <= 96 else "year"



def grid_rows(rows: pd.DataFrame, key: str | None = None) -> pd.DataFrame:
    """Context.counts' or .shares' rows with the pages' column names: `period`, and the
    group of units as `key` (district, bvc_id)."""
    out = rows.rename(columns={"period_group": "period"})
    return out.rename(columns={"unit_group": key}) if key else out.drop(columns="unit_group")


def visits_by_district(context, interval: str) -> Figure:
    """The selection's visits per district (its BVCs' part of a district where it holds
    part of one) and period, as the grid has them."""
    lang, threshold = context.lang, context.threshold
    rows = grid_rows(context.counts(["visits"], by="district", interval=interval), "district")
    rows = rows[rows.value > 0].rename(columns={"value": "visits"})
    districts = context.labelled(rows, interval)
    title = t("visits_by_district", lang)
    return Figure(
        title,
        charts.trend(districts.rename(columns={"shown": "value"}),
                     value_title=t("visits", lang), is_share=False, interval=interval,
                     lang=lang, series="district", series_title=t("district", lang),
                     title=title, description=t("visits_by_district_alt", lang)),
        tables.count_table(districts, lang, threshold, ["district"]),
        "besok_per_stadsdel.csv", ["visits"], ["grid_cells"], districts.shown)


def bvc_against_averages(context, bvc_id: str, interval: str) -> pd.DataFrame:
    """A BVC's visits per period beside the mean per BVC of its district and of all units
    (means over the BVCs with visits that period), each hidden where the grid hides the
    count behind it (a mean times its BVCs is the district's count). Columns: period,
    series, value."""
    from dataclasses import replace
    view = context.view(context.filters.period_only())
    units = context.query("units")
    district = units.district[units.bvc_id == bvc_id].iloc[0]
    members = frozenset(units.bvc_id[units.district == district])
    every = context.counts(["visits"], by="bvc", interval=interval, view=view)
    active = every[every.value > 0]
    parts = []
    own = every[every.unit_group == bvc_id]
    parts.append(pd.DataFrame({"period": own.period_group, "series": dict(zip(
        units.bvc_id, units.bvc_name))[bvc_id], "value": own.shown}))
    for chosen, label in ((members, f"{t('district_average', context.lang)} {district}"),
                          (view.chosen, t("all_average", context.lang))):
        rows = context.counts(["visits"], interval=interval, view=replace(view, chosen=chosen))
        with_visits = active[active.unit_group.isin(chosen)]
        bvcs = rows.period_group.map(with_visits.groupby("period_group").size()).fillna(0)
        parts.append(pd.DataFrame({"period": rows.period_group, "series": label,
                                   "value": rows.shown / bvcs.where(bvcs > 0)}))
    return pd.concat(parts, ignore_index=True).sort_values(["period"], kind="stable")


def coarse_shown(context, view=None) -> bool:
    """Whether the grid holds the figures per visit number, destination and score for the
    selection's period: a whole year, a preset's period or the whole export
    (privacy.build.COARSE_KINDS)."""
    view = view or context.view()
    return view is not None and all(p.held(COARSE_KINDS) for p in view.periods_of())


def by_visit_number(context, parts: tuple[str, ...]) -> pd.DataFrame:
    """Per programme of the selection's BVCs and visit number (programme_id,
    visit_number, label): each part's count of the grid for the selection ("visits";
    "n" and "N": on time, of those with a birth date), its verdict (`<part>_hidden`).
    Empty where the grid holds none for the period (coarse_shown)."""
    view = context.view()
    steps = _steps_of(context, view if coarse_shown(context, view) else None)
    measures = [number_measure(part, p, k) for p, k in zip(steps.programme_id,
                                                           steps.visit_number)
                for part in parts]
    # a row per measure, in their order (none: no rows)
    counts = context.counts(measures, view=view) if measures else read.empty_counts()
    value = counts.value.to_numpy().reshape(len(steps), len(parts))
    hidden = counts.hidden.to_numpy(dtype=bool).reshape(len(steps), len(parts))
    out = steps.copy()
    for k, part in enumerate(parts):
        out[part], out[f"{part}_hidden"] = value[:, k], hidden[:, k]
    return out


def _steps_of(context, view) -> pd.DataFrame:
    """The visit numbers (programme_id, visit_number, label) of the programmes of the
    BVCs of `view` (None: none)."""
    steps = context.query("programme_schedules")[["programme_id", "visit_number", "label"]]
    if view is None:
        return steps.iloc[:0]
    units = context.query("units")
    return steps[steps.programme_id.isin(set(units.programme_id[units.bvc_id.isin(
        view.chosen)]))].reset_index(drop=True)


def retention_by_cohort(context, cohort: str) -> pd.DataFrame:
    """Retention per birth cohort (`cohort`: "half_year" or "year"; every cohort, whatever
    the period), programme and visit number of the selection's units, as the grid has its n
    and N (hidden where n or N is, or N is small): cohort, programme_id, visit_number,
    label, n, denominator, hidden, value; the rows with an N."""
    view = context.view(context.filters.units_only())
    steps = _steps_of(context, view)
    columns = ["cohort", "programme_id", "visit_number", "label", "n", "denominator",
               "hidden", "value"]
    if steps.empty:
        return pd.DataFrame(columns=columns)
    steps = steps.assign(indicator=[retention_share(p, k) for p, k in
                                    zip(steps.programme_id, steps.visit_number)])
    rows = context.shares(list(steps.indicator), interval=cohort, view=view)
    out = rows[rows.denominator > 0].rename(columns={"period_group": "cohort"}).merge(
        steps, on="indicator")
    return out.sort_values(["cohort", "programme_id", "visit_number"],
                           ignore_index=True)[columns]


def on_time_by_number(context) -> pd.DataFrame:
    """Visits on time per programme and visit number with visits (n of N, hidden where n
    or N is, or N is small), as series.step_shares' rows."""
    rows = by_visit_number(context, ("visits", "n", "N"))
    rows = rows[rows.visits > 0].rename(columns={"N": "denominator"})
    hidden = rows.n_hidden | rows.N_hidden | (rows.denominator < context.threshold)
    return rows.assign(hidden=hidden, value=(rows.n / rows.denominator.where(
        rows.denominator > 0)).where(~hidden))


def visits_by_number(context) -> Figure:
    """Visits per visit number, one panel per programme (programmes are never pooled)."""
    lang = context.lang
    bars = series.visits_by_number_bars(by_visit_number(context, ("visits",)),
                                        context.programme_names, lang, context.threshold)
    title = t("visits_by_number", lang)
    return Figure(
        title,
        charts.bars(bars, category="category", value_title=t("visits", lang), is_share=False,
                    lang=lang, title=title, description=t("visits_by_number_alt", lang),
                    group="group"),
        tables.step_table(bars, lang, t("visits", lang)), "besok_per_nummer.csv",
        ["visits_by_number"], ["grid_cells", "programme_schedules"], bars.value)


def both_professions_by_bvc(context, large: bool = False) -> Figure:
    """Both professions per BVC of the selection over the period against the target, as
    the grid has each BVC's share; `large` for a projector."""
    lang, threshold = context.lang, context.threshold
    both = "both_professions_share"
    target = context.settings.targets.get(both)
    units = context.query("units")
    rows = grid_rows(context.shares([both], by="bvc"), "bvc_id")
    rows = rows[rows.denominator > 0].merge(units[["bvc_id", "bvc_name", "district"]],
                                            on="bvc_id")
    rows = rows.sort_values(["value", "bvc_name"], na_position="last")
    dots = tables.unit_share_frame(rows, lang, threshold)
    title = t("both_by_bvc", lang)
    return Figure(
        title,
        charts.unit_dots(dots, value_title=indicator_name(both, lang), lang=lang, title=title,
                         description=t("both_by_bvc_alt", lang), target=target,
                         target_label=t("target", lang), below_label=t("target_not_met", lang),
                         met_label=t("target_met", lang),
                         **({"height_per_unit": 38, "font_size": 20} if large else {})),
        tables.unit_share_table(dots, lang, target), "bada_professionerna_per_bvc.csv", [both],
        ["grid_cells"], dots.value)


def shares_over_time(context, indicators: list[str], interval: str, by: str | None = None,
                     names: dict | None = None) -> pd.DataFrame:
    """Visit shares of the selection per period (and `by` "district" or "bvc"), labelled,
    with `series` (the indicator's name, or the unit's) for a chart of lines."""
    key = {"bvc": "bvc_id", "district": "district"}.get(by, "_unit")
    rows = grid_rows(context.shares(indicators, by=by, interval=interval), key)
    rows = context.labelled(rows, interval)
    if by == "bvc":
        units = context.query("units")
        rows["series"] = rows.bvc_id.map(dict(zip(units.bvc_id, units.bvc_name)))
    elif by == "district":
        rows["series"] = rows.district
    else:
        rows["series"] = rows.indicator.map(names or {})
    return rows


def programme_shares(context, indicator: str) -> pd.DataFrame:
    """One visit share over the period per programme of the selection (its BVCs of that
    programme, as the grid has them), for bars: category, n, denominator, hidden, value."""
    from dataclasses import replace
    units = context.query("units")
    view = context.view()
    parts = []
    for programme, members in units.groupby("programme_id").bvc_id:
        chosen = view.chosen & frozenset(members)
        if chosen:
            rows = context.shares([indicator], view=replace(view, chosen=chosen))
            parts.append(rows.assign(programme_id=programme))
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["programme_id", "n", "denominator", "hidden", "value"])
    out = out[out.denominator > 0]
    return out.assign(category=[context.programme_names.get(p, p) for p in out.programme_id])


def destination_counts(context, view=None, by: str | None = None) -> pd.DataFrame:
    """Referrals per destination of the selection (or `view`), a row per destination
    (and district, `by` "district") as the grid has them: destination_group, destination,
    unit_group, value, hidden. Empty where the grid holds none for the period
    (coarse_shown)."""
    view = view or context.view()
    codes = VOCABULARIES["destination"]
    if not coarse_shown(context, view):
        return pd.DataFrame(columns=["destination_group", "destination", "unit_group",
                                     "value", "hidden"])
    rows = context.counts([referral_measure(d) for d in codes], by=by, view=view)
    # per distinct measure, not per row: by district a national selection has 300 a code
    destination = rows.measure.map({m: m.split(":", 1)[1] for m in rows.measure.unique()})
    return pd.DataFrame({"destination_group": destination.map(
                             {d: codes[d].group for d in destination.unique()}),
                         "destination": destination, "unit_group": rows.unit_group,
                         "value": rows.value, "hidden": rows.hidden.astype(bool)})


def referral_destinations(context) -> Figure:
    """The destinations' bars for the selection, as the grid has them (one district: its
    cells, the same as in the table of every district)."""
    lang = context.lang
    bars = series.destination_bars(destination_counts(context), lang, context.threshold)
    title = t("destinations_title", lang)
    return Figure(
        title,
        charts.bars(bars, category="category", value_title=t("referrals", lang),
                    is_share=False, lang=lang, title=title,
                    description=t("destinations_alt", lang), group="group",
                    group_title=t("destination_group", lang)),
        tables.destination_table(bars, lang), "hanvisningar_per_mal.csv",
        ["open_forum_referral_share"], ["grid_cells"], bars.value)


def destinations_by_district(context) -> pd.DataFrame:
    """Referrals per destination (rows) and district of the selection (a column each),
    as text: every district's cells over the selection's period, the same verdicts
    whichever district is chosen."""
    view = context.view()
    every = context.view(context.filters.period_only())
    rows = destination_counts(context, every, by="district")
    districts = sorted(set(view.units.district[view.units.bvc_id.isin(view.chosen)])) if (
        view is not None) else []
    return series.destinations_by_district(rows[rows.unit_group.isin(districts)],
                                           context.lang, context.threshold)


ROLES = tuple(VOCABULARIES["rater_role"])


def rating_counts(context, interval: str | None = None, view=None) -> pd.DataFrame:
    """Ratings per item and rater role of the selection (or `view`) as the grid has them,
    and pooled ("all": the roles' sum, shown only where each role's is), per period of
    `interval` (or one row): period_group, item, rater_role, n, hidden, held. `held`:
    whether the grid holds ratings for the period (a whole quarter, a year, a preset's
    period or the whole export, privacy.build.RATING_KINDS; a month or a part of a quarter
    not), its n 0 and hidden where not."""
    view = view or context.view()
    items = list(VOCABULARIES["rating_item"])
    if view is None:
        return pd.DataFrame(columns=["period_group", "item", "rater_role", "n", "hidden",
                                     "held"])
    rows = context.counts([rating_measure(i, r) for i in items for r in ROLES],
                          interval=interval, view=view)
    held: dict = {}
    for part in view.periods_of(interval):
        held[pd.Timestamp(part.group)] = held.get(pd.Timestamp(part.group), True) and (
            part.held(RATING_KINDS))
    parts = rows.measure.str.split(":", expand=True)
    roles = pd.DataFrame({"period_group": pd.to_datetime(rows.period_group),
                          "item": parts[1], "rater_role": parts[2], "n": rows.value,
                          "hidden": rows.hidden.astype(bool)})
    pooled = roles.groupby(["period_group", "item"], sort=False).agg(
        n=("n", "sum"), hidden=("hidden", "any")).reset_index()
    pooled["hidden"] |= (pooled.n > 0) & (pooled.n < context.threshold)
    out = pd.concat([roles, pooled.assign(rater_role="all")], ignore_index=True)
    out["held"] = out.period_group.map(held).fillna(False).astype(bool)
    out.loc[~out.held, "n"] = 0
    out.loc[~out.held, "hidden"] = True
    return out.sort_values(["period_group", "item", "rater_role"], kind="stable",
                           ignore_index=True)


def ratings_shown(context, view=None) -> bool:
    """Whether the grid holds the ratings for the selection's whole period."""
    counts = rating_counts(context, view=view)
    return bool(len(counts)) and bool(counts.held.all())


def rating_means(context, means: pd.DataFrame, interval: str | None = None, view=None
                 ) -> pd.DataFrame:
    """The means of `means` (a rating_means query's rows: item, rater_role, mean, and
    period per `interval`) with the grid's verdict on their n: rating_counts' rows with
    `mean` (NaN where none) and `value` (the mean, NaN where hidden)."""
    counts = rating_counts(context, interval, view)
    keys = ["item", "rater_role"] + (["period_group"] if interval else [])
    found = means.rename(columns={"period": "period_group"})
    if interval:
        found = found.assign(period_group=pd.to_datetime(found.period_group))
    out = counts.merge(found[keys + ["mean"]], on=keys, how="left")
    out["value"] = out["mean"].where(~out.hidden & (out.n > 0))
    return out


def scores_shown(context, view=None) -> bool:
    """Whether the grid holds the ratings per score for the selection: every unit, over
    whole calendar years or the whole export (privacy.build.SCORE_KINDS)."""
    view = view or context.view()
    return (view is not None and all(p.held(SCORE_KINDS) for p in view.periods_of())
            and all(u.level == "all" for u in view.units_of()))


def score_counts(context, view=None) -> pd.DataFrame:
    """Ratings per item, rater role and score of the selection's whole period as the grid
    has them (scores_shown; empty elsewhere): item, rater_role, score, scale_max, ratings,
    hidden."""
    view = view or context.view()
    columns = ["item", "rater_role", "score", "scale_max", "ratings", "hidden"]
    if not scores_shown(context, view):
        return pd.DataFrame(columns=columns)
    codes = VOCABULARIES["rating_item"]
    keys = [(i, r, s) for i, code in codes.items() for r in ROLES
            for s in range(1, int(code.scale_max) + 1)]
    rows = context.counts([score_measure(*k) for k in keys], view=view)
    return pd.DataFrame({"item": [i for i, _, _ in keys], "rater_role": [r for _, r, _ in keys],
                         "score": [s for *_, s in keys],
                         "scale_max": [int(codes[i].scale_max) for i, _, _ in keys],
                         "ratings": rows.value.to_numpy(),
                         "hidden": rows.hidden.to_numpy(dtype=bool)})[columns]


def reach_funnel(context, view=None) -> Figure:
    """Each stage of reach over the selection's families (`view`: every cohort, or the
    families born in the period), as the grid has its n and N."""
    lang, threshold = context.lang, context.threshold
    totals = context.shares(REACH_STAGES, view=view)
    funnel = tables.with_texts(totals, lang, threshold)
    funnel["category"] = [indicator_name(s, lang) for s in funnel.indicator]
    title = t("reach_funnel_title", lang)
    # each step has its own N (completion: the families old enough to have completed), so
    # the bars say n / N: "92 %" after "83 %" read as a funnel that grew (user test)
    bars = funnel.assign(value_text=[f"{v} ({d})" if v != DASH else v
                                     for v, d in zip(funnel.value_text, funnel.detail)])
    return Figure(
        title,
        charts.bars(bars, category="category", value_title=t("share", lang), is_share=True,
                    lang=lang, title=title, description=t("reach_funnel_alt", lang)),
        tables.category_share_table(funnel, lang, t("indicator", lang), t("value", lang)),
        "rackvidd.csv", REACH_STAGES, ["grid_cells"], funnel.value)
