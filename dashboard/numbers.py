"""Numbers the Swedish way ("96 %", "5,6", "12 345") or the English way, through Babel."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import NumberFormatError, format_decimal, format_percent, parse_decimal

LOCALES = {"sv": "sv_SE", "en": "en_GB"}
DASH = "–"


def integer(value, lang: str = "sv") -> str:
    return DASH if value is None else _integer(int(value), lang)


def percent(value, lang: str = "sv", decimals: int = 0) -> str:
    return DASH if value is None else _percent(float(value), lang, decimals)


# Babel formats one number in tens of microseconds; a page's tables repeat the same
# numbers (a national table has tens of thousands of cells), so each is formatted once.
@lru_cache(maxsize=1 << 16)
def _integer(value: int, lang: str) -> str:
    return format_decimal(value, locale=LOCALES[lang])


@lru_cache(maxsize=1 << 16)
def _percent(value: float, lang: str, decimals: int) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    if lang == "en":
        pattern = pattern.replace("\u00a0%", "%")
    return format_percent(value, format=pattern, locale=LOCALES[lang])


def decimal(value, lang: str = "sv", decimals: int = 1) -> str:
    if value is None:
        return DASH
    return format_decimal(value, format="#,##0." + "0" * decimals, locale=LOCALES[lang])


def iso_day(value) -> str:
    """A date (or timestamp) from a query as '2024-06-30'; '–' where there is none."""
    import pandas as pd
    return DASH if pd.isna(value) else pd.Timestamp(value).date().isoformat()


def iso_days(values) -> list[str]:
    """iso_day of a whole column at once."""
    import pandas as pd
    days = pd.to_datetime(pd.Series(values))
    return days.dt.strftime("%Y-%m-%d").fillna(DASH).tolist()


def month(day: dt.date, lang: str = "sv") -> str:
    """'mars 2024' / 'March 2024'."""
    return format_date(day, format="LLLL y", locale=LOCALES[lang])


def signed(value: int, lang: str = "sv") -> str:
    """'+3', '-12', '±0' (ASCII minus, which Streamlit reads as a fall)."""
    if value == 0:
        return "±0"
    return ("+" if value > 0 else "-") + format_decimal(abs(int(value)), locale=LOCALES[lang])


def excel_value(text, lang: str = "sv"):
    """A number as this module writes it ("1 646", "95,5", "85 %", "−3"; or the English
    way) as Swedish Excel reads a number ("1646", "95,5", "85%", "-3"): the thousands
    separator is a non-breaking space Excel may keep as text, and Babel's minus is U+2212.
    Anything else (a label, a date, "<5", "–", an id such as "007") is left as it is."""
    if not isinstance(text, str):
        return text
    body, suffix = text.replace("\u2212", "-"), ""
    for mark in ("\u00a0%", "%"):
        if body.endswith(mark):
            body, suffix = body[:-len(mark)], "%"
            break
    digits = body.lstrip("-")
    if not digits[:1].isdigit() or (digits[:1] == "0" and digits[1:2].isdigit()):
        return text
    try:
        number = parse_decimal(body, locale=LOCALES[lang], strict=True)
    except (NumberFormatError, ValueError):
        return text
    return format(number, "f").replace(".", ",") + suffix
