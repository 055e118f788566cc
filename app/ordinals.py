"""Ordinal numbers in French and Spanish words, as the UN's texts write a session: "soixante-dix-neuvième",
"quatre-vingtième", "soixante et onzième"; "septuagésimo noveno", "octogésimo", "octogésimo primer período".

English has its own in app.formatting (`ordinal_words`). French follows the traditional spelling the UN keeps
(hyphens inside the tens, "et" in 21, 31 … 71, none in 81 and 91; "cent" with no hyphen) and the ordinal takes
"-ième" on the cardinal's last word ("cinq" → "cinquième", "neuf" → "neuvième", "quatre-vingts" →
"quatre-vingtième"). Spanish builds the ordinal from its own words (tens "vigésimo" … "nonagésimo", then the
unit); before the noun ("primer período de sesiones") "primero" and "tercero" lose their last letter.
Tested against the session lines and the "Documents officiels … session (A/78/…)" citations of the UN XML in
tests/fixtures/languages.
"""

from __future__ import annotations

from functools import cache

_FR_UNITS = (
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept "
    "dix-huit dix-neuf"
).split()
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _fr_below_100(n: int) -> str:
    if n < 20:
        return _FR_UNITS[n]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix, quatre-vingt-dix: the tens below and 10-19
        head = "soixante" if tens == 7 else "quatre-vingt"
        rest = _FR_UNITS[10 + unit]
        return f"{head} et {rest}" if n == 71 else f"{head}-{rest}"
    if tens == 8:
        return "quatre-vingts" if unit == 0 else f"quatre-vingt-{_FR_UNITS[unit]}"
    head = _FR_TENS[tens]
    if unit == 0:
        return head
    return f"{head} et un" if unit == 1 else f"{head}-{_FR_UNITS[unit]}"


def french_cardinal(n: int) -> str:
    """1 ≤ n ≤ 999 in French words: 71 → "soixante et onze", 80 → "quatre-vingts", 200 → "deux cents"."""
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _fr_below_100(rest)
    head = "cent" if hundreds == 1 else f"{_FR_UNITS[hundreds]} cent" + ("s" if not rest else "")
    return head if not rest else f"{head} {_fr_below_100(rest)}"


def french_ordinal(n: int) -> str:
    """1 ≤ n ≤ 999 as a French ordinal: 1 → "première" (a session), 79 → "soixante-dix-neuvième"."""
    if n == 1:
        return "première"
    words = french_cardinal(n)
    cut = max(words.rfind("-"), words.rfind(" ")) + 1
    head, last = words[:cut], words[cut:]
    if last == "cinq":
        last = "cinqu"
    elif last == "neuf":
        last = "neuv"
    elif last in ("vingts", "cents") or last.endswith("e"):
        last = last[:-1]
    return f"{head}{last}ième"


_ES_UNITS = "primero segundo tercero cuarto quinto sexto séptimo octavo noveno".split()
_ES_TENS = "décimo vigésimo trigésimo cuadragésimo quincuagésimo sexagésimo septuagésimo octogésimo nonagésimo".split()
_ES_TEENS = {11: "undécimo", 12: "duodécimo"}
_ES_HUNDREDS = (
    "centésimo ducentésimo tricentésimo cuadringentésimo quingentésimo sexcentésimo septingentésimo "
    "octingentésimo noningentésimo"
).split()


def spanish_ordinal(n: int, *, before_noun: bool = True) -> str:
    """1 ≤ n ≤ 999 as a Spanish ordinal (masculine: "período de sesiones"): 79 → "septuagésimo noveno", 81 →
    "octogésimo primer" before the noun ("octogésimo primero" after it), 13 → "decimotercer"."""
    hundreds, rest = divmod(n, 100)
    words = [_ES_HUNDREDS[hundreds - 1]] if hundreds else []
    tens, unit = divmod(rest, 10)
    if rest in _ES_TEENS:
        words.append(_ES_TEENS[rest])
    elif tens == 1 and unit:
        words.append("decimo" + _ES_UNITS[unit - 1])  # decimotercero, decimoséptimo
    else:
        if tens:
            words.append(_ES_TENS[tens - 1])
        if unit:
            words.append(_ES_UNITS[unit - 1])
    out = " ".join(words)
    if before_noun and out.endswith(("primero", "tercero")):
        out = out[:-1]
    return out


def ordinal_in(n: int, language: str, *, before_noun: bool = True) -> str:
    """`n` as an ordinal in words of `language` ("fr", "es"); "" where the module has no words for it."""
    if not 0 < n < 1000:
        return ""
    if language == "fr":
        return french_ordinal(n)
    if language == "es":
        return spanish_ordinal(n, before_noun=before_noun)
    return ""


@cache
def _numbers(language: str) -> dict[str, int]:
    out = {ordinal_in(n, language, before_noun=False): n for n in range(1, 1000)}
    out.update({ordinal_in(n, language): n for n in range(1, 1000)})
    if language == "fr":
        out["premier"] = 1
    return out


def parse_ordinal_in(words: str, language: str) -> int | None:
    """ "Soixante-dix-neuvième" → 79, "octogésimo primer" → 81; None for words that are no ordinal here."""
    return _numbers(language).get(" ".join(words.split()).lower())


def ordinals_in(language: str, up_to: int = 199) -> list[str]:
    """Every ordinal of `language` from 1 to `up_to`, in both Spanish forms, longest first (for a pattern)."""
    return sorted({w for w, n in _numbers(language).items() if n <= up_to}, key=len, reverse=True)
