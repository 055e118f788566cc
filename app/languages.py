"""The languages a draft is written in: one TOML file each in resources/languages/ (en.toml, fr.toml, es.toml).

A language file holds what is printed in that language (organ lines, masthead words, months, date form,
subparagraph labels, punctuation spacing, session names), how openers are marked and recognized, and which
checks do not apply to its text, and (in [spelling]) the dictionary, word lists and style rules its spelling
check uses. Adding a language is adding a file and its opener lexicons
(resources/lexicons/<code>-preambular.txt, <code>-operative.txt, learned by scripts/learn_openers.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from app.datafile import read_toml
from app.errors import TemplateError
from app.findings import Finding, Severity, rule_matches
from app.language_fields import check_fields
from app.messages import say
from app.paths import resource, resources_dir

DEFAULT = "en"
NBSP = "\u00a0"


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself: "Français"
    english_name: str  # "French": the stored (English) value of the masthead's "Original:"
    akn: tuple[str, ...]
    lexicon_prefix: str
    months: tuple[str, ...]
    date_pattern: str
    first_day: str
    labels: tuple[str, ...]
    space_before: str
    and_word: str
    and_before: dict[
        str, tuple[str, ...]
    ]  # another "and" before words that begin so: Spanish "e" before i-, hi-
    session_fallback: str
    sessions: dict[int, str]  # [sessions]: a session's line written out, where the rule below would not do
    # "{ordinal} session": the session line built by rule from app.ordinals' words ("Quatre-vingt-dixième
    # session", "Nonagésimo primer período de sesiones"); "" where the module has no words for the language
    session_words: str
    organ_lines: dict[str, str]
    organs: dict[str, str]
    committees: dict[str, str]
    masthead: dict[str, str]
    values: dict[str, str]
    kinds: dict[str, str]
    openers: dict[str, Any]
    rules_off: tuple[str, ...]
    amendments: dict[
        str, Any
    ]  # [amendments]: the set wording of amendment instructions; {} = English (app.wording)
    abbreviations: dict[str, str]  # [abbreviations]: never used in a resolution, with the name to write
    # [spelling]: general dictionary, UN word lists, styles, elisions, endings; {} for English
    spelling: dict[str, Any]
    # the lines after an adopted resolution's last paragraph: "41st plenary meeting", "41a sesión plenaria"
    closing: re.Pattern[str]
    # the paragraph that always ends a Security Council resolution ("Decides to remain seized of the matter."):
    # what follows it is annexed text, with or without an "Annex" line
    last_paragraph: re.Pattern[str]
    # [note_markers]: the words that tell a footnote's number from the text's own numbers in flattened text
    # (app/io/note_markers.py); a key left out is English's
    note_markers: dict[str, Any]
    # [titles]: the titles of publications cited in notes and paragraphs, found again in text without italics
    # (app/publication_titles.py); {} finds none
    titles: dict[str, Any]
    typed: dict[str, str] = field(default_factory=dict)  # [typed]: the words of a proposal read out
    negotiation: dict[str, str] = field(default_factory=dict)  # [negotiation]: a compilation's own words
    oral: dict[str, str] = field(
        default_factory=dict
    )  # [oral]: the oral revisions' heading and fixed phrases
    # the language tag a Word file's text is proofed in ("fr-FR"); "" leaves Word's own default
    word_language: str = ""

    @property
    def is_english(self) -> bool:
        return self.code == DEFAULT

    def word(self, value: str) -> str:
        """A stored (English) masthead value as printed: "Limited" → "limitée"; unknown values unchanged."""
        return self.values.get(value, value)

    def organ_line(self, organ: str, english_line: str) -> str:
        """The organ line a template prints, in this language: by the body its English line names ("The Human
        Rights Council" → "Le Conseil des droits de l’homme", though the Council's masthead organ is the General
        Assembly), else by the masthead organ."""
        if self.is_english:
            return english_line
        body = english_line.removeprefix("The ").strip()
        return self.organ_lines.get(body) or self.organ_lines.get(organ, english_line)

    def organ(self, organ: str) -> str:
        return self.organs.get(organ, organ)

    def committee(self, name: str) -> str:
        return self.committees.get(name, name)

    def kind(self, kind: str) -> str:
        return self.kinds.get(kind, kind)

    def format_date(self, day: dt.date) -> str:
        number = self.first_day if day.day == 1 else str(day.day)
        return self.date_pattern.format(day=number, month=self.months[day.month - 1], year=day.year)

    def session_line(self, session: int) -> str:
        if self.is_english:
            from app.formatting import session_line

            return session_line(session)
        if session in self.sessions:
            return self.sessions[session]
        from app.ordinals import ordinal_in

        ordinal = ordinal_in(session, self.code) if "{ordinal}" in self.session_words else ""
        if ordinal:
            line = self.session_words.format(ordinal=ordinal)
            return line[:1].upper() + line[1:]
        return self.session_fallback.format(n=session)

    def label(self, depth: int, index: int) -> str:
        """Subparagraph label by depth (1-based) and position (1-based), in the shapes the language prints."""
        from app.formatting import letters, roman

        shape = self.labels[(depth - 1) % len(self.labels)]
        if "{a}" in shape:
            shape = shape.replace("{a}", letters(index))
        return shape.replace("{i}", roman(index)) if "{i}" in shape else shape

    def punctuate(self, mark: str) -> str:
        """A terminal mark as printed: French sets ";" and ":" after a non-breaking space."""
        return NBSP + mark if mark and mark in self.space_before else mark

    def spaced(self, text: str) -> str:
        """Text as the language prints it inside a paragraph: French keeps ";" ":" "?" "!" on the line of the
        word before them, and the words inside « » with their marks (the space typed there made unbreakable)."""
        if not self.space_before:
            return text
        for mark in (*self.space_before, "»"):
            text = text.replace(" " + mark, NBSP + mark)
        return text.replace("« ", "«" + NBSP)

    def and_for(self, word: str) -> str:
        """The word for "and" before `word`: Spanish "Palestina e Israel" but "Francia y Mónaco"."""
        bare = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))
        for alternative, starts in self.and_before.items():
            if bare.startswith(starts):
                return alternative
        return self.and_word

    @property
    def and_words(self) -> tuple[str, ...]:
        """Every word the language prints for "and" in a list."""
        return (self.and_word, *self.and_before)

    def rule_on(self, rule: str) -> bool:
        """False for a rule this language's text does not get (an English-only check)."""
        return not rule_matches(rule, self.rules_off)

    @functools.cached_property  # built once per language: every paragraph's check and read uses it
    def date_regex(self) -> re.Pattern[str]:
        months = "|".join(map(re.escape, self.months))
        day = r"(?P<day>\d{1,2})(?:er)?"
        body = re.escape(self.date_pattern)
        for name, sub in (("day", day), ("month", f"(?P<month>{months})"), ("year", r"(?P<year>\d{4})")):
            body = body.replace(re.escape("{" + name + "}"), sub)
        return re.compile(body.replace(r"\ ", r"\s+"), re.IGNORECASE)


_REQUIRED = ("code", "name", "months", "date", "labels", "organ_lines", "masthead", "kinds", "openers")


def _load(code: str) -> Language:
    path = resource("languages", f"{code}.toml")
    data = read_toml(path)
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise TemplateError(say("{name}: missing field '{field}'", name=path.name, field=missing[0]))
    check_fields(path.name, data)  # a file edited by hand: a field its code cannot use is refused here
    if len(data["months"]) != 12:
        raise TemplateError(
            say("{name}: field '{field}' must list twelve months", name=path.name, field="months")
        )
    masthead = dict(data["masthead"])
    values = masthead.pop("values", {})
    return Language(
        code=data["code"],
        name=data["name"],
        english_name=data.get("english_name", data["name"]),
        akn=tuple(data.get("akn", ())),
        lexicon_prefix=data.get("lexicon_prefix", ""),
        months=tuple(data["months"]),
        date_pattern=data["date"],
        first_day=data.get("first_day", "1"),
        labels=tuple(data["labels"]),
        space_before=data.get("space_before", ""),
        and_word=data.get("and_word", "and"),
        and_before={k: tuple(v) for k, v in data.get("and_before", {}).items()},
        session_fallback=data.get("session_fallback", "Session {n}"),
        sessions={int(k.strip()): v for k, v in data.get("sessions", {}).items()},
        session_words=data.get("session_words", ""),
        organ_lines=dict(data["organ_lines"]),
        organs=dict(data.get("organs", {})),
        committees=dict(data.get("committees", {})),
        masthead=masthead,
        values=dict(values),
        kinds=dict(data["kinds"]),
        openers=dict(data["openers"]),
        rules_off=tuple(data.get("rules", {}).get("off", ())),
        amendments=dict(data.get("amendments", {})),
        abbreviations=dict(data.get("abbreviations", {})),
        spelling=dict(data.get("spelling", {})),
        closing=re.compile(data.get("closing", r"(?!)")),  # none known: nothing is taken for it
        last_paragraph=re.compile(data.get("last_paragraph", r"(?!)")),
        note_markers=dict(data.get("note_markers", {})),
        titles=dict(data.get("titles", {})),
        typed=dict(data.get("typed", {})),
        negotiation=dict(data.get("negotiation", {})),
        oral=dict(data.get("oral", {})),
        word_language=data.get("word_language", ""),
    )


@cache
def all_languages() -> dict[str, Language]:
    """Every language with a file, by code, English first."""
    codes = sorted(p.stem for p in (resources_dir() / "languages").glob("*.toml"))
    codes.sort(key=lambda c: c != DEFAULT)
    return {code: _load(code) for code in codes}


def get_language(code: str | None) -> Language:
    """The language of a code ("fr"); an unknown or empty code gives English."""
    languages = all_languages()
    return languages.get((code or DEFAULT).lower(), languages[DEFAULT])


def settle_language(res: Any) -> list[Finding]:
    """A project naming a draft language this Resolute does not have ("de", or one a later version added) opens
    in English, and says so, as an unknown template does (`app.templates.settle_template`)."""
    code = res.header.language
    if code.lower() in all_languages():  # "FR" is French, as `get_language` reads it
        res.header.language = code.lower()
        return []
    res.header.language = DEFAULT
    return [
        Finding(
            "import.language",
            Severity.WARNING,
            say("no draft language '{asked}' here: opened in English", asked=code[:40]),
            field="language",
        )
    ]


def language_for_akn(code: str) -> str:
    """The language code for an Akoma Ntoso FRBRlanguage value ("fra" → "fr"); "" when none fits."""
    code = code.strip().lower()
    for lang in all_languages().values():
        if code in lang.akn or code == lang.code:
            return lang.code
    return ""


def language_of_organ_line(line: str) -> str:
    """The language whose organ line a text line is ("La Asamblea General," → "es"); "" when none."""
    text = " ".join(line.replace("'", "’").split()).rstrip(",").strip()
    for lang in all_languages().values():
        for organ_line in lang.organ_lines.values():
            if text.lower() == organ_line.replace("'", "’").lower():
                return lang.code
    return ""


def english_organ_line(line: str) -> str:
    """The English organ line of a line any language prints ("L’Assemblée générale," → "The General Assembly");
    "" when it is none."""
    text = " ".join(line.replace("'", "’").split()).rstrip(",").strip().lower()
    for lang in all_languages().values():
        for organ, organ_line in lang.organ_lines.items():
            if text == organ_line.replace("'", "’").lower():
                return f"The {organ}"
    return ""


def language_of_sponsor_line(line: str) -> str:
    """The language whose kind of document ends a sponsor line ("Cuba : amendement au projet de résolution
    A/C.3/80/L.20" → "fr"); "" for English or none. An amendment has no organ line to tell its language by."""
    flat = " ".join(line.split()).lower()
    # an amendment with no sponsor named has no colon: "Amendement au projet de résolution A/C.3/80/L.20"
    tail = flat.rsplit(":", 1)[1].strip() if ":" in flat else flat
    for lang in all_languages().values():
        if lang.code == "en":
            continue
        for key, printed in lang.kinds.items():
            if key == "submitted_by" or (":" not in flat and not key.startswith("amendment")):
                continue
            if tail == printed.lower() or tail.startswith(printed.lower() + " "):
                return lang.code
    return ""


@cache
def _stored_values() -> dict[str, str]:
    """Every language's printed masthead word (lower case) → the stored (English) value it prints."""
    table: dict[str, str] = {}
    for lang in all_languages().values():
        table |= {printed.casefold(): stored for stored, printed in lang.values.items()}
        table |= {stored.casefold(): stored for stored in lang.values}
    return table


def stored_value(printed: str) -> str:
    """The language-neutral value a masthead word stands for, in whatever language and case it is printed
    ("limitée", "LIMITADA", "General" → "Limited", "Limited", "General"; "anglais" → "English"), so that a
    draft read back compares and exports as the same draft typed; a word no language prints stays as it is."""
    return _stored_values().get(" ".join(printed.split()).casefold(), printed)


@cache
def _stored_committees() -> dict[str, str]:
    """Every language's printed committee or commission name (lower case, one apostrophe) → its English name."""
    table: dict[str, str] = {}
    for lang in all_languages().values():
        table |= {_name_key(printed): english for english, printed in lang.committees.items()}
        table |= {_name_key(english): english for english in lang.committees}
    return table


def _name_key(name: str) -> str:
    return " ".join(name.replace("'", "’").split()).casefold()


def known_committees() -> list[str]:
    """The English names of the committees and commissions the language files name."""
    return sorted(set(_stored_committees().values()))


def stored_committee(printed: str) -> str:
    """The English name a committee or commission is stored by, from its name in any language ("Commission de
    la condition de la femme" → "Commission on the Status of Women"); a name no language file holds stays as
    typed."""
    return _stored_committees().get(_name_key(printed), printed)


def language_word(english_name: str, *, language: str = "") -> str:
    """A language named in running text in `language` (a message field, `app.messages.Phrase`): "French" in
    English, "français" in French, "francés" in Spanish (the masthead's words for "Original:")."""
    return get_language(language).word(english_name)


def date_words(day: dt.date, *, language: str = "") -> str:
    """A date in running text in `language` (a message field, `app.messages.Phrase`): "29 October 2025",
    "29 octobre 2025", "29 de octubre de 2025"."""
    return get_language(language).format_date(day)


def read_date(text: str, *, language: str = "") -> dt.date | None:
    """A whole date as a delegate types it: in `language`'s printed form ("15 décembre 2025", "15 de diciembre
    de 2025"), in another language's, or ISO ("2025-12-15"); None when it is none of these or no real day."""
    text = " ".join(text.split())
    first = get_language(language)
    for lang in (first, *(other for other in all_languages().values() if other is not first)):
        m = lang.date_regex.fullmatch(text)
        if m:
            month = [name.casefold() for name in lang.months].index(m.group("month").casefold()) + 1
            try:
                return dt.date(int(m.group("year")), month, int(m.group("day")))
            except ValueError:
                return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
