"""Small numbers never identify a family (contract, section 6): counts from 1 to
threshold - 1 show as "<threshold", shares and means with N below it show as "–"."""
from __future__ import annotations

from dashboard.numbers import DASH, decimal, integer, percent


def count_text(n, threshold: int, lang: str = "sv") -> str:
    if n is None:
        return DASH
    if 0 < int(n) < threshold:
        return f"<{threshold}"
    return integer(n, lang)


def share_hidden(n, denominator, threshold: int) -> bool:
    """A share is hidden when N is small, and when n is a hidden count: with N shown, the
    share would let n be recomputed."""
    return is_hidden(denominator, threshold) or 0 < int(n) < threshold


def share_text(n, denominator, threshold: int, lang: str = "sv") -> str:
    if share_hidden(n, denominator, threshold):
        return DASH
    return percent(int(n) / int(denominator), lang)


def mean_text(mean, n, threshold: int, lang: str = "sv") -> str:
    if mean is None or not n or int(n) < threshold:
        return DASH
    return decimal(float(mean), lang)


def is_hidden(denominator, threshold: int) -> bool:
    return not denominator or int(denominator) < threshold


def hidden_cells(counts: list[int], threshold: int, total_shown: bool = True) -> list[bool]:
    """Which cells of a set of sibling counts to hide: every count from 1 to threshold - 1,
    and, where the siblings' total is shown and only one cell would be hidden, the next
    smallest non-zero cell too, so that the hidden one cannot be recomputed."""
    hidden = [0 < int(c) < threshold for c in counts]
    if total_shown and sum(hidden) == 1:
        candidates = [(int(c), i) for i, c in enumerate(counts) if not hidden[i] and int(c) > 0]
        if candidates:
            hidden[min(candidates)[1]] = True
    return hidden


def hidden_grid(grid: list[list[int]], threshold: int) -> list[list[bool]]:
    """Which cells of a table of counts to hide when its row and column totals are shown
    (on the page or another): every count from 1 to threshold - 1, then, for as long as a
    row or a column has a lone hidden cell, the next smallest non-zero cell of that line
    too (hidden_cells in two directions)."""
    hidden = [[0 < int(c) < threshold for c in row] for row in grid]
    rows, columns = len(grid), len(grid[0]) if grid else 0
    lines = ([[(i, j) for j in range(columns)] for i in range(rows)]
             + [[(i, j) for i in range(rows)] for j in range(columns)])
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(hidden[i][j] for i, j in line) != 1:
                continue
            candidates = [(int(grid[i][j]), i, j) for i, j in line
                          if not hidden[i][j] and int(grid[i][j]) > 0]
            if candidates:
                _, i, j = min(candidates)
                hidden[i][j] = changed = True
    return hidden


def counts_text(counts: list[int], threshold: int, lang: str = "sv",
                total_shown: bool = True) -> list[str]:
    """Sibling counts as text: small ones "<threshold", their complement "–"."""
    hidden = hidden_cells(counts, threshold, total_shown)
    return [(f"<{threshold}" if 0 < int(c) < threshold else DASH) if h else integer(c, lang)
            for c, h in zip(counts, hidden)]
