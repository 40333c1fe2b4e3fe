"""The data dictionary is generated from the contract: every column, code and indicator is
in it once, with the rule validation applies, in well-formed Markdown and parseable CSV."""
from __future__ import annotations

import io
import re

import pandas as pd
import pytest

from dashboard import dictionary
from dashboard.contract import RULES, TABLES
from dashboard.definitions import INDICATORS
from dashboard.export import PACKAGE_ROOT
from dashboard.programmes import PROGRAMMES
from dashboard.vocab import VOCABULARIES

N_COLUMNS = sum(len(t.columns) for t in TABLES.values())
N_CODES = sum(len(codes) for codes in VOCABULARIES.values())


def rule(lang: str, table: str, column: str) -> str:
    frame = dictionary.columns_frame(lang).set_index(["table", "column"])
    return frame.loc[(table, column), "rule"]


def test_every_contract_column_appears_once_in_order():
    frame = dictionary.columns_frame("sv")
    expected = [(t.name, c.name) for t in TABLES.values() for c in t.columns]
    assert list(zip(frame["table"], frame["column"])) == expected
    assert not frame.duplicated(["table", "column"]).any()


def test_rule_texts_follow_the_contract():
    assert rule("sv", "visits", "visit_id") == "obligatorisk; unik nyckel"
    assert rule("en", "visits", "visit_id") == "required; unique key"
    assert rule("sv", "visits", "duration_minutes") == "1 … 600"
    assert rule("sv", "families", "bvc_id") == "obligatorisk; → units.bvc_id"
    assert rule("en", "referrals", "destination") == (
        "required; part of the unique key; code from the list destination")
    assert rule("en", "visits", "midwife_present") == "the column may be absent"
    assert rule("en", "ratings", "score") == ("required; quarantined if: the score is outside "
                                               "the item's scale")
    assert rule("sv", "visits", "nurse_present") == ""


def test_flags_and_links_of_columns():
    frame = dictionary.columns_frame("en").set_index(["table", "column"])
    visit_id = frame.loc[("visits", "visit_id")]
    assert visit_id["key"] and visit_id["required"] and not visit_id["optional_column"]
    assert frame.loc[("visits", "dental_present"), "optional_column"]
    assert not frame.loc[("visits", "location"), "key"]
    assert frame.loc[("visits", "location"), "codes"] == "location"
    assert frame.loc[("families", "bvc_id"), "references"] == "units.bvc_id"
    assert frame.loc[("families", "bvc_id"), "description"] == "BVC where the child is listed"
    assert frame.loc[("families", "bvc_id"), "description_sv"] == "BVC där barnet är listat"
    assert frame["key"].sum() == sum(len(t.key) for t in TABLES.values())


def test_tables_frame_keys_and_optional_programmes():
    frame = dictionary.tables_frame("sv").set_index("table")
    assert list(frame.index) == list(TABLES)
    assert frame.loc["ratings", "key"] == "visit_id, rater_role, item"
    assert not frame.loc["programmes", "required"] and frame.loc["visits", "required"]


def test_every_code_with_its_labels():
    frame = dictionary.codes_frame("sv")
    assert len(frame) == N_CODES
    pairs = set(zip(frame["vocabulary"], frame["code"]))
    assert pairs == {(v, c) for v, codes in VOCABULARIES.items() for c in codes}
    row = frame[(frame["vocabulary"] == "destination") & (frame["code"] == "open_preschool")]
    assert row[["label_sv", "label_en", "group"]].values.tolist() == [
        ["Öppen förskola", "Open preschool", "open_forum"]]
    scales = frame[frame["vocabulary"] == "rating_item"].set_index("code")["scale_max"]
    assert scales["model_overall"] == 7 and scales["emotional_climate"] == 10
    assert frame.loc[frame["code"] == "home", "scale_max"].isna().all()


def test_indicators_and_their_query_files():
    frame = dictionary.indicators_frame("sv")
    assert list(frame["id"]) == [i.id for i in INDICATORS]
    for query_file in frame["query_file"]:
        assert (PACKAGE_ROOT / query_file).is_file(), query_file
    markdown = dictionary.dictionary_markdown("sv")
    for indicator in INDICATORS:
        assert f"| `{indicator.id}` |" in markdown


def test_programmes_frame_matches_shipped_programmes():
    frame = dictionary.programmes_frame("en")
    assert len(frame) == sum(len(v) for v in PROGRAMMES.values())
    dental = frame[frame["programme_id"] == "vaxa-tryggt-6"].iloc[3]
    assert (dental["visit_number"], dental["age"], dental["professions"]) == (
        4, "8 months", "nurse, dental")
    assert (dental["window_start_days"], dental["window_end_days"]) == (215, 275)


def markdown_tables(markdown: str) -> list[list[str]]:
    """Consecutive lines starting with `|`, one list per table."""
    tables, current = [], []
    for line in markdown.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_markdown_tables_are_well_formed(lang):
    tables = markdown_tables(dictionary.dictionary_markdown(lang))
    # one per contract table, one per code list, programmes, indicators, rules
    assert len(tables) == len(TABLES) + len(VOCABULARIES) + 3
    for table in tables:
        assert re.fullmatch(r"\| (--- \| )+", table[1] + " ")
        assert {pipes(line) for line in table} == {pipes(table[0])}, table[0]
    rows = sum(len(t) - 2 for t in tables)
    assert rows == (N_COLUMNS + N_CODES + sum(len(v) for v in PROGRAMMES.values())
                    + len(INDICATORS) + len(RULES))


def test_markdown_table_escapes_pipes_and_line_breaks():
    table = dictionary.markdown_table(["a", "b"], [["x | y", "one\ntwo"]])
    assert table.splitlines()[2] == "| x \\| y | one two |"
    assert {pipes(line) for line in table.splitlines()} == {3}


def test_markdown_sections_in_swedish_and_english():
    sv = dictionary.dictionary_markdown("sv")
    en = dictionary.dictionary_markdown("en")
    assert sv.startswith("# Datakatalog – uppföljning av utökade hembesök\n")
    assert en.startswith("# Data dictionary – follow-up of extended home visits\n")
    assert "Data contract version 1." in en and "Datakontrakt version 1." in sv
    for heading in ("## Tables", "## Code lists", "## Indicators", "## Quarantine rules"):
        assert f"\n{heading}\n" in en
        assert heading not in sv
    assert "\n## Karantänregler\n" in sv
    assert "| `duration_minutes` | int | 1 … 600 | Length in minutes |" in en
    assert "| `null_key` | The key is missing |" in en


def test_csv_parses_back_with_every_section():
    frame = pd.read_csv(io.BytesIO(dictionary.dictionary_csv("en")), keep_default_na=False)
    assert frame.columns[0] == "section"
    assert frame["section"].value_counts().to_dict() == {
        "column": N_COLUMNS, "code": N_CODES, "indicator": len(INDICATORS)}
    assert len(frame) == N_COLUMNS + N_CODES + len(INDICATORS)
    visit_id = frame[(frame["table"] == "visits") & (frame["column"] == "visit_id")].iloc[0]
    assert (visit_id["rule"], visit_id["key"], visit_id["description_sv"]) == (
        "required; unique key", "True", "Besökets id")
    item = frame[frame["code"] == "emotional_climate"].iloc[0]
    assert (item["vocabulary"], item["scale_max"], item["table"]) == ("rating_item", "10", "")
    assert "retention" in set(frame.loc[frame["section"] == "indicator", "id"])
