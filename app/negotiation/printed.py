"""The words a compilation prints around the draft's own text, in the draft's language: its heading, the
legend, "Footnotes", a paragraph's status ("agreed ad ref") and a bracket's deletion ("(delete)"). English is the
default here; a language file's [negotiation] table (resources/languages/*.toml) gives its own."""

from __future__ import annotations

from app.languages import get_language

ENGLISH = {
    "heading": "Compilation of proposals",
    "on": " on the {version}",
    "on_text": "Compilation of proposals on {version}",
    "the_draft": "the draft",
    "zero_draft": "zero draft",
    "proposals_by": "Proposals by: ",
    "legend": (
        "Additions are underlined, deletions struck through; the proposer follows each change in brackets. "
        "Disputed words stand in highlighted square brackets with their alternatives and who holds them. "
        "Several proposals on the same words follow one another, separated by “/”. New paragraphs are numbered "
        "bis, ter … after the paragraph they follow; numbers are final only in the L document."
    ),
    "legend_text": "Additions {+ +}, deletions [- -]; the proposer follows each change in brackets.",
    "footnotes": "Footnotes",
    "agreed ad ref": "agreed ad ref",
    "deleted by agreement": "deleted by agreement",
    "delete": "(delete)",
}


def printed(language: str | None) -> dict[str, str]:
    """The compilation's words in `language` (a draft's header.language; "" for English)."""
    return {**ENGLISH, **get_language(language).negotiation}


def version_name(version: str, language: str | None) -> str:
    """A revision's name as printed: "zero draft" in the language's words; "Rev.1" as it is."""
    words = printed(language)
    return words["zero_draft"] if version == ENGLISH["zero_draft"] else version
