"""recovery.json_pieces writes an autosave in pieces (each one encoded apart, so a thread writing it lets the UI
thread run between them): joined, the pieces are exactly json.dumps(value, ensure_ascii=False)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from app import recovery, storage
from benchmarks.sample import omnibus

leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30,
)


@given(values, st.integers(0, 4))
def test_the_pieces_joined_are_the_whole_encoding(value: object, depth: int) -> None:
    assert "".join(recovery.json_pieces(value, depth)) == json.dumps(value, ensure_ascii=False)


def test_an_autosave_is_written_a_paragraph_a_piece() -> None:
    document = storage.to_dict(omnibus(40, seed=3))
    pieces = list(recovery.json_pieces({"document": document}))
    assert "".join(pieces) == json.dumps({"document": document}, ensure_ascii=False)
    longest = max(
        len(json.dumps(p, ensure_ascii=False)) for key in ("preamble", "operative") for p in document[key]
    )
    assert max(len(piece) for piece in pieces) <= max(longest, len(json.dumps(document["header"])))
