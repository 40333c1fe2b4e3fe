"""The export's tables, columns and row rules (data contract v1): the single source for
validation, the data dictionary and the reference tables."""
from __future__ import annotations

from dataclasses import dataclass, field

CONTRACT_VERSION = 1

# SQL type each contract type is cast to once its Parquet type has been accepted.
SQL_TYPES = {"string": "VARCHAR", "int": "BIGINT", "date": "DATE", "bool": "BOOLEAN",
             "string_list": "VARCHAR[]"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    sv: str
    en: str
    required: bool = False          # a null value quarantines the row
    optional: bool = False          # the column may be absent from the files
    codes: str | None = None        # vocabulary (dashboard.vocab) its values come from
    references: str | None = None   # "table.column" it points to
    range: tuple[int, int] | None = None


@dataclass(frozen=True)
class Check:
    """A row rule beyond the column's own: `condition` is true for a row that breaks it."""
    rule: str
    column: str
    condition: str
    sv: str
    en: str


@dataclass(frozen=True)
class Table:
    name: str
    key: tuple[str, ...]
    sv: str
    en: str
    columns: tuple[Column, ...]
    checks: tuple[Check, ...] = field(default_factory=tuple)
    required: bool = True

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _presence(profession: str, sv: str, en: str) -> Column:
    return Column(f"{profession}_present", "bool", sv, en, optional=True)


# In checks, `$reference_date` is the export's reference date; visits see the family's
# birth date as `_birth` and the visit numbers of their unit's programme as
# `_visit_numbers` (an export's own programme may skip a number);
# ratings see the item's scale as `_scale_max`.
PROGRAMMES = Table(
    "programmes", ("programme_id", "visit_number"),
    "Exportens egna besöksprogram (ersätter de medföljande med samma id)",
    "The export's own visit programmes (replace shipped ones with the same id)",
    (
        Column("programme_id", "string", "Programmets id", "Programme id", required=True),
        Column("visit_number", "int", "Besöksnummer", "Visit number", required=True,
               range=(1, 50)),
        Column("label", "string", "Besökets benämning (målålder)", "Visit label (target age)",
               required=True),
        Column("target_age_days", "int", "Målålder i dagar efter födseln",
               "Target age in days after birth", required=True, range=(-280, 3650)),
        Column("window_start_days", "int", "Tidsfönstrets början (dagar efter födseln)",
               "Window start (days after birth)", required=True, range=(-280, 3650)),
        Column("window_end_days", "int", "Tidsfönstrets slut (dagar efter födseln)",
               "Window end (days after birth)", required=True, range=(-280, 3650)),
        Column("location", "string", "Planerad plats", "Planned location", required=True,
               codes="location"),
        Column("professions", "string_list", "Planerade professioner", "Planned professions",
               required=True),
        Column("expected_minutes", "int", "Förväntad längd i minuter",
               "Expected length in minutes", optional=True, range=(1, 600)),
    ),
    (
        Check("out_of_range", "window_end_days", "window_end_days < window_start_days",
              "Fönstret slutar före sin början", "The window ends before it starts"),
        Check("unknown_code", "professions",
              "len(list_filter(professions, lambda p: p NOT IN ('nurse', 'parent_supporter', "
              "'midwife', 'dental', 'librarian') OR p IS NULL)) > 0",
              "Okänd profession", "Unknown profession"),
    ),
    required=False,
)

UNITS = Table(
    "units", ("bvc_id",), "En rad per deltagande BVC", "One row per participating BVC",
    (
        Column("bvc_id", "string", "BVC:ns id", "BVC id", required=True),
        Column("bvc_name", "string", "BVC:ns namn", "BVC name", required=True),
        Column("district", "string", "Stadsdel eller kommun", "District or municipality",
               required=True),
        Column("region", "string", "Region", "Region"),
        Column("programme_id", "string", "Besöksprogram", "Visit programme", required=True,
               references="programmes.programme_id"),
        Column("start_date", "date", "Startdatum för utökade hembesök",
               "Start of extended home visits"),
    ),
)

FAMILIES = Table(
    "families", ("family_id",), "En rad per familj i målgruppen (pseudonymiserad)",
    "One row per family in the target group (pseudonymised)",
    (
        Column("family_id", "string", "Familjens pseudonym", "Family pseudonym", required=True),
        Column("bvc_id", "string", "BVC där barnet är listat", "BVC where the child is listed",
               required=True, references="units.bvc_id"),
        Column("child_birth_date", "date", "Barnets födelsedatum", "Child's birth date",
               required=True),
        Column("home_date", "date", "Hemkomst från BB", "Came home from the maternity ward"),
        Column("target_reason", "string", "Skäl att tillhöra målgruppen", "Target group reason",
               codes="target_reason"),
        Column("single_parent", "bool", "Ensamstående förälder", "Single parent"),
        Column("interpreter_needed", "bool", "Behov av tolk", "Interpreter needed"),
        Column("offered_date", "date", "Datum då besöken erbjöds", "Date visits were offered"),
        Column("declined", "bool", "Familjen tackade nej", "The family declined"),
        Column("exit_date", "date", "Avslutade programmet i förtid", "Left the programme early"),
        Column("exit_reason", "string", "Skäl till avslut", "Reason for leaving",
               codes="exit_reason"),
    ),
    (
        Check("impossible_date", "child_birth_date",
              "child_birth_date > $reference_date + INTERVAL 120 DAY",
              "Födelsedatum mer än 120 dagar efter exportens datum",
              "Birth date more than 120 days after the export's date"),
        Check("impossible_date", "home_date",
              "home_date < child_birth_date OR home_date > child_birth_date + INTERVAL 365 DAY "
              "OR home_date > $reference_date",
              "Hemkomst före födseln, mer än ett år efter den eller i framtiden",
              "Home before birth, more than a year after it, or in the future"),
        Check("impossible_date", "offered_date",
              "offered_date < child_birth_date - INTERVAL 280 DAY OR offered_date > $reference_date",
              "Erbjudet mer än 280 dagar före födseln eller i framtiden",
              "Offered more than 280 days before birth or in the future"),
        Check("impossible_date", "exit_date",
              "exit_date < child_birth_date - INTERVAL 280 DAY OR exit_date > $reference_date",
              "Avslut mer än 280 dagar före födseln eller i framtiden",
              "Exit more than 280 days before birth or in the future"),
    ),
)

VISITS = Table(
    "visits", ("visit_id",), "En rad per besök (en Ögonblicksbild)",
    "One row per visit (one snapshot form)",
    (
        Column("visit_id", "string", "Besökets id", "Visit id", required=True),
        Column("family_id", "string", "Familjens pseudonym", "Family pseudonym", required=True,
               references="families.family_id"),
        Column("bvc_id", "string", "BVC som gjorde besöket", "BVC that made the visit",
               required=True, references="units.bvc_id"),
        Column("visit_number", "int", "Besöksnummer", "Visit number", required=True),
        Column("visit_date", "date", "Besöksdatum", "Visit date", required=True),
        Column("location", "string", "Plats", "Location", codes="location"),
        Column("nurse_present", "bool", "BHV-sjuksköterska deltog", "Child health nurse present"),
        Column("parent_supporter_present", "bool", "Föräldrastödjare deltog",
               "Parent supporter present"),
        _presence("midwife", "Barnmorska deltog", "Midwife present"),
        _presence("dental", "Tandhygienist deltog", "Dental hygienist present"),
        _presence("librarian", "Bibliotekarie deltog", "Librarian present"),
        _presence("interpreter", "Tolk deltog", "Interpreter present"),
        Column("duration_minutes", "int", "Besökets längd i minuter", "Length in minutes",
               range=(1, 600)),
        Column("mother_present", "bool", "Mamman deltog", "Mother present"),
        Column("other_parent_present", "bool", "Pappan/den andra föräldern deltog",
               "Father or other parent present"),
    ),
    (
        Check("out_of_range", "visit_number", "NOT list_contains(_visit_numbers, visit_number)",
              "Besöksnumret finns inte i enhetens program",
              "The visit number is not in the unit's programme"),
        Check("impossible_date", "visit_date",
              "visit_date > $reference_date OR visit_date < _birth - INTERVAL 120 DAY",
              "Besöksdatum i framtiden eller mer än 120 dagar före födseln",
              "Visit date in the future or more than 120 days before birth"),
    ),
)

REFERRALS = Table(
    "referrals", ("visit_id", "destination"), "Hänvisningar som gjordes under besöket",
    "Referrals made during the visit",
    (
        Column("visit_id", "string", "Besökets id", "Visit id", required=True,
               references="visits.visit_id"),
        Column("destination", "string", "Vart familjen hänvisades", "Referral destination",
               required=True, codes="destination"),
    ),
)

RATINGS = Table(
    "ratings", ("visit_id", "rater_role", "item"), "Personalens skattningar efter besöket",
    "The practitioners' ratings after the visit",
    (
        Column("visit_id", "string", "Besökets id", "Visit id", required=True,
               references="visits.visit_id"),
        Column("rater_role", "string", "Vem som skattade", "Who rated", required=True,
               codes="rater_role"),
        Column("item", "string", "Vad som skattades", "What was rated", required=True,
               codes="rating_item"),
        Column("score", "int", "Poäng", "Score", required=True),
    ),
    (
        Check("out_of_range", "score", "score < 1 OR score > _scale_max",
              "Poängen ligger utanför skalan", "The score is outside the item's scale"),
    ),
)

# In dependency order: a table's references point only to tables before it.
TABLES: dict[str, Table] = {t.name: t for t in (PROGRAMMES, UNITS, FAMILIES, VISITS,
                                                  REFERRALS, RATINGS)}

RULES = {
    "null_key": ("Nyckeln saknas", "The key is missing"),
    "duplicate_key": ("Nyckeln förekommer flera gånger", "The key occurs more than once"),
    "required_value": ("Obligatoriskt värde saknas", "A required value is missing"),
    "unknown_reference": ("Hänvisar till en rad som inte finns",
                          "Refers to a row that does not exist"),
    "parent_quarantined": ("Raden den hänvisar till är satt i karantän",
                           "The row it refers to was quarantined"),
    "unknown_code": ("Okänd kod", "Unknown code"),
    "out_of_range": ("Värdet ligger utanför det tillåtna intervallet",
                     "The value is out of range"),
    "impossible_date": ("Omöjligt datum", "Impossible date"),
}

# The fields of the visit form whose emptiness Datakvalitet follows (empty_fields in
# queries/model/visit_months.sql counts them).
FORM_FIELDS = ("location", "nurse_present", "parent_supporter_present", "duration_minutes",
               "mother_present", "other_parent_present", "ratings")
