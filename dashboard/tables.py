"""Tables the pages show and download, built from query results with suppression applied."""
from __future__ import annotations

import pandas as pd

from dashboard.i18n import t
from dashboard.programmes import age_label
from dashboard.suppression import count_text, counts_text, mean_text
from dashboard.vocab import label


def visits_by_number_table(frame: pd.DataFrame, programme_names: dict[str, str], lang: str,
                           threshold: int) -> pd.DataFrame:
    """One row per programme and visit number; programmes side by side, never pooled."""
    return pd.DataFrame({
        t("programme", lang): [programme_names.get(p, p) for p in frame.programme_id],
        t("visit_number", lang): frame.visit_number.astype(int).tolist(),
        t("age", lang): [age_label(a, lang) for a in frame.label],
        t("visits", lang): counts_text(frame.visits.tolist(), threshold, lang),
    })


def ratings_table(frame: pd.DataFrame, lang: str, threshold: int) -> pd.DataFrame:
    """Pooled means per item (rater_role 'all'), 7-point items first, then 10-point."""
    pooled = frame[frame.rater_role == "all"].sort_values(["scale_max", "item"])
    return pd.DataFrame({
        t("item", lang): [label("rating_item", i, lang) for i in pooled["item"]],
        t("scale", lang): [f"1–{int(s)}" for s in pooled.scale_max],
        t("mean", lang): [mean_text(m, n, threshold, lang)
                          for m, n in zip(pooled["mean"], pooled["n"])],
        t("ratings_n", lang): [count_text(n, threshold, lang) for n in pooled["n"]],
    })
