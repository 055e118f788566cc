"""Member States, observer States and groups, by the names the UN prints, and the UN's alphabetical order.

Data: resources/states.txt (official short names and other UN-printed forms), resources/state-aliases.txt
(names the UN does not print, with the official one), resources/groups.txt (groups for "on behalf of").
Other drafting languages: resources/states-<code>.txt (the names the UN prints in that language, in the order
it lists them there, with the English name each stands for, and its aliases). Functions that take `language`
answer in that language's names; a language without a names file gets the English ones.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from app.errors import TemplateError
from app.messages import say
from app.paths import resource, resources_dir

ENGLISH = "en"


@dataclass(frozen=True)
class State:
    name: str  # the official short name the UN prints now
    variants: tuple[str, ...]  # other forms the UN has printed recently
    observer: bool


def _lines(name: str) -> list[str]:
    out = []
    try:  # a list edited by hand, saved in another encoding
        text = resource(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise TemplateError(say("{file}: cannot be read as UTF-8 text", file=name)) from None
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def _not_a_name(file: str, name: str) -> str:
    """A hand-edited list's alias for a name the list does not have: refused in one line (exit 2), not a bug."""
    return say("{file}: '{name}' is not a State name in the list", file=file, name=name[:80])


_SAINT = re.compile(r"\bst\.?\s")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)  # a check folds each sponsor several times (name, order, groups)
def fold(name: str) -> str:
    """A name as lookups compare it: no accents or case, one apostrophe, "Saint", "and", no leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("‑", "-").casefold()
    text = _SAINT.sub("saint ", text)
    text = text.replace("&", " and ")
    text = _SPACES.sub(" ", text).strip(" ,.;:*")
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True)
class _Names:
    """The State names of one language."""

    states: tuple[State, ...]  # in the UN's order in that language
    english: dict[str, str]  # the language's official name → the English official name
    index: dict[str, tuple[str, bool]]  # folded name → (official name, whether the form is a UN form there)
    ordered: bool  # the UN order is the file's (other languages) rather than folded letters (English)


@cache
def _english() -> _Names:
    out = []
    observer = False
    for line in _lines("states.txt"):
        if line == "[observer]":
            observer = True
            continue
        names = [n.strip() for n in line.split(" = ")]
        out.append(State(names[0], tuple(names[1:]), observer))
    index: dict[str, tuple[str, bool]] = {}
    for state in out:
        for form in (state.name, *state.variants):
            index[fold(form)] = (state.name, True)
    for line in _lines("state-aliases.txt"):
        alias, _, official = (s.strip() for s in line.partition(" = "))
        if fold(official) not in index:
            raise TemplateError(_not_a_name("state-aliases.txt", official))
        index.setdefault(fold(alias), (index[fold(official)][0], False))
    return _Names(tuple(out), {s.name: s.name for s in out}, index, ordered=False)


def _translated(code: str) -> _Names:
    """resources/states-<code>.txt: `English name: name in the language = other UN forms`, in the UN's order
    in that language, then [observer] and [aliases] (`alias = name in the language`). English names and
    aliases are known too, as forms the UN does not print in the language ("Mexico" in a French draft)."""
    english = _english()
    file = f"states-{code}.txt"
    out: list[State] = []
    to_english: dict[str, str] = {}
    index: dict[str, tuple[str, bool]] = {}
    section = ""
    for line in _lines(file):
        if line in ("[observer]", "[aliases]"):
            section = line
            continue
        if section == "[aliases]":
            alias, _, official = (s.strip() for s in line.partition(" = "))
            if fold(official) not in index:
                raise TemplateError(_not_a_name(file, official))
            index.setdefault(fold(alias), (index[fold(official)][0], False))
            continue
        source, _, names = line.partition(":")
        forms = [n.strip() for n in names.split(" = ")]
        if english.index.get(fold(source), ("", False))[0] != source.strip() or not forms[0]:
            raise TemplateError(
                say(
                    "{file}: '{line}' does not start with an English short name and a colon",
                    file=file,
                    line=line[:80],
                )
            )
        out.append(State(forms[0], tuple(forms[1:]), section == "[observer]"))
        to_english[forms[0]] = source.strip()
        for form in forms:
            index[fold(form)] = (forms[0], True)
    missing = set(english.english) - set(to_english.values())
    if missing:
        raise TemplateError(say("{file}: no name for {name}", file=file, name=sorted(missing)[0]))
    in_language = {e: name for name, e in to_english.items()}
    for key, (official, _) in english.index.items():
        index.setdefault(key, (in_language[official], False))
    return _Names(tuple(out), to_english, index, ordered=True)


@cache
def _names(language: str = ENGLISH) -> _Names:
    code = (language or ENGLISH).lower()
    if code != ENGLISH and resource(f"states-{code}.txt").is_file():
        return _translated(code)
    return _english()


@cache
def languages() -> tuple[str, ...]:
    """The languages that have State names: English and each resources/states-<code>.txt."""
    files = resources_dir().glob("states-*.txt")
    return (ENGLISH, *sorted(p.stem.removeprefix("states-") for p in files))


def _states(language: str = ENGLISH) -> tuple[State, ...]:
    return _names(language).states


def all_states(*, observers: bool = True, language: str = ENGLISH) -> list[str]:
    """Every Member State (and, by default, the observer States) by official short name, in UN order."""
    return list(_all_states(observers, language))


@cache
def _all_states(observers: bool, language: str) -> tuple[str, ...]:
    return tuple(sort_sponsors([s.name for s in _states(language) if observers or not s.observer], language))


def all_names(language: str = ENGLISH) -> list[str]:
    """Every form the UN prints: official short names first (in UN order), then the other UN forms."""
    states = _states(language)
    return all_states(language=language) + [v for s in states for v in s.variants]


def member_states(language: str = ENGLISH) -> list[str]:
    return all_states(observers=False, language=language)


def observer_states(language: str = ENGLISH) -> list[str]:
    return [s.name for s in _states(language) if s.observer]


def official_name(name: str, language: str = ENGLISH) -> str | None:
    """The official UN short name for a name or a known alias ("Turkey" → "Türkiye"; in French "Turquie" and
    "Turkey" → "Türkiye", "Mexico" → "Mexique"); None when unknown."""
    found = _names(language).index.get(fold(name))
    return found[0] if found else None


def completed_name(typed: str, language: str = ENGLISH) -> str | None:
    """The official short name a delegate means by what they typed: a name or alias ("Turkey"), else the one
    State whose official name holds the typed letters ("palest" → "State of Palestine", as the sponsor box's
    list offers it); None when no State or several match ("guinea")."""
    if found := official_name(typed, language):
        return found
    wanted = fold(typed)
    if len(wanted) < 3:
        return None
    matches = [name for name in all_states(language=language) if wanted in fold(name)]
    return matches[0] if len(matches) == 1 else None


def english_name(name: str, language: str = ENGLISH) -> str | None:
    """The English official short name of a State named in `language` ("Allemagne" → "Germany")."""
    official = official_name(name, language)
    return _names(language).english.get(official) if official else None


def in_language(name: str, language: str) -> str:
    """A State's official short name in `language` from any English form ("Germany" → "Allemagne"); a name
    the lists do not know comes back unchanged."""
    english = official_name(name)
    if english is None:
        return name
    return next((n for n, e in _names(language).english.items() if e == english), name)


def is_un_form(name: str, language: str = ENGLISH) -> bool:
    """True when the name is exactly a form the UN prints (in `language`), the apostrophe's shape aside.

    True: "Türkiye", "Kingdom of the Netherlands", "Côte d'Ivoire". False: "Turkey", "the Sudan", "turkiye".
    """
    names = _names(language)
    found = names.index.get(fold(name))
    if not found or not found[1]:
        return False
    state = next(s for s in names.states if s.name == found[0])
    wanted = name.strip().replace("'", "’")
    return any(wanted == form for form in (state.name, *state.variants))


@cache
def _observers(language: str = ENGLISH) -> frozenset[str]:
    return frozenset(s.name for s in _states(language) if s.observer)


@cache
def _positions(language: str) -> tuple[dict[str, int], list[str], list[int]]:
    """A listed language's order: official name → position, and the folded names sorted with their positions
    (where a name the list does not know falls)."""
    states = _states(language)
    position = {s.name: i for i, s in enumerate(states)}
    folded = sorted((_letters(s.name), i) for i, s in enumerate(states))
    return position, [f for f, _ in folded], [i for _, i in folded]


def _letters(name: str) -> str:
    return fold(name).replace("'", "")


def sort_key(name: str, language: str = ENGLISH) -> tuple[bool, float, str, str]:
    """Alphabetical order as UN sponsor lines use it: by the official name, accents ignored; the observer
    States (Holy See, State of Palestine) after the Member States.

    English: "Côte d’Ivoire" follows "Costa Rica", "Türkiye" follows "Tunisia", "Netherlands (Kingdom of the)"
    and "Kingdom of the Netherlands" both sort under N, "Republic of Korea" under R. Other languages: the
    order the UN lists the names in (resources/states-<code>.txt), a name it does not know where its letters
    put it among them.
    """
    official = official_name(name, language) or name
    observer = official in _observers(language)
    if not _names(language).ordered:
        return observer, 0.0, _letters(official), name
    position, folded, at = _positions(language)
    if official in position:
        return observer, float(position[official]), "", name
    i = bisect_left(folded, _letters(official))
    place = at[i] - 0.5 if i < len(at) else float(len(at))
    return observer, place, _letters(official), name


def written_sort_key(name: str) -> tuple[bool, float, str, str]:
    """Where an English name falls in the UN's English (alphabetical) order as written: a name the UN has since changed ("Swaziland",
    "the former Yugoslav Republic of Macedonia", "Cape Verde") by its own letters, where the sponsor lines of its
    time set it (a leading "The" of that name kept: it stood under T); any other name as `sort_key` has it."""
    official = official_name(name)
    if official is None or fold(official) == fold(name) or is_un_form(name):
        return sort_key(name)
    letters = _letters(name)
    if name.strip().casefold().startswith("the "):
        letters = "the " + letters
    return False, 0.0, letters, name


def sort_sponsors(names: list[str], language: str = ENGLISH) -> list[str]:
    """The names in UN alphabetical order in `language` (the names themselves are not changed)."""
    return sorted(names, key=lambda n: sort_key(n, language))


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
    return _group_forms().get(re.sub(r"^(the )", "", name.strip().casefold()))


@cache
def _group_forms() -> dict[str, str]:
    """Each group's name and aliases, casefolded without "the", to the group (the first form wins)."""
    out: dict[str, str] = {}
    for group, aliases in _groups():
        for form in (group, *aliases):
            out.setdefault(re.sub(r"^(the )", "", form.casefold()), group)
    return out


def split_sponsor_names(names: str, language: str = ENGLISH) -> list[str]:
    """The names of a sponsor list "A, B and C", where a name may itself contain "and".

    "Antigua and Barbuda, Bosnia and Herzegovina and Trinidad and Tobago" gives the three States. The "and"
    before the last name is chosen so that both sides are known names when that is possible. `language`
    gives the words for "and" ("France, Mexique et Royaume-Uni de Grande-Bretagne et d’Irlande du Nord";
    Spanish "y", and "e" before i-: "Francia, Palestina e Israel").
    """
    words = "|".join(re.escape(w) for w in _and_words(language))
    text = re.sub(r"\s+", " ", names).strip().rstrip(",")
    if not text:
        return []
    parts = [p.strip() for p in text.split(",") if p.strip()]
    parts = [re.sub(rf"^(?:{words}) ", "", p).strip() for p in parts]  # a serial comma: "B, and C"
    parts = [p for p in parts if p]
    if not parts:
        return []
    last = parts.pop()
    cuts = [(m.start(), m.end()) for m in re.finditer(rf" (?:{words}) ", last)]
    if known_sponsor_name(last) or not cuts:
        return [*parts, last]
    # each side looked up only where it is short enough to be a name: slicing both sides at every "and" of a
    # long run of them ("Saint Vincent and the" over 4,000 lines) cost the square of the line (81 s)
    reach = name_reach()
    known = [
        (
            len(last) - end <= reach and known_sponsor_name(last[end:]),
            start <= reach and known_sponsor_name(last[:start]),
        )
        for start, end in cuts
    ]
    both = [k for k, (b, a) in enumerate(known) if a and b]
    one = [k for k, (b, _) in enumerate(known) if b] or [k for k, (_, a) in enumerate(known) if a]
    start, end = cuts[(both or one or [len(cuts) - 1])[0]]
    return [*parts, last[:start], last[end:]]


def _and_words(language: str) -> tuple[str, ...]:
    if (language or ENGLISH) == ENGLISH:
        return ("and",)
    from app.languages import get_language  # the printed words live with the language

    return get_language(language).and_words


def known_sponsor_name(name: str) -> bool:
    """A State (by a name in any language the lists hold), observer or group name ("Trinidad and Tobago",
    "Trinité-et-Tobago", "the Group of 77 and China"). Text longer than any name can be written is none, said
    at once: a sponsor line's pieces are tried one by one, and folding each long one cost the square."""
    if len(name) > name_reach():
        return False
    return any(official_name(name, code) is not None for code in languages()) or group_name(name) is not None


@cache
def name_reach() -> int:
    """The most characters a known name can take as written: four times the longest folded name, and some (a
    written form may hold accents as marks of their own, spaces a justified line widened, "St." for "Saint")."""
    keys = [key for code in languages() for key in _names(code).index]
    return 4 * max(map(len, [*keys, *_group_forms()])) + 32


def begins_a_name(words: str) -> bool:
    """Whether `words` are the first words of a longer State or group name in any language the lists hold: where a
    line of sponsors broke inside a name ("United Kingdom of" / "Great Britain …", "Saint Vincent and the")."""
    folded = fold(words)
    return bool(folded) and folded in _name_starts()


@cache
def _name_starts() -> frozenset[str]:
    """Every run of first words, short of the whole, of every known name."""
    keys = [key for code in languages() for key in _names(code).index]
    keys += list(_group_forms())
    out: set[str] = set()
    for key in keys:
        words = key.split(" ")
        out.update(" ".join(words[:n]) for n in range(1, len(words)))
    return frozenset(out)
