"""Numbers as the pages write them, and as the CSV downloads for Excel write them."""
import pandas as pd
import pytest

from dashboard.numbers import decimal, excel_value, integer, percent, signed
from dashboard.tiles import excel_csv


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_numbers_the_pages_write_come_back_as_numbers_for_excel(lang):
    """Swedish Excel takes "1646", "95,5" and "85%" as numbers; the page's "1 646" (a
    non-breaking space), "85 %" and Babel's minus sign (U+2212) it may keep as text."""
    assert excel_value(integer(12345, lang), lang) == "12345"
    assert excel_value(decimal(95.46, lang), lang) == "95,5"
    assert excel_value(percent(0.853, lang), lang) == "85%"
    assert excel_value(percent(0.8534, lang, decimals=1), lang) == "85,3%"
    assert excel_value(integer(-3, lang), lang) == "-3"


@pytest.mark.parametrize("text", ["<5", "–", "2024-01-31", "2024 kv1", "BVC Ett", "007",
                                  "n = 11 av N = 13", "1 / 3", "✗ 45 %"])
def test_text_that_is_not_one_number_is_left_as_it_is(text):
    assert excel_value(text, "sv") == text


def test_an_excel_csv_has_a_bom_semicolons_and_numbers_excel_reads():
    frame = pd.DataFrame({"Stadsdel": ["Norr", "Söder"], "Besök": ["1\u00a0646", "<5"],
                          "Andel": ["96\u00a0%", "–"], "Medel": [4.25, None],
                          "Antal": [12, 0]})
    data = excel_csv(frame, "sv")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == [
        "Stadsdel;Besök;Andel;Medel;Antal", "Norr;1646;96%;4,25;12", "Söder;<5;–;;0"]


def test_an_english_table_is_written_for_swedish_excel_too():
    """The English page writes "1,646" and "95.5%", which Swedish Excel would read as
    1,646 (a decimal) and text."""
    frame = pd.DataFrame({"Visits": ["1,646"], "Share": ["95.5%"],
                          "Change": [signed(-1234, "en")]})
    assert excel_csv(frame, "en").decode("utf-8-sig").splitlines()[1] == "1646;95,5%;-1234"
