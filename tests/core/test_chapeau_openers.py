"""An operative paragraph whose chapeau is all opener ("Further decides:" over its subparagraphs, A/RES/78/271)
keeps that opener when read from plain text, where no italics say where it ends; a paragraph that is all opener
and ends there ("Decides to remain seized of the matter.") still takes none. The answer is the UN's XML of the
same resolution (tests/fixtures/reading/README.md), printed as plain text with no opener marks and read back."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.io.akn_reader import read_akn
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.model import Resolution

LAYERS = Path(__file__).resolve().parents[1] / "fixtures" / "reading" / "layers"
_MARKED_OPENER = re.compile(r"\*([^*\n]+)\*")


def _plain(res: Resolution) -> str:
    """The resolution as a delegate's plain text: the product's text export with its opener marks taken off, so
    that nothing says where an opener ends."""
    return _MARKED_OPENER.sub(r"\1", to_text(res))


def test_a_chapeau_that_is_all_opener_keeps_it() -> None:
    issued = read_akn((LAYERS / "A_RES_78_271-2407105E.xml").read_bytes()).resolution
    chapeaux = [
        p.opener for p in issued.operative if p.subparagraphs and not inline.plain(p.text).strip(" :")
    ]
    assert chapeaux  # "Further decides:" is there
    read = read_text(_plain(issued)).resolution
    assert [p.opener for p in read.operative] == [p.opener for p in issued.operative]


def test_a_paragraph_that_is_all_opener_and_ends_takes_none() -> None:
    text = "The General Assembly,\n\n1. Decides to act;\n\n2. Decides to remain seized of the matter.\n"
    last = read_text(text).resolution.operative[-1]
    assert (
        inline.plain(last.opener + " " + last.text).split()
        == "Decides to remain seized of the matter".split()
    )
    assert last.opener in ("", "Decides")
