"""The meeting report on the hand-countable fixture: its text (read back from the PDF by
pdftotext) holds the figures and the "<5" marks exactly as the pages show them; its pages
render to images; an empty selection says so; the command line writes PDF and HTML."""
from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from dashboard.context import Context
from dashboard.filters import Filters
from dashboard.report import build_html, build_pdf, unit_table
from dashboard.settings import Settings

MADE = dt.datetime(2024, 7, 1, 9, 30)
SHIPPED = Settings(threshold=5, targets={"home_share": 0.9, "both_professions_share": 0.9})
EXACT = Settings(threshold=1, targets=SHIPPED.targets)


def pdf_text(tmp_path, data: bytes) -> str:
    """The PDF's text in reading order, white space folded to single spaces."""
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())


@pytest.fixture(scope="module")
def report_pdf(small_db_exact):
    """The report at threshold 1: its numbers exact (at 5 the fixture hides nearly all)."""
    context = Context(small_db_exact, Filters(), "sv", EXACT)
    return build_pdf(build_html(context, MADE))


@pytest.fixture(scope="module")
def report_pdf_hidden(small_db):
    return build_pdf(build_html(Context(small_db, Filters(), "sv", SHIPPED), MADE))


def test_the_pdf_holds_the_figures_and_the_marks(report_pdf, tmp_path):
    text = pdf_text(tmp_path, report_pdf)
    assert "Rapport: utökade hembesök" in text and "Rapporten skapad 2024-07-01 09:30" in text
    assert "uttagen 2024-06-30; besök 2022-06-10 – 2024-04-01" in text
    # key indicators as on Översikt (tests/test_app.py): 14 visits, 5 families, home 11 / 13
    assert "Besök 14 Besökta familjer 5 Besök i hemmet 85 % n = 11 av N = 13 · saknas 1" \
        in text
    assert "Mål 90 %: ✗ under målet" in text
    assert "Besök med hänvisning till extra stöd 29 % n = 4 av N = 14" in text
    assert "Stadsdelarna sida vid sida" in text and "Definitioner" in text
    assert "Sida 1 av" in text


def test_the_pdf_marks_hidden_numbers(report_pdf_hidden, tmp_path):
    text = pdf_text(tmp_path, report_pdf_hidden)
    assert "<5" in text and "Dolda små tal" in text and "värden i rapportens tabeller är dolda" \
        in text
    assert "Besök i hemmet – n = – av N = –" in text  # hidden with the whole export's 14


def test_districts_side_by_side_are_the_grids_cells(small_db):
    context = Context(small_db, Filters(), "sv", SHIPPED)
    table, level = unit_table(context)
    table = table.set_index("Indikator")
    assert level == "district" and list(table.columns) == ["Norr", "Söder"]
    cells = small_db.con.execute(
        "SELECT unit, value, hidden FROM privacy_cells WHERE measure = 'visits' "
        "AND level = 'district' AND kind = 'all_time'").df().set_index("unit")
    # each district's visits over the whole export as the grid has them: Söder's 2 "<5"
    assert table.loc["Besök"].tolist() == [
        "<5" if cells.value[d] < 5 else "–" if cells.hidden[d] else str(cells.value[d])
        for d in ("Norr", "Söder")]
    assert table.loc["Besök"].tolist()[1] == "<5"
    # Söder has 2 visits: every share there is hidden and its N is "<5"
    assert table.loc["Besök i hemmet"].tolist()[1] == "– (<5)"
    one, level = unit_table(Context(small_db, Filters(districts=("Norr",)), "sv", SHIPPED))
    assert level == "bvc" and list(one.columns)[1:] == ["BVC Ett", "BVC Två"]


def test_pages_render_to_images(report_pdf, tmp_path):
    (tmp_path / "report.pdf").write_bytes(report_pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(tmp_path / "report.pdf"),
                    str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 6  # title, indicators, four figures, districts, definitions
    assert all(p.stat().st_size > 2_000 for p in pages)


def test_an_empty_selection_says_so(small_db, tmp_path):
    context = Context(small_db, Filters(dt.date(2030, 1, 1), dt.date(2030, 12, 31)), "en",
                      SHIPPED)
    text = pdf_text(tmp_path, build_pdf(build_html(context, MADE)))
    assert "No visits in the selection" in text and "2030-01-01 – 2030-12-31" in text
    assert "The export has visits from 2022-06-10 to 2024-04-01" in text


def test_the_command_line_writes_pdf_and_html(small_export, tmp_path, capsys):
    from dashboard.cli import EXIT_CLEAN, EXIT_FATAL, main
    out = tmp_path / "rapport.pdf"
    assert main(["report", "--data", str(small_export), "--out", str(out),
                 "--district", "Norr"]) == EXIT_CLEAN
    text = pdf_text(tmp_path, out.read_bytes())
    assert "Stadsdel/kommun Norr" in text
    page = tmp_path / "rapport.html"
    assert main(["report", "--data", str(small_export), "--out", str(page), "--lang", "en",
                 "--bvc", "B3"]) == EXIT_CLEAN
    document = page.read_text(encoding="utf-8")
    assert "<svg" in document and "Key indicators" in document and "BVC Tre" in document
    capsys.readouterr()
    assert main(["report", "--data", str(small_export), "--out", str(tmp_path / "x.docx")]) \
        == EXIT_FATAL
    assert "unknown format '.docx'" in capsys.readouterr().err
