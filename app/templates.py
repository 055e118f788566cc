"""Organ templates: one TOML file per organ in templates/, validated on load.

A template says how a given organ's drafts look and which conventions apply: the organ line, the masthead,
the symbol pattern, the paper, the agenda block, repetition markers, and verbs out of place for that organ.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from app import interface
from app.datafile import read_toml
from app.errors import TemplateError
from app.findings import Finding, Severity
from app.messages import Message, Phrase, say
from app.model import Header, Resolution
from app.paths import templates_dir


@dataclass(frozen=True)
class Template:
    id: str
    name: str  # "General Assembly, First Committee"
    organ: str  # masthead organ name, "General Assembly"
    organ_line: str  # "The General Assembly" (the comma is added when a preamble follows)
    symbol_pattern: str  # "A/C.1/{session}/L.{number}"; fields: session, year, number
    paper: str  # "letter" or "a4"
    committee: str = ""  # "First Committee"; empty for plenary bodies
    agenda_lines: tuple[
        str, ...
    ] = ()  # agenda block lines; fields: session_line, committee, item, item_title
    has_title: bool = True
    has_agenda: bool = True
    self_reference: str = "the present resolution"
    and_before_last_subparagraph: bool = False  # "; and" before the last subparagraph
    preambular_marker: str = "after"  # "Recalling also": where also/further goes in a repeated opener
    operative_marker: str = "before"  # "Also requests"
    markers: tuple[str, ...] = ("also", "further")  # 2nd use, 3rd and later uses
    italic_later_verbs: bool = False  # SC italicizes ", and requests" inside a paragraph
    out_of_place: tuple[str, ...] = ()  # operative phrases flagged for this organ
    citation_style: str = "ga"  # "ga": resolution 78/45 of 4 December 2023; "sc": resolution 1325 (2000)
    # rules whose findings are only suggestions in this organ's drafts ("UN.*", "organs.abbreviation"): the
    # Secretariat issues them as the sponsors wrote them and applies the Editorial Manual on adoption
    suggested_rules: tuple[str, ...] = ()
    title_size: float = 12.0
    source: str = ""  # the file it came from

    def named(self) -> Phrase:
        """The template's name as a message field: said in the language the message is shown in."""
        return Phrase(template_name, (self.id, self.name))

    def symbol(self, *, session: int | None = None, year: int | None = None, number: str | int = "") -> str:
        values = {"session": session or "", "year": year or "", "number": number}
        return self.symbol_pattern.format(**values)

    @property
    def uses_year(self) -> bool:
        return "{year}" in self.symbol_pattern


_REQUIRED = {"id", "name", "organ", "organ_line", "symbol_pattern", "paper"}
_SYMBOL_FIELDS = {"session", "year", "number"}
_AGENDA_FIELDS = {"session_line", "committee", "item", "item_title"}


def _check_type(path: Path, key: str, value: Any, expected: Any) -> Any:
    """Validate one field against its dataclass annotation (as a string under `from __future__`)."""
    kinds = {"str": str, "bool": bool, "float": (int, float), "tuple[str, ...]": list}
    want = kinds[expected]
    if not isinstance(value, want) or (expected == "float" and isinstance(value, bool)):
        raise TemplateError(_wrong_type(expected, name=path.name, field=key, value=repr(value)[:60]))
    if expected == "tuple[str, ...]":
        if not all(isinstance(v, str) for v in value):
            raise TemplateError(
                say("{name}: field '{field}' must be a list of strings", name=path.name, field=key)
            )
        return tuple(value)
    return float(value) if expected == "float" else value


def _wrong_type(expected: str, **fields: str) -> Message:
    """A field of the wrong kind, one whole sentence per kind (each language words it its own way)."""
    if expected == "str":
        return say("{name}: field '{field}' must be text, not {value}", **fields)
    if expected == "bool":
        return say("{name}: field '{field}' must be true or false, not {value}", **fields)
    if expected == "float":
        return say("{name}: field '{field}' must be a number, not {value}", **fields)
    return say("{name}: field '{field}' must be a list of text, not {value}", **fields)


def _placeholder_fault(path: Path, key: str, pattern: str, allowed: set[str]) -> Message | None:
    """What is wrong with the placeholders of a pattern, or None. Only a bare known name is allowed: a
    conversion, format spec, attribute or index ("{session.__class__}", "{number:>99999}") is refused."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError:
        return say(
            "{name}: field '{field}' has a '{{' or '}}' without its pair (write '{{{{' or '}}}}' for a brace)",
            name=path.name,
            field=key,
        )
    for _, name, spec, conversion in parsed:
        if name is not None and (name not in allowed or spec or conversion):
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            return say(
                "{name}: field '{field}' has unknown placeholder '{placeholder}'",
                name=path.name,
                field=key,
                placeholder="{" + shown + "}",
            )
    return None


def load_template(path: Path) -> Template:
    """Read and validate one template file. Errors name the file and the field."""
    data = read_toml(path)
    name = path.name
    known = {f.name: f for f in fields(Template) if f.name != "source"}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise TemplateError(say("{name}: unknown field '{field}'", name=name, field=unknown[0]))
    missing = sorted(_REQUIRED - set(data))
    if missing:
        raise TemplateError(say("{name}: missing field '{field}'", name=name, field=missing[0]))
    values = {key: _check_type(path, key, value, known[key].type) for key, value in data.items()}
    fault = _placeholder_fault(path, "symbol_pattern", values["symbol_pattern"], _SYMBOL_FIELDS)
    for line in values.get("agenda_lines", ()):
        fault = fault or _placeholder_fault(path, "agenda_lines", line, _AGENDA_FIELDS)
    if fault:
        raise TemplateError(fault)
    if values["paper"] not in ("letter", "a4"):
        raise TemplateError(
            say('{name}: field \'{field}\' must be "letter" or "a4"', name=name, field="paper")
        )
    for key in ("preambular_marker", "operative_marker"):
        if values.get(key, "after") not in ("before", "after"):
            raise TemplateError(
                say('{name}: field \'{field}\' must be "before" or "after"', name=name, field=key)
            )
    if values.get("citation_style", "ga") not in ("ga", "sc"):
        raise TemplateError(
            say('{name}: field \'{field}\' must be "ga" or "sc"', name=name, field="citation_style")
        )
    return Template(**values, source=str(path))


@cache
def all_templates(folder: Path | None = None) -> dict[str, Template]:
    """Every template in the folder, by id, in file-name order."""
    folder = folder or templates_dir()
    found: dict[str, Template] = {}
    for path in sorted(folder.glob("*.toml")):
        tpl = load_template(path)
        if tpl.id in found:
            first = Path(found[tpl.id].source).name
            raise TemplateError(
                say(
                    "{name}: field '{field}' repeats '{value}' of {other}",
                    name=path.name,
                    field="id",
                    value=tpl.id,
                    other=first,
                )
            )
        found[tpl.id] = tpl
    return found


def get_template(template_id: str) -> Template:
    templates = all_templates()
    try:
        return templates[template_id]
    except KeyError:
        known = ", ".join(templates)
        raise TemplateError(say("no template '{id}' (known: {known})", id=template_id, known=known)) from None


def settle_template(res: Resolution) -> list[Finding]:
    """A project naming a template this Resolute does not have opens with the default one, and says so."""
    templates = all_templates()
    if res.header.template in templates:
        return []
    unknown, res.header.template = res.header.template, Header().template
    return [
        Finding(
            "import.template",
            Severity.WARNING,
            say(
                "no template '{asked}' here: opened with {name}",
                asked=unknown[:40],
                name=templates[res.header.template].named(),
            ),
            field="template",
        )
    ]


def template_for_symbol(symbol: str) -> Template | None:
    """The template whose symbol pattern fits a document symbol, e.g. A/C.3/80/L.20 → ga-c3."""
    base = re.sub(r"/Rev\.\d+$", "", symbol.strip())
    for tpl in all_templates().values():
        regex = re.escape(tpl.symbol_pattern)
        for name in _SYMBOL_FIELDS:
            regex = regex.replace(re.escape("{" + name + "}"), r"\d+")
        if re.fullmatch(regex, base):
            return tpl
    return None


def template_name(template_id: str, english: str, language: str | None = None) -> str:
    """A template's name in `language` (default: the interface language; "" English): the [templates] table of
    the interface catalog, keyed by template id ("ga-c3" = "Assemblée générale, Troisième Commission"), else
    `english`, the name the template file gives (a user's own template)."""
    code = interface.current() if language is None else language or interface.ENGLISH
    return interface.template_catalog(code).get(template_id, english)
