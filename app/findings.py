"""A finding: one thing wrong (or worth knowing) at one place in the resolution, with a fix where possible."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from app.messages import localize

_LONG_RUN = re.compile(r"\S{61}\S*")  # a "word" no reader can take in at a glance (a pasted blob, a URL)


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Fix:
    """Replace `span` of `field` in the paragraph (or header field) with `replacement`."""

    label: str  # what the button says: "Use 'Recalling also'" (an app.messages `say` text: shown localized)
    field: str  # "opener", "text", "tail", or a header field such as "sponsors"
    span: tuple[int, int]
    replacement: str


@dataclass(frozen=True)
class Finding:
    rule: str  # "structure.preamble-comma", "style.Spelling" ...
    severity: Severity
    message: str  # English; an app.messages `say` text, so the editor shows it in its interface language
    paragraph_id: str = ""  # "" for the header or the document as a whole
    field: str = (
        "text"  # which field of the paragraph the span is in: "opener", "text", "tail", "header", ...
    )
    span: tuple[int, int] = (0, 0)  # character offsets in that field's markup
    fix: Fix | None = None

    def __post_init__(self) -> None:
        """One short line whatever text the message quotes: a 200,000-letter word is shown by its start. A
        message left as it is keeps what `say` gave it (its template, for the interface language)."""
        message = self.message
        if "\n" in message or "\r" in message:
            message = " ".join(message.split())
        if len(message) > 60:
            message = _LONG_RUN.sub(lambda m: m.group()[:40] + "…", message)
        if message != self.message:
            object.__setattr__(self, "message", message)

    def as_dict(self, language: str = "") -> dict[str, object]:
        """The finding as JSON: `message` and the fix's `label` in English; given another `language` (an
        interface language), each also has its `text` in that language."""
        out: dict[str, object] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "location": {"paragraph": self.paragraph_id, "field": self.field, "span": list(self.span)},
        }
        if language and language != "en":
            out["text"] = localize(self.message, language)
        if self.fix:
            fix: dict[str, object] = {
                "label": self.fix.label,
                "field": self.fix.field,
                "span": list(self.fix.span),
                "replacement": self.fix.replacement,
            }
            if language and language != "en":
                fix["text"] = localize(self.fix.label, language)
            out["fix"] = fix
        return out


def rule_matches(rule: str, patterns: Iterable[str]) -> bool:
    """Whether a rule id is one of `patterns`: an id ("organs.abbreviation") or a prefix ending in "*" ("UN.*")."""
    return any(rule == p or (p.endswith("*") and rule.startswith(p[:-1])) for p in patterns)
