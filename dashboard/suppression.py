"""Small numbers never identify a family (contract, section 6): counts from 1 to
threshold - 1 show as "<threshold", shares and means with N below it show as "–"."""
from __future__ import annotations

import numpy as np

from dashboard.numbers import DASH, decimal, integer, percent


def cell_text(value, hidden: bool, threshold: int, lang: str) -> str:
    """A count as shown: "<5" for a small one, "–" for one hidden to protect another
    (the grid keeps no zero cells, so a hidden one is never 0)."""
    if 0 < int(value) < threshold:
        return f"<{threshold}"
    return DASH if hidden else integer(value, lang)


def cell_texts(values, hidden, threshold: int, lang: str) -> list[str]:
    """cell_text of every cell at once, each distinct number formatted once (a national
    table has tens of thousands of cells and a few thousand distinct numbers)."""
    values = np.asarray(values, dtype="int64")
    hidden = np.asarray(hidden, dtype=bool)
    distinct, where = np.unique(values, return_inverse=True)
    texts = np.array([integer(int(v), lang) for v in distinct] or [""], dtype=object)
    texts = texts[where] if len(values) else np.array([], dtype=object)
    small = (values > 0) & (values < threshold)
    texts[hidden & ~small] = DASH
    texts[small] = f"<{threshold}"
    return texts.tolist()


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


def hidden_cells(counts: list[int], threshold: int, total_shown: bool = True,
                 also=()) -> list[bool]:
    """Which cells of a set of sibling counts to hide: every count from 1 to threshold - 1
    (and those at the positions `also`), and, where the siblings' total is shown and only
    one cell would be hidden, the next smallest non-zero cell too, so that the hidden one
    cannot be recomputed."""
    hidden = [0 < int(c) < threshold or i in also for i, c in enumerate(counts)]
    if total_shown and sum(hidden) == 1:
        candidates = [(int(c), i) for i, c in enumerate(counts) if not hidden[i] and int(c) > 0]
        if candidates:
            hidden[min(candidates)[1]] = True
    return hidden


def counts_text(counts: list[int], threshold: int, lang: str = "sv",
                total_shown: bool = True) -> list[str]:
    """Sibling counts as text: small ones "<threshold", their complement "–"."""
    hidden = hidden_cells(counts, threshold, total_shown)
    return [(f"<{threshold}" if 0 < int(c) < threshold else DASH) if h else integer(c, lang)
            for c, h in zip(counts, hidden)]
