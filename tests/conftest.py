"""Shared fixtures: small exports written by code into temporary folders."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from dashboard.db import Database  # noqa: E402
from exports import write_export  # noqa: E402
import fixture_small  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def audit_log(tmp_path_factory) -> Path:
    """Every test (and every server a browser test starts) writes its audit log here, never
    into the home folder."""
    path = tmp_path_factory.mktemp("audit") / "audit.jsonl"
    os.environ["HEMBESOK_AUDIT"] = str(path)
    return path


@pytest.fixture(scope="session", autouse=True)
def database_cache(tmp_path_factory) -> Path:
    """Validated databases of the tests' exports (and of their servers) are kept here."""
    path = tmp_path_factory.mktemp("cache")
    os.environ["HEMBESOK_CACHE"] = str(path)
    return path


@pytest.fixture(scope="session")
def small_export(tmp_path_factory) -> Path:
    return write_export(tmp_path_factory.mktemp("small"), fixture_small.tables())


@pytest.fixture(scope="session")
def small_db(small_export) -> Database:
    return Database.open(small_export)


@pytest.fixture(scope="session")
def small_db_exact(small_export) -> Database:
    """The fixture with small numbers decided at threshold 1: nothing hidden."""
    return Database.open(small_export, threshold=1)


@pytest.fixture(scope="session")
def sample_db() -> Database:
    """The bundled synthetic sample export, validated once for the whole run."""
    return Database.open(ROOT / "data" / "sample")
