"""Text a writer cannot hold, and output names that are not files.

Control characters, noncharacters and lone surrogates reach the writers from names nobody validates: a
facilitator's name (the author of tracked changes), a proposer named on the command line, a heading for the
oral revisions, a sponsor passed with `--sponsor`. A command-line argument holding a byte that is not UTF-8
arrives as a lone surrogate. Every Word writer passes text through `app.io.safe_xml.xml_text`, and every text
file is written by `app.atomic.write_text`, which cannot fail on a surrogate.

An output name that is a pipe, socket or device (or a link to one) is refused, never replaced by a plain file.
"""

from __future__ import annotations

import copy
import io
import os
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import docx_problems  # noqa: E402

from app import cli, storage  # noqa: E402
from app.atomic import write_atomic, write_text  # noqa: E402
from app.compare.diff import compare  # noqa: E402
from app.compare.oral import oral_revisions_docx  # noqa: E402
from app.compare.tracked import build_tracked_docx  # noqa: E402
from app.errors import SaveError  # noqa: E402
from app.model import Paragraph, Resolution  # noqa: E402
from app.negotiation.compilation import compile_text  # noqa: E402
from app.negotiation.compilation_docx import build_compilation_docx  # noqa: E402
from app.negotiation.proposals import derive  # noqa: E402

# what XML 1.0 cannot hold, what separates words, and what a non-UTF-8 byte of an argument becomes
HOSTILE = ["\x00", "\x01", "\x0b", "\x1b", "\x1f", "\ud800", "\udcff", "\ufffe", "\uffff"]


def _pair() -> tuple[Resolution, Resolution]:
    base = Resolution()
    base.operative = [Paragraph("Decides", "to act now;")]
    new = copy.deepcopy(base)
    new.operative[0].text = "to act at once;"
    return base, new


def _body(blob: bytes, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return archive.read(part).decode("utf-8")


@pytest.mark.parametrize("bad", HOSTILE)
def test_a_tracked_comparison_by_any_author_is_a_valid_word_file(bad: str) -> None:
    blob = build_tracked_docx(*_pair(), author=f"Chair{bad}person")
    assert docx_problems(blob) == []
    assert 'w:author="Chair' in _body(blob)


@pytest.mark.parametrize("bad", HOSTILE)
def test_a_compilation_by_any_proposer_is_a_valid_word_file(bad: str) -> None:
    base, new = _pair()
    blob = build_compilation_docx(compile_text(base, [derive(base, new, f"E{bad}U")], base_version="Rev.1"))
    assert docx_problems(blob) == []
    assert "at once" in _body(blob)


@pytest.mark.parametrize("bad", HOSTILE)
def test_oral_revisions_under_any_heading_are_a_valid_word_file(bad: str) -> None:
    base, new = _pair()
    new.operative[0].text = f"to act at{bad} once;"
    blob = oral_revisions_docx(compare(base, new), heading=f"Oral{bad} revisions")
    assert docx_problems(blob) == []
    assert "Oral" in _body(blob)


def test_write_text_writes_a_lone_surrogate_as_a_mark_and_the_rest_whole(tmp_path: Path) -> None:
    write_text(tmp_path / "a.txt", "EU\udcff proposes")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "EU? proposes"


def _project(tmp_path: Path) -> Path:
    base, _ = _pair()
    path = tmp_path / "base.json"
    storage.save_project(base, path)
    return path


@pytest.mark.parametrize("out", ["k.txt", "k.docx"])
def test_a_proposer_named_with_an_undecodable_byte_compiles(tmp_path: Path, out: str) -> None:
    base = _project(tmp_path)
    _, new = _pair()
    copy_path = tmp_path / "copy.json"  # a changed copy: an unchanged one is no proposal (exit 2)
    storage.save_project(new, copy_path)
    name = os.fsdecode(b"D\xffE")  # what Python makes of a byte that is not UTF-8 in an argument
    assert cli.run(["compile", str(base), f"{name}={copy_path}", "-o", str(tmp_path / out)]) == 0
    assert (tmp_path / out).stat().st_size > 0
    assert cli.run(["compile", str(base), f"{name}={base}", "-o", str(tmp_path / ("same" + out))]) == 2


def test_a_sponsor_given_with_an_undecodable_byte_makes_an_amendment_text(tmp_path: Path) -> None:
    base = _project(tmp_path)
    _, new = _pair()
    copy_path = tmp_path / "copy.json"  # a changed copy: an unchanged one is no amendment (exit 2)
    storage.save_project(new, copy_path)
    sponsor = os.fsdecode(b"Fran\xe7e")  # Latin-1 typed in a UTF-8 terminal
    argv = ["amend", str(base), str(copy_path), "--sponsor", sponsor, "-o", str(tmp_path / "a.txt")]
    assert cli.run(argv) == 0
    assert "Fran?e" in (tmp_path / "a.txt").read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("through_link", [False, True])
def test_an_output_that_is_a_pipe_is_refused_and_stays_a_pipe(tmp_path: Path, through_link: bool) -> None:
    pipe = tmp_path / "out.json"
    os.mkfifo(pipe)
    out = pipe
    if through_link:
        out = tmp_path / "link.json"
        out.symlink_to(pipe)
    with pytest.raises(SaveError, match="pipe, socket or device") as caught:
        write_atomic(out, b"{}", backup=True)
    assert "\n" not in str(caught.value)
    assert pipe.is_fifo()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"out.json", out.name})


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_new_onto_a_pipe_exits_2_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(tmp_path / "p.json")
    assert cli.run(["new", "--template", "ga-plenary", "-o", str(tmp_path / "p.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pipe" in err
    assert (tmp_path / "p.json").is_fifo()


@pytest.mark.parametrize("suffix", [".txt", ".json", ".xml", ""])
def test_a_comparison_to_a_name_that_is_not_a_word_file_is_refused(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    base = _project(tmp_path)
    out = tmp_path / f"c{suffix}"
    assert cli.run(["compare", str(base), str(base), "-o", str(out)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not out.exists()


@pytest.mark.parametrize(
    ("encoding", "name"), [("ascii:strict", b"draft.json"), ("utf-8:strict", b"draft\xff.json")]
)
def test_findings_reach_an_output_that_cannot_encode_them(tmp_path: Path, encoding: str, name: bytes) -> None:
    """An ASCII pipe cannot take the curly quotes of a finding, nor a strict UTF-8 one a file name with a byte
    that is not UTF-8: the command still lists every finding and exits 0 or 1, not 3 half-way."""
    import subprocess

    base, _ = _pair()
    base.footnotes["n1"] = __import__("app.model", fromlist=["Footnote"]).Footnote("“Quoted” note.", "n1")
    path = Path(os.fsdecode(bytes(tmp_path) + b"/" + name))
    storage.save_project(base, path)
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-m", "app", "check", os.fsencode(path)], capture_output=True, env=env, timeout=120
    )
    assert done.returncode in (0, 1), done.stderr
    assert b"internal error" not in done.stderr
    assert b"referenced nowhere" in done.stdout and b"Quoted" in done.stdout


def test_a_project_saves_under_a_name_with_a_byte_that_is_not_utf8(tmp_path: Path) -> None:
    """Such a name is a name like any other to the system; the temporary's name was cut as UTF-8 text and
    the save failed ("surrogates not allowed")."""
    base, new = _pair()
    path = Path(os.fsdecode(bytes(tmp_path) + b"/proj\xff" + b"\xc3\xa9" * 100 + b".json"))
    storage.save_project(base, path)
    storage.save_project(new, path)  # again: the first is kept as name~
    assert storage.load_project(path).operative[0].text == new.operative[0].text
    assert Path(str(path) + "~").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, path.name + "~"])
