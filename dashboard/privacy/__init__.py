"""Small numbers never identify a family (data contract, section 6). The rule:

1. A count from 1 to threshold - 1 shows as "<5"; a share whose N is below the threshold
   or whose n or N is hidden shows as "–", and a change only where both periods show.
2. What is hidden is decided once per export and threshold, when the validated database
   is built, over a fixed grid: every BVC, district and all units × every whole month,
   quarter and year, the whole export and the presets' periods (privacy_cells).
3. Each small count is hidden with a pattern of cells around it (two BVCs × two months,
   with the totals that hold one and not the other) that adds 0 to every sum the grid
   holds, so that no hidden count can be recomputed from the shown ones.
4. Every view reads the same verdict for the same cell, whatever the page or preset.
5. A figure that is no cell (several BVCs, part of a district, other months) is the sum
   of the cells it adds up from, shown only where each of them is shown.
6. Families visited are counted distinct: a figure of several cells is counted again,
   and shown only where each of those cells is.

grid.py: the periods; solve.py: the patterns; build.py: the cells and their verdicts,
written with the database; read.py: a selection's cells and their sums."""
