"""Who sees what. Roles and scopes come from a file (`.streamlit/access.toml`, or the file
`HEMBESOK_ACCESS` names); the reader comes from the request: headers a trusted proxy sets,
mapped into `st.user` by Streamlit's `server.trustedUserHeaders`, or Streamlit's own OIDC
sign-in. Without the file the server runs as before: demo mode on the bundled sample, the
settings' `[access]` grants elsewhere."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.export import PACKAGE_ROOT

DEFAULT_FILE = PACKAGE_ROOT / ".streamlit" / "access.toml"
ROLES = ("steering", "coordinator", "researcher", "admin")
SOURCES = ("headers", "oidc")


class AccessFileError(ValueError):
    """The access file cannot be used: the server must not guess who sees what."""


@dataclass(frozen=True)
class Grant:
    role: str
    districts: tuple[str, ...] = ()
    bvcs: tuple[str, ...] = ()
    explorer: bool = False  # a coordinator may also have the SQL explorer, over their units


@dataclass(frozen=True)
class AccessConfig:
    source: str = "headers"
    user_key: str = "email"     # the key of st.user that names the reader
    groups_key: str = "groups"  # the key of st.user with the reader's groups (comma list)
    contact: str = ""
    users: dict[str, tuple[Grant, ...]] = field(default_factory=dict)
    groups: dict[str, tuple[Grant, ...]] = field(default_factory=dict)


def _grants(entry, where: str) -> tuple[Grant, ...]:
    entries = entry if isinstance(entry, list) else [entry]
    out = []
    for item in entries:
        role = item.get("role")
        if role not in ROLES:
            raise AccessFileError(f"{where}: role {role!r} is not one of {', '.join(ROLES)}")
        if role == "coordinator" and not (item.get("districts") or item.get("bvcs")):
            raise AccessFileError(f"{where}: a coordinator needs districts or bvcs")
        out.append(Grant(role, tuple(item.get("districts", ())), tuple(item.get("bvcs", ())),
                         bool(item.get("explorer", False))))
    return tuple(out)


def load_access(path: Path | str | None = None) -> AccessConfig | None:
    """The access file, or None when there is none (and none was named)."""
    named = path or os.environ.get("HEMBESOK_ACCESS")
    file = Path(named or DEFAULT_FILE)
    if not file.exists():
        if named:
            raise AccessFileError(f"the access file {file} does not exist")
        return None
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise AccessFileError(f"{file}: {error}") from None
    identity = data.get("identity", {})
    source = identity.get("source", "headers")
    if source not in SOURCES:
        raise AccessFileError(f"{file}: identity.source must be one of {', '.join(SOURCES)}")
    return AccessConfig(
        source=source, user_key=identity.get("user_key", "email"),
        groups_key=identity.get("groups_key", "groups"), contact=identity.get("contact", ""),
        users={name.lower(): _grants(entry, f"users.{name}")
               for name, entry in data.get("users", {}).items()},
        groups={name: _grants(entry, f"groups.{name}")
                for name, entry in data.get("groups", {}).items()})


@dataclass(frozen=True)
class Reader:
    """A signed-in person and what their grants add up to."""
    user: str | None
    grants: tuple[Grant, ...] = ()

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(g.role for g in self.grants)

    @property
    def explorer(self) -> bool:
        return "researcher" in self.roles or any(g.explorer for g in self.grants
                                                  if g.role == "coordinator")

    @property
    def listed(self) -> bool:
        return bool(self.grants)

    def unit_scope(self, units) -> tuple[str, ...] | None:
        """The BVCs whose row-level data this reader may see: None for every unit (a
        researcher), else the coordinator grants' districts and BVCs resolved against the
        export's units (nothing for steering and admin)."""
        if "researcher" in self.roles:
            return None
        coordinating = [g for g in self.grants if g.role == "coordinator"]
        bvcs = {b for g in coordinating for b in g.bvcs}
        districts = {d for g in coordinating for d in g.districts}
        bvcs |= set(units.bvc_id[units.district.isin(districts)])
        return tuple(sorted(bvcs))


def reader_for(config: AccessConfig, user_info) -> Reader:
    """The reader a request names (st.user's keys), with every grant for them or their
    groups. Names compare without case; groups come as a comma-separated list."""
    user = user_info.get(config.user_key)
    if not user:
        return Reader(None)
    groups = [g.strip() for g in str(user_info.get(config.groups_key) or "").split(",")
              if g.strip()]
    grants = config.users.get(str(user).lower(), ())
    for group in groups:
        grants += config.groups.get(group, ())
    return Reader(str(user), grants)
