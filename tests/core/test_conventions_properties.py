"""Any document, however odd, is checked without an exception, and every span points inside its field."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.conventions.engine import build_context, check_document, check_paragraph
from app.model import Header, Paragraph, Resolution

WORDS = [
    "Recalling",
    "Requests",
    "also",
    "Further",
    "resolution",
    "resolutions",
    "78/45",
    "1325",
    "(2000)",
    "of",
    "4",
    "December",
    "2023,",
    "Security",
    "Council",
    "UN",
    "this",
    "the",
    "present",
    "and",
    "; and",
    "*",
    "[^n1]",
    "\\*",
    "\\[",
    "(a)",
    "1.",
    "PP3",
    "79th",
    "session",
    "Deeply",
    "Concerned",
    "04/12/2023",
    ":",
    ",",
]
text = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join)
paragraph = st.builds(Paragraph, opener=text, text=text, tail=st.sampled_from(["", "and decides"]))
with_subs = st.builds(
    Paragraph, opener=text, text=text, subparagraphs=st.lists(paragraph, max_size=3), tail=st.just("")
)
template = st.sampled_from(["ga-c3", "sc", "hrc", "ga-plenary", "ecosoc"])
sponsors = st.lists(st.sampled_from(["Turkey", "Andorra", "Narnia", "Japan", "the Sudan", ""]), max_size=4)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(with_subs, max_size=4), st.lists(with_subs, max_size=4), template, sponsors, text)
def test_any_document_checks_cleanly(pre, ops, tpl, names, title) -> None:  # noqa: ANN001
    res = Resolution(header=Header(template=tpl, sponsors=names), title=title, preamble=pre, operative=ops)
    res.add_footnote("Adopted on December 4, 2023 by the UN.")
    findings = check_document(res, style=False)
    fields = {}
    for _, node in res.paragraphs():
        for name in ("opener", "text", "tail"):
            fields[(node.id, name)] = getattr(node, name)
    for f in findings:
        a, b = f.span
        assert 0 <= a <= b
        if (f.paragraph_id, f.field) in fields:
            assert b <= len(fields[(f.paragraph_id, f.field)]), f
        if f.fix and (f.paragraph_id, f.fix.field) in fields:
            assert f.fix.span[1] <= len(fields[(f.paragraph_id, f.fix.field)]), f
    # the paragraph checks the editor runs one by one give exactly the paragraph findings of the whole check
    ctx = build_context(res)
    one_by_one = {
        f for _, node in res.paragraphs() for f in check_paragraph(res, node.id, context=ctx, style=False)
    }
    ids = {node.id for _, node in res.paragraphs()}
    assert one_by_one == {
        f for f in findings if f.paragraph_id in ids and f.rule != "structure.operative-missing"
    }


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(with_subs, min_size=1, max_size=4),
    st.lists(with_subs, min_size=1, max_size=4),
    template,
    st.data(),
)
def test_incremental_recheck_equals_a_full_recheck(pre, ops, tpl, data) -> None:  # noqa: ANN001
    """After an edit, re-checking the edited paragraph and what `changed_since` names gives what a full
    re-check gives: the editor's incremental path is never stale."""
    res = Resolution(header=Header(template=tpl), title="T", preamble=pre, operative=ops)
    old_ctx = build_context(res)
    before = {
        node.id: check_paragraph(res, node.id, context=old_ctx, style=False) for _, node in res.paragraphs()
    }
    edited = data.draw(st.sampled_from([node for _, node in res.paragraphs()]))
    edited.opener = data.draw(text)
    edited.text = data.draw(text)
    new_ctx = build_context(res)
    recheck = {edited.id} | new_ctx.changed_since(old_ctx)
    after = {
        pid: (check_paragraph(res, pid, context=new_ctx, style=False) if pid in recheck else found)
        for pid, found in before.items()
    }
    full = {
        node.id: check_paragraph(res, node.id, context=new_ctx, style=False) for _, node in res.paragraphs()
    }
    assert after == full


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab *[]^\\n1-", max_size=30))
def test_plain_text_agrees_with_inline(markup: str) -> None:
    """The one plain-text map (checks and spelling) agrees with inline.parse on text, spans and italics."""
    from app import inline

    ft = inline.plain_text(markup)
    assert ft.text == inline.plain(markup)
    for i in range(len(ft.text)):  # every plain character maps to the markup character that shows it
        a, b = ft.span(i, i + 1)
        assert markup[a:b] in (ft.text[i], "\\" + ft.text[i])
    italic = [i for i in range(len(ft.text)) if ft.is_italic(i, i + 1)]
    expected = [
        i
        for i, is_italic in enumerate(c for s in inline.parse(markup) for c in [s.italic] * len(s.text))
        if is_italic
    ]
    assert italic == expected
