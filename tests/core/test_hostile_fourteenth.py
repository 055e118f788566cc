"""The fourteenth hostile-input pass (docs/hardening-log.md, "Fourteenth pass"): merged cells written by one
format and read by another, a sponsor line of many "and"s, tracked Word files of many authors over few
paragraphs. Each input is made here; each test fails on the code before the pass."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import sample  # noqa: E402

from app import states  # noqa: E402
from app.errors import InputError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.akn_writer import to_akn  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.model import MAX_TABLE_ROWS, Paragraph, Resolution  # noqa: E402
from app.negotiation import tracked_reading  # noqa: E402
from app.table_merges import valid_merges  # noqa: E402

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
ROOT = Path(__file__).resolve().parents[2]
CLEAN = ROOT / "tests" / "fixtures" / "cli" / "clean.txt"


# ------------------------------------------------------------------ merged cells down a long table (UN XML)


def _with_table(rows: list[list[str]], merges: list[tuple[int, int, int, int]]) -> Resolution:
    res = sample()
    res.operative.insert(1, Paragraph(table=rows, header_rows=1, numbered=False, merges=merges))
    return res


def _table(res: Resolution) -> Paragraph:
    return next(p for _, p in res.paragraphs() if p.is_table)


def _spans(data: bytes, name: str) -> list[str]:
    return [c.get(name) for c in etree.fromstring(data).iter(f"{AKN}td", f"{AKN}th") if c.get(name)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    height=st.integers(min_value=2, max_value=400),
    top=st.integers(min_value=0, max_value=50),
    column=st.integers(min_value=0, max_value=3),
)
def test_a_merge_down_a_long_table_survives_un_xml(height: int, top: int, column: int) -> None:
    """The writer gives a merge down n rows `rowspan="n"`; the reader took two digits at most, so a merge of 100
    rows or more read as one cell and every row under it shifted its cells left into the merged column (text in
    the wrong column, no word said). The table and its merges come back as written."""
    rows = [[f"r{r}c{c}" for c in range(4)] for r in range(top + height + 3)]
    for i in range(1, height):
        rows[top + i][column] = ""
    res = _with_table(rows, [(top, column, height, 1)])
    data = to_akn(res)
    assert _spans(data, "rowspan") == [str(height)]
    again = _table(read_akn(data, name="again.xml").resolution)
    assert again.table == rows
    assert again.merges == [(top, column, height, 1)]


def test_a_rowspan_past_every_bound_runs_to_the_last_row() -> None:
    """A hand-made file's rowspan of twelve digits: past the table's last row, so it ends with it, as a shorter
    one past the end does; the rows under it keep their columns (each had read as one cell and shifted left)."""
    rows = [[f"r{r}c{c}" for c in range(3)] for r in range(6)]
    for r in range(3, 6):
        rows[r][1] = ""
    data = to_akn(_with_table(rows, [(2, 1, 4, 1)]))
    assert b'rowspan="4"' in data
    for value in ("999999999999", "0004", "5001", str(MAX_TABLE_ROWS)):
        again = _table(
            read_akn(data.replace(b'rowspan="4"', f'rowspan="{value}"'.encode()), name="x.xml").resolution
        )
        assert again.table == rows, value
        assert again.merges == valid_merges(rows, [(2, 1, 4, 1)]), value


# ------------------------------------------------------------------ a sponsor line of many "and"s


def _folded_characters(monkeypatch: pytest.MonkeyPatch, lines: int) -> tuple[int, list[str]]:
    """The characters folded (looked up as a name) while reading a draft whose sponsor line runs over `lines`
    lines of "Saint Vincent and the" before "Grenadines: draft resolution"."""
    text = CLEAN.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.rstrip().endswith("draft resolution"))
    names = line.rsplit(":", 1)[0]
    hostile = text.replace(
        line, f"{names}, " + "Saint Vincent and the\n" * lines + "Grenadines: draft resolution"
    )
    counted = [0]
    real = states.fold

    def fold(name: str) -> str:
        counted[0] += len(name)
        return real(name)

    monkeypatch.setattr(states, "fold", fold)
    sponsors = read_text(hostile).resolution.header.sponsors
    monkeypatch.setattr(states, "fold", real)
    return counted[0], sponsors


def test_a_sponsor_line_of_many_ands_is_looked_up_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each " and " of the list's last piece was a cut whose both sides were folded and looked up: 4,000 lines of
    "Saint Vincent and the" took 81 s to read (the square of the line). A side longer than any name is none,
    said at once. Nothing is lost: the names before stay, the known name closes the list, the rest is one name."""
    small, sponsors = _folded_characters(monkeypatch, 60)
    large, again = _folded_characters(monkeypatch, 480)
    assert large < 16 * small, (small, large)
    assert sponsors[-1] == again[-1] == "Saint Vincent and the Grenadines"
    assert again[-2] == " ".join(["Saint Vincent and the"] * 478 + ["Saint Vincent"])


def test_split_sponsor_names_keeps_its_choices() -> None:
    """The ordinary lists split as before: both sides known first, then the last name known, then the first."""
    split = states.split_sponsor_names
    assert split("Antigua and Barbuda, Bosnia and Herzegovina and Trinidad and Tobago") == [
        "Antigua and Barbuda",
        "Bosnia and Herzegovina",
        "Trinidad and Tobago",
    ]
    assert split("France, Mexique et Royaume-Uni de Grande-Bretagne et d’Irlande du Nord", "fr")[-1] == (
        "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord"
    )
    assert split("Francia, Palestina e Israel", "es") == ["Francia", "Palestina", "Israel"]
    assert split("Mexico and Foo and Bar") == ["Mexico", "Foo and Bar"]
    assert split("Foo and Bar and Baz") == ["Foo and Bar", "Baz"]
    assert not states.known_sponsor_name("Mexico " * 100)


# ------------------------------------------------------------------ tracked Word files: many authors, few paragraphs


def test_many_authors_over_few_paragraphs_are_refused_before_any_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each author's version is the whole package read again, and a read costs some 50 ms however few its
    paragraphs: authors times paragraphs passed the bound for 3,000 authors on a draft of 11 paragraphs (1,000
    authors: 58 s). The read of the package counts as READ_PARAGRAPHS paragraphs: refused in one line, unread."""
    from app.io.docx_writer import build_docx

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    blob = build_docx(sample(paragraphs=2, footnotes=0))
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    paragraphs = sum(1 for _ in root.iter(f"{{{w}}}p"))
    authors = tracked_reading.MAX_TRACKED_WORK // paragraphs  # within the old bound
    last = [p for p in root.iter(f"{{{w}}}p")][-2]
    for k in range(authors):
        ins = etree.SubElement(last, f"{{{w}}}ins", {f"{{{w}}}id": str(k + 1), f"{{{w}}}author": f"A{k}"})
        etree.SubElement(etree.SubElement(ins, f"{{{w}}}r"), f"{{{w}}}t").text = f" w{k}"
    parts["word/document.xml"] = etree.tostring(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    monkeypatch.setattr(tracked_reading, "read_docx", lambda *a, **k: pytest.fail("read before refusing"))
    with pytest.raises(InputError, match=f"{authors:,} authors") as refused:
        tracked_reading.proposals_from_tracked(out.getvalue(), None, name="many.docx")
    assert "\n" not in str(refused.value)


# ------------------------------------------------------------------ an interface catalog edited by hand


def _said_in(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, translation: str) -> tuple[int, str]:
    """`check --lang fr` with a copy of the French catalog whose "{count} error" says `translation`."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from app import interface
    from app.cli import run

    shipped = (interface.folder() / "fr.toml").read_text(encoding="utf-8")
    entry = '"{count} error" = "{count} erreur"'
    assert entry in shipped
    folder = tmp_path / "interface"
    folder.mkdir(exist_ok=True)
    (folder / "fr.toml").write_text(shipped.replace(entry, f'"{{count}} error" = "{translation}"'), "utf-8")
    monkeypatch.setattr(interface, "folder", lambda: folder)
    interface._read.cache_clear()
    out, err = io.StringIO(), io.StringIO()
    try:
        with redirect_stderr(err), redirect_stdout(out):
            code = run(["check", str(CLEAN), "--lang", "fr"])
    finally:
        interface.use(
            interface.ENGLISH
        )  # --lang sets the process's language: the tests after it read English
        monkeypatch.undo()
        interface._read.cache_clear()
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize(
    "translation",
    [
        "{count} erreur{",
        "{nombre} erreur",
        "{count:>99999999999} erreur",
        "{0} erreur",
        "{count.real} erreur",
    ],
)
def test_a_catalog_translation_that_cannot_be_filled_in_gives_the_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, translation: str
) -> None:
    """A translation naming a field the English does not give, a positional or attribute field, a format spec
    or a brace left open ended every command whose message used it as an internal error (exit 3, MemoryError
    for the spec). It is left out as the catalog is read: the English form is said, the rest in French."""
    code, said = _said_in(monkeypatch, tmp_path, translation)
    assert code == 0, said
    assert said.strip().splitlines()[-1] == "0 error, 0 avertissement, 0 remarque"
    code, said = _said_in(monkeypatch, tmp_path, "{count} faute")
    assert code == 0 and said.strip().splitlines()[-1] == "0 faute, 0 avertissement, 0 remarque"


# ------------------------------------------------------------------ a languages file's forms with a format


@pytest.mark.parametrize(
    ("field", "form"),
    [
        ("date", "{day:>99999999999} {month} {year}"),
        ("date", "{day} {month:>20000000} {year}"),
        ("date", "{day!r} {month} {year}"),
        ("session_fallback", "Session {n:,}"),
    ],
)
def test_a_form_with_a_width_or_conversion_is_refused_naming_its_field(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, field: str, form: str
) -> None:
    """A date form "{day:>99999999999} …" passed the check (it can be filled in) and every date printed was a
    string of that width: MemoryError, or a Word file too large to read back (exit 3). A form names its fields
    alone; refused in one line naming the field, French and Spanish too."""
    import re

    from app import languages
    from app.errors import TemplateError
    from app.messages import localize
    from app.paths import resource

    shipped = resource("languages", "en.toml").read_text(encoding="utf-8")
    text, count = re.subn(rf'(?m)^{field} = ".*"', f'{field} = "{form}"', shipped, count=1)
    assert count == 1
    folder = tmp_path / "languages"
    folder.mkdir()
    (folder / "en.toml").write_text(text, encoding="utf-8")
    real = languages.resource
    monkeypatch.setattr(
        languages,
        "resource",
        lambda *parts: folder / parts[1] if parts == ("languages", "en.toml") else real(*parts),
    )
    languages.all_languages.cache_clear()
    try:
        with pytest.raises(TemplateError) as refused:
            languages._load("en")
    finally:
        monkeypatch.undo()
        languages.all_languages.cache_clear()
    said = str(refused.value)
    assert said.startswith(f"en.toml: field '{field}' cannot be filled in (") and "\n" not in said
    assert "le champ" in localize(refused.value.args[0], "fr")
    assert "el campo" in localize(refused.value.args[0], "es")


@pytest.mark.parametrize(
    ("code", "table", "key", "form"),
    [
        ("en", "masthead", "distribution", "Distr.: {valeur}"),
        ("en", "masthead", "original", "Original: {value:>99999999999}"),
        ("en", "masthead", "year_session", "{year.real} session"),
        ("fr", "amendments", "delete", "Supprimer {place"),
        ("fr", "amendments", "cell", "{table}, à {row}, colonne {0}"),
        ("es", "negotiation", "on", " sobre {version!r}"),
    ],
)
def test_a_table_form_the_code_fills_in_is_checked_as_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, code: str, table: str, key: str, form: str
) -> None:
    """The masthead's, the amendment wording's and the compilation's forms were used unchecked: a field the
    code does not give, a brace left open, a width or an attribute ended `check` and every export as an
    internal error (KeyError, ValueError, MemoryError: exit 3). Refused in one line naming table and key."""
    import re

    from app import languages
    from app.errors import TemplateError
    from app.paths import resource

    name = f"{code}.toml"
    shipped = resource("languages", name).read_text(encoding="utf-8")
    head = shipped.index(f"\n[{table}]")
    at = re.compile(rf'(?m)^{key} = ".*"').search(shipped, head)
    assert at is not None
    text = shipped[: at.start()] + f'{key} = "{form}"' + shipped[at.end() :]
    folder = tmp_path / "languages"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    real = languages.resource
    monkeypatch.setattr(
        languages,
        "resource",
        lambda *parts: folder / parts[1] if parts == ("languages", name) else real(*parts),
    )
    languages.all_languages.cache_clear()
    try:
        with pytest.raises(TemplateError) as refused:
            languages._load(code)
    finally:
        monkeypatch.undo()
        languages.all_languages.cache_clear()
    said = str(refused.value)
    assert said.startswith(f"{name}: field '{table}.{key}' cannot be filled in (") and "\n" not in said


@pytest.mark.parametrize("placeholder", ["{match:>99999999999}", "{fix!r}", "{match:.0}"])
def test_a_house_rule_placeholder_with_a_format_is_refused(tmp_path: Path, placeholder: str) -> None:
    """A house rule's message names {match} and {fix}; the names were checked, not what follows them: a width
    made each finding's message that wide (MemoryError: exit 3 from `check`, the editor's check thread down).
    Refused in one line naming the file's line, as a bad placeholder is."""
    from app.errors import TemplateError
    from app.spelling.rules import load_user_rules

    path = tmp_path / "house.toml"
    path.write_text(
        "[rules.Wide]\n"
        'kind = "substitution"\n'
        f"message = \"Write '{{fix}}', not '{placeholder}'\"\n"
        "[rules.Wide.swap]\n"
        "'\\bjudgment\\b' = 'judgement'\n",
        encoding="utf-8",
    )
    with pytest.raises(TemplateError) as refused:
        load_user_rules(path)
    said = str(refused.value)
    assert said == f"house.toml, line 3: bad placeholder in message: {placeholder}"
