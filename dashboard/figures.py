"""The figures that both a page and the meeting report show: named queries in, a chart with
its table alternative out, suppressed the same way wherever they are drawn. A context is
anything with `query`, `labelled`, `lang`, `threshold`, `settings`, `filters`, `db` and
`programme_names` (the page's or the report's)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from dashboard import charts, series, tables
from dashboard.i18n import indicator_name, t
from dashboard.numbers import DASH
from dashboard.tiles import Tile, count_tile, share_tile, share_tiles

VISIT_SHARES = ["home_share", "both_professions_share", "planned_team_share",
                "within_time_share", "mother_present_share", "other_parent_share",
                "referral_visit_share", "open_forum_referral_share", "extra_support_visit_share"]
FAMILY_SHARES = ["offered_share", "accepted_share"]
REACH_STAGES = ["offered_share", "accepted_share", "started_share", "completed_share"]


@dataclass
class Figure:
    title: str
    chart: alt.TopLevelMixin
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
    each against the previous period of equal length, with a short trend."""
    lang, threshold, targets = context.lang, context.threshold, context.settings.targets
    counts = context.query("visit_counts").iloc[0]
    previous = context.filters.previous()
    before = context.query("visit_counts", previous).iloc[0] if previous else None
    window, interval = series.trend_window(context.filters, context.db.export.reference_date)
    monthly = context.query("visit_shares_by_period", window, interval=interval)
    # the trend's months before the period and in it add up to the tile's two totals (its
    # change shows the one before): hidden as two sets of siblings, else a month the trend
    # shows gives a hidden one back (audit: 94 − 92 = 2)
    split = context.filters.date_from if _by_months(context, interval, previous) else None
    units = (_share_units(context, window, "month") if split and window.chooses_units
             else None)
    trends = series.share_trends(monthly, VISIT_SHARES, threshold, split, interval,
                                 trend_withheld(context, window, interval, units=units))
    # the visits as Besök hides them for the period and the one before, each over every
    # unit (counted over the selection alone, a period from another day than the 1st
    # showed the audit a September of GBG-ANG-01 that Besök hides)
    one = _one_unit(context.filters)
    visits_trend = pd.concat([
        context.linked_visits(f).view(one[0], interval, one[1]) if one else
        context.linked_visits(f).sums(interval, set(context.query(
            "visit_counts_by_bvc_and_period", f, interval="month").bvc_id))
        for f in ((previous, context.filters) if previous else (context.filters,))],
        ignore_index=True)
    visits = [
        count_tile("visits", counts.visits, lang, threshold,
                   None if before is None else before.visits,
                   tuple(visits_trend.shown.dropna())),
        count_tile("families_visited", counts.families_visited, lang, threshold,
                   None if before is None else before.families_visited)]
    shares, shares_before = _visit_shares(context, monthly, interval, previous)
    visits += share_tiles(shares, VISIT_SHARES, lang, threshold, targets, shares_before, trends)
    (reach, completed), before_families = _family_shares(context, window, interval, previous)
    reach_before, completed_before = before_families or (None, None)
    families = share_tiles(reach, FAMILY_SHARES, lang, threshold, targets, reach_before)
    families.append(share_tile(
        "completed_share", completed.n.sum(), completed.denominator.sum(),
        completed.missing.sum(), lang, threshold, targets.get("completed_share"),
        None if completed_before is None else (completed_before.n.sum(),
                                               completed_before.denominator.sum())))
    now = _withheld(context, context.filters, units)
    before = _withheld(context, previous, units) if previous else set()
    return KeyTiles([withhold(tile, now, before) for tile in visits],
                    [withhold(tile, now, before) for tile in families],
                    interval, previous is not None)


# each tile's figure per BVC in counts_by_bvc: a count, or a share's (n, N)
TILE_FIGURES = {"visits": "visits", "families_visited": "families_visited",
                "offered_share": ("offered", "families"),
                "accepted_share": ("accepted", "answered"),
                "completed_share": ("completed", "completion_eligible")}


def _withheld(context, filters, by_month=None) -> set[str]:
    """The tiles a selection of units hides for `filters`' period: those whose figure
    adds up from a BVC or a district the page of every unit hides (selection.py).
    `by_month`: _share_units by month over a window holding the period in whole months
    (the tiles' trend reads them anyway), else asked for by year."""
    from dashboard.selection import Selection, bvc_sums, counts_hidden, shares_hidden
    if not filters.chooses_units:
        return set()
    every = context.query("counts_by_bvc", filters.period_only())
    chosen = every.bvc_id[(not filters.districts or every.district.isin(filters.districts))
                          & (not filters.bvcs or every.bvc_id.isin(filters.bvcs))
                          & (not filters.programmes
                             or every.programme_id.isin(filters.programmes))]
    selection = Selection.of(chosen, every)
    if selection.everything:
        return set()
    threshold, out = context.threshold, set()
    linked = context.linked_visits(filters)  # the visits as Besök and Datakvalitet hide them
    hidden = {"visits": (set(linked.totals_hidden["bvc"]),
                         set(linked.totals_hidden["district"]))}
    for indicator, figure in TILE_FIGURES.items():
        if indicator not in hidden:
            hidden[indicator] = (
                counts_hidden(every, figure, threshold, selection.partial)
                if isinstance(figure, str) else
                shares_hidden(every, *figure, threshold, selection.partial))
    if by_month is None:
        _, touched, districts = _share_units(context, filters, "year")
    else:  # the period's months of the window's
        touched, districts = (frame[(frame.period >= pd.Timestamp(filters.date_from))
                                    & (frame.period <= pd.Timestamp(filters.date_to))]
                              for frame in by_month[1:])
    per_bvc = bvc_sums(touched)
    per_district = districts.groupby(["indicator", "district"], as_index=False)[
        ["n", "denominator"]].sum()
    for indicator in VISIT_SHARES:
        hidden[indicator] = shares_hidden(
            per_bvc[per_bvc.indicator == indicator], "n", "denominator", threshold,
            selection.partial, per_district[per_district.indicator == indicator])
    return {indicator for indicator, (bvcs, districts) in hidden.items()
            if selection.hidden(bvcs, districts)}


def _reach_withheld(context, filters) -> set[str]:
    """The reach stages the funnel hides for a selection of BVCs or a programme: those
    whose total over the cohorts adds up from a BVC or a district hidden over every unit
    (each BVC's total beside its district's others, each district's beside the others)."""
    from dashboard.selection import bvc_sums, share_withheld
    if not filters.chooses_part:
        return set()  # whole districts: their totals are the reach table's, hidden there
    every = series.reach_stages(context.query("reach_by_bvc_and_cohort",
                                              filters.period_only(), cohort="year"))
    chosen = set(context.query("reach_by_bvc_and_cohort", filters, cohort="year").bvc_id)
    return {indicator for indicator, rows in bvc_sums(every).groupby("indicator")
            if share_withheld(chosen, rows, context.threshold)}


def programmes_withheld(context, shares: pd.DataFrame, indicator: str) -> set[str]:
    """The programmes whose share of `indicator` over the period (bars of the selection's
    BVCs per programme, `shares`) adds up from a BVC or a district hidden over every unit
    (a programme of one BVC chosen is that BVC: audit, 7 / 7 where its tile is "–")."""
    from dashboard.selection import bvc_sums, share_withheld
    every = bvc_sums(context.query("indicator_by_bvc_and_period",
                                   context.filters.period_only(), interval="year",
                                   indicator=indicator), by=())
    return {programme for programme, rows
            in shares[shares.indicator == indicator].groupby("programme_id")
            if share_withheld(set(rows.bvc_id), every, context.threshold)}


def _share_units(context, filters, interval: str):
    """visit_shares at `interval` over `filters`' period: the selection's BVCs' rows,
    every BVC's of the districts they are in, and every district's (all BVCs of all
    districts are a hundred times the rows, and only these districts' matter)."""
    from dataclasses import replace
    chosen = context.query("visit_shares_by_bvc_and_period", filters, interval=interval)
    every = filters.period_only()
    touched = context.query("visit_shares_by_bvc_and_period",
                            replace(every, districts=tuple(sorted(set(chosen.district)))),
                            interval=interval) if len(chosen) else chosen
    return chosen, touched, context.query("visit_shares_by_district_and_period", every,
                                          interval=interval)


def trend_withheld(context, window, interval: str, indicators=VISIT_SHARES,
                   units=None) -> dict[str, set]:
    """Per visit share, the periods (day numbers) of a trend over `window` (the tiles',
    or a page's chart of the selection over time) that a selection of units hides, as
    _withheld does for the tiles: each period's BVCs and districts hidden as siblings over
    every unit (selection.units_hidden)."""
    from dashboard.hiding import day_numbers
    from dashboard.selection import Selection, units_hidden
    if not window.chooses_units:
        return {}
    chosen, touched, districts = units or _share_units(context, window, interval)

    def rows_of(frame):
        frame = frame[frame.indicator.isin(indicators)
                      & ((frame.n > 0) | (frame.denominator > 0))]
        return frame.assign(_p=day_numbers(frame.period))
    rows = rows_of(touched)
    bvcs, hidden_districts = units_hidden(rows, ["indicator", "_p"], context.threshold,
                                          set(rows.district), rows_of(districts))
    by_group: dict = {}
    for level, found in enumerate((bvcs, hidden_districts)):
        for unit, indicator, period in found:
            by_group.setdefault((indicator, period), (set(), set()))[level].add(unit)
    chosen_ids, out = set(chosen.bvc_id), {}
    for key, group in rows[rows.set_index(["indicator", "_p"]).index.isin(
            list(by_group))].groupby(["indicator", "_p"], sort=False):
        if Selection.of(chosen_ids, group, complete=False).hidden(*by_group[key]):
            out.setdefault(key[0], set()).add(key[1])
    return out


_NUMBER = re.compile(r"(?<![<\d])\d(?:[\d\u00a0 ]*\d)?")  # "1 646", not "<5"


def withhold(tile: Tile, now: set[str], before: set[str]) -> Tile:
    """The tile as shown: its figure hidden where the selection gives a hidden one back
    (`now`), its change where the previous period's does (`before`)."""
    from dataclasses import replace
    if tile.indicator in now:  # its numbers, not what is shown of small ones ("<5")
        return replace(tile, value=tile.value if tile.value.startswith("<") else DASH,
                       detail=_NUMBER.sub(DASH, tile.detail), target="", change=None)
    return replace(tile, change=None) if tile.indicator in before else tile


def _one_unit(filters) -> tuple[str, set | None] | None:
    """The level and units whose months in the linked visits are the selection's: all
    units, one district or one BVC (None for another choice of units)."""
    if filters.programmes or len(filters.bvcs) > 1 or (filters.districts and filters.bvcs):
        return None
    if filters.bvcs:
        return "bvc", set(filters.bvcs)
    if len(filters.districts) == 1:
        return "district", set(filters.districts)
    return None if filters.districts else ("all", None)


def _by_months(context, interval: str, previous) -> bool:
    """Whether the period and the one before are whole months inside the trend's window
    (the presets): then their numbers are sums of the trend's monthly rows."""
    filters = context.filters
    return bool(interval == "month" and previous and filters.date_from.day == 1
                and previous.date_from.day == 1)


def _family_shares(context, window, interval: str, previous):
    """(reach_shares' rows, completed_share's rows) over the period, and the same over the
    one before (None without one): summed from the window's birth months when
    _by_months, else asked for."""
    filters = context.filters
    if _by_months(context, interval, previous):
        monthly = context.query("family_counts_by_period", window, interval="month")
        return (series.family_shares_between(monthly, filters.date_from, filters.date_to),
                series.family_shares_between(monthly, previous.date_from, previous.date_to))
    asked = (context.query("reach_shares"), context.query("completed_share"))
    return asked, ((context.query("reach_shares", previous),
                    context.query("completed_share", previous)) if previous else None)


def _visit_shares(context, monthly: pd.DataFrame, interval: str, previous
                  ) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """visit_shares over the period and the one before: summed from the trend's months
    when _by_months, else asked for."""
    filters = context.filters
    if _by_months(context, interval, previous):
        return (series.shares_between(monthly, VISIT_SHARES, filters.date_from,
                                      filters.date_to),
                series.shares_between(monthly, VISIT_SHARES, previous.date_from,
                                      previous.date_to))
    return (context.query("visit_shares"),
            context.query("visit_shares", previous) if previous else None)


def visits_by_district(context, interval: str, linked, bvcs) -> Figure:
    """The selection's visits per district (`bvcs`: the selection's BVCs): the districts'
    rows of the linked visits, or with BVCs or programmes chosen, those BVCs' counts summed
    per district (Linked.sums)."""
    lang, threshold = context.lang, context.threshold
    if context.filters.chooses_part:
        rows = linked.sums(interval, bvcs, by_district=True)
    else:
        rows = linked.view("district", interval, {linked.district_of[b] for b in bvcs
                                                  if b in linked.district_of})
    districts = context.labelled(rows, interval)
    title = t("visits_by_district", lang)
    return Figure(
        title,
        charts.trend(districts.rename(columns={"shown": "value"}),
                     value_title=t("visits", lang), is_share=False, interval=interval,
                     lang=lang, series="district", series_title=t("district", lang),
                     title=title, description=t("visits_by_district_alt", lang)),
        tables.count_table(districts, lang, threshold, ["district"]),
        "besok_per_stadsdel.csv", ["visits"], ["visit_counts_by_bvc_and_period"],
        districts.shown)


def visits_by_number(context) -> Figure:
    """Visits per visit number, one panel per programme (programmes are never pooled)."""
    lang = context.lang
    bars = series.visits_by_number_bars(context.query("visits_by_number"),
                                        context.programme_names, lang, context.threshold)
    title = t("visits_by_number", lang)
    return Figure(
        title,
        charts.bars(bars, category="category", value_title=t("visits", lang), is_share=False,
                    lang=lang, title=title, description=t("visits_by_number_alt", lang),
                    group="group"),
        tables.step_table(bars, lang, t("visits", lang)), "besok_per_nummer.csv",
        ["visits_by_number"], ["visits_by_number"], bars.value)


def both_professions_by_bvc(context, shares: pd.DataFrame, large: bool = False) -> Figure:
    """Both professions per BVC against the target; `large` for a projector. The BVCs are
    hidden as siblings over every BVC of the period, and the selection's shown: a chosen
    BVC hides what the page of every unit hides."""
    lang, threshold = context.lang, context.threshold
    both = "both_professions_share"
    target = context.settings.targets.get(both)
    every = context.query("indicator_by_bvc_and_period", context.filters.period_only(),
                          interval="year", indicator=both)
    units = series.unit_rows(every, both, threshold)
    units = units[units.bvc_id.isin(set(shares.bvc_id))]
    dots = tables.unit_share_frame(units, lang, threshold)
    title = t("both_by_bvc", lang)
    return Figure(
        title,
        charts.unit_dots(dots, value_title=indicator_name(both, lang), lang=lang, title=title,
                         description=t("both_by_bvc_alt", lang), target=target,
                         target_label=t("target", lang), below_label=t("target_not_met", lang),
                         met_label=t("target_met", lang),
                         **({"height_per_unit": 38, "font_size": 20} if large else {})),
        tables.unit_share_table(dots, lang, target), "bada_professionerna_per_bvc.csv", [both],
        ["visit_shares_by_bvc_and_period"], dots.value)


def referral_destinations(context, destinations: pd.DataFrame) -> Figure:
    """The destinations' bars; with one district chosen, its column of the table over
    every district, hidden as there (as the page of every district hides it)."""
    lang = context.lang
    one = _one_unit(context.filters)
    if one and one[0] == "district":
        every = context.query("referrals_by_district_and_destination",
                              context.filters.period_only())
        bars = series.destination_bars(every, lang, context.threshold, *one[1])
    else:
        bars = series.destination_bars(destinations, lang, context.threshold)
    title = t("destinations_title", lang)
    return Figure(
        title,
        charts.bars(bars, category="category", value_title=t("referrals", lang),
                    is_share=False, lang=lang, title=title,
                    description=t("destinations_alt", lang), group="group",
                    group_title=t("destination_group", lang)),
        tables.destination_table(bars, lang), "hanvisningar_per_mal.csv",
        ["open_forum_referral_share"], ["referrals_by_district_and_destination"], bars.value)


def reach_funnel(context, stages: pd.DataFrame, filters=None) -> Figure:
    """Each stage over the selection (`stages`, of `filters`: the context's by default);
    with BVCs or a programme chosen, a stage that adds up from a BVC hidden over every unit
    is hidden (selection.py, as the tiles)."""
    lang, threshold = context.lang, context.threshold
    totals = series.stage_totals(stages, threshold)
    withheld = _reach_withheld(context, filters or context.filters)
    totals.loc[totals.indicator.isin(withheld), ["hidden", "value"]] = [True, float("nan")]
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
        "rackvidd.csv", REACH_STAGES, ["reach_by_district_and_cohort"], funnel.value)
