"""Spelling of French and Spanish drafts, measured on held-out UN XML (tests/fixtures/languages/held-out/, from
UNxml/GAresolutions; scripts/build_wordlists.py keeps these resolutions out of the word lists: the SHA-256 of
the symbol begins with 0 or 1)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from app import spelling
from app.conventions import engine
from app.conventions.base import annex_nodes, nodes
from app.inline import plain
from app.io.akn_reader import read_akn
from app.model import Resolution
from app.spelling.tokens import WORD

HELD_OUT = sorted((Path(__file__).parent.parent / "fixtures" / "languages" / "held-out").glob("*.xml"))
CODES = {"F": "fr", "S": "es"}


def _code(path: Path) -> str:
    return CODES[path.stem[-1]]


def _read(path: Path) -> Resolution:
    return read_akn(path.read_bytes(), name=path.name).resolution


def _texts(res: Resolution) -> list[str]:
    """The plain text of every checked field: title, paragraphs, annexes, footnotes."""
    out = [plain(res.title), *(plain(n.text) for n in res.footnotes.values())]
    for node in (*nodes(res), *annex_nodes(res)):
        out += [plain(getattr(node.para, f)) for f in ("opener", "text", "tail")]
    return [t for t in out if t.strip()]


def test_fixtures_are_held_out_by_the_rule() -> None:
    assert {_code(p) for p in HELD_OUT} == {"fr", "es"}
    for path in HELD_OUT:
        number = re.match(r"A_RES_(\d+)_(\d+)", path.name)
        assert number, path.name
        symbol = f"A/RES/{number.group(1)}/{number.group(2)}"
        assert hashlib.sha256(symbol.encode()).hexdigest()[0] in "01", symbol


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda p: p.stem)
def test_few_false_alarms_on_held_out_text(path: Path) -> None:
    res = _read(path)
    assert res.header.language == _code(path)
    words = sum(len(WORD.findall(t)) for t in _texts(res))
    alarms = [f for f in engine.check_document(res) if f.rule == spelling.SPELLING_RULE]
    assert words > 1000
    assert len(alarms) * 1000 / words <= 0.5, [f.message for f in alarms]


def _long_words(res: Resolution, code: str) -> list[str]:
    """Lower-case words of the issued text that the checker knows, eight letters or more, no hyphen."""
    seen: dict[str, None] = {}
    for text in _texts(res):
        for word in WORD.findall(text):
            if (
                len(word) >= 8
                and word.isalpha()
                and word.islower()
                and not spelling.misspelt_words(word, language=code)
            ):
                seen.setdefault(word)
    return list(seen)


def _slips(word: str) -> list[str]:
    """Typing slips of a real word: an accent lost, a letter doubled, two letters swapped."""
    bare = word.translate(str.maketrans("éèêàâîôûçñáíóú", "eeeaaioucnaiou"))
    out = [bare] if bare != word else []
    middle = len(word) // 2
    out.append(word[:middle] + word[middle] + word[middle:])
    out.append(word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :])
    return [s for s in out if s != word]


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda p: p.stem)
def test_a_misspelt_word_is_flagged_with_real_words_suggested(path: Path) -> None:
    code = _code(path)
    words = _long_words(_read(path), code)[::7][:25]
    assert len(words) >= 10
    flagged = suggested = total = 0
    for word in words:
        for slip in _slips(word):
            total += 1
            found = spelling.misspelt_words(f"Les {slip} et", language=code)
            flagged += bool(found)
            options = spelling.suggestions(slip, 5, language=code)
            suggested += word in options
            # every suggestion is a word the checker knows in this language
            assert all(not spelling.misspelt_words(o, language=code) for o in options), (slip, options)
    assert flagged / total >= 0.9
    assert suggested / total >= 0.8


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda p: p.stem)
def test_language_punctuation_raises_no_alarm(path: Path) -> None:
    """Elided articles (l’, d’, qu’), ¿ ¡ « » and the non-breaking space before ; : ! ? change nothing: an
    elided word is flagged exactly when its word is, and the marks taken out change no finding."""
    code = _code(path)
    marks = re.compile(r"[¿¡«»\u00a0\u202f]")
    checked = 0
    for text in _texts(_read(path)):
        for word in WORD.findall(text):
            head, apostrophe, rest = word.partition("’")
            if apostrophe and head.lower() in ("l", "d", "qu", "jusqu") and "-" not in rest:
                checked += 1
                alone = bool(spelling.misspelt_words(rest, language=code))
                assert bool(spelling.misspelt_words(word, language=code)) == alone, word
        # the text as printed, and with the language's marks around and inside it
        bare = [w for *_, w in spelling.misspelt_words(marks.sub(" ", text), language=code)]
        for variant in (text, f"¿{text}?", f"¡{text}!", f"« {text} »", text.replace(" ;", " ;")):
            checked += 1
            assert [w for *_, w in spelling.misspelt_words(variant, language=code)] == bare
    assert checked > 10


def test_the_editor_session_follows_the_draft_language(tmp_path: Path) -> None:
    """The editor's underlines and suggestions use the draft's dictionary: an accented word of the issued
    French text is right in French and unknown in English; its accent dropped is a slip with the word offered."""
    from app.spelling.session import SpellingSession

    path = next(p for p in HELD_OUT if _code(p) == "fr")
    word = next(w for w in _long_words(_read(path), "fr") if "é" in w)
    session = SpellingSession(tmp_path / "dictionary.txt")
    session.language = "fr"
    assert not session.misspelt(word)
    slip = word.replace("é", "e")
    assert session.misspelt(slip) and word in session.suggestions(slip)
    session.language = "en"
    assert session.misspelt(word)
