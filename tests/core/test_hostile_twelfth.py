"""The twelfth hostile-input pass (docs/hardening-log.md, "Twelfth pass"): project files whose negotiation holds
table proposals no reader could make, and dates at the ends of what a date can be. Every input is generated
here from a draft and a proposal derived on it; growth is a ratio of this process's own time."""

from __future__ import annotations

import copy
import datetime as dt
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import growth, sample  # noqa: E402

from app import storage  # noqa: E402
from app.cli import run  # noqa: E402
from app.edits import Document  # noqa: E402
from app.errors import InputError  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.messages import localize  # noqa: E402
from app.model import MAX_TABLE_COLUMNS, Paragraph, Resolution  # noqa: E402
from app.negotiation import commands, rounds  # noqa: E402
from app.negotiation.compilation import Piece, TableRow  # noqa: E402
from app.negotiation.compilation_docx import _widths  # noqa: E402
from app.negotiation.proposals import derive  # noqa: E402
from app.negotiation.status import MAX_STATUS_CHANGES, Status  # noqa: E402
from app.negotiation.storage import MAX_TABLE_EDIT_CELLS  # noqa: E402

DAY = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)


def _table(rows: list[list[str]]) -> Paragraph:
    para = Paragraph("", "")
    para.table = [list(r) for r in rows]
    para.header_rows = 1
    return para


def _project() -> tuple[Resolution, dict]:
    """A negotiated draft with a table, and its project file holding EU's proposal on the table's rows."""
    base = sample(paragraphs=6, footnotes=0)
    base.operative.insert(1, _table([["State", "Rate"], ["Albania", "0.008"], ["Andorra", "0.005"]]))
    doc = Document(copy.deepcopy(base))
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    eu = copy.deepcopy(base)
    eu.operative[1].table.insert(2, ["Angola", "0.010"])
    eu.operative[1].table[1][1] = "0.009"
    commands.add_proposals(doc, [derive(base, eu, "EU")])
    return base, json.loads(storage.dumps(doc.resolution))


def _refused(data: dict, tmp_path: Path) -> None:
    """Refused by the project reader in one line, and by `resolute check` with exit 2."""
    with pytest.raises(InputError) as caught:
        storage.from_dict(data)
    assert "\n" not in str(caught.value)
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert run(["check", str(path)]) == 2


def test_a_row_proposed_wider_than_any_table_is_refused(tmp_path: Path) -> None:
    """A file's proposed row of 100,000 cells was compiled as a Word table of 100,000 columns: past the 100 s
    deadline (the widths summed again for each column). The row's cells are bounded as a table's are."""
    base, data = _project()
    edits = data["negotiation"]["proposals"][0]["edits"]
    (insert,) = [e for e in edits if e["kind"] == "row_insert"]
    assert storage.from_dict(data).negotiation.proposals  # the file as written opens
    insert["cells"] = ["x"] * (MAX_TABLE_COLUMNS + 1)
    _refused(data, tmp_path)
    insert["cells"] = ["x"] * len(base.operative[1].table[0])
    assert storage.from_dict(data).negotiation.proposals


def test_a_proposal_on_more_cells_than_two_drafts_hold_is_refused(tmp_path: Path) -> None:
    """60,000 rows inserted by one proposal: 10 s to compile, and no accepting it. A proposal names at most the
    cells of a copy deleted and another added."""
    _, data = _project()
    edits = data["negotiation"]["proposals"][0]["edits"]
    (insert,) = [e for e in edits if e["kind"] == "row_insert"]
    width = len(insert["cells"])
    edits += [copy.deepcopy(insert) for _ in range(MAX_TABLE_EDIT_CELLS // width)]
    _refused(data, tmp_path)
    del edits[-(MAX_TABLE_EDIT_CELLS // width) :]
    edits += [copy.deepcopy(insert) for _ in range(100)]
    assert len(storage.from_dict(data).negotiation.proposals[0].edits) == len(edits)


def test_compilation_column_widths_grow_linearly() -> None:
    """The compilation's Word table widths summed every column's weight again for each column (square)."""

    def make(columns: int):  # noqa: ANN202
        rows = [TableRow([[Piece(f"cell {k}")] for k in range(columns)], False) for _ in range(2)]
        return lambda: _widths(rows, 9000)

    assert growth(make, 1000, factor=8) < 24


@pytest.mark.parametrize(
    "date",
    [
        "0001-01-01T00:00:00+14:00",  # UTC is in the year 0
        "9999-12-31T23:59:59-14:00",  # UTC is in the year 10000
        "0001-01-01T00:00:00",  # a minute earlier (a tracked revision's paragraphs) is no date
        "0999-05-01T00:00:00+00:00",  # a year Word reads as no date
    ],
)
def test_a_date_at_the_ends_of_the_calendar_is_refused(date: str, tmp_path: Path) -> None:
    """A revision dated 0001-01-01 made the tracked Word file of that revision fail (OverflowError, exit 3 in
    a command, the step lost in the editor); a status at +14:00 in the year 1 could not be shown in UTC."""
    _, data = _project()
    neg = data["negotiation"]
    for key in ("revision", "status"):
        hostile = copy.deepcopy(data)
        if key == "revision":
            hostile["negotiation"]["revisions"][0]["date"] = date
        else:
            hostile["negotiation"]["statuses"] = {
                data["operative"][0]["id"]: [{"status": "agreed ad ref", "date": date, "note": ""}]
            }
        _refused(hostile, tmp_path)
    assert neg["revisions"][0]["date"].startswith("2026")


def test_dates_of_any_offset_are_read_in_utc_and_the_revision_is_written() -> None:
    """A date near the bounds with an offset, or naive, reads as the same moment in UTC, and a tracked Word file
    of the revision so dated is written."""
    _, data = _project()
    for date in ("1001-01-01T00:00:00+14:00", "9998-12-31T23:59:59-14:00", "2026-05-04T10:00:00"):
        data["negotiation"]["revisions"][0]["date"] = date
        neg = storage.from_dict(copy.deepcopy(data)).negotiation
        when = dt.datetime.fromisoformat(date)
        when = when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)
        (rev,) = neg.revisions
        assert rev.date == when and rev.date.utcoffset() == dt.timedelta(0)
        name = rev.name
        assert rounds.revision_docx(neg, name, name)[:2] == b"PK"


def test_status_changes_past_the_bound_are_refused_in_the_file_and_in_the_editor(tmp_path: Path) -> None:
    """A file of 400,000 changes of status (29 MB) opened, and each step of a round then took 20 s (the
    negotiation is copied for undo). The file is refused in one line; in the editor the change past the bound is
    refused and the draft left as it was, so a saved project opens again."""
    _, data = _project()
    pid = data["operative"][0]["id"]
    change = {"status": "agreed ad ref", "date": "2026-05-04T10:00:00+00:00", "note": ""}
    data["negotiation"]["statuses"] = {pid: [change] * (MAX_STATUS_CHANGES + 1)}
    _refused(data, tmp_path)
    data["negotiation"]["statuses"] = {pid: [change] * (MAX_STATUS_CHANGES - 1)}
    doc = Document(storage.from_dict(data))
    commands.set_status(doc, paragraph_id=pid, status=Status.OPEN)  # the last one the negotiation keeps
    before = storage.dumps(doc.resolution)
    with pytest.raises(InputError) as caught:
        commands.set_status(doc, paragraph_id=pid, status=Status.AGREED)
    said = caught.value.args[0]
    assert "\n" not in str(said) and "statut" in localize(said, "fr") and "estado" in localize(said, "es")
    assert storage.dumps(doc.resolution) == before
    assert len(storage.loads(before).negotiation.statuses[pid]) == MAX_STATUS_CHANGES  # opens again


def test_a_header_of_many_unrecognised_lines_is_kept_whole_and_quoted_short() -> None:
    """40,000 header lines no role fits were kept in the draft, and quoted whole in one warning of 2.3 MB."""
    lines = [f"Zorblax quuxion {i} wibble wibble" for i in range(2_000)]
    draft = "\n".join(
        [
            *lines,
            "General Assembly",
            "Eightieth session",
            "Agenda item 71",
            "",
            "Ruritania: draft resolution",
            "",
        ]
        + [
            "Rights of the child",
            "",
            "The General Assembly,",
            "",
            "1. Decides to remain seized of the matter.",
        ]
    )
    result = read_text(draft)
    kept = " ".join(result.resolution.unplaced)
    assert all(f"quuxion {i} " in kept for i in range(len(lines)))  # every line kept in the draft
    unplaced = [f for f in result.findings if f.rule == "import.unplaced"]
    assert unplaced and all(len(f.message) < 400 for f in unplaced)


def test_a_compilation_names_no_proposer_whose_proposal_has_no_edit(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """`resolute compile` named among the proposers every author of a tracked file and every copy, though their
    marks cancelled out (an insertion inside another's deletion inside an insertion) or the copy was the base's:
    "Proposals by: EU, G77, AG" over a text with no change. As the editor does, such a proposal is left out, and
    a compilation with none is refused in one line."""
    base, _ = _project()
    base_path, same, changed = tmp_path / "base.json", tmp_path / "same.json", tmp_path / "eu.json"
    storage.save_project(base, base_path)
    storage.save_project(base, same)
    eu = copy.deepcopy(base)
    eu.operative[2].text += " and the regional commissions"
    storage.save_project(eu, changed)
    out = tmp_path / "out.txt"
    assert run(["compile", str(base_path), f"G77={same}", f"EU={changed}", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "[EU]" in text and "G77" not in text
    assert run(["compile", str(base_path), f"G77={same}", "-o", str(tmp_path / "none.txt")]) == 2
    err = capsys.readouterr().err.strip()
    assert "G77" in err and "\n" not in err and not (tmp_path / "none.txt").exists()
