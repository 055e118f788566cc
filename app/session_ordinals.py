"""The organ's own sessions named in a text, found and moved on in the draft's language (the rollover).

"at its eighty-first session", "à sa quatre-vingt-unième session", "en su octogésimo primer período de sesiones":
the phrases are data (rollover.toml: `session_patterns` and `organ_names` for English, `[sessions.fr]` and
`[sessions.es]` for the others), the ordinal words English's own (app.formatting) or French and Spanish
(app.ordinals). A Spanish ordinal keeps the form its place asks for: "octogésimo primer período" before the
noun, "primero" elsewhere.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from app.formatting import ordinal_words, parse_ordinal_words
from app.ordinals import ordinal_in, ordinals_in, parse_ordinal_in

_NOUN_AFTER = re.compile(r"\s+(?:período|periodo|períodos|periodos)\b", re.IGNORECASE)


@cache
def _ordinal_regex(language: str) -> str:
    if language in ("fr", "es"):
        words = ordinals_in(language)
    else:
        words = sorted((ordinal_words(n) for n in range(1, 200)), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


def wording(config: dict[str, Any], language: str) -> dict[str, Any]:
    """The patterns and organ names of `language` ("" or "en": the file's top level)."""
    return config.get("sessions", {}).get(language) or {
        "patterns": config["session_patterns"],
        "organ_names": config["organ_names"],
    }


def session_regexes(config: dict[str, Any], template_id: str, language: str) -> list[re.Pattern[str]]:
    """The phrases naming the organ's own sessions in `language`, each ordinal a group."""
    words = wording(config, language)
    names = words["organ_names"]
    organs = names.get(template_id, names["*"])
    organ = "(?:" + "|".join(re.escape(o) for o in sorted(organs, key=len, reverse=True)) + ")"
    out = []
    for pattern in words["patterns"]:
        regex = re.escape(pattern).replace(re.escape("{organ}"), organ).replace(r"\ ", r"\s+")
        regex = regex.replace(re.escape("{ordinal}"), f"({_ordinal_regex(language)})")
        out.append(re.compile(r"\b" + regex + r"\b", re.IGNORECASE))
    return out


def next_ordinal(word: str, step: int, language: str, *, before_noun: bool = True) -> str:
    """`word` moved on by `step`, in its language and with its capital; as it was when it is no ordinal."""
    n = parse_ordinal_in(word, language) if language in ("fr", "es") else parse_ordinal_words(word)
    if n is None:
        return word
    if language in ("fr", "es"):
        out = ordinal_in(n + step, language, before_noun=before_noun) or word
    else:
        out = ordinal_words(n + step)
    return out[0].upper() + out[1:] if word[:1].isupper() else out


def shift_sessions(
    text: str, regexes: list[re.Pattern[str]], step: int, language: str = ""
) -> list[tuple[int, str, str]]:
    """(start, before, after) for each ordinal to move on, without overlaps, in text order."""
    found: dict[int, tuple[int, str, str]] = {}
    for regex in regexes:
        for m in regex.finditer(text):
            for g in range(1, (m.lastindex or 0) + 1):
                start, word = m.start(g), m.group(g)
                if word and start not in found:
                    noun = bool(_NOUN_AFTER.match(text, m.end(g)))
                    found[start] = (start, word, next_ordinal(word, step, language, before_noun=noun))
    return [found[k] for k in sorted(found)]
