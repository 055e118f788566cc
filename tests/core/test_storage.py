import datetime as dt
import json
import os

import pytest

from app.errors import InputError, ProjectVersionError, SaveError
from app.model import AgendaItem, DocumentKind, Footnote, Header, Paragraph, Resolution
from app.storage import dumps, load_project, loads, save_project, to_dict


def sample() -> Resolution:
    res = Resolution(
        header=Header(
            template="ga-c1",
            session=79,
            symbol="A/C.1/79/L.43",
            revision=1,
            date=dt.date(2024, 10, 11),
            agenda_items=[AgendaItem("98", "l", "General and complete disarmament")],
            sponsors=["Cambodia", "Germany", "Japan"],
            kind=DocumentKind.REVISED_DRAFT_RESOLUTION,
        ),
        title="Implementation of the Convention",
    )
    note = res.add_footnote("United Nations, *Treaty Series*, vol. 2056, No. 35597.")
    res.preamble.append(Paragraph("Noting with satisfaction", f"the work undertaken[^{note.id}]"))
    res.operative.append(
        Paragraph(
            "Requests",
            "the Secretary-General:",
            [Paragraph("", "To report"), Paragraph("", "To act")],
            heading="I\nFinancing",
        )
    )
    return res


def test_round_trip_keeps_everything(tmp_path):
    res = sample()
    path = tmp_path / "draft.json"
    save_project(res, path)
    assert load_project(path) == res


def test_json_has_the_documented_top_level_shape():
    data = json.loads(dumps(sample()))
    assert {"header", "title", "preamble", "operative"} <= set(data)
    op = data["operative"][0]
    assert {"opener", "text", "subparagraphs"} <= set(op)
    assert op["subparagraphs"][0]["text"] == "To report"


def test_newer_version_is_refused_and_file_untouched(tmp_path):
    path = tmp_path / "future.json"
    data = json.loads(dumps(sample()))
    data["version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ProjectVersionError, match="newer Resolute"):
        load_project(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{",
        '{"format": "resolute"}',
        '{"format": "resolute", "version": 1, "preamble": [{"text": 5}]}',
        '{"format": "resolute", "version": 1, "header": {"date": "yesterday"}}',
        "[1, 2]",
        "[" * 100000,
    ],
)
def test_broken_files_give_input_error(text):
    with pytest.raises(InputError):
        loads(text)


def test_duplicate_ids_are_made_unique():
    data = json.loads(dumps(sample()))
    data["preamble"].append(dict(data["preamble"][0]))
    res = loads(json.dumps(data))
    assert res.preamble[0].id != res.preamble[1].id


def test_save_keeps_backup_and_failed_save_leaves_old_file(tmp_path, monkeypatch):
    path = tmp_path / "draft.json"
    save_project(sample(), path)
    first = path.read_bytes()
    changed = sample()
    changed.title = "Changed"
    save_project(changed, path)
    assert (tmp_path / "draft.json~").read_bytes() == first

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    again = sample()
    again.title = "Never written"
    with pytest.raises(SaveError, match="the disk is full"):
        save_project(again, path)
    assert loads(path.read_text(encoding="utf-8")).title == "Changed"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root and Windows ignore folder permissions")
def test_unwritable_folder_gives_save_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="cannot write"):
            save_project(sample(), folder / "x.json")
    finally:
        folder.chmod(0o700)


def test_permission_denied_gives_save_error(tmp_path, monkeypatch):
    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(SaveError, match="(?i)permission denied"):
        save_project(sample(), tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


def test_failed_write_leaves_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "draft.json"
    save_project(sample(), path)
    before = path.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    changed = sample()
    changed.title = "Lost?"
    with pytest.raises(SaveError, match="the disk is full"):
        save_project(changed, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["draft.json"]  # no temporary left behind


def _wide() -> Resolution:
    """A resolution in two parts with two annexes, and an amendment's instructions: every v2 field."""
    from app.model import Action, Annex, Instruction, Part, ResolutionPart

    res = sample()
    res.part_title = "Information in the service of humanity"
    res.later_parts.append(
        ResolutionPart(
            "Public information policies",
            [Paragraph("Recalling", "its work")],
            [Paragraph("Requests", "a report")],
        )
    )
    res.annexes.append(
        Annex(
            "Global Digital Compact",
            [
                Paragraph("", "We, the Heads of State", numbered=False),
                Paragraph("", "Digital technologies.", heading="I\nIntro"),
            ],
        )
    )
    res.annexes.append(Annex("Declaration on Future Generations", [Paragraph("", "We will act.")]))
    res.instructions.append(
        Instruction(Action.DELETE, Part.PREAMBLE, 38, paragraph=Paragraph("Recalling", "x"))
    )
    res.instructions.append(Instruction(Action.INSERT, Part.OPERATIVE, 5, after="States", new="and others"))
    res.unplaced.append("A table")
    return res


def test_version_2_round_trips_parts_annexes_and_instructions(tmp_path):
    res = _wide()
    path = tmp_path / "wide.json"
    save_project(res, path)
    assert load_project(path) == res
    data = json.loads(path.read_text("utf-8"))
    assert data["version"] == 2 and len(data["parts"]) == 1 and len(data["annexes"]) == 2
    assert data["annexes"][0]["paragraphs"][0]["numbered"] is False


def test_version_1_file_is_migrated_with_its_kept_text():
    original = sample()
    data = json.loads(dumps(original))
    data["version"] = 1
    data["annex"] = ["Annex", "Terms of reference"]
    res = loads(json.dumps(data))
    assert res.unplaced == ["Annex", "Terms of reference"]
    res.unplaced = []
    assert res == original


def test_damaged_version_2_parts_are_refused_in_one_line():
    data = json.loads(dumps(_wide()))
    data["parts"] = "not a list"
    with pytest.raises(InputError, match="damaged"):
        loads(json.dumps(data))
    data = json.loads(dumps(_wide()))
    data["instructions"][0]["action"] = "explode"
    with pytest.raises(InputError, match="damaged"):
        loads(json.dumps(data))


@pytest.mark.parametrize(
    "payload",
    [
        b"not json",
        b'{"document": 3}',
        b'{"document": {}, "saved_at": "yesterday", "pid": 1}',
        b'{"document": {}, "pid": 99999999999999999999, "source": 7}',
        b"[1, 2]",
    ],
)
def test_damaged_recovery_files_are_skipped_and_kept(tmp_path, payload: bytes) -> None:
    from app import recovery

    folder = tmp_path / "recovery"
    folder.mkdir()
    bad = folder / f"x{recovery.SUFFIX}"
    bad.write_bytes(payload)
    good = recovery.Autosaver(folder)
    good.save(sample(), source=None)
    found = recovery.find_recoverable(folder)  # no exception: a damaged file never stops the editor starting
    assert good.path not in [r.path for r in found]  # ours is skipped while this process runs
    assert bad.exists()  # never deleted: a later version may read it
    for item in found:  # what is offered but cannot be read is set aside, not deleted
        with pytest.raises(InputError):
            item.load()
        assert item.keep_aside().exists()


def test_a_footnote_symbol_is_an_optional_key() -> None:
    """A note's own symbol is saved as "mark" only when it has one; files without the key load as before."""
    res = Resolution(operative=[Paragraph("Decides", "to act,[^a] and[^b]")])
    res.footnotes = {"a": Footnote("A/80/1.", "a", mark="**"), "b": Footnote("A/80/2.", "b")}
    saved = to_dict(res)["footnotes"]
    assert saved == [{"id": "a", "text": "A/80/1.", "mark": "**"}, {"id": "b", "text": "A/80/2."}]
    back = loads(dumps(res))
    assert [(n.id, n.mark) for n in back.footnotes.values()] == [("a", "**"), ("b", "")]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('{"format": "resolute",\n "version": 2,', "line 2, column 15"),  # where the file breaks off
        ("[" * 100_000 + "]" * 100_000, "too deeply"),
        ('{"format": "resolute", "version": ' + "9" * 5000 + "}", "number too long"),
    ],
)
def test_a_broken_project_says_what_is_wrong_in_words(text: str, says: str) -> None:
    with pytest.raises(InputError, match=says) as caught:
        loads(text)
    assert "Error" not in str(caught.value)  # no exception class names for the delegate
