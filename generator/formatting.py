"""Numbers and dates for a reader of each language, through Babel's CLDR data.

English readers get 192,700,000 and Feb 21, 2024; Chinese readers get 1.93亿 and 2024年2月21日.
"""

from __future__ import annotations

import math

from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_skeleton, get_month_names
from babel.numbers import format_compact_decimal, format_decimal, format_percent

from generator.config import BABEL_LOCALES, WORD_SPACE
from generator.model import CountRecord, PartialDate
from generator.vocab import label, ui


def _round_to_significant(number: int, digits: int) -> int:
    if number == 0:
        return 0
    magnitude = int(math.floor(math.log10(abs(number))))
    factor = 10 ** max(magnitude - digits + 1, 0)
    return int(round(number / factor) * factor)


@cache
def _locale(lang: str) -> Locale:
    """Parsed once: Babel would otherwise parse the locale name again on every call."""
    return Locale.parse(BABEL_LOCALES[lang])


@lru_cache(maxsize=100_000)
def exact_number(number: int, lang: str) -> str:
    """Every digit, grouped the CLDR way: 4,226,508."""
    return format_decimal(number, locale=_locale(lang))


def headline_number(number: int, lang: str) -> str:
    """How a reader says the figure: 192,700,000 in English, 1.93亿 or 423万 in Chinese."""
    if lang == "zh" and number >= 10_000:
        rounded = _round_to_significant(number, 3)
        return format_compact_decimal(rounded, locale=_locale(lang), fraction_digits=2)
    return exact_number(number, lang)


def count_text(record: CountRecord, lang: str, *, headline: bool = False) -> str:
    """A count with its qualifier: 'about 100,000,000', '超过2万'."""
    if record.count is None:
        return ui("count_unknown", lang)
    number = headline_number(record.count, lang) if headline else exact_number(record.count, lang)
    if record.qualifier:
        return label("count_qualifier", record.qualifier, lang).format(count=number)
    return number


def count_cell(record: CountRecord, lang: str) -> str:
    """A count in a table: every digit, and a word when it is only HHS's placeholder."""
    text = count_text(record, lang)
    return f"{text}{WORD_SPACE[lang]}{ui('count_placeholder', lang)}" if record.placeholder else text


_SKELETONS = {3: "yMMMd", 2: "yMMM", 1: "y"}


@lru_cache(maxsize=100_000)
def date_text(date: PartialDate, lang: str) -> str:
    """As precise as the date: Feb 21, 2024 / Feb 2024 / 2024; 2024年2月21日 / 2024年2月 / 2024年."""
    precision = 1 + (date.month is not None) + (date.day is not None)
    return format_skeleton(_SKELETONS[precision], date.earliest(), locale=_locale(lang))


def percent(fraction: float, lang: str) -> str:
    """81%, as CLDR writes it in each language."""
    return format_percent(fraction, locale=_locale(lang))


def signed_percent(fraction: float, lang: str) -> str:
    """A change: +65%, −3% (a real minus sign)."""
    text = percent(abs(fraction), lang)
    return ("+" if fraction >= 0 else "\u2212") + text


def signed_number(number: int, lang: str, *, headline: bool = False) -> str:
    """A change in a count: +12, −1,204; in Chinese headlines +1.09亿."""
    text = headline_number(abs(number), lang) if headline else exact_number(abs(number), lang)
    return ("+" if number >= 0 else "\u2212") + text


@cache
def month_name(month: int, lang: str) -> str:
    """Short month name for a chart axis: Jan / 1月."""
    return get_month_names("abbreviated", locale=_locale(lang))[month]
