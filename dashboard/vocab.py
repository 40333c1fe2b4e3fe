"""Code lists of the data contract (section 3) with Swedish and English labels."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    sv: str
    en: str
    group: str | None = None
    scale_max: int | None = None


def _codes(*rows: tuple) -> dict[str, Code]:
    return {row[0]: Code(*row) for row in rows}


LOCATIONS = _codes(
    ("home", "Hemma", "Home"),
    ("clinic", "På mottagningen", "At the clinic"),
    ("digital", "Digitalt", "Digital"),
    ("other", "Annan plats", "Other place"),
)

TARGET_REASONS = _codes(
    ("first_child", "Första barnet", "First child"),
    ("first_child_in_sweden", "Första barnet i Sverige", "First child in Sweden"),
)

EXIT_REASONS = _codes(
    ("moved", "Flyttat", "Moved"),
    ("declined_further", "Avböjt fortsatta besök", "Declined further visits"),
    ("other", "Annat skäl", "Other reason"),
)

RATER_ROLES = _codes(
    ("nurse", "BHV-sjuksköterska", "Child health nurse"),
    ("parent_supporter", "Föräldrastödjare", "Parent supporter"),
)

# Professions a programme can plan for a visit, and the visits column that records each.
PROFESSIONS = _codes(
    ("nurse", "BHV-sjuksköterska", "Child health nurse"),
    ("parent_supporter", "Föräldrastödjare", "Parent supporter"),
    ("midwife", "Barnmorska", "Midwife"),
    ("dental", "Tandhygienist", "Dental hygienist"),
    ("librarian", "Bibliotekarie", "Librarian"),
)
PROFESSION_COLUMNS = {code: f"{code}_present" for code in PROFESSIONS}

DESTINATION_GROUPS = _codes(
    ("open_forum", "Öppna forum", "Open forums"),
    ("extra_support", "Extra stöd", "Extra support"),
)

DESTINATIONS = _codes(
    ("open_preschool", "Öppen förskola", "Open preschool", "open_forum"),
    ("library", "Bibliotek", "Library", "open_forum"),
    ("family_centre", "Familjecentral", "Family centre", "open_forum"),
    ("religious_community", "Trossamfund", "Religious community", "open_forum"),
    ("parent_group", "Föräldragrupp", "Parent group", "open_forum"),
    ("infant_programme", "Spädbarnsverksamhet", "Infant programme", "extra_support"),
    ("resource_unit", "Kommunens resursenhet", "Municipal resource unit", "extra_support"),
    ("breastfeeding_dropin", "Amningsmottagning", "Breastfeeding drop-in", "extra_support"),
    ("baby_massage", "Babymassage", "Baby massage", "extra_support"),
    ("physiotherapist", "Fysioterapeut", "Physiotherapist", "extra_support"),
    ("city_mission", "Stadsmissionen", "City Mission", "extra_support"),
    ("migration_agency", "Migrationsverket", "Migration Agency", "extra_support"),
    ("family_law", "Familjerätten", "Family law", "extra_support"),
    ("social_worker_talk", "Extra samtal med socialsekreterare",
     "Extra talk with the social worker", "extra_support"),
    ("dental", "Tandvården", "Dental care", "extra_support"),
    ("other_support", "Annat stöd", "Other support", "extra_support"),
)

RATING_ITEMS = _codes(
    ("model_overall", "Arbeta enligt modellen, helhet", "Working to the model, overall", None, 7),
    ("collaboration", "Samverkan mellan professionerna", "Collaboration between professions",
     None, 7),
    ("parents_questions", "Prioritera föräldrarnas egna frågor",
     "Prioritising the parents' own questions", None, 7),
    ("model_adherence", "Förhålla sig till modellen", "Relating to the model", None, 7),
    ("parents_strengths", "Lyfta föräldrarnas styrkor", "Highlighting the parents' strengths",
     None, 7),
    ("mother_importance", "Lyfta mammans betydelse", "Highlighting the mother's importance",
     None, 7),
    ("other_parent_importance", "Lyfta pappans/den andra förälderns betydelse",
     "Highlighting the father's / other parent's importance", None, 7),
    ("emotional_climate", "Känslomässigt klimat", "Emotional climate", None, 10),
    ("relationship_quality", "Relationskvalitet", "Relationship quality", None, 10),
)

# Every code list by the name the contract (and the reference tables) use for it.
VOCABULARIES: dict[str, dict[str, Code]] = {
    "location": LOCATIONS,
    "target_reason": TARGET_REASONS,
    "exit_reason": EXIT_REASONS,
    "rater_role": RATER_ROLES,
    "profession": PROFESSIONS,
    "destination_group": DESTINATION_GROUPS,
    "destination": DESTINATIONS,
    "rating_item": RATING_ITEMS,
}


def label(vocabulary: str, code: str | None, lang: str = "sv") -> str:
    """The label of a code in a language; an unknown code is shown as itself."""
    entry = VOCABULARIES[vocabulary].get(code) if code is not None else None
    if entry is None:
        return "" if code is None else str(code)
    return entry.sv if lang == "sv" else entry.en
