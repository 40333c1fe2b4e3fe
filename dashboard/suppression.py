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


def hidden_grid(grid: list[list[int]], threshold: int, hidden_rows=(),
                hidden_columns=(), also=()) -> list[list[bool]]:
    """Which cells of a table of counts to hide when its row and column totals are shown
    (on the page or another): every count from 1 to threshold - 1, then more, until no
    hidden cell can be worked out from the totals and the cells shown.

    The hidden cells are the edges of a graph whose vertices are the rows and the columns;
    every total counts as known (one hidden as "<5" is the others' balance). A hidden cell
    is determined by the totals exactly when its edge lies on no cycle, a bridge (the
    equations are the graph's incidence matrix, whose null space is its cycle space). So
    more cells are hidden: first the next smallest of any line with a lone hidden cell (the
    simplest bridge), then, for each bridge left, the smallest shown cell that joins its two
    sides, where there is one. With only the first rule the 2 of [[6, 8, 20, 0],
    [2, 0, 3, 20], [6, 0, 2, 3], [3, 12, 0, 0]] came back through five totals. What no cell
    can protect is left: a line whose only non-zero cell is hidden is its own total, and the
    other totals may give it back (the review's [[2, 12, 0], [4, 0, 0], [0, 20, 8],
    [0, 5, 20]]); that needs the totals themselves suppressed.

    `hidden_rows` and `hidden_columns`: the lines whose total another table hides (as
    "<5" or to protect a sibling there). Such a line hides a cell of its own too (its
    smallest non-zero one), or its shown cells would add up to the hidden total. `also`:
    cells (row, column) hidden from the start, as another table must hide them."""
    rows, columns = len(grid), len(grid[0]) if grid else 0
    values = {(i, j): int(c) for i, row in enumerate(grid) for j, c in enumerate(row)
              if int(c) > 0}
    hidden = hidden_sparse(values, rows, columns, threshold, hidden_rows, hidden_columns,
                           also)
    return [[(i, j) in hidden for j in range(columns)] for i in range(rows)]


def hidden_sparse(values: dict[tuple[int, int], int], rows: int, columns: int,
                  threshold: int, hidden_rows=(), hidden_columns=(), also=()
                  ) -> set[tuple[int, int]]:
    """hidden_grid over a table given by its non-zero cells {(row, column): count} (the
    cells left out are 0): the set of cells to hide. Its work grows with the non-zero
    cells, not the table's size (a BVC's months in segments of a quarter are mostly 0)."""
    hidden = {cell for cell, c in values.items() if c < threshold} | set(also)
    lines: dict[int, list] = {}  # rows 0 … rows - 1, columns rows … : non-zero cells
    for (i, j), c in values.items():
        lines.setdefault(i, []).append((c, i, j))
        lines.setdefault(rows + j, []).append((c, i, j))
    for line in lines.values():
        line.sort()
    for line in [*hidden_rows, *(rows + j for j in hidden_columns)]:
        cells = lines.get(line, [])
        if cells and not any((i, j) in hidden for _, i, j in cells):
            hidden.add(cells[0][1:])
    _lone_cells(lines, hidden, rows)
    shown = sorted((c, i, j) for (i, j), c in values.items())
    while True:
        cells = sorted(hidden)
        edges = [(i, rows + j) for i, j in cells]
        added = False
        for k in sorted(_bridges(rows + columns, edges),
                        key=lambda k: (values.get(cells[k], 0), cells[k])):
            # a shown cell joining the two sides the bridge holds together puts it on a
            # cycle; where there is none the bridge is left (see above)
            near = _side(rows + columns, edges, k, cells[k][0])
            if rows + cells[k][1] in near:
                continue  # no longer a bridge: a cell added in this pass joined its sides
            far = _side(rows + columns, edges, k, rows + cells[k][1])
            closing = next((c for c in shown if (c[1], c[2]) not in hidden
                            and ((c[1] in near and rows + c[2] in far)
                                 or (c[1] in far and rows + c[2] in near))), None)
            if closing:
                _, a, b = closing
                hidden.add((a, b))
                added = True
                edges.append((a, rows + b))
        if not added:
            return hidden


def _lone_cells(lines: dict[int, list], hidden: set, rows: int) -> None:
    """While a row or a column has a lone hidden cell, hide the next smallest non-zero
    cell of that line too (hidden_cells in two directions). `lines`: each line's non-zero
    cells, smallest first (rows by their number, columns after them). Lines are visited
    rows first, then columns, and again as a cell is added to them: a line's count of
    hidden cells only grows, so each is settled once it has two."""
    from collections import deque
    count: dict[int, int] = {}
    for i, j in hidden:
        for line in (i, rows + j):
            count[line] = count.get(line, 0) + 1
    queue = deque(sorted(line for line, n in count.items() if n == 1))
    while queue:
        line = queue.popleft()
        if count.get(line) != 1:
            continue
        for _, i, j in lines.get(line, []):
            if (i, j) not in hidden:
                hidden.add((i, j))
                for other in (i, rows + j):
                    count[other] = count.get(other, 0) + 1
                    if count[other] == 1:
                        queue.append(other)
                break


def _side(vertices: int, edges: list[tuple[int, int]], without: int, start: int) -> set[int]:
    """The vertices reached from `start` over `edges` other than the one at `without`."""
    adjacent = [[] for _ in range(vertices)]
    for k, (u, v) in enumerate(edges):
        if k != without:
            adjacent[u].append(v)
            adjacent[v].append(u)
    seen, stack = {start}, [start]
    while stack:
        for v in adjacent[stack.pop()]:
            if v not in seen:
                seen.add(v)
                stack.append(v)
    return seen


def _bridges(vertices: int, edges: list[tuple[int, int]]) -> set[int]:
    """The edges (by position) of a multigraph that lie on no cycle (Tarjan)."""
    adjacent = [[] for _ in range(vertices)]
    for k, (u, v) in enumerate(edges):
        adjacent[u].append((v, k))
        adjacent[v].append((u, k))
    order, low, bridges, clock = [-1] * vertices, [0] * vertices, set(), 0
    for root in range(vertices):
        if order[root] != -1 or not adjacent[root]:
            continue
        order[root] = low[root] = clock
        clock += 1
        stack = [(root, -1, iter(adjacent[root]))]
        while stack:
            u, via, neighbours = stack[-1]
            for v, k in neighbours:
                if k == via:
                    continue
                if order[v] == -1:
                    order[v] = low[v] = clock
                    clock += 1
                    stack.append((v, k, iter(adjacent[v])))
                    break
                low[u] = min(low[u], order[v])
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[u])
                    if low[u] > order[parent]:
                        bridges.add(via)
    return bridges


def counts_text(counts: list[int], threshold: int, lang: str = "sv",
                total_shown: bool = True) -> list[str]:
    """Sibling counts as text: small ones "<threshold", their complement "–"."""
    hidden = hidden_cells(counts, threshold, total_shown)
    return [(f"<{threshold}" if 0 < int(c) < threshold else DASH) if h else integer(c, lang)
            for c, h in zip(counts, hidden)]
