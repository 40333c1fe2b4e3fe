"""Synthetic sample export (`python -m dashboard sample`): deterministic for a seed, calibrated
to the 2019 Gothenburg report, with structure a steering group would look for."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard.programmes import PROGRAMMES
from dashboard.sample_records import ratings_for, referrals_for
from dashboard.sample_units import units_for

DEFAULT_FAMILIES = 1500
DEFAULT_SEED = 2018
EXTRACTED_AT = dt.date(2026, 11, 1)
EPOCH = dt.date(1970, 1, 1)
PROFESSIONS = ("nurse", "parent_supporter", "midwife", "dental", "librarian")


def _day(d: dt.date) -> int:
    return (d - EPOCH).days


def _maybe_null(rng, values: np.ndarray, share: float) -> np.ndarray:
    """A mask that makes about `share` of the values null."""
    return rng.random(len(values)) < share


def _dates(days: np.ndarray, mask: np.ndarray | None = None) -> pa.Array:
    return pa.array(days.astype("datetime64[D]"), type=pa.date32(), mask=mask)


def _bools(rng, p: np.ndarray | float, n: int, null_share: float = 0.0) -> pa.Array:
    values = rng.random(n) < p
    return pa.array(values, type=pa.bool_(), mask=rng.random(n) < null_share)


def _choice(rng, codes: list[str], p: list[float], n: int) -> np.ndarray:
    return np.asarray(codes, dtype=object)[rng.choice(len(codes), size=n, p=p)]


def _families(rng, units, n: int, extracted: int) -> dict:
    """Who is in the target group, at which BVC, born when, and how far they take part."""
    start = np.array([_day(d) for d in units.start_date])
    active = np.maximum(extracted - 3 - start, 1)
    p_unit = units._weight.to_numpy() * active
    unit, offset = np.empty(0, int), np.empty(0, int)
    while len(unit) < n:  # programmes ramp up over their first two years
        u = rng.choice(len(units), size=2 * n, p=p_unit / p_unit.sum())
        o = (rng.random(2 * n) * active[u]).astype(int)
        keep = rng.random(2 * n) < np.minimum(1.0, 0.5 + 0.5 * o / 730)
        unit, offset = np.concatenate([unit, u[keep]]), np.concatenate([offset, o[keep]])
    unit, birth = unit[:n], (start[unit[:n]] + offset[:n])
    order = np.lexsort((unit, birth))
    unit, birth = unit[order], birth[order]
    home = birth + np.where(rng.random(n) < 0.03, rng.integers(8, 40, n), rng.integers(1, 5, n))
    interpreter = rng.random(n) < 0.35
    single = rng.random(n) < 0.22
    offered = home + rng.integers(1, 12, n)
    offered_null = (rng.random(n) < 0.05) | (offered > extracted)
    declined = rng.random(n) < 0.09
    started = ~offered_null & ~declined & (rng.random(n) < 0.97)
    return dict(unit=unit, birth=birth, home=home, interpreter=interpreter, single=single,
                offered=offered, offered_null=offered_null, declined=declined, started=started)


def _schedule(programme_ids: np.ndarray):
    """Per family: the programme's visits as arrays padded to the longest programme."""
    longest = max(len(v) for v in PROGRAMMES.values())
    table = {pid: v for pid, v in PROGRAMMES.items()}
    n = len(programme_ids)
    target = np.zeros((n, longest), int)
    window_end = np.zeros((n, longest), int)
    planned = {p: np.zeros((n, longest), bool) for p in PROFESSIONS + ("home",)}
    length = np.zeros(n, int)
    for pid, visits in table.items():
        rows = programme_ids == pid
        length[rows] = len(visits)
        for k, v in enumerate(visits):
            target[rows, k] = v.target_age_days
            window_end[rows, k] = v.window_end_days
            planned["home"][rows, k] = v.location == "home"
            for p in v.professions:
                planned[p][rows, k] = True
    return length, target, window_end, planned


def _year(days: np.ndarray) -> np.ndarray:
    return 1970 + days / 365.25


def generate(families: int = DEFAULT_FAMILIES, seed: int = DEFAULT_SEED,
             extracted_at: dt.date = EXTRACTED_AT) -> dict[str, pa.Table]:
    """The five export tables of a synthetic export."""
    rng = np.random.default_rng(seed)
    extracted = _day(extracted_at)
    units = units_for(families, rng)
    f = _families(rng, units, families, extracted)
    n = families
    length, target, window_end, planned = _schedule(units.programme_id.to_numpy()[f["unit"]])
    longest = target.shape[1]
    year = _year(f["birth"])
    # Families stay on: better with time, worse where an interpreter is needed.
    p_stay = np.clip(0.92 + 0.008 * (year - 2018) - 0.03 * f["interpreter"], 0.8, 0.98)
    stays = rng.random((n, longest)) < p_stay[:, None]
    stays[:, 0] = True
    taken = np.cumprod(stays, axis=1).astype(bool) & (np.arange(longest) < length[:, None])
    taken &= f["started"][:, None]
    late = rng.random((n, longest)) < 0.11
    spread = 2 + 0.03 * np.abs(target)
    noise = np.rint(rng.normal(0, 1, (n, longest)) * spread + late * rng.integers(20, 75, (n, longest)))
    newborn = np.where(target == 0, f["home"][:, None] + rng.integers(2, 12, (n, longest)), 0)
    when = np.where(target == 0, newborn, f["birth"][:, None] + target + noise).astype(int)
    when = np.maximum.accumulate(when + np.arange(longest) * 1, axis=1)
    taken &= when <= extracted
    made = taken.sum(axis=1)
    dropped = f["started"] & (made < length) & (made > 0)
    last = np.where(made > 0, when[np.arange(n), np.maximum(made - 1, 0)], f["birth"])
    exit_day = last + rng.integers(10, 90, n)
    exits = dropped & (rng.random(n) < 0.7) & (exit_day <= extracted)
    exit_reason = _choice(rng, ["moved", "declined_further", "other"], [0.4, 0.45, 0.15], n)

    fam_ids = np.array([f"F-{i + 1:07d}" for i in range(n)], dtype=object)
    target_reason = _choice(rng, ["first_child", "first_child_in_sweden"], [0.74, 0.26], n)
    single_null = rng.random(n) < 0.04
    fam_table = pa.table({
        "family_id": pa.array(fam_ids, pa.string()),
        "bvc_id": pa.array(units.bvc_id.to_numpy()[f["unit"]], pa.string()),
        "child_birth_date": _dates(f["birth"]),
        "home_date": _dates(f["home"], rng.random(n) < 0.05),
        "target_reason": pa.array(target_reason, pa.string(), mask=rng.random(n) < 0.04),
        "single_parent": pa.array(f["single"], pa.bool_(), mask=single_null),
        "interpreter_needed": pa.array(f["interpreter"], pa.bool_(), mask=rng.random(n) < 0.05),
        "offered_date": _dates(f["offered"], f["offered_null"]),
        "declined": pa.array(f["declined"], pa.bool_(),
                             mask=f["offered_null"] | (rng.random(n) < 0.03)),
        "exit_date": _dates(exit_day, ~exits),
        "exit_reason": pa.array(exit_reason, pa.string(), mask=~exits),
    })

    fam_of, k = np.nonzero(taken)
    visits = _visits(rng, units, f, fam_ids, fam_of, k, when, planned)
    visit_ids = visits.column("visit_id").to_numpy(zero_copy_only=False)
    v_interp = f["interpreter"][fam_of]
    return {
        "units": pa.Table.from_pandas(units.drop(columns=["_weight", "_both"]),
                                      preserve_index=False),
        "families": fam_table,
        "visits": visits,
        "referrals": referrals_for(rng, visit_ids, v_interp),
        "ratings": ratings_for(rng, visit_ids, _year(when[fam_of, k]),
                               f["unit"][fam_of]),
    }


def _visits(rng, units, f, fam_ids, fam_of, k, when, planned) -> pa.Table:
    """One row per visit made, with who came, where, how long."""
    m = len(fam_of)
    unit = f["unit"][fam_of]
    day = when[fam_of, k]
    year = _year(day)
    plans = {p: planned[p][fam_of, k] for p in planned}
    both_level = units._both.to_numpy()[unit] - 0.035 + np.clip(0.012 * (year - 2019.5), -0.02, 0.06)
    location = np.where(plans["home"],
                        _choice(rng, ["home", "clinic", "digital", "other"],
                                [0.963, 0.022, 0.01, 0.005], m),
                        _choice(rng, ["clinic", "home", "digital", "other"],
                                [0.9, 0.07, 0.02, 0.01], m))
    interpreter = f["interpreter"][fam_of] & (rng.random(m) < 0.85)
    minutes = rng.normal(65 + 9 * interpreter - 0.8 * (year - 2018), 13, m)
    single = f["single"][fam_of]
    p_other = np.where(single, 0.04, np.clip(0.62 + 0.012 * (year - 2018), 0, 0.8))
    columns = {
        "visit_id": pa.array([f"V-{i + 1:08d}" for i in range(m)], pa.string()),
        "family_id": pa.array(fam_ids[fam_of], pa.string()),
        "bvc_id": pa.array(units.bvc_id.to_numpy()[unit], pa.string()),
        "visit_number": pa.array(k + 1, pa.int16()),
        "visit_date": _dates(day),
        "location": pa.array(location, pa.string(), mask=rng.random(m) < 0.015),
        "nurse_present": _bools(rng, np.where(plans["nurse"], 0.985, 0.02), m, 0.012),
        "parent_supporter_present": _bools(
            rng, np.where(plans["parent_supporter"], np.clip(both_level / 0.985, 0, 1), 0.08),
            m, 0.012),
        "midwife_present": _bools(rng, np.where(plans["midwife"], 0.93, 0.01), m, 0.01),
        "dental_present": _bools(rng, np.where(plans["dental"], 0.88, 0.0), m, 0.01),
        "librarian_present": _bools(rng, np.where(plans["librarian"], 0.85, 0.0), m, 0.01),
        "interpreter_present": pa.array(interpreter, pa.bool_()),
        "duration_minutes": pa.array(np.clip(np.rint(minutes), 20, 240).astype(np.int32),
                                     pa.int32(), mask=rng.random(m) < 0.02),
        "mother_present": _bools(rng, 0.996, m, 0.008),
        "other_parent_present": _bools(rng, p_other, m, 0.015),
    }
    return pa.table(columns)


def write(tables: dict[str, pa.Table], out: Path, extracted_at: dt.date = EXTRACTED_AT) -> None:
    """Write the tables as Parquet and the manifest last, as a region's exporter would."""
    out.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        pq.write_table(table, out / f"{name}.parquet", compression="zstd",
                       row_group_size=1_000_000)
    manifest = {"extracted_at": extracted_at.isoformat(), "contract": 1,
                "rows": {name: t.num_rows for name, t in tables.items()},
                "generator": "python -m dashboard sample", "synthetic": True}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
