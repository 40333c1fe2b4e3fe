"""The visit programmes shipped with the project (data contract, section 3)."""
from __future__ import annotations

from dataclasses import dataclass

# Target ages: (target age in days after birth, on-time window start, end, sv, en).
# A newborn visit (target age 0) is on time within 14 days after coming home; for due
# lists and retention its window is 0…28 days after birth.
AGES = {
    "prenatal": (-28, -42, -14, "Före födseln (graviditetsvecka 34–38)",
                 "Before birth (pregnancy week 34–38)"),
    "newborn": (0, 0, 28, "Nyfödd", "Newborn"),
    "1-2w": (10, 7, 21, "1–2 veckor", "1–2 weeks"),
    "3w": (21, 14, 35, "3 veckor", "3 weeks"),
    "1-2m": (45, 30, 75, "1–2 månader", "1–2 months"),
    "2m": (60, 45, 90, "2 månader", "2 months"),
    "4m": (120, 105, 150, "4 månader", "4 months"),
    "8m": (240, 215, 275, "8 månader", "8 months"),
    "10m": (300, 290, 335, "10 månader", "10 months"),
    "12m": (365, 335, 395, "12 månader", "12 months"),
    "15m": (455, 425, 490, "15 månader", "15 months"),
    "2y": (730, 700, 760, "2 år", "2 years"),
}
NEWBORN_ON_TIME_DAYS = 14
DEFAULT_EXPECTED_MINUTES = 75

N_PS = ("nurse", "parent_supporter")
N_MW = ("nurse", "midwife")


@dataclass(frozen=True)
class ProgrammeVisit:
    programme_id: str
    visit_number: int
    label: str
    location: str
    professions: tuple[str, ...]
    expected_minutes: int = DEFAULT_EXPECTED_MINUTES

    @property
    def target_age_days(self) -> int:
        return AGES[self.label][0]

    @property
    def window_start_days(self) -> int:
        return AGES[self.label][1]

    @property
    def window_end_days(self) -> int:
        return AGES[self.label][2]


def _programme(programme_id: str, *visits: tuple[str, str, tuple[str, ...]]):
    return [ProgrammeVisit(programme_id, number, age, location, professions)
            for number, (age, location, professions) in enumerate(visits, start=1)]


PROGRAMMES: dict[str, list[ProgrammeVisit]] = {
    "goteborg-6": _programme(
        "goteborg-6", *[(age, "home", N_PS) for age in ("newborn", "2m", "4m", "8m", "12m", "15m")]),
    "trygg-start-8": _programme(
        "trygg-start-8", ("prenatal", "clinic", ("midwife", "parent_supporter")),
        *[(age, "home", N_PS) for age in ("1-2w", "1-2m", "4m", "8m", "10m", "15m")],
        ("2y", "clinic", N_PS)),
    "torvalla-4": _programme(
        "torvalla-4", ("1-2w", "home", N_MW), ("2m", "home", ("nurse", "librarian")),
        ("8m", "home", ("nurse", "librarian")), ("15m", "home", N_PS)),
    "vaxa-tryggt-6": _programme(
        "vaxa-tryggt-6", ("1-2w", "home", N_MW), ("3w", "home", N_PS), ("4m", "home", N_PS),
        ("8m", "home", ("nurse", "dental")), ("10m", "home", N_PS), ("15m", "home", N_PS)),
}

PROGRAMME_NAMES = {
    "goteborg-6": ("Göteborg/Rinkeby, 6 besök", "Gothenburg/Rinkeby, 6 visits"),
    "trygg-start-8": ("Tillsammans för en trygg start, 8 besök", "Together for a safe start, 8 visits"),
    "torvalla-4": ("Torvallamodellen, 4 besök", "Torvalla model, 4 visits"),
    "vaxa-tryggt-6": ("Växa tryggt, 6 besök", "Växa tryggt, 6 visits"),
}


def programme_rows() -> list[dict]:
    """The shipped programmes as rows of the `programmes` reference table."""
    return [
        {"programme_id": v.programme_id, "visit_number": v.visit_number, "label": v.label,
         "target_age_days": v.target_age_days, "window_start_days": v.window_start_days,
         "window_end_days": v.window_end_days, "location": v.location,
         "professions": list(v.professions), "expected_minutes": v.expected_minutes}
        for visits in PROGRAMMES.values() for v in visits
    ]


def age_label(label: str, lang: str = "sv") -> str:
    """A visit's target age in words; an export's own label is shown as it is."""
    if label in AGES:
        return AGES[label][3] if lang == "sv" else AGES[label][4]
    return label
