"""Crash recovery never deletes an autosave it cannot read, and no recovery file can stop a start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import recovery
from app.documents import new_resolution
from app.errors import InputError
from app.io.reading import read_document
from app.model import MAX_DEPTH
from app.storage import dumps

GOOD = {"source": None, "saved_at": 1.0, "pid": -1}

MALFORMED = {
    "not-json": b"{ this is not json",
    "nested": b"[" * 100_000,
    "latin1": b'{"document": {"title": "caf\xe9"}}',
    "list": b"[1, 2, 3]",
    "document-not-object": json.dumps({**GOOD, "document": 5}).encode(),
    "saved-at-text": json.dumps({**GOOD, "saved_at": "yesterday", "document": {}}).encode(),
    "saved-at-nan": json.dumps({**GOOD, "saved_at": float("nan"), "document": {}}).encode(),
    "source-number": json.dumps({**GOOD, "source": 5, "document": {}}).encode(),
    "source-nul": json.dumps({**GOOD, "source": "a\x00b", "document": {}}).encode(),
    "huge-number": b'{"saved_at": 1' + b"0" * 5000 + b', "document": {}}',
}


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}{recovery.SUFFIX}"
    path.write_bytes(data)
    return path


def good_autosave(folder: Path, title: str = "Kept work") -> Path:
    res = new_resolution("ga-c2")
    res.title = title
    return write(folder, "good", json.dumps({**GOOD, "document": json.loads(dumps(res))}).encode())


def test_malformed_recovery_files_are_skipped_kept_aside_and_never_deleted(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    bad = {name: write(folder, name, data) for name, data in MALFORMED.items()}
    bad["folder"] = folder / f"folder{recovery.SUFFIX}"
    bad["folder"].mkdir()
    good = good_autosave(folder)
    found = recovery.find_recoverable(folder)
    assert [r.path for r in found] == [good]
    assert found[0].load().title == "Kept work"
    kept = recovery.set_aside_unreadable(folder)
    assert sorted(p.name for p in kept) == sorted(p.name + recovery.ASIDE for p in bad.values())
    for name, path in bad.items():
        if name in MALFORMED:
            assert path.with_name(path.name + recovery.ASIDE).read_bytes() == MALFORMED[name]

    assert [r.path for r in recovery.find_recoverable(folder)] == [good]


def test_an_autosave_deeper_than_the_limit_cannot_load_and_is_kept(tmp_path: Path) -> None:
    node: dict = {"text": "deepest"}
    for _ in range(MAX_DEPTH + 3):
        node = {"text": "level", "subparagraphs": [node]}
    document = {"format": "resolute", "version": 1, "operative": [node]}
    path = write(tmp_path, "deep", json.dumps({**GOOD, "document": document}).encode())
    (item,) = recovery.find_recoverable(tmp_path)
    with pytest.raises(InputError):
        item.load()
    aside = item.keep_aside()
    assert aside.exists() and not path.exists()
    assert json.loads(aside.read_text(encoding="utf-8"))["document"] == document


def test_unknown_template_opens_with_the_default_and_a_finding(tmp_path: Path) -> None:
    res = new_resolution("ga-c1")
    data = json.loads(dumps(res))
    data["header"]["template"] = "no-such-organ"
    project = tmp_path / "draft.json"
    project.write_text(json.dumps(data), encoding="utf-8")
    result = read_document(project)
    assert result.resolution.header.template == res.header.__class__().template
    assert any(f.rule == "import.template" and "no-such-organ" in f.message for f in result.findings)
    autosave = write(tmp_path / "r", "t", json.dumps({**GOOD, "document": data}).encode())
    (item,) = recovery.find_recoverable(autosave.parent)
    assert item.load().header.template == result.resolution.header.template
