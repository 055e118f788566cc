"""app/json_pieces.py: `pieces` writes an autosave in pieces (each one encoded apart, so a thread writing it lets
the UI thread run between them): joined, the pieces are exactly json.dumps(value, ensure_ascii=False). `loads`
parses a project a paragraph at a time where the read can be stopped, with a look at the token between two:
the value, or the error and its place, are json.loads's."""

from __future__ import annotations

import json
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import cancelling, json_pieces, storage
from benchmarks.sample import omnibus

leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30,
)


@given(values, st.integers(0, 4))
def test_the_pieces_joined_are_the_whole_encoding(value: object, depth: int) -> None:
    assert "".join(json_pieces.pieces(value, depth)) == json.dumps(value, ensure_ascii=False)


def test_an_autosave_is_written_a_paragraph_a_piece() -> None:
    document = storage.to_dict(omnibus(40, seed=3))
    pieces = list(json_pieces.pieces({"document": document}))
    assert "".join(pieces) == json.dumps({"document": document}, ensure_ascii=False)
    longest = max(
        len(json.dumps(p, ensure_ascii=False)) for key in ("preamble", "operative") for p in document[key]
    )
    assert max(len(piece) for piece in pieces) <= max(longest, len(json.dumps(document["header"])))


def _outcome(parse, text: str) -> tuple[str, object]:  # noqa: ANN001
    try:
        return "value", parse(text)
    except json.JSONDecodeError as exc:
        return "error", (exc.msg, exc.pos)
    except RecursionError:
        return "deep", None


texts = st.one_of(
    values.map(json.dumps),
    values.map(lambda v: json.dumps(v, indent=1)),
    st.tuples(
        values.map(json.dumps), st.integers(0, 200), st.sampled_from([",", "]", "}", ":", " ", "x", '"'])
    ).map(
        lambda t: t[0][: t[1]] + t[2] + t[0][t[1] :]  # one character slipped in: often not JSON any more
    ),
    st.text(alphabet='{}[],:" \n0123456789.eE-+truefalsn\\', max_size=40),
)


@given(texts, st.integers(0, 4))
def test_parsed_in_pieces_the_value_or_the_error_is_json_loads(text: str, depth: int) -> None:
    with cancelling.stoppable(threading.Event()):
        assert _outcome(lambda t: json_pieces.loads(t, depth), text) == _outcome(json.loads, text)


def test_a_project_parsed_for_a_read_that_is_stopped_stops_before_its_paragraphs_are_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = storage.dumps(omnibus(200, seed=3))
    built: list[object] = []
    monkeypatch.setattr(storage, "from_dict", lambda data: built.append(data))
    flag = threading.Event()
    flag.set()
    with cancelling.stoppable(flag), pytest.raises(cancelling.Cancelled):
        storage.loads(text)
    assert built == []


def test_the_parse_looks_at_the_token_a_paragraph_at_a_time() -> None:
    document = storage.to_dict(omnibus(300, seed=3))
    paragraphs = len(document["preamble"]) + len(document["operative"])
    text = json.dumps(document, indent=1)

    class Counting(threading.Event):
        looks = 0

        def is_set(self) -> bool:
            self.looks += 1
            return False

    flag = Counting()
    with cancelling.stoppable(flag):
        assert json_pieces.loads(text) == json.loads(text)
    assert flag.looks >= paragraphs
