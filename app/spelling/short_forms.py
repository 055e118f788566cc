"""Short forms a draft licenses by naming a body: once it names "the Organisation for the Prohibition of
Chemical Weapons", "the Organisation" is that body's own spelling wherever the draft uses it (a rule's
[short_forms] table: name pattern = short form pattern)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.findings import Finding
from app.spelling.rules import Rule

Forms = dict[str, tuple[re.Pattern[str], ...]]  # rule id -> the short forms excused in this draft


def default_rules() -> list[Rule]:
    """The rules of the default style (the ones whose [short_forms] a draft may license)."""
    from app.spelling import checker  # the package imports this module's neighbours first

    return list(checker().rules)


def active(rules: Iterable[Rule], texts: Iterable[str]) -> Forms:
    """The short forms each rule excuses in a draft whose fields are `texts`."""
    wanted = [(rule.id, name, form) for rule in rules for name, form in rule.short_forms]
    if not wanted:
        return {}
    found: dict[str, list[re.Pattern[str]]] = {}
    for text in texts:
        for rule_id, name, form in wanted:
            forms = found.setdefault(rule_id, [])
            if form not in forms and name.search(text):
                forms.append(form)
    return {rule_id: tuple(forms) for rule_id, forms in found.items() if forms}


def names_any(rules: Iterable[Rule], text: str) -> bool:
    """Whether `text` names a body whose short form some rule excuses."""
    return any(name.search(text) for rule in rules for name, _ in rule.short_forms)


def excused(finding: Finding, markup: str, forms: Forms) -> bool:
    """A finding that lies wholly inside a short form the draft licensed."""
    patterns = forms.get(finding.rule)
    if not patterns or not finding.span:
        return False
    start, end = finding.span
    return any(m.start() <= start and end <= m.end() for p in patterns for m in p.finditer(markup))
