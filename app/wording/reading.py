"""One sentence of an amendment read back into instructions, in any language's set wording (English first)."""

from __future__ import annotations

import re

from app.errors import InputError
from app.languages import all_languages
from app.messages import say
from app.model import Instruction
from app.wording.read_english import parse_english
from app.wording.read_languages import parse_in_language
from app.wording.read_units import new_unit, whole_unit, without_unit
from app.wording.tables import table_start
from app.wording.words import amendment_words, holes

# the first word of an amendment's instruction ("Delete operative paragraph 3", "In operative paragraphs 27 and 43,
# delete …", "Replace “Chornobyl” with “Chernobyl” in the title …"), whether or not its wording is understood
INSTRUCTION_START = re.compile(r"^(?:\d+\.\s+)?(?:Delete|Replace|Insert|Add|After|Before|In|At the)\b")


# one change made in several paragraphs, as issued amendments word it (A/C.3/80/L.64: "In operative paragraphs 27
# and 43, delete “sexual and reproductive”"); at most a few paragraphs, each numbered (preambular ones are named
# by ordinals, "the second preambular paragraph")
_SEVERAL = re.compile(
    r"^In (?P<kind>operative) paragraphs (?P<numbers>\d{1,4}(?:(?:,| and|, and) \d{1,4}){1,20})"
    r"(?P<rest>, (?:delete|replace|insert|add)\b.*)$",
    re.S,
)


def parse_sentence(text: str, language: str | None = None) -> tuple[list[Instruction], str]:
    """The instructions of one sentence of an amendment, and the quoted paragraph text when the sentence
    carries it after its colon (oral style). Raises InputError when the sentence is not in the set wording.
    `language` None: the set wording of any language (English first)."""
    if several := _SEVERAL.match(
        text
    ):  # "In operative paragraphs 27 and 43, delete …": each paragraph in turn
        kind, rest = several.group("kind"), several.group("rest")
        out: list[Instruction] = []
        for number in re.findall(r"\d+", several.group("numbers")):
            found, _ = parse_sentence(f"In {kind} paragraph {number}{rest}", language)
            out += found
        return out, ""
    codes = [language or "en"] if language is not None else list(all_languages())
    error: InputError | None = None
    for code in codes:
        if whole := whole_unit(text, code) or new_unit(text, code) or _in_table(text, code):
            return [whole], ""
        try:
            plain, unit = without_unit(text, code)
            try:
                found, carried = (
                    parse_in_language(plain, code) if amendment_words(code) else parse_english(plain)
                )
            except InputError:
                if not unit:
                    raise
                shown = re.sub(r"\s+", " ", text).strip()[:120]  # as written, not as reread without its unit
                raise InputError(
                    say("not an amendment instruction in the set wording: “{text}”", text=shown)
                ) from None
            for ins in found:
                ins.unit = unit
            return found, carried
        except InputError as exc:
            error = error or exc
    assert error is not None
    raise error


_TABLE_SENTENCE_MOST = 600  # characters outside quotes: a sentence naming a table is far shorter


def _in_table(text: str, language: str) -> Instruction | None:
    """A sentence acting in a table ("In the table after operative paragraph 3, delete the row “C”"), read
    by `app.table_amendments`; tried only where the sentence names a table near its start."""
    holed = holes(text)[0]
    if len(holed) > _TABLE_SENTENCE_MOST or not table_start(language).match(holed.strip()):
        return None
    from app.table_amendments import parse_table_sentence

    return parse_table_sentence(text, language)


def sentence_language(text: str) -> str:
    """The language whose set wording the sentence is in ("" when none)."""
    for code in all_languages():
        try:
            parse_sentence(text, code)
        except InputError:
            continue
        return code
    return ""
