"""Indicator tiles and their table: formatted, suppressed and compared with targets. Pure
functions from query results to what a page shows (and downloads)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.i18n import indicator_definition, indicator_name, t
from dashboard.numbers import excel_value, percent, signed
from dashboard.suppression import cell_text, count_text, share_hidden, share_text


@dataclass(frozen=True)
class Tile:
    indicator: str
    label: str
    value: str
    detail: str
    help: str
    target: str = ""
    change: str | None = None  # against the previous period of equal length
    trend: tuple[float, ...] = ()
    has_target: bool = False


def _target_text(value: float | None, target: float | None, lang: str) -> str:
    if target is None or value is None:
        return ""
    met = value >= target
    mark = "✓ " + t("target_met", lang) if met else "✗ " + t("target_not_met", lang)
    return f"{t('target', lang)} {percent(target, lang)}: {mark}"


def share_change(current: tuple, previous: tuple | None, threshold: int, lang: str
                 ) -> str | None:
    """'+3 procentenheter'; None where there is no earlier period or either side is hidden."""
    if previous is None or share_hidden(*current[:2], threshold) or share_hidden(
            *previous[:2], threshold):
        return None
    points = round(100 * current[0] / current[1]) - round(100 * previous[0] / previous[1])
    return t("points_change", lang, value=signed(points, lang))


def count_change(current: int, previous: int | None, threshold: int, lang: str) -> str | None:
    """'+45'; None where there is no earlier period or either count is hidden."""
    if previous is None or 0 < int(current) < threshold or 0 < int(previous) < threshold:
        return None
    return signed(int(current) - int(previous), lang)


def share_tile(indicator: str, n: int, denominator: int, missing: int, lang: str,
               threshold: int, target: float | None = None,
               previous: tuple | None = None, trend: tuple[float, ...] = ()) -> Tile:
    hidden = share_hidden(n, denominator, threshold)
    detail = (f"n = {count_text(n, threshold, lang)} {t('of', lang)} "
              f"N = {count_text(denominator, threshold, lang)}")
    if missing:
        detail += f" · {t('missing', lang)} {count_text(missing, threshold, lang)}"
    if not denominator:
        detail = t("no_denominator", lang)
    value = None if hidden else n / denominator
    return Tile(indicator, indicator_name(indicator, lang),
                share_text(n, denominator, threshold, lang), detail,
                indicator_definition(indicator, lang), _target_text(value, target, lang),
                share_change((n, denominator), previous, threshold, lang), trend,
                target is not None)


def count_tile(indicator: str, count: int, lang: str, threshold: int,
               previous: int | None = None, trend: tuple[float, ...] = ()) -> Tile:
    return Tile(indicator, indicator_name(indicator, lang), count_text(count, threshold, lang),
                "", indicator_definition(indicator, lang),
                change=count_change(count, previous, threshold, lang), trend=trend)


def grid_count_tile(indicator: str, row, lang: str, threshold: int, previous=None,
                    trend: tuple[float, ...] = ()) -> Tile:
    """A count tile from the grid's verdict (`row`: value, hidden; `previous` the same for
    the period before): its change only where both are shown."""
    change = None
    if previous is not None and not (row.hidden or previous.hidden):
        change = signed(int(row.value) - int(previous.value), lang)
    return Tile(indicator, indicator_name(indicator, lang),
                cell_text(row.value, row.hidden, threshold, lang), "",
                indicator_definition(indicator, lang), change=change, trend=trend)


def grid_share_tile(indicator: str, row, missing: int, lang: str, threshold: int,
                    target: float | None = None, previous=None,
                    trend: tuple[float, ...] = ()) -> Tile:
    """A share tile from the grid's verdicts (`row` of read.shares: n, denominator, hidden,
    value and the verdicts of n and N, `n_hidden`, `denominator_hidden`); `missing` is not
    on the grid: shown as a count ("<5" where small)."""
    if not row.denominator:
        detail = t("no_denominator", lang)
    else:
        detail = (f"n = {cell_text(row.n, row.n_hidden, threshold, lang)} {t('of', lang)} "
                  f"N = {cell_text(row.denominator, row.denominator_hidden, threshold, lang)}")
        if missing:
            detail += f" · {t('missing', lang)} {count_text(missing, threshold, lang)}"
    value = None if row.hidden else row.value
    change = None
    if previous is not None and not (row.hidden or previous.hidden):
        points = round(100 * row.value) - round(100 * previous.value)
        change = t("points_change", lang, value=signed(points, lang))
    return Tile(indicator, indicator_name(indicator, lang),
                percent(value, lang) if value is not None else "–", detail,
                indicator_definition(indicator, lang), _target_text(value, target, lang),
                change, trend, target is not None)


def share_tiles(frame: pd.DataFrame, indicators: list[str], lang: str, threshold: int,
                targets: dict[str, float], previous: pd.DataFrame | None = None,
                trends: dict[str, tuple[float, ...]] | None = None) -> list[Tile]:
    """Tiles for the rows of a share query (indicator, n, denominator, missing), compared
    with the same query over the previous period where it is given."""
    rows = frame.set_index("indicator")
    before = previous.set_index("indicator") if previous is not None else None
    return [share_tile(i, rows.loc[i, "n"], rows.loc[i, "denominator"], rows.loc[i, "missing"],
                       lang, threshold, targets.get(i),
                       None if before is None else (before.loc[i, "n"],
                                                    before.loc[i, "denominator"]),
                       (trends or {}).get(i, ()))
            for i in indicators if i in rows.index]


def tiles_table(tiles: list[Tile], lang: str) -> pd.DataFrame:
    """The tiles as a table: the text alternative and the CSV download."""
    return pd.DataFrame({
        t("indicator", lang): [tile.label for tile in tiles],
        t("value", lang): [tile.value for tile in tiles],
        "n / N": [tile.detail for tile in tiles],
        t("change", lang): [tile.change or "" for tile in tiles],
        t("target", lang): [tile.target for tile in tiles],
    })


def excel_csv(frame: pd.DataFrame, lang: str = "sv") -> bytes:
    """CSV for Excel with Swedish settings: UTF-8 with BOM, `;` and decimal comma, numbers
    as numbers (a table's text cells as Excel reads them, see numbers.excel_value)."""
    cells = frame.map(lambda value: excel_value(value, lang))
    return cells.to_csv(sep=";", decimal=",", index=False).encode("utf-8-sig")
