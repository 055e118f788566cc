from hypothesis import given
from hypothesis import strategies as st

from app import inline
from app.inline import Span


def test_italic_and_footnote_spans():
    spans = inline.parse("United Nations, *Treaty Series*, vol. 2056[^f1] and more")
    assert spans == [
        Span("United Nations, "),
        Span("Treaty Series", italic=True),
        Span(", vol. 2056"),
        Span(footnote="f1"),
        Span(" and more"),
    ]


def test_unclosed_asterisk_is_literal():
    assert inline.plain("5 * 3 = 15") == "5 * 3 = 15"
    assert inline.parse("a *b") == [Span("a *b")]


def test_escapes_round_trip():
    text = r"a literal \* star and \[^x] bracket"
    assert inline.plain(text) == "a literal * star and [^x] bracket"
    assert inline.footnote_ids(text) == []


@given(st.lists(st.tuples(st.text(min_size=1), st.booleans()), max_size=6))
def test_unparse_parse_round_trip(pieces):
    spans = inline._merge([Span(text, italic) for text, italic in pieces])
    assert inline.parse(inline.unparse(spans)) == spans


@given(st.text())
def test_escape_keeps_plain_text(text):
    assert inline.plain(inline.escape(text)) == text


def test_empty_italic_pairs_vanish_and_the_text_stays_whole():
    """Thousands of "**" between words: one plain run, as if the marks were not there."""
    text = "word**" * 5000 + "end"
    assert inline.parse(text) == [Span("word" * 5000 + "end")]
    assert inline.plain("*a*" + "**" * 3 + "*b*") == "ab"
    assert inline.parse("*a*" + "**" * 3 + "*b*") == [Span("ab", italic=True)]
