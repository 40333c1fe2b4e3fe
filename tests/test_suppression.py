"""The small-number rule (contract, section 6) as pure functions."""

from dashboard.suppression import count_text, counts_text, hidden_cells, mean_text, share_text


def test_counts_one_to_four_are_hidden_zero_is_shown():
    assert [count_text(n, 5) for n in (0, 1, 4, 5, 1234)] == ["0", "<5", "<5", "5", "1\u00a0234"]


def test_shares_need_five_in_the_denominator_and_no_hidden_numerator():
    assert share_text(4, 4, 5) == "–"
    assert share_text(3, 14, 5) == "–"  # 21 % of 14 would give away n = 3
    assert share_text(0, 14, 5) == "0\u00a0%"
    assert share_text(11, 13, 5) == "85\u00a0%"
    assert share_text(11, 13, 5, "en") == "85%"


def test_means_need_five_ratings():
    assert mean_text(5.64, 4, 5) == "–"
    assert mean_text(5.64, 5, 5) == "5,6"


def test_a_lone_hidden_cell_takes_the_next_smallest_with_it():
    assert hidden_cells([10, 3, 7, 0], 5) == [False, True, True, False]
    assert counts_text([10, 3, 7, 0], 5) == ["10", "<5", "–", "0"]
    assert hidden_cells([10, 3, 2, 8], 5) == [False, True, True, False]  # already two
    assert hidden_cells([10, 3, 7], 5, total_shown=False) == [False, True, False]


def test_threshold_is_a_setting():
    assert count_text(7, 10) == "<10"
    assert share_text(9, 9, 10) == "–"


def test_a_rater_roles_hidden_count_takes_the_other_roles_with_it():
    """Nöjdhet's table shows the pooled n beside each role's: with the nurses' 4 hidden and
    the parent supporters' 5 shown, 9 − 5 would give the 4 back (and the means the nurses'
    mean), so the parent supporters' count and mean are hidden too. The review found this
    on the sample (GBG-ANG-01, May 2020, collaboration)."""
    import pandas as pd

    from dashboard.tables import ratings_by_role_table

    frame = pd.DataFrame({
        "item": ["collaboration"] * 3 + ["emotional_climate"] * 3,
        "rater_role": ["all", "nurse", "parent_supporter"] * 2,
        "scale_max": [7] * 3 + [10] * 3,
        "mean": [5.9, 6.5, 5.4, 8.0, 7.9, 8.1],
        "n": [9, 4, 5, 30, 14, 16]})
    table = ratings_by_role_table(frame, "sv", 5).set_index("Fråga")
    small, large = table.iloc[0], table.iloc[1]
    assert [v for k, v in small.items() if k.endswith(": n")] == ["9", "<5", "–"]
    assert [v for k, v in small.items() if k.endswith("medelvärde")] == ["5,9", "–", "–"]
    assert [v for k, v in large.items() if k.endswith(": n")] == ["30", "14", "16"]
    assert [v for k, v in large.items() if k.endswith("medelvärde")] == ["8,0", "7,9", "8,1"]


def test_the_score_distribution_hides_a_role_whose_number_would_give_another_away():
    """The same roles in the distribution of scores: the parent supporters' five ratings
    (one score, a count of 5) would give the nurses' four back from the pooled nine."""
    import pandas as pd

    from dashboard.series import rating_distribution
    from dashboard.tables import distribution_table

    scores = pd.DataFrame({
        "item": ["collaboration"] * 3, "scale_max": [7] * 3,
        "rater_role": ["nurse", "nurse", "parent_supporter"],
        "score": [6, 7, 5], "ratings": [2, 2, 5]})
    table = distribution_table(scores, "sv", 5)
    supporters = table[table["Yrkesroll"] == "Föräldrastödjare"]
    assert supporters["Antal skattningar"].tolist() == ["–"]
    assert supporters["Andel"].tolist() == ["–"]
    panels = rating_distribution(scores, "collaboration", 5, "sv")
    assert sorted(panels.panel.unique()) == ["BHV-sjuksköterska (n = <5)",
                                             "Föräldrastödjare (n = –)"]
    assert panels.value.isna().all()


def test_a_table_with_both_totals_shown_hides_a_sibling_in_each_direction():
    from dashboard.suppression import hidden_grid

    # rows: destinations; columns: districts. 41 = 22 + 9 + 9 + 1 was the user test's
    # case: the 1 came back as the destination's total less the others.
    grid = [[22, 9, 9, 1],
            [30, 12, 8, 6],
            [0, 0, 0, 0]]
    hidden = hidden_grid(grid, 5)
    assert hidden[0] == [False, True, False, True]  # the 1, and the smaller 9 of its row
    # each column with a hidden cell has a second one: the 1's column takes the 6, the
    # 9's column the 12
    assert [row[3] for row in hidden] == [True, True, False]
    assert [row[1] for row in hidden] == [True, True, False]
    for line in [*hidden, *zip(*hidden)]:
        assert sum(line) != 1
    assert hidden_grid([[10, 12], [7, 20]], 5) == [[False, False], [False, False]]


def test_a_rating_trend_hides_what_the_selections_totals_give_back():
    """The user test's case: the nurses' 11 ratings of the selection (table of means) less
    their 7 in the first quarter gave back the 4 of the second."""
    import pandas as pd

    from dashboard.series import rating_trend

    k1, k2 = pd.Timestamp("2024-01-01"), pd.Timestamp("2024-04-01")
    frame = pd.DataFrame({
        "period": [k1, k1, k1, k2, k2, k2], "item": ["collaboration"] * 6,
        "rater_role": ["all", "nurse", "parent_supporter"] * 2,
        "mean": [6.0, 6.1, 5.9, 6.2, 6.5, 6.1], "n": [15, 7, 8, 13, 4, 9]})
    trend = rating_trend(frame, "collaboration", 5, "sv").set_index(["period", "rater_role"])
    assert trend.loc[(k2, "nurse"), "n_text"] == "<5"
    for cell in [(k1, "nurse"), (k2, "parent_supporter"), (k1, "parent_supporter")]:
        assert trend.loc[cell, "hidden"] and trend.loc[cell, "n_text"] == "–", cell
    assert not trend.loc[(k1, "all"), "hidden"] and not trend.loc[(k2, "all"), "hidden"]


def _determined(grid, hidden) -> list[tuple[int, int]]:
    """The hidden cells that the row and column totals and the shown cells give back (a
    cell is determined when its unit vector lies in the span of the totals' equations)."""
    import numpy as np

    cells = [(i, j) for i, row in enumerate(hidden) for j, h in enumerate(row) if h]
    lines = [[1.0 if i == r else 0.0 for i, _ in cells] for r in range(len(grid))]
    lines += [[1.0 if j == c else 0.0 for _, j in cells] for c in range(len(grid[0]))]
    equations = np.array(lines)
    rank = np.linalg.matrix_rank(equations)
    return [cell for k, cell in enumerate(cells)
            if np.linalg.matrix_rank(np.vstack([equations, np.eye(len(cells))[k]])) == rank]


def test_no_hidden_cell_comes_back_through_a_chain_of_totals():
    """A lone hidden cell per line is not enough: here the old rule hid eight cells and
    the 2 came back through five totals (the second review's finding, in another grid)."""
    from dashboard.suppression import hidden_grid

    grid = [[6, 8, 20, 0], [2, 0, 3, 20], [6, 0, 2, 3], [3, 12, 0, 0]]
    hidden = hidden_grid(grid, 5)
    assert all(hidden[i][j] for i, row in enumerate(grid) for j, c in enumerate(row)
               if 0 < c < 5)
    assert _determined(grid, hidden) == []


def _bvc_counts(cells):
    """Rows of visit counts per period and BVC: {(district, bvc): [March, April]}."""
    import pandas as pd
    return pd.DataFrame([{"period": pd.Timestamp(f"2026-0{3 + k}-01"), "district": d,
                          "bvc_id": b, "bvc_name": b, "visits": n}
                         for (d, b), counts in cells.items() for k, n in enumerate(counts)
                         if n])


def test_no_quarter_of_a_rating_trend_gives_a_hidden_month_back(sample_db):
    """Nöjdhet by month and by quarter over the sample: before, per item 5 role-quarters
    had one hidden month while the quarter was shown (its n less the other months gave the
    hidden one back); now a quarter shown has none or two and more hidden months, and a
    quarter hidden at least one."""
    import pandas as pd

    from dashboard.filters import Filters
    from dashboard.series import rating_trend
    checked = 0
    for item in ("collaboration", "emotional_climate", "model_overall"):
        by, months = {}, sample_db.query("rating_means_by_period", Filters(), interval="month")
        for scale in ("month", "quarter"):
            by[scale] = rating_trend(sample_db.query("rating_means_by_period", Filters(),
                                                     interval=scale), item, 5, "sv", scale,
                                     months=months)
        months, quarters = by["month"], by["quarter"]
        months["up"] = pd.to_datetime(months.period).dt.to_period("Q").dt.start_time
        hidden = dict(zip(zip(quarters.rater_role, pd.to_datetime(quarters.period)),
                          quarters.hidden))
        for key, group in months[months.n > 0].groupby(["rater_role", "up"]):
            n = int(group.hidden.sum())  # a quarter of one month too (hidden_as_months)
            assert (n >= 1) if hidden[key] else (n != 1), (item, key)
            checked += 1
    assert checked > 200


def _coarse_groups(fine, coarse, freq, by):
    """The finer rows with a count per coarser period (and `by`), and whether that coarser
    period is hidden."""
    import pandas as pd
    fine = fine.assign(up=pd.to_datetime(fine.period).dt.to_period(freq).dt.start_time)
    hidden_up = dict(zip(map(tuple, coarse.assign(up=pd.to_datetime(coarse.period))[
        [*by, "up"]].to_numpy().tolist()), coarse.hidden))
    for key, group in fine.groupby([*by, "up"]):
        yield group, hidden_up[tuple(key)]


def test_hiding_within_groups_at_once_is_hiding_each_group():
    """series.hide_within (every group at once, for national tables) hides what
    hidden_cells hides group by group, ties included."""
    import numpy as np
    import pandas as pd

    from dashboard.series import hide_within
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({"g": rng.integers(0, 60, 600), "c": rng.integers(0, 12, 600)})
    expected = pd.Series(False, index=frame.index)
    for _, rows in frame.groupby("g", sort=False):
        expected[rows.index] = hidden_cells(rows.c.tolist(), 5)
    got = hide_within(frame, ["g"], "c", 5)
    assert got.sum() > 60 and (got == expected).all()
