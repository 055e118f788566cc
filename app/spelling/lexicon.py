"""The vocabulary: pyspellchecker's English dictionary, the British forms and UN word lists in
resources/wordlists/, the names of States (app.states when present), place names (known when capitalised) and a
personal dictionary.

A draft in another language uses what its resources/languages/<code>.toml lists under [spelling]: the general
dictionary of that language, its UN word list (scripts/build_wordlists.py), the elided articles and pronouns
that join a word with an apostrophe (l’, d’, qu’) and its regular plurals.

Loaded once, lazily; every lookup is cached per word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from app.paths import resource

# pieces that a general dictionary lacks but that join words with a hyphen: non-binding, pre-session
PREFIXES = frozenset(
    "non pre post anti co multi inter intra sub self cross socio cyber bio geo eco micro macro ex mid semi quasi "
    "ultra neo pan trans counter re un de mis over under extra infra supra mega meta proto pseudo".split()
)
# combining forms that make new closed compounds in UN texts: cybergrooming, telehealth, microinsurance
COMBINING = tuple(
    sorted(
        PREFIXES
        | set(
            "tele agro agri nano hydro photo radio thermo neuro psycho up out super hyper poly bi tri".split()
        ),
        key=len,
        reverse=True,
    )
)
COMPOUND_FREQUENCY = 300  # the word after the combining form must be this common (cyberbulling stays wrong)
_DERIVATIONS = ("izations", "ization", "izing", "ized", "izes", "ize", "s")
# derivations that replace the word's ending: escalatory (escalate), retaliatory (retaliate)
_REPLACED_ENDINGS = (("atory", "ate"),)
WORDLISTS = ("en-gb.txt", "un-terms.txt", "un-names.txt", "acronyms.txt", "un-corpus.txt")
# proper names known only when written with a capital, never suggested: the world's subdivisions and towns
# (scripts/build_place_names.py), which SC texts name ("Sool and Sanaag") and a lower-case typo may spell
PROPER_NAMES = ("places.txt",)
_SPLIT = re.compile(r"[^\W\d_]+(?:['’\u2011-][^\W\d_]+)*")
_LETTERS = "abcdefghijklmnopqrstuvwxyz'-"
UN_FREQUENCY = 100_000  # UN list words outrank general words in suggestions


def normal(word: str) -> str:
    """Lower case, typographic apostrophe and non-breaking hyphen made plain, possessive dropped."""
    w = word.replace("’", "'").replace("\u2011", "-").lower()
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    return w


def read_words(path: Path) -> list[str]:
    """Words of a plain word list: one word or name a line, `#` starts a comment line."""
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        out.extend(_SPLIT.findall(line))
        if " " not in line and "(" not in line:
            out.append(line)
    return out


@lru_cache(maxsize=4)
def general_dictionary(code: str) -> dict[str, int]:
    """pyspellchecker's word frequencies for a language ("en", "fr", "es")."""
    from spellchecker import SpellChecker  # slow import and load: only when first needed

    return SpellChecker(language=code, distance=1).word_frequency.dictionary


@lru_cache(maxsize=1)
def english() -> Lexicon:
    """The shipped English vocabulary with no personal words, loaded once and shared: the spelling checker
    without a personal dictionary, and the text reader telling a word from a broken one."""
    return Lexicon((), "en")


class Lexicon:
    """Known words and suggestions. `extra` words (a personal dictionary) are looked up live."""

    def __init__(self, extra: Iterable[str] = (), language: str = "en") -> None:
        from app.languages import get_language

        spec = get_language(language).spelling  # {} for English: the lists below
        self.english = not spec
        self._freq: dict[str, int] = general_dictionary(spec.get("dictionary", "en"))
        self._un: set[str] = set()
        for name in spec.get("wordlists", WORDLISTS):
            path = resource("wordlists", name)
            if path.is_file():
                self._un.update(normal(w) for w in read_words(path))
        if self.english:
            self._un.update(normal(w) for w in _state_words())
        # known but never suggested: common English words met in another language's text (sea, control)
        self._unsuggested: set[str] = set()
        for name in spec.get("known_only", ()):
            self._unsuggested.update(normal(w) for w in read_words(resource("wordlists", name)))
        self._un |= self._unsuggested
        self._proper: set[str] = set()
        for name in spec.get("proper_names", PROPER_NAMES):
            path = resource("wordlists", name)
            if path.is_file():
                self._proper.update(normal(w) for w in read_words(path))
        self._elisions = frozenset(spec.get("elisions", ()))
        self._endings = tuple((a, b) for a, b in spec.get("endings", ()))
        # combining forms that close up with a word (cyberharcèlement); English: COMBINING
        self._combining = tuple(
            sorted(spec.get("combining", COMBINING if self.english else ()), key=len, reverse=True)
        )
        self._letters = spec.get("letters", _LETTERS)  # what one edit may put in: é, ñ ...
        self._second = self._letters.replace("'", "").replace("-", "")
        self._extra = {normal(w) for w in extra}
        self._base = set(self._freq) | self._un  # one lookup for the shipped vocabulary
        reject = resource("wordlists", "reject.txt")
        self._reject = {normal(w) for w in read_words(reject)} if reject.is_file() else set()
        self._base -= self._reject
        self._longest = max(map(len, self._base), default=0)
        self.known = lru_cache(maxsize=100_000)(self._known)

    def set_extra(self, words: Iterable[str]) -> None:
        self._extra = {normal(w) for w in words}
        self.known.cache_clear()

    def _in_lists(self, w: str) -> bool:
        return w in self._base or w in self._extra

    def compounds(self) -> frozenset[str]:
        """The hyphenated compounds of the UN's lists ("secretary-general", "capacity-building"), lower case."""
        return frozenset(w for w in self._un if "-" in w)

    def listed(self, word: str) -> bool:
        """`word` as such in the lists, without the forms `known` derives ("foras" is no plural of "fora")."""
        return self._in_lists(normal(word))

    def _known(self, word: str) -> bool:
        w = normal(word)
        if self._in_lists(w) or (word[:1].isupper() and w in self._proper):
            return True
        if w in self._reject:
            return False
        if "'" in w:  # d'Ivoire, l'homme, qu'elle, d'Addis-Abeba: elided article or pronoun
            head, _, rest = w.partition("'")
            if head in self._elisions if self._elisions else len(head) == 1:
                return self._known(rest)
            if "-" not in w:
                return False
        parts = re.split(r"-", w)
        if len(parts) > 1:  # tele-education, anti-personnel: a prefix or combining form and known words
            if parts[0] in PREFIXES and self._known("".join(parts)):
                return True  # pre-empting, pre-emptive: the prefix hyphenated on a word known closed up
            return all(p in PREFIXES or p in _COMBINING or self._known(p) for p in parts if p)
        if self._inflected(w):
            return True
        return len(w) >= 7 and (self._compound(w) or self.english and self._derived(w))

    def _inflected(self, w: str) -> bool:
        """A regular plural or third person of a listed word (derogations, attaches, interdependencies), the
        singular of a listed plural (cryptoasset), or the British doubled l of a listed form (credentialling,
        modelled). Another language: see `_regular`."""
        if not self.english:
            return self._regular(w, 2)
        if len(w) > 4 and self._in_lists(w + "s"):
            return True
        for double, single in (("lling", "ling"), ("lled", "led"), ("ller", "ler")):
            if w.endswith(double) and self._in_lists(w[: -len(double)] + single):
                return True
        if w.endswith("ies") and len(w) > 4:
            return self._in_lists(w[:-3] + "y")
        if w.endswith("es") and w[:-2].endswith(("s", "x", "z", "ch", "sh")):
            return self._in_lists(w[:-2])
        stem = w[:-1]
        return (
            w.endswith("s") and not stem.endswith(("s", "x", "z", "ch", "sh", "y")) and self._in_lists(stem)
        )

    def _regular(self, w: str, steps: int, last: str = "") -> bool:
        """A regular form of a listed word by the [spelling] endings of the language, at most `steps` endings
        in turn and never one ending twice (gobiernoss, Étatss stay wrong): mujeres → mujer, resoluciones →
        resolución, armonizándolos → armonizando → armonizar."""
        for end, stem in self._endings:
            head = w[: -len(end)]
            if w.endswith(end) and len(w) > len(end) + 2 and end != last and not head.endswith(end):
                base = head + stem
                if self._in_lists(base) or (steps > 1 and self._regular(base, steps - 1, end)):
                    return True
        return False

    def _derived(self, w: str) -> bool:
        """A regular derivation of a common word: operationalization, informalization, lockdowns, escalatory."""
        for suffix, ending in _REPLACED_ENDINGS:
            if w.endswith(suffix) and self.frequency(w[: -len(suffix)] + ending) >= COMPOUND_FREQUENCY:
                return True
        for suffix in _DERIVATIONS:
            if w.endswith(suffix):
                stem = w[: -len(suffix)]
                if any(
                    self.frequency(s) >= COMPOUND_FREQUENCY or self._compound(s) for s in (stem, stem + "y")
                ):
                    return True
        return False

    def _compound(self, w: str) -> bool:
        """A combining form and a common word, closed up: telehealth, agroforestry, deradicalization."""
        for head in self._combining:
            rest = w[len(head) :]
            if w.startswith(head) and len(rest) >= 4 and self.frequency(rest) >= COMPOUND_FREQUENCY:
                return True
        return False

    def frequency(self, word: str) -> int:
        w = normal(word)
        if w in self._un or w in self._extra:
            return UN_FREQUENCY
        return self._freq.get(w, 0)

    def general_frequency(self, word: str) -> int:
        """How common the word is in general English (the UN lists aside): names there are rare or absent."""
        return self._freq.get(normal(word), 0)

    def is_un_word(self, word: str) -> bool:
        return normal(word) in self._un

    def near(self, word: str) -> list[str]:
        """Known words one edit away (delete, transpose, replace, insert), most frequent first."""
        w = normal(word)
        if len(w) > max(self._longest, *map(len, self._extra), 0) + 1:
            return []  # no known word is one edit away; a run of joined words would cost |w| x |letters| edits
        found = {
            e
            for e in _edits1(w, self._letters)
            if e != w and self._in_lists(e) and e not in self._unsuggested
        }
        return sorted(found, key=lambda e: (-self.frequency(e), e))

    def suggestions(self, word: str, limit: int = 5, *, deep: bool = True) -> list[str]:
        """Corrections ranked by edit distance, then UN words first, then by frequency; case as typed.

        `deep` also tries two edits when one finds nothing (tens of milliseconds for a long word: for the
        editor's menu, not for every finding)."""
        w = normal(word)
        out = self.near(w)
        if "-" in w.strip("-"):
            out += self._hyphenated(w, limit, deep)
        if deep and not out and len(w) <= 16:
            seen = {w}
            second = {
                e2
                for e1 in _edits1(w, self._letters)
                for e2 in _edits1(e1, self._second)
                if e2 not in seen and self._in_lists(e2) and e2 not in self._unsuggested
            }
            out = sorted(second, key=lambda e: (-self.frequency(e), e))
        return [_like(word, c) for c in _unique(out)[:limit]]

    def _hyphenated(self, w: str, limit: int, deep: bool) -> list[str]:
        out: list[str] = []
        closed = w.replace("-", "")
        if self._in_lists(closed):
            out.append(closed)
        parts = w.split("-")
        for i, part in enumerate(parts):
            if not part or part in PREFIXES or self._known(part):
                continue
            for fix in self.suggestions(part, limit, deep=deep):
                out.append("-".join([*parts[:i], fix.lower(), *parts[i + 1 :]]))
            break
        return out


_COMBINING = frozenset(COMBINING)


def _edits1(w: str, letters: str = _LETTERS) -> set[str]:
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in letters]
    inserts = [a + c + b for a, b in splits for c in letters]
    return set(deletes + transposes + replaces + inserts)


def _like(typed: str, word: str) -> str:
    """The suggestion in the case the user typed: Governmnet -> Government, UNDPP -> UNDP."""
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    typed_parts, parts = typed.split("-"), word.split("-")
    if len(typed_parts) == len(parts):
        return "-".join(
            p[:1].upper() + p[1:] if t[:1].isupper() else p for t, p in zip(typed_parts, parts, strict=True)
        )
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _state_words() -> list[str]:
    """Words of the State names (official and short forms) and group names (app.states)."""
    from app import states

    return [w for name in (*states.all_names(), *states.groups()) for w in _SPLIT.findall(name)]
