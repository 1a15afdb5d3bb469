"""Numbers and dates as each language's readers write them (CLDR, through Babel)."""

from __future__ import annotations

import pytest

from generator.formatting import count_text, date_text, exact_number, headline_number
from generator.model import CountRecord, PartialDate


@pytest.mark.parametrize(
    ("number", "en", "zh"),
    [
        (192_700_000, "192,700,000", "1.93亿"),
        (100_000_000, "100,000,000", "1亿"),
        (4_226_508, "4,226,508", "423万"),
        (962_884, "962,884", "96.3万"),
        (21_565, "21,565", "2.16万"),
        (9_999, "9,999", "9,999"),
        (501, "501", "501"),
        (0, "0", "0"),
    ],
)
def test_headline_numbers(number, en, zh):
    assert headline_number(number, "en") == en
    assert headline_number(number, "zh") == zh


def test_exact_numbers_keep_every_digit_in_both_languages():
    assert exact_number(192_700_000, "en") == "192,700,000"
    assert exact_number(192_700_000, "zh") == "192,700,000"


@pytest.mark.parametrize(
    ("iso", "en", "zh"),
    [("2024-02-21", "Feb 21, 2024", "2024年2月21日"), ("2024-02", "Feb 2024", "2024年2月"), ("2024", "2024", "2024年")],
)
def test_dates_are_as_precise_as_their_source(iso, en, zh):
    date = PartialDate.parse(iso)
    assert date_text(date, "en") == en
    assert date_text(date, "zh") == zh


@pytest.mark.parametrize(
    ("qualifier", "en", "zh"),
    [(None, "20,000", "20,000"), ("about", "about 20,000", "约20,000"), ("at_least", "more than 20,000", "超过20,000")],
)
def test_count_qualifiers(qualifier, en, zh):
    record = CountRecord(as_of=PartialDate(2024), count=20_000, source="https://example.org", qualifier=qualifier)
    assert count_text(record, "en") == en
    assert count_text(record, "zh") == zh
    assert count_text(record, "zh", headline=True).endswith("2万")


@pytest.mark.parametrize("text", ["2024-02-30", "2023-02-29", "2024-00", "24-01-01"])
def test_impossible_dates_do_not_parse(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_partial_dates_span_their_period():
    assert PartialDate.parse("2024-02").latest().isoformat() == "2024-02-29"
    assert PartialDate.parse("2023").earliest().isoformat() == "2023-01-01"
