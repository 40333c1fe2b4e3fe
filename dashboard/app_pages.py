"""The dashboard's pages in menu order: the key of their title, the file in `pages/`, the
icon and the stable URL path a copied link uses (Swedish, the same in either language)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    key: str
    file: str
    icon: str
    url_path: str
    row_level: bool = False
    needs: str | None = None  # a grant the page requires ("explorer", "admin"); else hidden


PAGES = [
    PageSpec("overview", "pages/overview.py", ":material/dashboard:", "oversikt"),
    PageSpec("visits_page", "pages/visits.py", ":material/calendar_month:", "besok"),
    PageSpec("progression", "pages/progression.py", ":material/stairs:", "besoksprogression"),
    PageSpec("professions", "pages/professions.py", ":material/group:",
             "professioner-och-foraldrar"),
    PageSpec("referrals_page", "pages/referrals.py", ":material/alt_route:", "hanvisningar"),
    PageSpec("satisfaction", "pages/satisfaction.py", ":material/sentiment_satisfied:",
             "nojdhet"),
    PageSpec("reach", "pages/reach.py", ":material/diversity_3:", "rackvidd"),
    PageSpec("presentation", "pages/presentation.py", ":material/co_present:",
             "presentation"),
    PageSpec("data_quality", "pages/data_quality.py", ":material/fact_check:", "datakvalitet"),
    PageSpec("about", "pages/about_data.py", ":material/info:", "om-data"),
    PageSpec("explorer", "pages/explorer.py", ":material/terminal:", "utforska",
             needs="explorer"),
    PageSpec("audit_page", "pages/audit_log.py", ":material/policy:", "granskningslogg",
             needs="admin"),
]
BY_KEY = {page.key: page for page in PAGES}
