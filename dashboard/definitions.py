"""Every indicator of the contract (section 4): its id, names, definition and query file.
Researchers cite the ids; keep them stable."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    id: str
    sv: str
    en: str
    definition_sv: str
    definition_en: str
    query: str
    kind: str = "share"  # share | count | mean | list


INDICATORS = [Indicator(*row) for row in [
    ("visits", "Besök", "Visits", "Antal besök (Ögonblicksbilder) i perioden.",
     "Number of visits (snapshot forms) in the period.", "visit_counts", "count"),
    ("families_visited", "Besökta familjer", "Families visited",
     "Antal olika familjer med minst ett besök i perioden.",
     "Distinct families with a visit in the period.", "visit_counts", "count"),
    ("visits_by_number", "Besök per besöksnummer", "Visits by visit number",
     "Antal besök per besöksnummer, per program (olika program slås aldrig ihop).",
     "Visits per visit number, per programme (programmes are never pooled).",
     "visits_by_number", "count"),
    ("home_share", "Besök i hemmet", "Visits at home",
     "Besök i hemmet / besök som programmet planerar i hemmet och där platsen är ifylld.",
     "Visits at home / visits the programme plans at home with the location filled in.",
     "visit_shares"),
    ("both_professions_share", "Båda professionerna", "Both professions",
     "Besök där både BHV-sjuksköterska och föräldrastödjare deltog / besök som programmet "
     "planerar för båda, där båda fälten är ifyllda.",
     "Visits with both the nurse and the parent supporter / visits the programme plans for "
     "both, where both fields are filled in.", "visit_shares"),
    ("planned_team_share", "Planerat team på plats", "Planned team present",
     "Besök där alla planerade professioner deltog / besök där de fälten är ifyllda.",
     "Visits with every planned profession present / visits where those fields are filled in.",
     "visit_shares"),
    ("within_time_share", "Inom förväntad tid", "Within expected length",
     "Besök som varade högst programmets förväntade längd (75 minuter) / besök med angiven längd.",
     "Visits no longer than the programme's expected length (75 minutes) / visits with a length.",
     "visit_shares"),
    ("mother_present_share", "Mamman deltog", "Mother present",
     "Besök där mamman deltog / besök där fältet är ifyllt.",
     "Visits with the mother present / visits where the field is filled in.", "visit_shares"),
    ("other_parent_share", "Andra föräldern deltog", "Other parent present",
     "Besök där pappan/den andra föräldern deltog / besök till familjer som inte är "
     "ensamstående. Besök till ensamstående räknas varken i nämnaren eller som saknade.",
     "Visits with the father or other parent present / visits to families that are not single "
     "parents. Visits to single parents are neither in N nor missing.", "visit_shares"),
    ("referral_visit_share", "Besök med hänvisning", "Visits with a referral",
     "Besök med minst en hänvisning / besök.", "Visits with at least one referral / visits.",
     "visit_shares"),
    ("open_forum_referral_share", "Hänvisningar till öppna forum", "Referrals to open forums",
     "Hänvisningar till öppna forum / hänvisningar.", "Referrals to open forums / referrals.",
     "visit_shares"),
    ("extra_support_visit_share", "Besök med hänvisning till extra stöd",
     "Visits referring to extra support",
     "Besök med minst en hänvisning till extra stöd / besök.",
     "Visits with at least one extra-support referral / visits.", "visit_shares"),
    ("rating_mean", "Personalens skattningar", "Staff ratings",
     "Medelvärde per fråga, för båda yrkesrollerna tillsammans och per roll, med antal "
     "skattningar. Skalor (7 och 10 poäng) blandas aldrig.",
     "Mean score per item, pooled over both rater roles and per role, with the number of "
     "ratings. Scales (7 and 10 points) are never mixed.", "rating_means", "mean"),
    ("on_time_share", "Besök i tid", "Visits on time",
     "Per besöksnummer: besök inom programmets tidsfönster / besök med känt födelsedatum. "
     "Nyföddbesöket är i tid inom 14 dagar efter hemkomsten.",
     "Per visit number: visits inside the programme's window / visits with a birth date. The "
     "newborn visit is on time within 14 days after coming home.", "on_time_by_number"),
    ("offered_share", "Erbjudna", "Offered",
     "Familjer som erbjudits utökade hembesök / familjer i målgruppen (kohort efter "
     "födelsedatum).", "Families offered extended home visits / families in the target group "
     "(cohort by birth date).", "reach_shares"),
    ("accepted_share", "Tackat ja", "Accepted",
     "Erbjudna familjer som inte tackat nej / erbjudna familjer (okänt svar räknas som saknat).",
     "Offered families that did not decline / offered families (unknown answers are missing).",
     "reach_shares"),
    ("started_share", "Påbörjat", "Started",
     "Familjer som fått besök 1 / familjer i målgruppen (kohort efter födelsedatum). Visas på "
     "sidan Räckvidd; ingår inte i den maskinläsbara sammanfattningen.",
     "Families who had visit 1 / families in the target group (cohort by birth date). Shown "
     "on the Reach page; not part of the machine-readable summary.",
     "reach_by_district_and_cohort"),
    ("retention", "Kvar i programmet", "Retention",
     "Per besöksnummer k: av familjerna som fått besök 1, vars barn är gammalt nog för besök k "
     "(födelsedatum + fönstrets slut ≤ dagens datum för uppföljningen) och som inte avslutat "
     "före den dagen, de som fått besök k.",
     "Per visit number k: of the families who had visit 1, whose child is old enough for visit "
     "k (birth date + window end ≤ the as-of date) and who had not left before that day, those "
     "who had visit k.", "retention_by_number"),
    ("completed_share", "Fullföljt programmet", "Completed the programme",
     "Familjer med alla programmets besök / familjer som fått besök 1, är gamla nog för sista "
     "besöket och inte avslutat före det.",
     "Families with every programme visit / families who had visit 1, are old enough for the "
     "last visit and had not left before it.", "completed_share"),
    ("due_list", "Familjer som ska ha nästa besök", "Families due a visit",
     "Per aktiv familj: nästa besök (högsta gjorda besöksnummer + 1), dess tidsfönster och "
     "status: kommande, aktuellt, försenat (fönstret stängde för högst 60 dagar sedan) eller "
     "missat (mer än 60 dagar sedan).",
     "Per active family: the next visit (highest visit number made + 1), its window and its "
     "status: upcoming, due, overdue (window closed at most 60 days ago) or missed (more than "
     "60 days ago).", "due_list", "list"),
]]

BY_ID = {i.id: i for i in INDICATORS}
