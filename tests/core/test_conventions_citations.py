"""Citations of resolutions (GA and SC styles) and footnote reference placement."""

from __future__ import annotations

from conventions_support import found, issued_resolution, para, resolution

from app.conventions.citations import scan
from app.findings import Severity


def test_first_mention_needs_a_date() -> None:
    res = resolution(
        [
            para("Recalling", "its resolution 78/45"),
            para("Noting", "that resolution 78/45 of 4 December 2023"),
        ]
    )
    [f] = found(res, "citations.first-mention-date")
    assert f.severity is Severity.WARNING
    assert f.paragraph_id == res.preamble[0].id and f.span == (
        len("its resolution "),
        len("its resolution 78/45"),
    )


def test_later_mentions_and_dated_forms_pass() -> None:
    res = resolution(
        [
            para(
                "Recalling",
                "its resolutions 61/143 of 19 December 2006, 62/133 of 18 December 2007 and 69/147 "
                "of 18 December 2014, and Human Rights Council resolution 5/1 of 18 June 2007",
            ),
            para("Recalling also", "its resolutions 68/247 A and 68/248 A, both of 27 December 2013"),
            para("Recalling further", "its resolutions 61/110 and 61/111 of 14 December 2006"),
            para(
                "Recalling further",
                "its resolutions 59/2 of 20 October 2004, 68/74 and 68/75 of 11 December 2013",
            ),
            para("Reaffirming", "resolution 70/1, adopted by the General Assembly on 25 September 2015"),
            para(
                "Noting",
                "United Nations Environment Assembly resolution 5/14 and World Health Assembly resolution 77/2",
            ),
            para(
                "Noting also",
                "its resolution 72/241, entitled “A world against violence and violent extremism”, adopted by "
                "consensus on 20 December 2017",
            ),
        ],
        [
            para("Requests", "the Secretary-General to implement resolution 61/143 and resolution 68/248 A"),
            para("Notes", "resolution 61/110 and resolution 68/74"),
            para("Decides", "to recall resolution 217 A (III)"),
        ],
    )
    assert not found(res, "citations.first-mention-date")


def test_a_title_does_not_date_a_first_mention() -> None:
    """The spec asks for the date at the first mention; a title names the resolution but does not date it."""
    res = resolution(
        [
            para(
                "Noting",
                "the high-level meeting at which resolution 79/1 entitled “The Pact for the Future” was",
            )
        ]
    )
    [f] = found(res, "citations.first-mention-date")
    assert f.span == (
        len("the high-level meeting at which resolution "),
        len("the high-level meeting at which resolution 79/1"),
    )


def test_a_council_resolution_cited_in_passing_without_its_year() -> None:
    """After "Security Council" in the same sentence a bare "resolution 2286" is the Council's, without its year;
    with another organ between, or as a paragraph number, it is not."""
    cited = "all Security Council resolutions on the protection of civilians, including resolution 2286 of 3 May 2016"
    [f] = found(resolution([para("Recalling", cited)]), "citations.sc-reference")
    assert f.severity is Severity.WARNING and f.span[1] == cited.index(" of 3 May")
    for cited in (
        "the call by the Security Council, in its resolution 2334, upon all States",
        "Security Council resolution 1373 (2001) and Council resolution 1566 of 8 October 2004",
    ):
        assert found(resolution([para("Recalling", cited)]), "citations.sc-reference"), cited
    for fine in (
        "Security Council resolutions, and Economic and Social Council resolution 1296 (XLIV)",
        "the Security Council; and its resolution 2625 (XXV)",
        "Security Council resolution 2286 (2016), in particular paragraph 12",
    ):
        assert not found(resolution([para("Recalling", fine)]), "citations.sc-reference"), fine


def test_a_date_in_the_us_form_is_a_date_given() -> None:
    res = resolution([para("Recalling", "its resolution 53/199 of December 15, 1998")])
    assert not found(res, "citations.first-mention-date")
    assert found(res, "dates.format")


def test_first_mention_is_in_reading_order() -> None:
    # the dated mention comes second: the first one is flagged, not the second
    res = resolution(
        [
            para("Recalling", "its resolution 77/12"),
            para("Recalling also", "resolution 77/12 of 7 December 2022"),
        ]
    )
    [f] = found(res, "citations.first-mention-date")
    assert f.paragraph_id == res.preamble[0].id


def test_security_council_citations_in_a_ga_text() -> None:
    res = resolution([para("Recalling", "Security Council resolutions 1325 (2000) and 2242 (2015)")])
    assert not found(res, "citations.sc-reference")
    res = resolution([para("Recalling", "Security Council resolution 2334 of 23 December 2016")])
    [f] = found(res, "citations.sc-reference")
    assert f.severity is Severity.ERROR


def test_security_council_citation_style_in_sc_texts() -> None:
    res = resolution(
        [para("Recalling", "its resolution 1730 (2006), and resolution 2253 (2015)")], template="sc", title=""
    )
    assert not found(res, "citations.sc-reference")
    res = resolution([para("Recalling", "its resolution 1730")], template="sc", title="")
    assert found(res, "citations.sc-reference")
    res = resolution([para("Recalling", "its resolution 1730(2006)")], template="sc", title="")
    [f] = found(res, "citations.sc-reference")
    assert f.fix and f.fix.replacement == "1730 (2006)"
    res = resolution([para("Recalling", "its resolution 1730 (2106)")], template="sc", title="")
    assert found(res, "citations.sc-reference")
    # SC texts do not date their citations: no first-mention rule there
    assert not found(
        resolution([para("Recalling", "General Assembly resolution 76/3")], template="sc", title=""),
        "citations.first-mention-date",
    )


def test_scan_reads_old_style_and_parts() -> None:
    refs = scan("resolutions 3411 A and B (XXX), 217 A (III) and 31/16 A of 1 December 1976")
    assert [(r.kind, r.key, r.dated) for r in refs] == [
        ("old", "3411 A and B (XXX)", False),
        ("old", "217 A (III)", False),
        ("ga", "31/16 A", True),
    ]


def test_footnote_reference_goes_after_punctuation() -> None:
    res = resolution([para("Recalling", "the Convention[^n1], and its protocols")])
    [f] = found(res, "citations.footnote-placement")
    assert f.fix and f.fix.replacement == ",[^n1]" and f.span == (14, 20)
    assert not found(
        resolution([para("Recalling", "the Convention,[^n1] and")]), "citations.footnote-placement"
    )


def test_issued_citations_with_their_dates_given_otherwise_pass() -> None:
    # tests/fixtures/issued/citations.txt: a date before the citation in its clause ("the adoption on 16 June
    # 2025 of its resolution 79/293"), "59/111of 6 December 2004" as the PDF text sets it, and another body's
    # resolutions cited with the session that adopted them
    res = issued_resolution("citations.txt")
    assert len(res.preamble) == 3 and len(res.operative) == 1
    assert not found(res, "citations.first-mention-date")


def test_a_date_elsewhere_in_the_sentence_does_not_date_a_citation() -> None:
    res = resolution(
        [
            para("Recalling", "the meeting held on 3 May 2020 and its resolution 79/1"),
            para("Recalling also", "its resolution 78/2, and noting the session held on 1 June 2024"),
            para("Noting", "resolution 78/3 on oceans, adopted by consensus"),
        ],
    )
    assert [f.span[0] for f in found(res, "citations.first-mention-date")] == [
        len("the meeting held on 3 May 2020 and its resolution "),
        len("its resolution "),
        len("resolution "),
    ]


def test_issued_citations_of_adopted_resolutions_pass() -> None:
    # tests/fixtures/issued/citations_adopted.txt (A/RES/75/100, 75/290 A, 77/248, 75/239): "resolutions 72/276
    # and 2413 (2018) of 26 April 2018", resolutions in a quoted title, the Environment Assembly's "5/14", "4/6"
    res = issued_resolution("citations_adopted.txt")
    assert len(res.preamble) == 4 and len(res.operative) == 2
    assert not found(res, "citations.first-mention-date")


def test_a_resolution_named_for_a_provision_or_a_mandate_draws_a_suggestion() -> None:
    # tests/fixtures/issued/citations_in_passing.txt (A/RES/76/268, 77/259, 77/41): "paragraph 96 of its
    # resolution 76/84 B", "the annex to its resolution 61/275", "established pursuant to its resolution 76/231"
    res = issued_resolution("citations_in_passing.txt")
    got = found(res, "citations.first-mention-date")
    assert len(got) == 3 and all(f.severity is Severity.INFO for f in got)


def test_an_undated_first_citation_in_its_own_right_is_still_a_warning() -> None:
    res = resolution(
        [
            para(
                "Recalling",
                "its resolution 76/84 B, and the report of the Secretary-General on its resolution 77/12",
            )
        ]
    )
    got = found(res, "citations.first-mention-date")
    assert [f.severity for f in got] == [Severity.WARNING, Severity.WARNING]


def test_undated_first_mentions_beside_those_classes_are_still_caught() -> None:
    res = resolution(
        [
            # a Security Council resolution dated alone does not date the GA one before it
            para(
                "Recalling", "its resolution 72/276, Security Council resolution 2413 (2018) of 26 April 2018"
            ),
            # a title in quotation marks names 67/290; the citation after it is still the first one outside
            para(
                "Recalling also",
                "the report entitled “Review of resolution 67/290”, and its resolution 67/290",
            ),
            # from the thirty-first session on, session/number is the Assembly's own numbering
            para("Noting", "its resolution 31/16 A and its resolution S-27/2"),
        ]
    )
    keys = [
        f.message.split("'resolution ")[1].split(" of")[0] for f in found(res, "citations.first-mention-date")
    ]
    assert keys == ["72/276", "67/290", "31/16 A", "S-27/2"]
