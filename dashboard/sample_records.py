"""Referrals and ratings of the synthetic sample."""
from __future__ import annotations

import numpy as np
import pyarrow as pa

OPEN_FORUM = {"open_preschool": 0.35, "family_centre": 0.3, "library": 0.2,
              "parent_group": 0.1, "religious_community": 0.05}
EXTRA_SUPPORT = {"infant_programme": 0.2, "breastfeeding_dropin": 0.15, "resource_unit": 0.12,
                 "baby_massage": 0.12, "social_worker_talk": 0.1, "physiotherapist": 0.08,
                 "migration_agency": 0.06, "city_mission": 0.05, "family_law": 0.04,
                 "dental": 0.04, "other_support": 0.04}
# Means close to the 2019 report's (5.6 … 5.0 on 7 points; 8.7 and 8.3 on 10 points).
ITEM_MEANS = {"model_overall": (5.6, 7), "collaboration": (5.9, 7), "parents_questions": (5.9, 7),
              "model_adherence": (5.7, 7), "parents_strengths": (5.2, 7),
              "mother_importance": (5.3, 7), "other_parent_importance": (5.0, 7),
              "emotional_climate": (8.7, 10), "relationship_quality": (8.3, 10)}
ROLES = ("nurse", "parent_supporter")


def _pick(rng, weights: dict[str, float], n: int) -> np.ndarray:
    codes = np.asarray(list(weights), dtype=object)
    p = np.asarray(list(weights.values()))
    return codes[rng.choice(len(codes), size=n, p=p / p.sum())]


def referrals_for(rng, visit_ids: np.ndarray, interpreter: np.ndarray) -> pa.Table:
    """About nine in ten visits refer the family on; some visits mostly to extra support."""
    m = len(visit_ids)
    has = rng.random(m) < 0.915
    extra = has & (rng.random(m) < 0.36 + 0.08 * interpreter)
    n_open = np.where(extra, rng.random(m) < 0.2, 1 + (rng.random(m) < 0.1)) * has
    n_extra = np.where(extra, 1 + (rng.random(m) < 0.45), 0)
    visit = np.concatenate([np.repeat(np.arange(m), n_open), np.repeat(np.arange(m), n_extra)])
    dest = np.concatenate([_pick(rng, OPEN_FORUM, int(n_open.sum())),
                           _pick(rng, EXTRA_SUPPORT, int(n_extra.sum()))])
    order = np.lexsort((dest.astype(str), visit))
    visit, dest = visit[order], dest[order]
    keep = np.ones(len(visit), bool)
    keep[1:] = (visit[1:] != visit[:-1]) | (dest[1:] != dest[:-1])
    return pa.table({"visit_id": pa.array(visit_ids[visit[keep]], pa.string()),
                     "destination": pa.array(dest[keep], pa.string())})


def ratings_for(rng, visit_ids: np.ndarray, year: np.ndarray, unit: np.ndarray) -> pa.Table:
    """Both professions rate most visits; ratings rise a little over time and differ by BVC."""
    m = len(visit_ids)
    items = list(ITEM_MEANS)
    unit_effect = rng.normal(0, 0.25, unit.max() + 1)[unit]
    rated = rng.random(m) < 0.92
    rows_v, rows_r, rows_i, scores = [], [], [], []
    for r, role in enumerate(ROLES):
        by_role = rated & (rng.random(m) < 0.95)
        for i, item in enumerate(items):
            mean, top = ITEM_MEANS[item]
            present = by_role & (rng.random(m) < 0.98)
            idx = np.nonzero(present)[0]
            centre = mean - 0.15 + 0.06 * (year[idx] - 2021) + unit_effect[idx] + (0.1 if r else -0.1)
            score = np.clip(np.rint(rng.normal(centre, 1.0 if top == 7 else 1.1)), 1, top)
            rows_v.append(idx)
            rows_r.append(np.full(len(idx), r))
            rows_i.append(np.full(len(idx), i))
            scores.append(score.astype(np.int8))
    v, r, i = np.concatenate(rows_v), np.concatenate(rows_r), np.concatenate(rows_i)
    order = np.lexsort((i, r, v))
    return pa.table({
        "visit_id": pa.array(visit_ids[v[order]], pa.string()),
        "rater_role": pa.DictionaryArray.from_arrays(pa.array(r[order], pa.int8()),
                                                     pa.array(ROLES)).cast(pa.string()),
        "item": pa.DictionaryArray.from_arrays(pa.array(i[order], pa.int8()),
                                               pa.array(items)).cast(pa.string()),
        "score": pa.array(np.concatenate(scores)[order], pa.int8()),
    })
