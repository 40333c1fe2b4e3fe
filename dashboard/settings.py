"""Settings from `.streamlit/hembesok.toml` (or the file `HEMBESOK_SETTINGS` names)."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.export import PACKAGE_ROOT

DEFAULT_FILE = PACKAGE_ROOT / ".streamlit" / "hembesok.toml"


@dataclass(frozen=True)
class Limits:
    """The SQL explorer's limits: time per statement, rows shown, rows downloadable, memory."""
    timeout_seconds: float = 10.0
    rows_shown: int = 10_000
    download_rows: int = 1_000_000
    memory_limit: str = "1GB"


@dataclass(frozen=True)
class Settings:
    threshold: int = 5
    targets: dict[str, float] = field(default_factory=dict)
    row_level: bool = False
    researcher: bool = False
    explorer: Limits = Limits()
    stopped_reporting_days: int = 60
    empty_share_limit: float = 0.10


def load_settings(path: Path | str | None = None) -> Settings:
    file = Path(path or os.environ.get("HEMBESOK_SETTINGS") or DEFAULT_FILE)
    if not file.exists():
        return Settings()
    data = tomllib.loads(file.read_text(encoding="utf-8"))
    access, explorer = data.get("access", {}), data.get("explorer", {})
    defaults = Limits()
    return Settings(
        threshold=int(data.get("suppression", {}).get("threshold", 5)),
        targets={k: float(v) for k, v in data.get("targets", {}).items()},
        row_level=bool(access.get("row_level", False)),
        researcher=bool(access.get("researcher", False)),
        explorer=Limits(
            timeout_seconds=float(explorer.get("timeout_seconds", defaults.timeout_seconds)),
            rows_shown=int(explorer.get("rows_shown", defaults.rows_shown)),
            download_rows=int(explorer.get("download_rows", defaults.download_rows)),
            memory_limit=str(explorer.get("memory_limit", defaults.memory_limit))),
        stopped_reporting_days=int(data.get("quality", {}).get("stopped_reporting_days", 60)),
        empty_share_limit=float(data.get("quality", {}).get("empty_share_limit", 0.10)))
