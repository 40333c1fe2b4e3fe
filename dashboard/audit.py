"""The audit log: every row-level view, every download and every explorer query, one JSON
line each (who, when, what, which filters, how many rows), appended to a file outside the
export folder and never rewritten. `HEMBESOK_AUDIT` names the file; by default it is
`$XDG_STATE_HOME/hembesok/audit.jsonl` (`~/.local/state/...`)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import threading
from pathlib import Path

import pandas as pd

ACTIONS = ("view", "download", "query")
_LOCK = threading.Lock()  # sessions are threads of one server process


def log_path() -> Path:
    named = os.environ.get("HEMBESOK_AUDIT")
    if named:
        return Path(named)
    state = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return state / "hembesok" / "audit.jsonl"


def _filters(filters) -> dict:
    out = {}
    for key, value in dataclasses.asdict(filters).items():
        if value:
            out[key] = value.isoformat() if isinstance(value, dt.date) else list(value) \
                if isinstance(value, (tuple, list)) else value
    return out


def record(user: str | None, action: str, what: str, filters=None, rows: int | None = None,
           path: Path | None = None, families=()) -> None:
    """Append one entry, with the pseudonyms of the families it showed where known; a line
    is written whole (one write under a lock, O_APPEND)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    entry = {"at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
             "user": user or "anonym", "action": action, "what": what,
             "filters": _filters(filters) if filters is not None else {}, "rows": rows,
             "families": sorted({str(f) for f in families if f is not None})}
    line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    file = path or log_path()
    file.parent.mkdir(parents=True, exist_ok=True)
    with _LOCK:
        descriptor = os.open(file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(descriptor, line)
        finally:
            os.close(descriptor)


def read(path: Path | None = None, last: int = 5000) -> pd.DataFrame:
    """The newest entries first (at most `last`), for the administrators' page."""
    file = path or log_path()
    columns = ["at", "user", "action", "what", "filters", "rows", "families"]
    if not file.exists():
        return pd.DataFrame(columns=columns)
    lines = file.read_text(encoding="utf-8").splitlines()[-last:]
    entries = [json.loads(line) for line in lines if line.strip()]
    frame = pd.DataFrame(entries, columns=columns)
    frame["filters"] = [json.dumps(f, ensure_ascii=False) if f else "" for f in frame.filters]
    frame["families"] = [", ".join(f) if isinstance(f, list) else "" for f in frame.families]
    return frame.iloc[::-1].reset_index(drop=True)
