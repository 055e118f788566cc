"""The command line as a user runs it: exit codes, output formats, files written."""

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from docx import Document

from app.cli import run
from app.storage import load_project

CLI = Path(__file__).resolve().parents[1] / "fixtures" / "cli"


def test_check_clean_draft_exits_0(capsys):
    assert run(["check", str(CLI / "clean.txt")]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_check_with_errors_exits_1_and_names_the_paragraph(capsys):
    assert run(["check", str(CLI / "errors.txt")]) == 1
    out = capsys.readouterr().out
    assert "OP 1: error:" in out and "United Nations" in out
    assert "OP 2: error:" in out and "Secretary-General" in out


def test_check_json_has_rule_severity_message_location(capsys):
    assert run(["check", str(CLI / "errors.txt"), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    errors = [f for f in findings if f["severity"] == "error"]
    assert len(errors) == 2
    for f in errors:
        assert f["rule"] and f["message"] and f["location"]["paragraph"] and len(f["location"]["span"]) == 2


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.txt", None),
        ("empty.txt", b""),
        ("bad.docx", b"PK\x03\x04 truncated"),
        ("latin1.txt", b"caf\xe9 \xff"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(tmp_path, capsys, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert run(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("resolute: ") and "\n" not in err and "Traceback" not in err


def test_export_docx_and_project(tmp_path):
    docx_path = tmp_path / "out.docx"
    json_path = tmp_path / "out.json"
    assert run(["export", str(CLI / "clean.txt"), "-o", str(docx_path)]) == 0
    assert run(["export", str(CLI / "clean.txt"), "-o", str(json_path)]) == 0
    res = load_project(json_path)
    assert res.header.symbol == "A/C.2/81/L.7" and res.header.session == 81
    assert [p.opener for p in res.operative] == ["Welcomes", "Encourages", "Requests"]
    text = [p.text for p in Document(str(docx_path)).paragraphs]
    assert "\tChile, Indonesia and Norway: draft resolution" in text  # a tab from the hanging first line
    assert any(t.startswith("3.\tRequests the Secretary-General") and t.endswith("resolution.") for t in text)


def test_export_to_unknown_suffix_exits_2(tmp_path, capsys):
    assert run(["export", str(CLI / "clean.txt"), "-o", str(tmp_path / "out.rtf")]) == 2
    assert ".docx" in capsys.readouterr().err


def test_new_and_templates(tmp_path, capsys):
    out = tmp_path / "new.json"
    assert run(["new", "--template", "sc", "-o", str(out)]) == 0
    assert load_project(out).header.template == "sc"
    assert run(["new", "--template", "nope", "-o", str(tmp_path / "x.json")]) == 2
    assert "no template 'nope'" in capsys.readouterr().err
    assert run(["templates"]) == 0
    assert "A/C.1/{session}/L.{number}" in capsys.readouterr().out


def test_new_does_not_replace_a_project_unless_forced(tmp_path, capsys):
    out = tmp_path / "draft.json"
    assert run(["new", "--template", "sc", "-o", str(out)]) == 0
    kept = out.read_bytes()
    assert run(["new", "--template", "ga-plenary", "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_bytes() == kept
    assert run(["new", "--template", "ga-plenary", "-o", str(out), "--force"]) == 0
    assert load_project(out).header.template == "ga-plenary"
    assert (tmp_path / "draft.json~").read_bytes() == kept


def test_python_m_app_is_the_same_command(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "app", "check", str(CLI / "errors.txt"), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 1
    assert {f["rule"] for f in json.loads(done.stdout)} >= {"organs.abbreviation"}


@pytest.mark.parametrize(
    "error",
    [ZeroDivisionError("division by zero"), RecursionError(), MemoryError(), KeyError("x\nsecond line")],
)
def test_a_crash_has_its_own_exit_code_and_one_line(monkeypatch, capsys, error):
    import app.conventions.engine as engine

    def crash(*args, **kwargs):
        raise error

    monkeypatch.setattr(engine, "check_document", crash)
    assert run(["check", str(CLI / "clean.txt")]) == 3
    err = capsys.readouterr().err
    assert err.startswith("resolute: internal error (") and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("suffix", [".docx", ".json", ".txt"])
def test_export_onto_its_own_input_is_refused_and_the_input_kept(tmp_path, capsys, suffix):
    source = tmp_path / f"draft{suffix}"
    assert run(["export", str(CLI / "clean.txt"), "-o", str(source)]) == 0
    before = source.read_bytes()
    for output in (source, tmp_path / "." / source.name):
        assert run(["export", str(source), "-o", str(output)]) == 2
        err = capsys.readouterr().err.strip()
        assert "reads" in err and "\n" not in err
        assert source.read_bytes() == before
    base = tmp_path / "base.json"
    assert run(["export", str(CLI / "clean.txt"), "-o", str(base)]) == 0
    assert run(["compare", str(base), str(CLI / "clean.txt"), "-o", str(base)]) == 2


def test_unknown_template_is_checked_and_exported_with_the_default(tmp_path, capsys):
    project = tmp_path / "draft.json"
    assert run(["new", "--template", "ga-c1", "-o", str(project)]) == 0
    data = json.loads(project.read_text(encoding="utf-8"))
    data["header"]["template"] = "no-such-organ"
    project.write_text(json.dumps(data), encoding="utf-8")
    assert run(["check", str(project)]) in (0, 1)
    assert "no template 'no-such-organ'" in capsys.readouterr().out
    assert run(["export", str(project), "-o", str(tmp_path / "out.docx")]) == 0


@pytest.mark.parametrize("errors", [0, 1, 2])
def test_check_summary_counts_each_severity_in_its_number(capsys, tmp_path, errors):
    """The last line counts what the JSON lists, each word singular for one ("1 error", never "1 errors"). The
    draft is errors.txt with its first `errors` abbreviations written out."""
    text = (CLI / "errors.txt").read_text(encoding="utf-8")
    for short, full in [("the SG", "the Secretary-General"), ("the UN", "the United Nations")][: 2 - errors]:
        text = text.replace(short, full)
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    run(["check", "--format", "json", str(path)])
    listed = Counter(f["severity"] for f in json.loads(capsys.readouterr().out))
    assert listed["error"] == errors
    run(["check", str(path)])
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    parts = re.fullmatch(r"(\d+) (errors?), (\d+) (warnings?), (\d+) (notes?)", summary)
    assert parts, summary
    for count, word, (severity, one) in zip(
        parts.groups()[::2],
        parts.groups()[1::2],
        [("error", "error"), ("warning", "warning"), ("info", "note")],
        strict=True,
    ):
        assert int(count) == listed[severity]
        assert word == (one if int(count) == 1 else one + "s")


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_a_refusal_reads_in_the_language_check_was_asked_for(capsys, tmp_path, lang):
    """`check --lang fr` said its findings in French but refused a damaged project in English."""
    from app import interface

    broken = tmp_path / "draft.json"
    broken.write_text('{"format": "resolute", "version": 2, "body": [1,', encoding="utf-8")
    try:
        assert run(["check", "--lang", lang, str(broken)]) == 2
        said = capsys.readouterr().err.strip()
        assert run(["check", str(broken)]) == 2
        english = capsys.readouterr().err.strip()
    finally:
        interface.use(interface.ENGLISH)
    template = "project file is not valid JSON (line {line}, column {column})"
    assert english.startswith("resolute: draft.json: ") and "project file is not valid JSON" in english
    prefix = interface.message_catalog(lang)[template].split("{")[0].strip()
    assert said.startswith("resolute: draft.json") and prefix in said and "not valid JSON" not in said
