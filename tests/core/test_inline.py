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


_MARKUP = st.text(alphabet="ab *\\[]^1x-", max_size=40)


@given(_MARKUP)
def test_marks_agree_with_parse(markup):
    """What an editor formats in place is what `parse` reads: the same references in order, and the same
    italic words (the text inside each italic mark, read alone)."""
    found = inline.marks(markup)
    assert [markup[s + 2 : e - 1] for kind, s, e in found if kind == "ref"] == inline.footnote_ids(markup)
    italic_marks = "".join(inline.plain(markup[s + 1 : e - 1]) for kind, s, e in found if kind == "italic")
    assert italic_marks == "".join(span.text for span in inline.parse(markup) if span.italic)


@given(_MARKUP, st.dictionaries(st.sampled_from(["1", "x", "a-1"]), st.sampled_from(["7", "y"])))
def test_replace_and_blank_refs_touch_only_references(markup, new):
    replaced = inline.replace_refs(markup, lambda fid: new.get(fid, fid))
    assert inline.footnote_ids(replaced) == [new.get(f, f) for f in inline.footnote_ids(markup)]
    assert inline.plain(replaced) == inline.plain(markup)
    blank = inline.blank_refs(markup)
    assert len(blank) == len(markup) and not inline.footnote_ids(blank)
    assert inline.plain(blank).replace(" ", "") == inline.plain(markup).replace(" ", "")


def test_an_escaped_bracket_is_no_reference_for_the_editor():
    assert inline.marks(r"\[^1] and *it*[^2]") == [("italic", 10, 14), ("ref", 14, 18)]
    assert inline.blank_refs(r"\[^1] x[^2]") == r"\[^1] x    "
