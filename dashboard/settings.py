"""Settings from `.streamlit/hembesok.toml` (or the file `HEMBESOK_SETTINGS` names)."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.export import PACKAGE_ROOT

DEFAULT_FILE = PACKAGE_ROOT / ".streamlit" / "hembesok.toml"


@dataclass(frozen=True)
class Settings:
    threshold: int = 5
    targets: dict[str, float] = field(default_factory=dict)
    row_level: bool = False


def load_settings(path: Path | str | None = None) -> Settings:
    file = Path(path or os.environ.get("HEMBESOK_SETTINGS") or DEFAULT_FILE)
    if not file.exists():
        return Settings()
    data = tomllib.loads(file.read_text(encoding="utf-8"))
    return Settings(threshold=int(data.get("suppression", {}).get("threshold", 5)),
                    targets={k: float(v) for k, v in data.get("targets", {}).items()},
                    row_level=bool(data.get("access", {}).get("row_level", False)))
