"""Structured fuzzing of every reader: real-shaped documents (made by our own writers), then damaged.

Contract under test: a reader returns a model or raises one of the project's own errors (ResoluteError) with
a one-line message; nothing else escapes and nothing hangs. Examples are few per test so the file runs in
seconds; local runs explore new inputs each time, CI replays a fixed sequence (derandomize).
RESOLUTE_FUZZ_SCALE=50 multiplies the examples for a long hunt.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import zipfile
from datetime import timedelta
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import FRAGMENTS, hang_guard, sample  # noqa: E402

from app import storage  # noqa: E402
from app.errors import ResoluteError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.akn_writer import to_akn  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.imported import ImportResult  # noqa: E402
from app.io.reading import read_document  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.io.text_writer import to_text  # noqa: E402
from app.model import Resolution  # noqa: E402

HANG = 20.0  # seconds: far above any real run, only there to turn a hang into a failure
SCALE = int(os.environ.get("RESOLUTE_FUZZ_SCALE", "1"))  # e.g. 50 for a long local hunt


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=timedelta(seconds=5),
        derandomize="CI" in os.environ,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def survives(read, *args, **kwargs) -> ImportResult | None:
    """Run a reader: a result, or None after one of our own one-line errors. Anything else fails the test."""
    try:
        with hang_guard(HANG):
            result = read(*args, **kwargs)
    except ResoluteError as exc:
        message = str(exc)
        assert message.strip(), f"{type(exc).__name__} without a message"
        assert "\n" not in message, f"message is not one line: {message!r}"
        assert "Traceback" not in message
        return None
    assert isinstance(result, ImportResult)
    check_model(result.resolution)
    return result


def check_model(res: Resolution) -> None:
    """What every reader promises about the model it returns."""
    assert isinstance(res, Resolution)
    ids = [p.id for _, p in res.paragraphs()]
    assert len(ids) == len(set(ids)), "paragraph ids repeat"
    for _, para in res.paragraphs():
        for value in (para.opener, para.text, para.tail):
            assert isinstance(value, str)
    assert all(isinstance(s, str) for s in res.header.sponsors)


# -- seeds: what our own writers make, so mutations land inside real structure ------------------------------


@cache
def seed_model() -> Resolution:
    return sample(paragraphs=8, footnotes=2)


@cache
def seed_texts() -> tuple[str, ...]:
    sc = sample(paragraphs=6, footnotes=1, template="sc")
    sc.header.symbol, sc.header.session, sc.header.year = "S/2025/900", None, 2025
    return (to_text(seed_model()), to_text(sc))


@cache
def seed_docx() -> bytes:
    return build_docx(seed_model())


@cache
def seed_akn() -> bytes:
    return to_akn(seed_model())


@cache
def seed_json() -> str:
    return storage.dumps(seed_model())


fragments = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12))
# (operation, position as a fraction of the length, fragment)
edits = st.lists(
    st.tuples(st.sampled_from(["insert", "delete", "truncate", "repeat"]), st.floats(0, 1), fragments),
    min_size=1,
    max_size=12,
)


def apply_text(text: str, ops: list[tuple[str, float, str]]) -> str:
    for op, where, frag in ops:
        at = int(where * len(text))
        if op == "insert":
            text = text[:at] + frag + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + 1 + len(frag) * 7 :]
        elif op == "truncate":
            text = text[:at]
        else:  # repeat a stretch: long lines, duplicated headers and labels
            text = text[:at] + text[at : at + 80] * 50 + text[at:]
    return text


byte_tokens = st.sampled_from(
    [
        b"\x00",
        b"\xff",
        b"\xc3",
        b"\xed\xa0\x80",
        b"<",
        b">",
        b"&",
        b"&amp;",
        b"&#0;",
        b"&#x1;",
        b'"',
        b"]]>",
        b"<w:p>",
        b"</w:p>",
        b"<w:r><w:t>x</w:t></w:r>",
        b"</w:body>",
        b'w:val="-1"',
        b'w:val="99999999999999"',
        b'w:id="0"',
        b'<w:footnoteReference w:id="7"/>',
        b'<w:numPr><w:ilvl w:val="9"/><w:numId w:val="42"/></w:numPr>',
        b"<w:ins>",
        b"<w:del>",
        b"<p>",
        b"</p>",
        b"<num>1.</num>",
        b"<authorialNote>",
        b'date="2024-13-45"',
        b"<!DOCTYPE x>",
        b"<?xml version='1.0'?>",
    ]
)
byte_edits = st.lists(
    st.tuples(st.sampled_from(["flip", "insert", "delete", "truncate"]), st.floats(0, 1), byte_tokens),
    min_size=1,
    max_size=8,
)


def apply_bytes(data: bytes, ops: list[tuple[str, float, bytes]]) -> bytes:
    buf = bytearray(data)
    for op, where, token in ops:
        if not buf:
            break
        at = min(int(where * len(buf)), len(buf) - 1)
        if op == "flip":
            buf[at] ^= token[0] or 0x5A
        elif op == "insert":
            buf[at:at] = token
        elif op == "delete":
            del buf[at : at + len(token) * 5]
        else:
            del buf[at:]
    return bytes(buf)


def rezip(blob: bytes, member_index: int, ops: list[tuple[str, float, bytes]], stored: bool) -> bytes:
    """The same package with one member damaged (and re-compressed, so the zip itself stays sound)."""
    with zipfile.ZipFile(io.BytesIO(blob)) as src:
        names = src.namelist()
        target = names[member_index % len(names)]
        out = io.BytesIO()
        method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        with zipfile.ZipFile(out, "w", method) as dst:
            for name in names:
                data = src.read(name)
                dst.writestr(name, apply_bytes(data, ops) if name == target else data)
    return out.getvalue()


# -- text ----------------------------------------------------------------------------------------------------


@fuzz(150)
@given(seed=st.integers(0, 1), ops=edits)
def test_text_reader_survives_damaged_drafts(seed: int, ops: list[tuple[str, float, str]]) -> None:
    survives(read_text, apply_text(seed_texts()[seed], ops))


@fuzz(60)
@given(text=st.text(max_size=400))
def test_text_reader_survives_arbitrary_text(text: str) -> None:
    survives(read_text, text)


# -- .docx ---------------------------------------------------------------------------------------------------


@fuzz(60)
@given(member=st.integers(0, 50), ops=byte_edits, stored=st.booleans())
def test_docx_reader_survives_damaged_parts(
    member: int, ops: list[tuple[str, float, bytes]], stored: bool
) -> None:
    survives(read_docx, rezip(seed_docx(), member, ops, stored), name="draft.docx")


@fuzz(40)
@given(ops=byte_edits)
def test_docx_reader_survives_damaged_zip_bytes(ops: list[tuple[str, float, bytes]]) -> None:
    """Damage to the container itself: local headers, compressed streams, the central directory."""
    survives(read_docx, apply_bytes(seed_docx(), ops), name="draft.docx")


# -- Akoma Ntoso ---------------------------------------------------------------------------------------------


@fuzz(150)
@given(ops=byte_edits)
def test_akn_reader_survives_damaged_xml(ops: list[tuple[str, float, bytes]]) -> None:
    survives(read_akn, apply_bytes(seed_akn(), ops), name="draft.xml")


# -- project file --------------------------------------------------------------------------------------------

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        st.text(max_size=10),
        st.sampled_from(["2024-13-45", "draft resolution", "\ud800", "", "x" * 500]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _slots(node: object, path: tuple = ()) -> list[tuple]:
    """Every place in parsed JSON a value can be swapped."""
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _slots(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _slots(value, (*path, i))
    return out


def _put(root: object, path: tuple, value: object) -> object:
    if not path:
        return value
    node = root
    for key in path[:-1]:
        node = node[key]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]
    return root


@fuzz(200)
@given(data=st.data())
def test_project_loader_survives_wrong_values(data: st.DataObject) -> None:
    root = json.loads(seed_json())
    for _ in range(data.draw(st.integers(1, 4))):
        slots = _slots(root)
        path = slots[data.draw(st.integers(0, len(slots) - 1))]
        root = _put(root, path, data.draw(json_values))
    text = json.dumps(root)
    result = survives(lambda t: ImportResult(storage.loads(t)), text)
    if result is not None:  # whatever loads must save and load again
        again = storage.loads(storage.dumps(result.resolution))
        assert storage.to_dict(again) == storage.to_dict(result.resolution)


@fuzz(100)
@given(ops=edits)
def test_project_loader_survives_damaged_text(ops: list[tuple[str, float, str]]) -> None:
    survives(lambda t: ImportResult(storage.loads(t)), apply_text(seed_json(), ops))


# -- the front door: any bytes under any name -----------------------------------------------------------------

_PREFIXES = [
    b"",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"{",
    b"<?xml version='1.0'?>",
    b"<",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
    b"  \n",
]


@fuzz(80)
@given(
    suffix=st.sampled_from([".docx", ".json", ".xml", ".akn", ".txt", ".md", "", ".doc", ".DOCX"]),
    prefix=st.sampled_from(_PREFIXES),
    body=st.one_of(
        st.binary(max_size=300),
        st.sampled_from(["docx", "akn", "json", "text"]).flatmap(
            lambda kind: byte_edits.map(lambda ops, kind=kind: (kind, ops))
        ),
    ),
)
def test_read_document_survives_any_file(suffix: str, prefix: bytes, body: object) -> None:
    if isinstance(body, tuple):
        kind, ops = body
        seed = {
            "docx": seed_docx,
            "akn": seed_akn,
            "json": lambda: seed_json().encode(),
            "text": lambda: seed_texts()[0].encode(),
        }[kind]()
        data = apply_bytes(seed, ops)
    else:
        data = prefix + body
    assume(data or suffix)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"draft{suffix}"
        path.write_bytes(data)
        survives(read_document, path)


def test_fuzz_seeds_read_back() -> None:
    """The seeds themselves are sound, so the mutations above start from real documents."""
    for result in (
        read_docx(seed_docx()),
        read_akn(seed_akn()),
        read_text(seed_texts()[0]),
        ImportResult(storage.loads(seed_json())),
    ):
        assert len(result.resolution.operative) == 4
        assert len(result.resolution.preamble) == 4


# -- real UN documents as seeds (when the corpus is here) ----------------------------------------------------


@cache
def _corpus_seeds(corpus: Path) -> tuple[tuple[str, ...], tuple[bytes, ...]]:
    texts = tuple(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
    xml = tuple(p.read_bytes() for p in sorted((corpus / "originals").glob("*.xml")))
    return texts, xml


@settings(fuzz(60), suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_text_reader_survives_damaged_un_texts(corpus: Path, data: st.DataObject) -> None:
    texts, _ = _corpus_seeds(corpus)
    text = data.draw(st.sampled_from(texts))
    survives(read_text, apply_text(text, data.draw(edits)))


@settings(fuzz(60), suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_akn_reader_survives_damaged_un_xml(corpus: Path, data: st.DataObject) -> None:
    _, xml = _corpus_seeds(corpus)
    if not xml:
        return
    survives(read_akn, apply_bytes(data.draw(st.sampled_from(xml)), data.draw(byte_edits)), name="un.xml")


@cache
def seed_rich_json() -> str:
    """A project with everything optional in it: parts, annexes, an amendment's instructions, a negotiation
    with proposals of every kind (word edits, new and deleted paragraphs, a footnote) and a revision."""
    import copy as _copy
    import datetime as _dt

    from app import amendments
    from app.model import Annex, Paragraph, ResolutionPart
    from app.negotiation import rounds
    from app.negotiation.proposals import derive

    res = sample(paragraphs=8, footnotes=2)
    res.part_title = "Part A"
    res.later_parts = [ResolutionPart("Part B", [Paragraph(text="*Recalling* the past,")], [])]
    res.annexes = [Annex("Plan of action", [Paragraph(text="First step.")])]
    proposed = _copy.deepcopy(res)
    proposed.operative[0].text = proposed.operative[0].text.replace("the", "all", 1)
    del proposed.operative[1]
    proposed.operative.append(Paragraph(text="*Decides* to remain seized of the matter."))
    res.instructions = amendments.derive(res, proposed)
    day = _dt.datetime(2025, 11, 3, 10, 0)
    res.negotiation = rounds.start(res, facilitator="Facilitator (Chile)", date=day)
    rounds.add_proposal(res.negotiation, derive(res, proposed, "EU"))
    return storage.dumps(res)


@fuzz(200)
@given(data=st.data())
def test_project_loader_survives_wrong_values_in_every_optional_part(data: st.DataObject) -> None:
    root = json.loads(seed_rich_json())
    for _ in range(data.draw(st.integers(1, 4))):
        slots = _slots(root)
        path = slots[data.draw(st.integers(0, len(slots) - 1))]
        root = _put(root, path, data.draw(json_values))
    text = json.dumps(root)
    result = survives(lambda t: ImportResult(storage.loads(t)), text)
    if result is not None:  # whatever loads must save and load again
        again = storage.loads(storage.dumps(result.resolution))
        assert storage.to_dict(again) == storage.to_dict(result.resolution)


HOSTILE_NUMBERS = [float("inf"), float("-inf"), float("nan"), -1, 10**30, 1e300, True, "9" * 5000, "²", None]


def test_project_loader_survives_any_number_in_any_numeric_place() -> None:
    """Every whole number of a rich project (positions of negotiated edits, revision numbers, a session)
    replaced in turn by infinities, NaN, a negative, huge, a boolean, a run of digits, "²" or null."""
    seed = json.loads(seed_rich_json())
    places = [path for path in _slots(seed) if isinstance(_get(seed, path), int)]
    assert len(places) >= 4
    for path in places:
        for value in HOSTILE_NUMBERS:
            text = json.dumps(_put(json.loads(seed_rich_json()), path, value))
            survives(lambda t: ImportResult(storage.loads(t)), text)


def _get(root: object, path: tuple) -> object:
    for key in path:
        root = root[key]  # type: ignore[index]
    return root


def test_a_project_version_that_is_not_a_whole_number_is_refused() -> None:
    for version in [True, False, "2", 2.0, 0, -1, None, [2]]:
        root = json.loads(seed_json())
        root["version"] = version
        try:
            storage.loads(json.dumps(root))
        except ResoluteError as exc:
            assert "no valid version" in str(exc), version
        else:
            raise AssertionError(f"version {version!r} was taken")
