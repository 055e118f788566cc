"""Member States, observer States and groups, by the names the UN prints, and the UN's alphabetical order.

Data: resources/states.txt (official short names and other UN-printed forms), resources/state-aliases.txt
(names the UN does not print, with the official one), resources/groups.txt (groups for "on behalf of").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from app.paths import resource


@dataclass(frozen=True)
class State:
    name: str  # the official short name the UN prints now
    variants: tuple[str, ...]  # other forms the UN has printed recently
    observer: bool


def _lines(name: str) -> list[str]:
    out = []
    for line in resource(name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def fold(name: str) -> str:
    """A name as lookups compare it: no accents or case, one apostrophe, "Saint", "and", no leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("‑", "-").casefold()
    text = re.sub(r"\bst\.?\s", "saint ", text)
    text = text.replace("&", " and ")
    text = re.sub(r"\s+", " ", text).strip(" ,.;:*")
    return re.sub(r"^the ", "", text)


@cache
def _states() -> tuple[State, ...]:
    out = []
    observer = False
    for line in _lines("states.txt"):
        if line == "[observer]":
            observer = True
            continue
        names = [n.strip() for n in line.split(" = ")]
        out.append(State(names[0], tuple(names[1:]), observer))
    return tuple(out)


@cache
def _index() -> dict[str, tuple[str, bool]]:
    """folded name → (official name, whether the form is itself a UN form)."""
    index: dict[str, tuple[str, bool]] = {}
    for state in _states():
        for form in (state.name, *state.variants):
            index[fold(form)] = (state.name, True)
    for line in _lines("state-aliases.txt"):
        alias, _, official = (s.strip() for s in line.partition(" = "))
        if fold(official) not in index:
            raise ValueError(f"state-aliases.txt: '{official}' is not a name in states.txt")
        index.setdefault(fold(alias), (index[fold(official)][0], False))
    return index


def all_states(*, observers: bool = True) -> list[str]:
    """Every Member State (and, by default, the observer States) by official short name, in UN order."""
    return sort_sponsors([s.name for s in _states() if observers or not s.observer])


def all_names() -> list[str]:
    """Every form the UN prints: official short names first (in UN order), then the other UN forms."""
    states = _states()
    return all_states() + [v for s in states for v in s.variants]


def member_states() -> list[str]:
    return all_states(observers=False)


def observer_states() -> list[str]:
    return [s.name for s in _states() if s.observer]


def official_name(name: str) -> str | None:
    """The official UN short name for a name or a known alias ("Turkey" → "Türkiye"); None when unknown."""
    found = _index().get(fold(name))
    return found[0] if found else None


def is_un_form(name: str) -> bool:
    """True when the name is exactly a form the UN prints, the apostrophe's shape aside.

    True: "Türkiye", "Kingdom of the Netherlands", "Côte d'Ivoire". False: "Turkey", "the Sudan", "turkiye".
    """
    found = _index().get(fold(name))
    if not found or not found[1]:
        return False
    state = next(s for s in _states() if s.name == found[0])
    wanted = name.strip().replace("'", "’")
    return any(wanted == form for form in (state.name, *state.variants))


@cache
def _observers() -> frozenset[str]:
    return frozenset(s.name for s in _states() if s.observer)


def sort_key(name: str) -> tuple[bool, str, str]:
    """English alphabetical order as UN sponsor lines use it: by the official name, accents ignored; the
    observer States (Holy See, State of Palestine) after the Member States.

    "Côte d’Ivoire" follows "Costa Rica", "Türkiye" follows "Tunisia", "Netherlands (Kingdom of the)" and
    "Kingdom of the Netherlands" both sort under N, "Republic of Korea" under R.
    """
    official = official_name(name) or name
    return official in _observers(), fold(official).replace("'", ""), name


def sort_sponsors(names: list[str]) -> list[str]:
    """The names in UN alphabetical order (the names themselves are not changed)."""
    return sorted(names, key=sort_key)


# ---- groups ----------------------------------------------------------------------------------------------


@cache
def _groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    out = []
    for line in _lines("groups.txt"):
        names = [n.strip() for n in line.split(" = ")]
        out.append((names[0], tuple(names[1:])))
    return tuple(out)


def groups() -> list[str]:
    """The groups, as they follow "that are members of" ("the Group of 77 and China")."""
    return [g for g, _ in _groups()]


def group_name(name: str) -> str | None:
    """The "on behalf of" form of a group name or abbreviation ("G77" → "the Group of 77 and China")."""
    key = name.strip().casefold()
    key = re.sub(r"^(the )", "", key)
    for group, aliases in _groups():
        for form in (group, *aliases):
            if re.sub(r"^(the )", "", form.casefold()) == key:
                return group
    return None


def split_sponsor_names(names: str) -> list[str]:
    """The names of a sponsor list "A, B and C", where a name may itself contain "and".

    "Antigua and Barbuda, Bosnia and Herzegovina and Trinidad and Tobago" gives the three States. The "and"
    before the last name is chosen so that both sides are known names when that is possible.
    """
    text = re.sub(r"\s+", " ", names).strip().rstrip(",")
    if not text:
        return []
    parts = [p.strip() for p in text.split(",") if p.strip()]
    parts = [p[4:].strip() if p.startswith("and ") else p for p in parts]  # a serial comma: "B, and C"
    if not parts:
        return []
    last = parts.pop()
    if known_sponsor_name(last) or " and " not in last:
        return [*parts, last]
    pieces = last.split(" and ")
    splits = [(" and ".join(pieces[:i]), " and ".join(pieces[i:])) for i in range(1, len(pieces))]
    both = [(a, b) for a, b in splits if known_sponsor_name(a) and known_sponsor_name(b)]
    one = [(a, b) for a, b in splits if known_sponsor_name(b)] or [
        (a, b) for a, b in splits if known_sponsor_name(a)
    ]
    a, b = (both or one or splits[-1:])[0]
    return [*parts, a, b]


def known_sponsor_name(name: str) -> bool:
    """A State, observer or group name ("Trinidad and Tobago", "the Group of 77 and China")."""
    return official_name(name) is not None or group_name(name) is not None
