"""UN XML is parsed a megabyte at a time (app/io/safe_xml._fed), with a look at the reader's cancel token between
two: the tree is the one `etree.fromstring` builds, and a read stopped during the parse stops there (one call
parsed a 50 MB file for half a second after Cancel)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from lxml import etree

from app import cancelling
from app.io import safe_xml

FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "akn").glob("*.xml"))


@pytest.mark.parametrize("path", FIXTURES[:6], ids=lambda p: p.stem)
def test_the_tree_fed_in_pieces_is_the_tree_parsed_at_once(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safe_xml, "FEED_BYTES", 4096)
    data = path.read_bytes()
    assert len(data) > 2 * safe_xml.FEED_BYTES
    fed = safe_xml.parse_xml(data, name=path.name)
    assert etree.tostring(fed) == etree.tostring(etree.fromstring(data, safe_xml._parser()))


def test_a_read_stopped_during_the_parse_stops_there(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_xml, "FEED_BYTES", 4096)
    data = FIXTURES[0].read_bytes()
    looks: list[int] = []

    class SetAfterTheCheck(threading.Event):
        """Set once the safety walk is done: the Cancel comes while the tree is built."""

        def is_set(self) -> bool:
            looks.append(1)
            return walked

    walked = False
    real_check = safe_xml.check_xml

    def check(*args, **kwargs) -> None:  # noqa: ANN002, ANN003
        nonlocal walked
        real_check(*args, **kwargs)
        walked = True

    monkeypatch.setattr(safe_xml, "check_xml", check)
    with cancelling.stoppable(SetAfterTheCheck()), pytest.raises(cancelling.Cancelled):
        safe_xml.parse_xml(data, name="a.xml")


def test_malformed_xml_fed_in_pieces_is_refused_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_xml, "FEED_BYTES", 16)
    monkeypatch.setattr(safe_xml, "check_xml", lambda *a, **k: None)
    with pytest.raises(Exception, match="not well-formed XML") as caught:
        safe_xml.parse_xml(b"<akomaNtoso><doc>" + b"<p>text</p>" * 20 + b"</akomaNtoso>", name="a.xml")
    assert "\n" not in str(caught.value)
