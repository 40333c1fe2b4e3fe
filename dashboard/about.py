"""Tables of the Om data page: the loaded export, rows read and quarantined, programme
schedules, settings and the indicators' definitions."""
from __future__ import annotations

import pandas as pd

from dashboard import dictionary
from dashboard.definitions import INDICATORS
from dashboard.i18n import indicator_definition, indicator_name, t
from dashboard.numbers import integer, iso_day, percent
from dashboard.programmes import age_label
from dashboard.vocab import label


def export_facts(context) -> pd.DataFrame:
    export, lang = context.db.export, context.lang
    dates = context.query("export_dates").iloc[0]
    facts = [
        (t("export_folder", lang), export.path.name + (f" ({t('sample', lang)})"
                                                         if export.is_sample else "")),
        (t("extracted_at", lang), export.reference_date.isoformat()),
        (t("visit_dates", lang), f"{iso_day(dates.first_visit)} – {iso_day(dates.last_visit)}"),
        (t("birth_dates", lang), f"{iso_day(dates.first_birth)} – {iso_day(dates.last_birth)}"),
    ]
    return pd.DataFrame(facts, columns=[t("fact", lang), t("value", lang)])


def row_counts_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("table_name", lang): frame.table_name.tolist(),
        t("rows_read", lang): [integer(v, lang) for v in frame.input_rows],
        t("rows_valid", lang): [integer(v, lang) for v in frame.valid_rows],
        t("rows_quarantined", lang): [integer(v, lang) for v in frame.quarantined_rows]})


def schedule_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("programme", lang): (frame.name_sv if lang == "sv" else frame.name_en).tolist(),
        t("visit", lang): frame.visit_number.astype(int).tolist(),
        t("age", lang): [age_label(a, lang) for a in frame.label],
        t("window_days", lang): [f"{s} … {e}" for s, e in zip(frame.window_start_days,
                                                               frame.window_end_days)],
        t("place", lang): [label("location", p, lang) for p in frame.location],
        t("professions_planned", lang): [", ".join(label("profession", p, lang) for p in ps)
                                         for ps in frame.professions],
        t("expected_minutes", lang): frame.expected_minutes.astype(int).tolist()})


def settings_table(settings, lang: str) -> pd.DataFrame:
    rows = [(t("threshold_setting", lang), f"{settings.threshold}")]
    rows += [(f"{t('target', lang)}: {indicator_name(i, lang)}", percent(v, lang))
             for i, v in settings.targets.items()]
    limits = settings.explorer
    rows += [(t("setting_stopped_days", lang), integer(settings.stopped_reporting_days, lang)),
             (t("setting_empty_limit", lang), percent(settings.empty_share_limit, lang)),
             (t("setting_explorer", lang), t("setting_explorer_value", lang,
                                             seconds=integer(limits.timeout_seconds, lang),
                                             shown=integer(limits.rows_shown, lang),
                                             download=integer(limits.download_rows, lang),
                                             memory=limits.memory_limit))]
    return pd.DataFrame(rows, columns=[t("setting", lang), t("value", lang)])


def audit_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The audit log's entries with headings and actions in the language."""
    return pd.DataFrame({
        t("audit_at", lang): frame["at"].tolist(), t("audit_user", lang): frame.user.tolist(),
        t("audit_action", lang): [t(f"audit_{a}", lang) for a in frame.action],
        t("audit_what", lang): frame.what.tolist(),
        t("audit_filters", lang): frame.filters.tolist(),
        t("audit_rows", lang): ["" if pd.isna(r) else integer(r, lang) for r in frame.rows],
        t("audit_families", lang): frame.families.tolist()})


def columns_table(lang: str) -> pd.DataFrame:
    """The data dictionary's columns: table, column, type, rule and meaning."""
    frame = dictionary.columns_frame(lang)
    return pd.DataFrame({t("table_name", lang): frame.table.tolist(),
                         t("column", lang): frame.column.tolist(),
                         t("type", lang): frame.type.tolist(),
                         t("rule", lang): frame.rule.tolist(),
                         t("description", lang): frame.description.tolist()})


def codes_table(lang: str) -> pd.DataFrame:
    """Every code list: code, both labels and its group or scale."""
    frame = dictionary.codes_frame(lang)
    return pd.DataFrame({t("code_list", lang): frame.vocabulary.tolist(),
                         t("code", lang): frame.code.tolist(),
                         "Svenska": frame.label_sv.tolist(), "English": frame.label_en.tolist(),
                         t("group_or_scale", lang): [
                             g or ("" if pd.isna(m) else f"1–{int(m)}")
                             for g, m in zip(frame.group, frame.scale_max)]})


def definitions_table(lang: str) -> pd.DataFrame:
    """Every indicator: the id researchers cite, its name, definition and query file."""
    return pd.DataFrame({
        "id": [i.id for i in INDICATORS],
        t("indicator", lang): [indicator_name(i.id, lang) for i in INDICATORS],
        t("definition", lang): [indicator_definition(i.id, lang) for i in INDICATORS],
        t("query_file", lang): [f"queries/{i.query}.sql" for i in INDICATORS]})
