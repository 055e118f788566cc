import datetime as dt

import pytest

from app.formatting import (
    format_date,
    join_names,
    ordinal_words,
    parse_date,
    parse_ordinal_words,
    session_line,
    subparagraph_label,
)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "first"),
        (12, "twelfth"),
        (20, "twentieth"),
        (21, "twenty-first"),
        (79, "seventy-ninth"),
        (80, "eightieth"),
        (100, "one hundredth"),
        (101, "one hundred and first"),
    ],
)
def test_ordinals(n, words):
    assert ordinal_words(n) == words
    assert parse_ordinal_words(words.capitalize()) == n


def test_session_line_and_dates():
    assert session_line(79) == "Seventy-ninth session"
    assert format_date(dt.date(2024, 10, 1)) == "1 October 2024"
    assert parse_date("Distr.: Limited 11 October 2024") == dt.date(2024, 10, 11)
    assert parse_date("31 February 2024") is None


def test_subparagraph_labels_follow_depth():
    assert [subparagraph_label(d, 3) for d in (1, 2, 3, 4)] == ["(c)", "(iii)", "c.", "iii."]
    assert subparagraph_label(1, 27) == "(aa)"
    assert subparagraph_label(2, 9) == "(ix)"


def test_join_names_has_no_serial_comma():
    assert join_names(["Cambodia", "Germany", "Japan"]) == "Cambodia, Germany and Japan"
    assert join_names(["Japan"]) == "Japan"
