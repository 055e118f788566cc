"""The masthead and agenda block of a French or Spanish L document, put into the English words the header
reader knows, line by line, from the language's own file (resources/languages/<code>.toml): "Distr. limitée"
→ "Distr.: Limited", "Soixante-dix-neuvième session" → "Seventy-ninth session", "Point 71 b) de l’ordre du
jour" → "Agenda item 71 (b)", "1er novembre 2024" → "1 November 2024", "…: projet de résolution" → "…: draft
resolution", "…: amendement au projet de résolution A/C.3/80/L.20" → "…: amendment to draft resolution
A/C.3/80/L.20". The body is left as written.
"""

from __future__ import annotations

import re
from functools import cache

from app.formatting import MONTHS, session_line
from app.io.header_lines import HeaderLine
from app.languages import Language, get_language
from app.states import known_sponsor_name

SESSIONS_NAMED = 200  # a session line is read back up to the 199th


@cache
def _line_table(code: str) -> dict[str, str]:
    """Whole lines printed in the language → the English line (lower case keys, apostrophes unified)."""
    lang = get_language(code)
    table = {_key(lang.masthead.get("united_nations", "")): "United Nations"}
    table |= {_key(v): k for k, v in lang.organs.items()}
    table |= {_key(v): k for k, v in lang.committees.items()}
    # every session the language names by rule or writes out, up to the ordinals' reach
    table |= {
        _key(lang.session_line(n)): session_line(n) for n in (*range(1, SESSIONS_NAMED), *lang.sessions)
    }
    return table


def _key(text: str) -> str:
    return " ".join(text.replace("'", "’").split()).lower()


def _pattern(template: str, **groups: str) -> re.Pattern[str]:
    """A regex from a masthead pattern such as "Point {item} de l’ordre du jour"."""
    body = re.escape(template.replace("'", "’"))
    for name, sub in groups.items():
        body = body.replace(re.escape("{" + name + "}"), f"(?P<{name}>{sub})")
    return re.compile(r"^\s*" + body.replace(r"\ ", r"\s+").replace("’", "['’]") + r"\s*$", re.IGNORECASE)


def english_line(line: str, lang: Language) -> str:
    """One header line in English words, or the line unchanged when it is none of the masthead's."""
    found = _line_table(lang.code).get(_key(line))
    if found:
        return found
    values = "|".join(re.escape(v) for v in lang.values.values())
    back = {v.lower(): k for k, v in lang.values.items()}
    for field, english in (("distribution", "Distr.: {}"), ("original", "Original: {}")):
        m = _pattern(lang.masthead[field], value=values).match(line)
        if m:
            return english.format(back[m.group("value").lower()])
    m = _pattern(lang.masthead.get("year_session", "{year} session"), year=r"\d{4}").match(line)
    if m:  # "Session de 2025", "Período de sesiones de 2025": an ECOSOC session, named by its year
        return f"{m.group('year')} session"
    m = _pattern(lang.masthead["agenda_item"], item=r"\d+[A-Za-z]?(?:\s*\(?[a-z]{1,3}\))?").match(line)
    if m:
        item = re.sub(r"^(\d+[A-Za-z]?)\s*\(?([a-z]{1,3})\)$", r"\1 (\2)", m.group("item").strip())
        return f"Agenda item {item}"
    m = lang.date_regex.fullmatch(line.strip())
    if m:
        month = [x.lower() for x in lang.months].index(m.group("month").lower())
        return f"{int(m.group('day'))} {MONTHS[month]} {m.group('year')}"
    amendment = re.match(
        rf"^(?:(?P<names>(?:.*?\S)?)\s*(?P<colon>\*?:\*?)\s*)?{re.escape(lang.kind('amendment to draft resolution'))}"
        r"(?:\s+(?P<symbol>\S+))?\s*$",
        line,
        re.IGNORECASE,
    )
    if amendment and not amendment.group("colon"):  # no sponsor named: "Amendement au projet de résolution …"
        return f"Amendment to draft resolution {amendment.group('symbol') or ''}".rstrip()
    if amendment:  # "Nicaragua : amendement au projet de résolution A/C.3/80/L.20"
        head = _sponsor_names(amendment.group("names") + amendment.group("colon"), lang)
        return f"{head} amendment to draft resolution {amendment.group('symbol') or ''}".rstrip()
    for english in ("revised draft resolution", "draft resolution", "draft decision"):
        printed = lang.kind(english)
        if line.rstrip().lower().endswith(printed.lower()):
            cut = len(line.rstrip()) - len(printed)
            word = english if line.rstrip()[cut:][:1].islower() else english.capitalize()
            names = _tight_colon(line[:cut])  # "France et Mexique : projet …"
            return _sponsor_names(names, lang) + word
    return line


_NAME_REACH = 120  # characters: longer than any State's or group's name in any language, with its stars


def _tight_colon(text: str) -> str:
    """No space before a closing colon and its stars ("France et Mexique :" → "France et Mexique:"), found in the
    last characters (a pattern anchored at the end retried a long run of spaces from each of them)."""
    body = text.rstrip()
    mark = re.search(r"\*?:\*?$", body[-3:])
    if mark is None:
        return text
    at = len(body) - len(mark.group(0))
    return body[:at].rstrip() + text[at:]


def _sponsor_names(head: str, lang: Language) -> str:
    """ "France et Mexique*: " → "France and Mexique*: ": the sponsor list's last "and" in English. A name that
    holds the word itself ("Royaume-Uni de Grande-Bretagne et d’Irlande du Nord") keeps it: the word put into
    English is the one with a State's name on either side, when there is one."""
    words = "|".join(
        re.escape(w) for w in lang.and_words
    )  # Spanish "y", and "e" before i-: "Palestina e Israel"
    cut = head.rfind(",") + 1
    last = head[cut:]
    for m in reversed(list(re.finditer(rf" (?:{words}) ", last))):
        if m.start() > _NAME_REACH or len(last) - m.end() > _NAME_REACH:
            continue  # no name is that long: a line of thousands of "et" is not weighed at each of them
        left, right = last[: m.start()].strip(" *"), last[m.end() :].strip(" *:")
        if known_sponsor_name(left) and known_sponsor_name(right):
            return head[:cut] + last[: m.start()] + " and " + last[m.end() :]
    return head[:cut] + re.sub(rf"\s{re.escape(lang.and_word)}\s", " and ", last)  # after the last comma


def english_header(blocks: list[list[HeaderLine]], lang: Language) -> list[list[HeaderLine]]:
    """The header blocks of a text in `lang`, each line in the English words the header reader knows."""
    return [[line.with_text(english_line(line.text, lang)) for line in block] for block in blocks]
