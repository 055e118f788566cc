"""The sponsor line (un-conventions.md 1.4; rule 14): official UN short names, alphabetical order as the UN
sorts it, no repeats, known groups for "on behalf of". Names and order are the draft language's
(resources/states.txt; states-fr.txt and states-es.txt for French and Spanish drafts).

Fixes on the sponsor list use the header field "sponsors[i]" (character span in that name) for one name, and
"sponsors" with span (0, len(sponsors)) and the new list joined by newlines for the whole list.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from app.conventions.base import add, finding
from app.findings import Finding, Fix, Severity
from app.languages import get_language, language_word
from app.messages import Phrase, say
from app.model import DocumentKind, Resolution
from app.states import (
    all_states,
    group_name,
    is_un_form,
    official_name,
    sort_key,
    sort_sponsors,
    split_sponsor_names,
)

MAX_LIST_FIXES = 20
"""Findings whose fix rewrites the whole list (remove an empty entry, split one, remove a repeat) carry a fix
only this many times: each fix holds the whole list, so a fix on every one of thousands of entries would cost
the square of the list's length. The rest are still reported; fixing the first ones and checking again
reaches them."""

MAX_SUGGESTIONS = 200
"""Unknown names for which the nearest State is looked for (some 10 ms each); past them an unknown name is still
reported, without a suggestion. A list of 100,000 made-up names took a quarter of an hour."""


def check(res: Resolution) -> list[Finding]:
    return _SponsorCheck(res).run()


class _SponsorCheck:
    """The sponsor line's checks, sharing the names, the draft language and the budget of whole-list fixes."""

    def __init__(self, res: Resolution) -> None:
        self.out: list[Finding] = []
        self.h = res.header
        self.names = [n.strip() for n in self.h.sponsors]
        self.lang = get_language(self.h.language)
        self.code = self.lang.code
        self.budget = MAX_LIST_FIXES
        self.suggested: dict[str, list[str]] = {}

    def run(self) -> list[Finding]:
        self._presence()
        for i, name in enumerate(self.names):
            self._entry(i, name)
        self._duplicates()
        self._order()
        if self.h.on_behalf_of.strip():
            self._group()
        return self.out

    def _whole_list_fix(self, label: str, make: Callable[[], list[str]]) -> Fix | None:
        if self.budget <= 0:
            return None
        self.budget -= 1
        return Fix(label, "sponsors", (0, len(self.names)), "\n".join(make()))

    def _presence(self) -> None:
        """Sponsors and a submitting officer together, or neither."""
        h, names = self.h, self.names
        if h.submitted_by and [n for n in names if n]:
            add(
                self.out,
                finding(
                    "sponsors.submitted-by",
                    Severity.WARNING,
                    say(
                        "A draft submitted by {submitted_by} has no sponsors: remove the sponsors or the submitting "
                        "officer.",
                        submitted_by=h.submitted_by,
                    ),
                    field="sponsors",
                ),
            )
        elif not [n for n in names if n] and not h.submitted_by and h.kind is not DocumentKind.AMENDMENT:
            add(
                self.out,
                finding(
                    "sponsors.missing",
                    Severity.INFO,
                    say(
                        "No sponsors: only a draft submitted by the Chair or a Vice-Chair is issued without a "
                        "sponsor line."
                    ),
                    field="sponsors",
                ),
            )

    def _entry(self, i: int, name: str) -> None:
        """One entry: empty, unknown (several States in one, or a name to suggest for), or not the UN's form."""
        field = f"sponsors[{i}]"
        span = (0, len(self.h.sponsors[i]))
        if not name:
            add(
                self.out,
                finding(
                    "sponsors.unknown-name",
                    Severity.WARNING,
                    say("An empty sponsor name."),
                    field=field,
                    span=span,
                    fix=self._whole_list_fix(say("Remove it"), lambda: [n for n in self.names if n]),
                ),
            )
            return
        official = official_name(name, self.code)
        if official is None:
            self._unknown(i, name, field, span)
        elif not is_un_form(name, self.code):
            add(
                self.out,
                finding(
                    "sponsors.official-name",
                    Severity.WARNING,
                    say("The UN writes '{official}', not '{name}'.", official=official, name=name),
                    field=field,
                    span=span,
                    fix=Fix(say("Use '{official}'", official=official), field, span, official),
                ),
            )

    def _unknown(self, i: int, name: str, field: str, span: tuple[int, int]) -> None:
        names, code = self.names, self.code
        parts = split_sponsor_names(name, code)
        if len(parts) > 1 and all(official_name(p, code) for p in parts):
            add(
                self.out,
                finding(
                    "sponsors.one-per-entry",
                    Severity.WARNING,
                    say("'{name}' holds several sponsors; give one State per entry.", name=name),
                    field=field,
                    span=span,
                    fix=self._whole_list_fix(
                        say("Split into one entry per State"),
                        lambda: names[:i] + parts + names[i + 1 :],
                    ),
                ),
            )
            return
        if name not in self.suggested and len(self.suggested) < MAX_SUGGESTIONS:
            self.suggested[name] = difflib.get_close_matches(name, all_states(language=code), n=1, cutoff=0.8)
        close = self.suggested.get(name, [])
        fix = Fix(say("Use '{name}'", name=close[0]), field, span, close[0]) if close else None
        hint = say(" Did you mean '{name}'?", name=close[0]) if close else ""
        add(
            self.out,
            finding(
                "sponsors.unknown-name",
                Severity.WARNING,
                say(
                    "'{name}' is not the UN short name of a Member State or observer State.{hint}",
                    name=name,
                    hint=hint,
                ),
                field=field,
                span=span,
                fix=fix,
            ),
        )

    def _duplicates(self) -> None:
        names = self.names
        seen: dict[str, int] = {}
        for i, name in enumerate(names):
            key = official_name(name, self.code) or name.casefold()
            if key in seen and name:
                add(
                    self.out,
                    finding(
                        "sponsors.duplicate",
                        Severity.WARNING,
                        say("'{name}' is listed twice.", name=name),
                        field=f"sponsors[{i}]",
                        span=(0, len(self.h.sponsors[i])),
                        fix=self._whole_list_fix(
                            say("Remove the repeat"), lambda i=i: names[:i] + names[i + 1 :]
                        ),
                    ),
                )
            seen.setdefault(key, i)

    def _order(self) -> None:
        names, code = self.names, self.code
        listed = [n for n in names if n]
        ordered = sort_sponsors(listed, code)
        # issued sponsor lines set an observer State either after the Member States or in its alphabetical
        # place ("Sri Lanka, State of Palestine, Suriname": A/80/L.13): both are the UN's order
        if ordered == listed or sorted(listed, key=lambda n: sort_key(n, code)[1:]) == listed:
            return
        first_wrong = next(i for i, (a, b) in enumerate(zip(listed, ordered, strict=True)) if a != b)
        add(
            self.out,
            finding(
                "sponsors.order",
                Severity.WARNING,
                say(
                    "Sponsors are listed in {english_name} alphabetical order; '{first}' comes before "
                    "'{listed}'.",
                    english_name=Phrase(language_word, (self.lang.english_name,)),
                    first=ordered[first_wrong],
                    listed=listed[first_wrong],
                ),
                field="sponsors",
                span=(0, len(names)),
                fix=Fix(say("Sort the sponsors"), "sponsors", (0, len(names)), "\n".join(ordered)),
            ),
        )

    def _group(self) -> None:
        """The group named after "on behalf of": one the list knows, as the group writes it."""
        h = self.h
        group = group_name(h.on_behalf_of)
        if group is None:
            add(
                self.out,
                finding(
                    "sponsors.group",
                    Severity.INFO,
                    say(
                        "'{on_behalf_of}' is not a group the list knows; check the name as the group writes it.",
                        on_behalf_of=h.on_behalf_of,
                    ),
                    field="on_behalf_of",
                    span=(0, len(h.on_behalf_of)),
                ),
            )
        elif group != h.on_behalf_of.strip():
            add(
                self.out,
                finding(
                    "sponsors.group",
                    Severity.WARNING,
                    say("The page-1 note names the group as '{group}'.", group=group),
                    field="on_behalf_of",
                    span=(0, len(h.on_behalf_of)),
                    fix=Fix(
                        say("Use '{group}'", group=group), "on_behalf_of", (0, len(h.on_behalf_of)), group
                    ),
                ),
            )
