"""Layout numbers for the .docx exporter, read from resources/layout/*.toml and validated on load.

A layout file names its paper and gives the page, the masthead and one entry per paragraph style. A file may
start from another (`base = "new-york"`) and give only what differs. Errors name the file and the field.
"""

from __future__ import annotations

from dataclasses import MISSING, Field, dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from app.datafile import read_toml
from app.errors import TemplateError
from app.messages import Message, say
from app.paths import resource


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    header: float
    footer: float
    # Where the issued document's text area ends, for exports that lay out their own pages (the PDF): Word and
    # LibreOffice flow the .docx within `bottom`, tuned for LibreOffice's metrics. 0: use `bottom`.
    text_bottom: float = 0.0
    first_text_bottom: float = 0.0  # page 1's body lines, above the footer block (notes: text_bottom)
    # The issued body column's right indent, for the same exports: the styles' own (`right`) is where
    # LibreOffice breaks the .docx's lines as issued. 0: the styles' own.
    text_right: float = 0.0

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right


@dataclass(frozen=True)
class Text:
    """One masthead line: its size, exact line height and space before."""

    size: float
    line: float
    before: float = 0.0
    bold: bool = False
    letter_size: float = 0.0  # the symbol's organ letter


@dataclass(frozen=True)
class Masthead:
    columns: tuple[float, ...]
    row1: float
    row2: float
    thin_rule: float
    thick_rule: float
    united_nations: Text
    symbol: Text
    organ: Text
    distribution: Text
    after_table: float


@dataclass(frozen=True)
class Style:
    """A paragraph style. Indents and tab stops are measured from the left margin, as Word does."""

    size: float = 10.0
    bold: bool = False
    italic: bool = False
    line: float = 12.0  # exact line height
    before: float = 0.0
    after: float = 0.0
    left: float = 0.0
    right: float = 0.0
    first_line: float = 0.0  # negative: a hanging first line
    tabs: tuple[float, ...] = ()
    align: str = "left"  # left, right, center, justify
    border_top: float = 0.0  # rule widths in points; 0 for none
    border_bottom: float = 0.0
    border_space: float = 0.0
    right_tab: float = 0.0  # a right-aligned tab stop (headers and footers)
    widow_control: bool = False  # no single first or last line of a paragraph alone on a page
    # set width: issued body text is set about 6.5% wider than plain Times New Roman 10 pt (layout-ga-L.md,
    # "Set width and page flow"); Word's character spacing (points between characters) and scale (per cent)
    tracking: float = 0.0
    scale: float = 100.0
    # the footnote separator's own text: issued drafts print a short rule as bold underscores (Word prints
    # it; LibreOffice draws a rule of its own, docs/layout-notes.md "Footnote separator")
    rule_text: str = ""


@dataclass(frozen=True)
class Layout:
    name: str
    paper: str
    page: Page
    font: str
    font_size: float
    masthead: Masthead
    styles: dict[str, Style] = field(default_factory=dict)
    job_size: float = 7.0
    source: str = ""


STYLE_NAMES = (
    "body preambular operative tail subparagraph1 subparagraph2 subparagraph3 subparagraph4 organ_line agenda_session "
    "agenda_committee agenda_item agenda_item_title sponsor_line sponsor_heading title section_heading part_heading part_title annex_heading annex_title annex annex_paragraph unplaced end_rule "
    "header footer first_footer footnote_text footnote_separator"
).split()
_ALIGN = ("left", "right", "center", "justify")
_TOP_KEYS = {"name", "paper", "base", "page", "font", "masthead", "styles", "footer"}


# points: the width of a digit of a note's number (issued notes: 5.5 pt superscript; "10" is 5.6 pt wide)
NOTE_DIGIT = 2.85


def note_style(style: Style, mark: str) -> Style:
    """The style of the note numbered `mark`: its first line hangs a digit further left for each character
    past the first, so that every number ends where a one-digit number does and its text starts at the tab
    (issued notes: "9" at x = 117.0, "10" at 114.1-114.3, both ending at 119.8; 22 issued drafts). A tab
    stop cannot do it: LibreOffice sets a note's number at the line's start whatever precedes it."""
    # never past the column's left edge: a mark of thousands of characters (a custom mark, any text) hung its
    # note's first line off the page (x = -28,000 pt for 10,000 digits); the rest of such a mark wraps
    extra = min(NOTE_DIGIT * (len(mark) - 1), max(0.0, style.left + style.first_line))
    return replace(style, first_line=style.first_line - extra) if extra > 0 else style


def layout_dir() -> Path:
    return resource("layout")


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = (
            _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
        )
    return out


def _read(path: Path, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    data = read_toml(path)
    base = data.pop("base", None)
    if base is None:
        return data
    if not isinstance(base, str) or base in seen or not (path.parent / f"{base}.toml").is_file():
        raise TemplateError(
            say(
                "{name}: field '{field}' must name another layout file, not {value}",
                name=path.name,
                field="base",
                value=repr(base),
            )
        )
    return _merge(_read(path.parent / f"{base}.toml", (*seen, path.stem)), data)


def _number(where: Message, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TemplateError(say("{where} must be a number, not {value}", where=where, value=repr(value)))
    if value != value or abs(value) > 2000:
        raise TemplateError(say("{where} is out of range ({value})", where=where, value=repr(value)))
    return float(value)


def _field(where: Message, key: str) -> Message:
    """Where a field is: "new-york.toml: [page]: field 'top'"."""
    return say("{where}: field '{field}'", where=where, field=key)


def _table(name: str, table: str) -> Message:
    return say("{name}: [{table}]", name=name, table=table)


def _build(cls: type, where: Message, data: Any) -> Any:
    """A dataclass from a TOML table, with every field type-checked and unknown keys refused."""
    if not isinstance(data, dict):
        raise TemplateError(say("{where} must be a table", where=where))
    known = {f.name: f for f in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known or key == "source":
            raise TemplateError(say("{where}: unknown field '{field}'", where=where, field=key))
        kind = str(known[key].type)
        here = _field(where, key)
        if kind == "float":
            values[key] = _number(here, value)
        elif kind == "bool":
            if not isinstance(value, bool):
                raise TemplateError(say("{where} must be true or false", where=here))
            values[key] = value
        elif kind == "str":
            if not isinstance(value, str):
                raise TemplateError(say("{where} must be text", where=here))
            values[key] = value
        elif kind == "tuple[float, ...]":
            if not isinstance(value, list):
                raise TemplateError(say("{where} must be a list of numbers", where=here))
            values[key] = tuple(_number(here, v) for v in value)
        elif kind == "Text":
            values[key] = _build(Text, say("{where}.{field}", where=where, field=key), value)
        else:  # pragma: no cover - a new field type without a check
            raise TemplateError(say("{where} has an unsupported type", where=here))
    missing = [f.name for f in fields(cls) if f.name not in values and f.name != "source" and _required(f)]
    if missing:
        raise TemplateError(say("{where}: missing field '{field}'", where=where, field=missing[0]))
    return cls(**values)


def _table_field(name: str, table: str, key: str) -> Message:
    """Where a field of a table is: new-york.toml: [font] field 'size'."""
    return say("{name}: [{table}] field '{field}'", name=name, table=table, field=key)


def _required(f: Field[Any]) -> bool:
    return f.default is MISSING and f.default_factory is MISSING


def _styles(name: str, data: Any) -> dict[str, Style]:
    if not isinstance(data, dict):
        raise TemplateError(say("{name}: [{table}] must be a table of styles", name=name, table="styles"))
    resolved: dict[str, dict[str, Any]] = {}

    def resolve(key: str, chain: tuple[str, ...]) -> dict[str, Any]:
        if key in resolved:
            return resolved[key]
        if key not in data or not isinstance(data[key], dict):
            raise TemplateError(
                say(
                    "{name}: style '{style}' is based on unknown style '{base}'",
                    name=name,
                    style=chain[-1],
                    base=key,
                )
            )
        own = dict(data[key])
        base = own.pop("base", None)
        if base is not None:
            if base in chain:
                raise TemplateError(say("{name}: style '{style}' is based on itself", name=name, style=key))
            own = {**resolve(base, (*chain, key)), **own}
        resolved[key] = own
        return own

    out: dict[str, Style] = {}
    for key in data:
        where = say("{name}: style '{style}'", name=name, style=key)
        style = _build(Style, where, resolve(key, (key,)))
        if style.align not in _ALIGN:
            raise TemplateError(
                say(
                    "{where} must be one of {allowed}",
                    where=_field(where, "align"),
                    allowed=", ".join(_ALIGN),
                )
            )
        if style.size <= 0 or style.line <= 0:
            raise TemplateError(say("{where}: size and line must be positive", where=where))
        out[key] = style
    absent = [s for s in STYLE_NAMES if s not in out]
    if absent:
        raise TemplateError(say("{name}: missing style '{style}'", name=name, style=absent[0]))
    return out


def load_layout(path: Path) -> Layout:
    """Read and validate one layout file (and the file it is based on)."""
    data = _read(path)
    name = path.name
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise TemplateError(say("{name}: unknown field '{field}'", name=name, field=unknown[0]))
    for key in ("name", "paper", "page", "font", "masthead", "styles"):
        if key not in data:
            raise TemplateError(say("{name}: missing field '{field}'", name=name, field=key))
    if data["paper"] not in ("letter", "a4"):
        raise TemplateError(
            say('{name}: field \'{field}\' must be "letter" or "a4"', name=name, field="paper")
        )
    page = _build(Page, _table(name, "page"), data["page"])
    font = data["font"]
    if not isinstance(font, dict) or set(font) != {"name", "size"} or not isinstance(font["name"], str):
        raise TemplateError(
            say("{name}: [{table}] must give exactly 'name' and 'size'", name=name, table="font")
        )
    masthead = _build(Masthead, _table(name, "masthead"), data["masthead"])
    if abs(sum(masthead.columns) - page.frame_width) > 0.5:
        raise TemplateError(
            say(
                "{where} columns add up to {columns} pt, not the frame width {width} pt",
                where=_table(name, "masthead"),
                columns=f"{sum(masthead.columns):g}",
                width=f"{page.frame_width:g}",
            )
        )
    extras: dict[str, float] = {}
    footer = data.get("footer", {})
    if not isinstance(footer, dict) or set(footer) - {"job_size"}:
        raise TemplateError(say("{name}: [{table}] may only give 'job_size'", name=name, table="footer"))
    if "job_size" in footer:
        extras["job_size"] = _number(_table_field(name, "footer", "job_size"), footer["job_size"])
    return Layout(
        name=str(data["name"]),
        paper=data["paper"],
        page=page,
        font=font["name"],
        font_size=_number(_table_field(name, "font", "size"), font["size"]),
        masthead=masthead,
        styles=_styles(name, data["styles"]),
        source=str(path),
        **extras,
    )


@cache
def all_layouts(folder: Path | None = None) -> dict[str, Layout]:
    """Every layout in the folder, by file stem."""
    folder = folder or layout_dir()
    return {path.stem: load_layout(path) for path in sorted(folder.glob("*.toml"))}


def layout_for_paper(paper: str) -> Layout:
    """The layout for a template's paper ("letter" or "a4")."""
    for layout in all_layouts().values():
        if layout.paper == paper:
            return layout
    raise TemplateError(
        say("no layout file in {folder} is for '{paper}' paper", folder=str(layout_dir()), paper=paper)
    )
