"""Spelling and UN style of one text field: unknown words and rule hits, as Findings in markup offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from app.findings import Finding, Fix, Severity
from app.inline import PlainText, plain_text
from app.languages import DEFAULT, get_language
from app.messages import say
from app.paths import resource
from app.spelling import kinds, tokens
from app.spelling.lexicon import UN_FREQUENCY, Lexicon, english, normal, read_words
from app.spelling.personal import PersonalDictionary, default_dictionary_path
from app.spelling.rules import FIELDS, Rule, load_style, load_user_rules

SPELLING_RULE = "spelling.unknown-word"
STRONG = 1_000  # a capitalized unknown word is reported only when one edit from a word at least this common


@dataclass(frozen=True)
class SpellingSettings:
    """Which personal dictionary and which user rules file are active; styles are folders of rule files (for
    an English draft: a draft in another language has the dictionary and styles of its languages/<code>.toml)."""

    personal_dictionary: Path | None = field(default_factory=default_dictionary_path)
    user_rules: Path | None = None
    styles: tuple[Path, ...] = field(default_factory=lambda: (resource("styles", "UN"),))
    spelling: bool = True
    language: str = DEFAULT


class Checker:
    def __init__(self, settings: SpellingSettings) -> None:
        self.settings = settings
        self.personal = (
            PersonalDictionary(settings.personal_dictionary) if settings.personal_dictionary else None
        )
        language = get_language(settings.language)
        if self.personal is None and language.code == "en":
            self.lexicon = english()
        else:
            words = self.personal.words() if self.personal is not None else ()
            self.lexicon = Lexicon(words, language.code)
        self._unknown: dict[str, bool] = {}  # per word: the answer of unknown()
        self._capital_slips: dict[str, list[str]] = {}  # per word: the words it is a slip of (_slipped_from)
        self._suggested: dict[tuple[str, int], list[str]] = {}  # per word and limit: its quick suggestions
        rules = _style_rules(settings.styles) if language.is_english else _language_rules(language.spelling)
        self.user_levels: frozenset[str] = frozenset()  # rules whose level the user set: an organ keeps off
        if settings.user_rules:
            user = load_user_rules(Path(settings.user_rules))
            rules = [r for r in rules if r.id not in user.disabled] + [
                r for r in user.rules if r.id not in user.disabled
            ]
            rules = [_with_level(r, user.levels[r.id]) if r.id in user.levels else r for r in rules]
            self.user_levels = frozenset(user.levels)
        self.rules = tuple(rules)
        self._by_field = {f: tuple(r for r in self.rules if f in r.scope) for f in FIELDS}

    def refresh(self) -> None:
        """Pick up words added to the personal dictionary file since it was read."""
        if self.personal is not None and self.personal.changed_on_disk():
            self.personal.reload()
            self.lexicon.set_extra(self.personal.words())
            self._unknown.clear()
            self._suggested.clear()
            self._capital_slips.clear()

    # -- spelling ---------------------------------------------------------------------------------------------
    def unknown(self, word: str) -> bool:
        """True when `word` should be reported as misspelt."""
        cached = self._unknown.get(word)
        if cached is None:
            cached = self._unknown[word] = self._is_unknown(word)
        return cached

    def _is_unknown(self, word: str) -> bool:
        if len(word) < 2 or not tokens.checkable(word):
            return False  # acronyms, inner capitals, roman numerals, single letters
        lex = self.lexicon
        if lex.known(word):
            return False
        if word[:1].isupper():  # a name, unless it is one slip from a common word or a UN name
            if _TRANSLITERATED.search(word):
                return False  # "Dar’a", "Ma’arib": an apostrophe for a letter of another script, never a slip
            return any(lex.frequency(c) >= STRONG for c in lex.near(word) if c.lower() != word.lower())
        head, _, rest = word.replace("\u2011", "-").partition("-")  # Word's non-breaking hyphen too
        # anti-Balaka, ex-Séléka, al-Thawr: a prefix or a particle before a name
        return not (rest[:1].isupper() and (lex.known(head) or head.lower() in _NAME_PARTICLES))

    def misspelt(self, text: str, skip: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int, str]]:
        cache = self._unknown
        if all(cache.get(w) is False for w in tokens.WORD.findall(text)):
            return []  # the usual case: every word already known
        found = [
            (a, b, w)
            for a, b, w in tokens.words(text, skip)
            if self.unknown(w)
            and not (w[:1].isupper() and _in_a_name(text, a, b, self.lexicon))
            and not (self.lexicon.english and _in_a_foreign_title(text, a, b, w))
            and not (
                w[:1].isupper()
                and _INSIDE.search(text, max(0, a - 2), a)
                and (not self.slip_of_capital(w) or self._names_a_place(w, text, b))
            )
        ]
        return sorted(found + self._quoted_slips(text, skip)) if "“" in text or '"' in text else found

    def _quoted_slips(self, text: str, skip: tuple[tuple[int, int], ...]) -> list[tuple[int, int, str]]:
        """Inside quotation marks (titles of items and reports, wording quoted) words keep the spelling they were
        issued with, except a slip of the keyboard: a lower-case word that a letter left out, added or two
        letters swapped make of a known word ("stalbe transit", "fissile maerial")."""
        out = []
        for a, b, w in tokens.quoted_words(text, skip):
            if len(w) >= _SLIP_MIN and w.islower() and self.unknown(w):
                if self.lexicon.english and _in_a_foreign_title(text, a, b, w):
                    continue
                if any(_slip(w, s.lower()) for s in self._suggest(w, 3)):
                    out.append((a, b, w))
        return out

    def _names_a_place(self, word: str, text: str, end: int) -> bool:
        """Is `word` a place's name, the kind of place after it ("the Gali region"), one slip from names (Mali,
        Bali) but from no common word ("Goverment region" stays a slip)?"""
        if not _place_kind_after().match(text, end):
            return False
        lex = self.lexicon  # a name is rare in general English (Mali); a common word is not
        return not any(lex.general_frequency(c) >= STRONG for c in self._slipped_from(word))

    def slip_of_capital(self, word: str) -> bool:
        """Is the capitalized `word` one slip from a common word that UN texts write with a capital inside a
        sentence (Goverment: Government), or from a UN word or a State's name (Sudna: Sudan)? Inside a sentence
        a capitalized word that is neither is a name ("Bor, Malakal and Melut", "Michael Keating"), whatever
        small word it is one letter from."""
        return bool(self._slipped_from(word))

    def _slipped_from(self, word: str) -> list[str]:
        """The common words UN texts write with a capital, UN words and States' names `word` is one slip from
        (once per word)."""
        cached = self._capital_slips.get(word)
        if cached is None:
            cached = self._capital_slips[word] = self._slips_of(word)
        return cached

    def _slips_of(self, word: str) -> list[str]:
        lex = self.lexicon
        return [
            c
            for c in lex.near(word)
            if c.lower() != word.lower()
            and lex.frequency(c) >= STRONG
            and (normal(c) in _capitalized() or lex.is_un_word(c))
        ]

    # -- a field ---------------------------------------------------------------------------------------------
    def field_findings(self, markup: str, *, field: str, paragraph_id: str = "") -> list[Finding]:
        if not markup.strip():
            return []
        plain = plain_text(markup)
        out: list[Finding] = []
        taken: list[tuple[int, int]] = []
        for rule in self._by_field.get(field, self.rules):
            for start, end, replacement in kinds.run(
                rule, plain, self.lexicon.known, self.lexicon.general_frequency
            ):
                out.append(self._rule_finding(rule, plain, start, end, replacement, field, paragraph_id))
                taken.append((start, end))
        if self.settings.spelling:
            # a word a style rule already flags is not flagged again as misspelt
            for start, end, word in tokens.outside(self.misspelt(plain.text, plain.italic), taken):
                out.append(self._spelling_finding(plain, start, end, word, field, paragraph_id))
        out.sort(key=lambda f: f.span)
        return out

    def _rule_finding(
        self,
        rule: Rule,
        plain: PlainText,
        start: int,
        end: int,
        replacement: str | None,
        field: str,
        paragraph_id: str,
    ) -> Finding:
        if rule.target == "markup":
            span, matched = (start, end), plain.markup[start:end]
        else:
            span, matched = plain.span(start, end), plain.text[start:end]
        fix = None
        if rule.kind == "italics":  # drop the marks around the run
            span = (span[0] - 1, span[1] + 1)
            fix = Fix(say("Remove the italics"), field, span, plain.markup[span[0] + 1 : span[1] - 1])
        elif replacement is not None:
            label = (
                say("Use '{word}'", word=replacement) if replacement else say("Delete '{word}'", word=matched)
            )
            fix = Fix(label, field, span, replacement)
        message = rule.format(match=matched, fix=replacement or "")
        return Finding(rule.id, rule.level, message, paragraph_id, field, span, fix)

    def _suggest(self, word: str, limit: int) -> list[str]:
        """The lexicon's quick suggestions, once per word: a word misspelt a thousand times costs one search."""
        key = (word, limit)
        found = self._suggested.get(key)
        if found is None:
            found = self._suggested[key] = self.lexicon.suggestions(word, limit, deep=False)
        return found

    def _spelling_finding(
        self, plain: PlainText, start: int, end: int, word: str, field: str, paragraph_id: str
    ) -> Finding:
        span = plain.span(start, end)
        # Suggestions for a hyphenated word respell one part ("tell-education"): noise, so none are offered.
        options = [] if "-" in word else self._suggest(word, 3)
        shown = ", ".join(repr(o) for o in options)
        message = say("'{word}' is not in the dictionary or the UN word lists", word=word)
        # A one-click fix only where the correction is clear: a single candidate one edit away. A word the
        # lists lack may be right ("materiel" is not "material"), so a choice is left to the menu.
        # A changed letter turns words into other words ("desistance" -> "resistance", "materiel" -> "material",
        # "respondeat" -> "respondent"): only a letter left out, doubled or two letters swapped is fixed in one click.
        clear = len(options) == 1 and word[:1].islower() and _slip(word.lower(), options[0].lower())
        fix = Fix(say("Use '{word}'", word=options[0]), field, span, options[0]) if clear else None
        # A slip of the keyboard leaves a word one edit from the word meant; an unknown word with no known word
        # that close ("criminogenic", "multimorbidity") is a term the lists lack: a note, not a warning.
        near = options or ("-" in word and self._suggest(word, 1))
        if options:
            message = say(
                "'{word}' is not in the dictionary or the UN word lists; did you mean {options}?",
                word=word,
                options=shown,
            )
        elif not near:
            message = say(
                "'{word}' is not in the dictionary or the UN word lists (no known word is one letter away: "
                "a term? add it to your dictionary)",
                word=word,
            )
        level = Severity.WARNING if near else Severity.INFO
        return Finding(SPELLING_RULE, level, message, paragraph_id, field, span, fix)


_SLIP_MIN = 5  # shorter words one slip from another are often abbreviations or foreign words


def _slip(typed: str, meant: str) -> bool:
    """Is `typed` the word `meant` with one letter left out or added, or two neighbours swapped?"""
    if abs(len(typed) - len(meant)) == 1:
        short, long_ = sorted((typed, meant), key=len)
        return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
    if len(typed) == len(meant):
        diff = [i for i, (a, b) in enumerate(zip(typed, meant, strict=True)) if a != b]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == meant[diff[1]]
            and (typed[diff[1]] == meant[diff[0]])
        )
    return False


# small words inside names of places and people: Cartagena de Indias, Qalib al-Thawr, Sint Maarten van ...
_NAME_PARTICLES = frozenset(
    "al el ad ar as at az an ash ibn bin bint abu ben de del della di da do dos das du la le "
    "les van von der den ter y".split()
)
# an apostrophe inside a name, for a letter of another script (not a possessive "’s")
_TRANSLITERATED = re.compile(r"[^\W\d_]['’](?!s$)[^\W\d_]")
_WORD_AROUND = re.compile(r"[^\W\d_][\w’'-]*")


# a capitalized word right after a word or a comma and one space: inside a sentence (English text only: the
# list below is English)
_INSIDE = re.compile(r"[^\W\d_,] $|, $")


# a place's own word before the kind of place it names ("in the Gali region", "Unity state", "Marib city"): a
# name, even one letter from a State's or a common word (Gali: Mali); the kinds in resources/wordlists
@cache
def _place_kind_after() -> re.Pattern[str]:
    kinds = "|".join(map(re.escape, read_words(resource("wordlists", "place-kinds.txt"))))
    return re.compile(rf" (?:{kinds})\b(?![-’'])")


@cache
def _capitalized() -> frozenset[str]:
    """Common words UN texts write with a capital inside a sentence (scripts/capitalized_words.py)."""
    return frozenset(normal(w) for w in read_words(resource("wordlists", "un-capitalized.txt")))


def _name_word(word: str, lexicon: Lexicon) -> bool:
    """A capitalized word that is not a common word written with a capital (The, Western, Syrian)."""
    return word[:1].isupper() and lexicon.general_frequency(word) < STRONG


# titles before a person's name: what follows them up to the next word in lower case is the name, however
# common its words are elsewhere ("President Win Myint", "State Counsellor Aung San Suu Kyi")
_TITLES = frozenset(
    "president counsellor minister ambassador judge king queen prince princess sheikh emir sultan mr mrs ms dr "
    "rapporteur envoy commissioner chairperson chair representative adviser advisor senator professor".split()
)


def _after_a_title(text: str, start: int) -> bool:
    """Is the capitalized word at `start` in a run of capitalized words that a personal title opens?"""
    before = list(_WORD_AROUND.finditer(text, max(0, start - 80), start))
    for m in reversed(before[-5:]):
        if text[m.end() : start].strip(" \u00a0."):
            return False  # punctuation between: the run ended
        word = m.group()
        if word.lower().rstrip(".") in _TITLES:
            return True
        if not word[:1].isupper():
            return False
        start = m.start()
    return False


def _in_a_name(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """A capitalized word next to another name word, particles aside, is part of a proper name: Sint Maarten,
    the Western Tien Shan, Cartagena de Indias. Punctuation between the two words breaks the name."""
    if _after_a_title(text, start):
        return True
    before = list(_WORD_AROUND.finditer(text, max(0, start - 60), start))
    while before and before[-1].group().lower() in _NAME_PARTICLES:
        before.pop()
    if before and _name_word(before[-1].group(), lexicon):
        gap = text[before[-1].end() : start].split()
        if all(w.lower() in _NAME_PARTICLES for w in gap):
            return True
    at = end
    while (after := _WORD_AROUND.search(text, at, min(len(text), at + 60))) is not None:
        if text[at : after.start()].strip():
            return False
        if after.group().lower() not in _NAME_PARTICLES:
            return _name_word(after.group(), lexicon)
        at = after.end()
    return False


# articles and prepositions of French and Spanish that are no English words: next to one, a word of that
# language is part of a name or title quoted in it ("Force conjointe du G5 Sahel", "Communiqué sur la
# prévention des violences sexuelles liées au conflit au Mali")
_FOREIGN_LINKS = frozenset(
    "la le les des du au aux sur et pour dans avec de del los las para por con".split()
)
_FOREIGN_DICTIONARIES = ("fr", "es")


def _in_a_foreign_title(text: str, start: int, end: int, word: str) -> bool:
    """Is the unknown word a French or Spanish word next to (at most one word from) an article or preposition
    of that language? A misspelt English word among English words is not."""
    before = list(_WORD_AROUND.finditer(text, max(0, start - 40), start))[-2:]
    after = []
    at = end
    while len(after) < 2 and (m := _WORD_AROUND.search(text, at, min(len(text), at + 40))) is not None:
        after.append(m)
        at = m.end()
    if not any(m.group().lower() in _FOREIGN_LINKS for m in [*before, *after]):
        return False
    from app.spelling.lexicon import general_dictionary

    w = word.lower()
    return any(w in general_dictionary(code) for code in _FOREIGN_DICTIONARIES)


def _style_rules(folders: tuple[Path, ...]) -> list[Rule]:
    return [rule for folder in folders for rule in load_style(Path(folder))]


def _language_rules(spec: dict[str, object]) -> list[Rule]:
    """The styles a language's [spelling] names: "UN-fr" (a folder of resources/styles) or "UN/BoldUnderline"
    (one rule of a folder, for rules that hold in any language)."""
    out: list[Rule] = []
    for name in spec.get("styles", ()):  # type: ignore[attr-defined]
        folder, _, only = str(name).partition("/")
        rules = load_style(resource("styles", folder))
        out += [r for r in rules if not only or r.id == f"{folder}.{only}"]
    return out


def _with_level(rule: Rule, level: Severity) -> Rule:
    from dataclasses import replace

    return replace(rule, level=level)


__all__ = ["Checker", "SpellingSettings", "SPELLING_RULE", "UN_FREQUENCY"]
