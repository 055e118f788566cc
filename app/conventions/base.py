"""What every rule module shares: the paragraph node being checked, the document context, settings."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from app.datafile import read_toml
from app.errors import TemplateError
from app.findings import Finding, Fix, Severity
from app.messages import say
from app.model import DocumentKind, Paragraph, Part, Resolution
from app.paths import resource
from app.templates import Template


@dataclass(frozen=True)
class Node:
    """A paragraph or subparagraph with where it stands."""

    para: Paragraph
    part: Part
    depth: int  # 0 for a paragraph, 1 for (a), 2 for (i), ...
    index: int  # position among its siblings, from 0
    siblings: int  # how many siblings, itself included
    top_id: str  # id of the top-level paragraph it belongs to
    parent_id: str = ""

    @property
    def is_last_sibling(self) -> bool:
        return self.index == self.siblings - 1


def nodes(res: Resolution) -> Iterator[Node]:
    """Every paragraph and subparagraph of every part (A, B ...) in reading order; annexes apart."""
    for body in res.parts():
        for part in Part:
            items = body.part(part)
            for i, para in enumerate(items):
                yield from _walk(para, part, 0, i, len(items), para.id, "")


def annex_nodes(res: Resolution) -> Iterator[Node]:
    """Every paragraph and subparagraph of the annexes. Their part is OPERATIVE for the rules that ask;
    the engine runs on them only the rules that hold for any UN text (no openers, no derived punctuation)."""
    for annex in res.annexes:
        items = annex.paragraphs
        for i, para in enumerate(items):
            yield from _walk(para, Part.OPERATIVE, 0, i, len(items), para.id, "")


def _walk(
    para: Paragraph, part: Part, depth: int, index: int, count: int, top: str, parent: str
) -> Iterator[Node]:
    yield Node(para, part, depth, index, count, top, parent)
    for j, sub in enumerate(para.subparagraphs):
        yield from _walk(sub, part, depth + 1, j, len(para.subparagraphs), top, para.id)


@dataclass(frozen=True)
class Settings:
    repetition_scope: str = "consecutive"
    kind: DocumentKind = DocumentKind.DRAFT_RESOLUTION
    abbreviations: tuple[tuple[str, str], ...] = ()
    abbreviations_in_names: tuple[str, ...] = ()  # proper names written with the abbreviation ("UN News")
    severity: tuple[tuple[str, str], ...] = ()
    undated_organs: tuple[str, ...] = ()  # organs whose resolutions are cited without a date

    def level(self, rule: str, default: Severity) -> Severity | None:
        """The severity for a rule (None: the rule is off)."""
        for name, value in self.severity:
            if name == rule:
                return None if value == "off" else Severity(value)
        return default


@cache
def settings() -> Settings:
    data = read_toml(resource("conventions.toml"))
    _check_settings(data)
    severity = data.get("severity", {})
    return Settings(
        repetition_scope=data.get("repetition", {}).get("scope", "consecutive"),
        abbreviations=tuple(data.get("abbreviations", {}).items()),
        abbreviations_in_names=tuple(data.get("abbreviations_in_names", {}).get("names", [])),
        severity=tuple(severity.items()),
        undated_organs=tuple(data.get("citations", {}).get("undated_organs", [])),
    )


def _check_settings(data: dict[str, Any]) -> None:
    """conventions.toml edited by hand: a value of a kind the checks cannot use is refused in one line (exit 2)
    rather than ending the check as an internal error."""
    file = "conventions.toml"

    def refuse(key: str, problem: str) -> TemplateError:
        return TemplateError(say("{file}: field '{field}' {problem}", file=file, field=key, problem=problem))

    for key in ("repetition", "abbreviations", "abbreviations_in_names", "citations", "severity"):
        if not isinstance(data.get(key, {}), dict):
            raise refuse(key, say("must be a table"))
    if not isinstance(data.get("repetition", {}).get("scope", ""), str):
        raise refuse("scope", say("must be text"))
    if not all(isinstance(v, str) for v in data.get("abbreviations", {}).values()):
        raise refuse("abbreviations", say("must hold text only"))
    for table, key in (("abbreviations_in_names", "names"), ("citations", "undated_organs")):
        value = data.get(table, {}).get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise refuse(key, say("must be a list of texts"))
    for rule, value in data.get("severity", {}).items():
        if value not in ("error", "warning", "info", "off"):
            raise TemplateError(
                say(
                    "{file}: severity of '{rule}' must be error, warning, info or off",
                    file=file,
                    rule=str(rule)[:80],
                )
            )


def finding(
    rule: str,
    severity: Severity,
    message: str,
    *,
    paragraph_id: str = "",
    field: str = "text",
    span: tuple[int, int] = (0, 0),
    fix: Fix | None = None,
) -> Finding | None:
    """A finding at the severity the settings give the rule (None when the rule is switched off)."""
    level = settings().level(rule, severity)
    if level is None:
        return None
    return Finding(rule, level, message, paragraph_id, field, span, fix)


def add(out: list[Finding], item: Finding | None) -> None:
    if item is not None:
        out.append(item)


@dataclass
class DocumentContext:
    """Facts about the whole document that a paragraph's check depends on, computed once in O(n).

    The editor keeps one, rebuilds it after an edit (cheap: no rule runs) and re-checks the edited paragraph
    plus the paragraphs `changed_since(old)` returns.
    """

    template: Template
    repetition_scope: str = "consecutive"
    language: str = "en"  # the draft's language: lexicons, labels and which rules apply
    kind: DocumentKind = DocumentKind.DRAFT_RESOLUTION
    run: dict[str, int] = field(default_factory=dict)  # top-level id → place in a run of the same opener
    previous_opener: dict[str, str] = field(default_factory=dict)  # top-level id → the opener it repeats
    first_mentions: dict[str, tuple[str, str, int]] = field(
        default_factory=dict
    )  # ref → (node id, field, start)
    operative_count: int = 0
    preamble_count: int = 0
    last_id: str = ""  # the paragraph that ends the resolution (its last text gets the full stop)
    node_ids: tuple[str, ...] = ()
    # what a typed text needs to update `first_mentions` alone (engine.with_typed_texts): each paragraph's lead
    # (opener and text) and tail by place in reading order, and the citations each holds, (ref, field, start)
    places: dict[tuple[str, str], int] = field(default_factory=dict)  # (id, "lead" | "tail") → place
    mentions: dict[tuple[str, str], tuple[tuple[str, str, int], ...]] = field(default_factory=dict)
    # "Resolves that:" and the numbered clauses that complete it ("1. The Working Capital Fund shall be …"): no
    # opener of their own (chapeau and clause ids)
    clauses: frozenset[str] = frozenset()
    # short forms the draft licenses by naming their body (app/spelling/short_forms.py): rule id → patterns
    short_forms: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    # every node (annexes too) by id: a paragraph's check finds its node without walking the draft (typing
    # changes texts in place; any other edit builds the context again)
    node_index: dict[str, Node] = field(default_factory=dict, compare=False, repr=False)

    def changed_since(self, old: DocumentContext | None) -> set[str]:
        """Ids of paragraphs whose context-dependent findings may differ from what `old` gave."""
        if old is None:
            return set(self.node_ids)
        # a context updated for typed texts shares what typing cannot change: nothing to compare there
        out = _differ(self.run, old.run) | _differ(self.previous_opener, old.previous_opener)
        if self.first_mentions is not old.first_mentions:
            for ref in set(self.first_mentions) | set(old.first_mentions):
                a, b = self.first_mentions.get(ref), old.first_mentions.get(ref)
                if a != b:
                    out |= {x[0] for x in (a, b) if x}
        if self.short_forms != old.short_forms:  # a body named or unnamed: its short form anywhere
            return set(self.node_ids)
        if self.last_id != old.last_id:
            out |= {self.last_id, old.last_id} - {""}
        return out | (self.clauses ^ old.clauses)


def _differ(new: Mapping[str, object], old: Mapping[str, object]) -> set[str]:
    """The keys whose values differ between two maps (none when they are one map)."""
    if new is old:
        return set()
    return {key for key in new.keys() | old.keys() if new.get(key) != old.get(key)}


WORD = re.compile(r"[^\W\d_]+(?:[-‑'’][^\W\d_]+)*")
