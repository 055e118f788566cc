"""French and Spanish session lines past the eighty-ninth: built by the languages' number grammar, not listed.

The header printed "90e session" and "90º período de sesiones" from the ninetieth on (the languages' files
listed sessions 70-89), read those lines back as no session, and a rollover from the eighty-ninth session gave
the draft such a header. The lines are now the ordinal words of app.ordinals in the language's `session_words`;
the words themselves are held to the UN XML in test_rollover_ordinals.py, and here to the grammar's turning
points: the nineties (French "quatre-vingt-dix" + the teens, no "et" in 91), the hundreds ("cent unième",
"centésimo primer"), the teens after a hundred (Spanish "undécimo") and the tens after it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.formatting import session_line
from app.io.foreign_header import english_line
from app.languages import get_language
from app.model import Paragraph, Resolution
from app.render import render
from app.rollover import rollover

# the grammar: French ordinals take "-ième" on the cardinal's last word (traditional spelling: hyphens below
# one hundred, none after "cent"); Spanish names the hundred, then the ten, then the unit, "primer" and
# "tercer" before the noun
GRAMMAR = {
    "fr": {
        90: "Quatre-vingt-dixième session",
        91: "Quatre-vingt-onzième session",
        99: "Quatre-vingt-dix-neuvième session",
        100: "Centième session",
        101: "Cent unième session",
        110: "Cent dixième session",
        111: "Cent onzième session",
        120: "Cent vingtième session",
    },
    "es": {
        90: "Nonagésimo período de sesiones",
        91: "Nonagésimo primer período de sesiones",
        99: "Nonagésimo noveno período de sesiones",
        100: "Centésimo período de sesiones",
        101: "Centésimo primer período de sesiones",
        110: "Centésimo décimo período de sesiones",
        111: "Centésimo undécimo período de sesiones",
        120: "Centésimo vigésimo período de sesiones",
    },
}


@pytest.mark.parametrize("code", ["fr", "es"])
def test_session_lines_follow_the_number_grammar(code: str) -> None:
    lang = get_language(code)
    for n, line in GRAMMAR[code].items():
        assert lang.session_line(n) == line


@pytest.mark.parametrize("code", ["fr", "es"])
def test_every_session_line_to_120_is_words_and_reads_back(code: str) -> None:
    """No digits in any line from 70 to 120, each different, and the header reader takes each back to its
    English line ("Ninetieth session")."""
    lang = get_language(code)
    lines = {n: lang.session_line(n) for n in range(70, 121)}
    assert len(set(lines.values())) == len(lines)
    for n, line in lines.items():
        assert not any(c.isdigit() for c in line), line
        assert english_line(line, lang) == session_line(n)
        assert english_line(line.upper(), lang) == session_line(n)  # as a masthead may set it


def _draft(code: str, session: int, text: str) -> Resolution:
    res = Resolution()
    res.header.language = code
    res.header.session = session
    res.header.symbol = f"A/RES/{session}/12"
    res.operative = [Paragraph(opener="Décide" if code == "fr" else "Decide", text=text)]
    return res


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("fr", "d’inscrire à l’ordre du jour de sa quatre-vingt-dixième session", "quatre-vingt-onzième"),
        ("es", "incluir en el programa de su nonagésimo período de sesiones", "nonagésimo primer"),
    ],
)
def test_rollover_from_the_ninetieth_session(code: str, text: str, expected: str) -> None:
    res = _draft(code, 90, text)
    new, changes = rollover(res, adoption_date=dt.date(2035, 12, 1), adopted_symbol="A/RES/90/12")
    assert new.header.session == 91
    assert render(new).agenda[0].text == GRAMMAR[code][91]
    assert expected in new.operative[0].text
    assert any(c.kind == "session" for c in changes)


@pytest.mark.parametrize("code", ["fr", "es"])
def test_rollover_into_the_hundredth_session(code: str) -> None:
    text = {
        "fr": "à sa quatre-vingt-dix-neuvième session",
        "es": "en su nonagésimo noveno período de sesiones",
    }[code]
    res = _draft(code, 99, text)
    new, _ = rollover(res, adoption_date=dt.date(2044, 12, 1), adopted_symbol="A/RES/99/12")
    assert new.header.session == 100
    assert render(new).agenda[0].text == GRAMMAR[code][100]
    head = GRAMMAR[code][100].split()[0].lower()
    assert f"{head} " in new.operative[0].text
