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
