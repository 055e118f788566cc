"""Openers of preambular and operative paragraphs: detect, convert between parts, add also/further markers.

The phrases live in resources/lexicons/ (preambular.txt, operative.txt, adverbs.txt, pairs.txt). The
repetition forms ("Recalling also", "Also requests", "Noting also with concern") are generated here by rule.

Detection grammar, matched on words, case-insensitively (-ise spellings count as -ize):

    opener  = prefix* phrase [marker] ("and" prefix* phrase [marker])*
    prefix  = an adverb from adverbs.txt ("Strongly", "Once again") or a marker ("Also", "Further")
    phrase  = a lexicon phrase, or a lexicon phrase with a marker inside it ("Noting also with concern")

When nothing in the lexicon fits, a one-word heuristic applies (see `detect_opener`).

Other languages (`language="fr"`, "es") read their own files (lexicons/fr-preambular.txt ..., learned from the
UN's italics by scripts/learn_openers.py) and take their markers and heuristic endings from
resources/languages/<code>.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from app.languages import DEFAULT, get_language
from app.model import Part
from app.paths import resource
from app.templates import Template

MARKERS = ("also", "further")
_WORD = re.compile(r"[^\W\d_]+(?:[-‑'’][^\W\d_]+)*")
_ISE = re.compile(r"is(e|es|ed|ing|ation|ations)$")


def _norm(word: str) -> str:
    """A word as the lexicon compares it: lower case, -ise spelled -ize, non-breaking hyphen as a hyphen."""
    return _ISE.sub(r"iz\1", word.lower().replace("‑", "-").replace("’", "'"))


@dataclass(frozen=True)
class _Phrase:
    text: str  # as listed, without the `|`
    words: tuple[str, ...]  # normalized
    slot: int  # marker placed "after" goes after this many words


@dataclass(frozen=True)
class _Lexicon:
    phrases: tuple[_Phrase, ...]
    by_first: dict[str, tuple[tuple[str, ...], ...]]  # first word → word sequences, longest first
    exact: dict[tuple[str, ...], _Phrase]
    heads: frozenset[str]  # normalized head words (first word after any adverb)


def _read_lines(name: str, *, optional: bool = False) -> list[str]:
    path = resource("lexicons", name)
    if optional and not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def _prefix(language: str) -> str:
    return get_language(language).lexicon_prefix


@cache
def markers(language: str = DEFAULT) -> tuple[tuple[str, ...], ...]:
    """The also/further markers of a language as normalized word sequences ("en outre" → ("en", "outre"))."""
    return tuple(tuple(_norm(w) for w in m.split()) for m in get_language(language).openers["markers"])


@cache
def adverbs(language: str = DEFAULT) -> tuple[tuple[str, ...], ...]:
    """Adverb word sequences that may precede an opener, longest first, normalized."""
    lines = _read_lines(_prefix(language) + "adverbs.txt", optional=language != DEFAULT)
    seqs = {tuple(_norm(w) for w in line.split()) for line in lines}
    seqs |= set(markers(language))
    return tuple(sorted(seqs, key=len, reverse=True))


def _head_index(words: tuple[str, ...], language: str = DEFAULT) -> int:
    """Index of the first word that is not an adverb ("Strongly condemns" → 1)."""
    i = 0
    while i < len(words) - 1:
        step = _adverb_at(words, i, language)
        if not step:
            break
        i += step
    return i


@cache
def _adverbs_by_first_word(language: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """`adverbs` by their first word, longest first: a word is looked up, not compared with every sequence."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for seq in adverbs(language):
        out.setdefault(seq[0], []).append(seq)
    return {first: tuple(seqs) for first, seqs in out.items()}


def _adverb_at(words: tuple[str, ...] | list[str], i: int, language: str = DEFAULT) -> int:
    if i >= len(words):
        return 0
    for seq in _adverbs_by_first_word(language).get(words[i], ()):
        if tuple(words[i : i + len(seq)]) == seq:
            return len(seq)
    return 0


def _learned(part: Part) -> tuple[list[str], set[tuple[str, ...]]]:
    """Phrases to add and to drop for a part, learned from the UN's italics (lexicons/learned.txt)."""
    added: list[str] = []
    dropped: set[tuple[str, ...]] = set()
    for line in _read_lines("learned.txt"):
        sign, where, phrase = line.split(" ", 2)
        if where == part.value:
            if sign == "+":
                added.append(phrase)
            else:  # the UN prints it shorter: "Recommitting to" is "*Recommitting* to ensuring …"
                dropped.add(tuple(_norm(w) for w in phrase.split()))
                if " " in phrase:
                    added.append(phrase.rsplit(" ", 1)[0])
    return added, dropped


@cache
def _lexicon(part: Part, language: str = DEFAULT) -> _Lexicon:
    name = _prefix(language) + ("preambular.txt" if part is Part.PREAMBLE else "operative.txt")
    added, dropped = _learned(part) if language == DEFAULT else ([], set())
    phrases: dict[tuple[str, ...], _Phrase] = {}
    for line in [*_read_lines(name, optional=language != DEFAULT), *added]:
        raw_words = line.replace("|", " | ").split()
        slot = raw_words.index("|") if "|" in raw_words else -1
        plain = [w for w in raw_words if w != "|"]
        words = tuple(_norm(w) for w in plain)
        if slot < 0:
            slot = _head_index(words, language) + 1
        if words not in dropped:
            phrases.setdefault(words, _Phrase(" ".join(plain), words, slot))
    sequences: set[tuple[str, ...]] = set()
    for ph in phrases.values():
        sequences.add(ph.words)
        if ph.slot < len(ph.words):  # "Noting also with concern"; the end position is a trailing marker
            for m in MARKERS:
                sequences.add(ph.words[: ph.slot] + (m,) + ph.words[ph.slot :])
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for seq in sequences:
        by_first.setdefault(seq[0], []).append(seq)
    heads = frozenset(ph.words[_head_index(ph.words, language)] for ph in phrases.values())
    return _Lexicon(
        phrases=tuple(phrases.values()),
        by_first={k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()},
        exact=phrases,
        heads=heads,
    )


def phrases(part: Part, language: str = DEFAULT) -> tuple[str, ...]:
    """The listed phrases for a part, as written in the lexicon file of the language."""
    return tuple(ph.text for ph in _lexicon(part, _known(language)).phrases)


def _known(language: str) -> str:
    """The code of a language Resolute has ("en" for an unknown one)."""
    return get_language(language).code


def _tokens(text: str, limit: int = 16) -> list[re.Match[str]]:
    """The first words of a text; the opener must start at the first character (after spaces)."""
    out = []
    pos = len(text) - len(text.lstrip())
    for m in _WORD.finditer(text, pos):
        if m.start() != pos:  # punctuation or a digit between words ends the opener
            break
        out.append(m)
        pos = m.end()
        while pos < len(text) and text[pos] in " \t\u00a0":
            pos += 1
        if len(out) >= limit:
            break
    return out


def _phrase_at(words: list[str], i: int, lex: _Lexicon) -> int:
    """Length of the longest lexicon phrase (with an inner marker allowed) starting at word i."""
    if i >= len(words):
        return 0
    for seq in lex.by_first.get(words[i], ()):
        if tuple(words[i : i + len(seq)]) == seq:
            return len(seq)
    return 0


def _opener_at(words: list[str], i: int, lex: _Lexicon, part: Part, language: str = DEFAULT) -> int:
    """End index (exclusive) of prefix* phrase [marker] starting at i, or i when none."""
    starts = [i]
    j = i
    for _ in range(3):  # "Also strongly", "Once again", "Further strongly"
        step = _adverb_at(words, j, language)
        if not step:
            break
        j += step
        starts.append(j)
    # the most adverbs first, then back off: "Deeply concerned" is a phrase of its own too
    for start in reversed(starts):
        n = _phrase_at(words, start, lex)
        if n:
            end = start + n
            if language != DEFAULT:
                for seq in markers(language):  # "Prie également", "Rappelant en outre"
                    if tuple(words[end : end + len(seq)]) == seq:
                        return end + len(seq)
                return end
            if end < len(words) and words[end] in MARKERS and _trailing_marker_ok(words, end, part):
                end += 1
            return end
    return i


def _trailing_marker_ok(words: list[str], at: int, part: Part) -> bool:
    """'Requests also', 'Decides further that'; but not 'Encourages further efforts' (further = more)."""
    if part is Part.PREAMBLE or words[at] == "also":
        return True
    return at + 1 >= len(words) or words[at + 1] in ("that", "to", "the", "its", "all")


# an adverbial phrase set off by commas before the verb, the whole in italics in the UN's texts: "*Also, in this
# regard, calls upon*", "*In that regard, notes*" (A/RES/79/145, A/RES/80/109)
_SET_OFF = re.compile(
    r"(?:(?:Also|Further|Furthermore|Moreover), (?:in|In)|In) (?:this|that) (?:regard|context|respect), (?=[a-z])"
)


def _set_off_lead(text: str, language: str) -> int:
    """The length of an adverbial phrase set off by commas at the start of `text`, 0 when there is none."""
    m = _SET_OFF.match(text) if language == DEFAULT else None
    return m.end() if m else 0


def _after_set_off(text: str, part: Part, language: str) -> str:
    """The opener of a paragraph that opens with a phrase set off by commas ("Also, in this regard, calls
    upon"): the phrase with the lexicon's opener after it, as written; "" when the text has none."""
    lead = _set_off_lead(text, language)
    if not lead:
        return ""
    rest = text[lead:]
    toks = _tokens(rest[:1].upper() + rest[1:])
    words = [_norm(m.group(0)) for m in toks]
    end = _opener_at(words, 0, _lexicon(part, language), part, language)
    return text[: lead + toks[end - 1].end()] if end else ""


def detect_opener(text: str, part: Part, *, template: Template | None = None, language: str = DEFAULT) -> str:
    """The opener at the start of a paragraph's plain text, exactly as written there (a prefix of `text`).

    The first letter must be a capital. Longest match from the lexicon of that part, case-insensitive after
    that ("Deeply Concerned" is found, for the capitalization rule), with adverbs, markers and "X and Y"
    combinations. When nothing in the lexicon fits, a heuristic gives a one-word opener: in the preamble a
    first word ending in -ing or -ed ("Having" takes the next word along: "Having deliberated"); in the
    operative part a first word ending in -s (not -ss/-us/-is). Otherwise "". `template` is accepted for
    organ-specific lexicons later.
    """
    del template
    language = _known(language)
    if set_off := _after_set_off(text.lstrip(), part, language):
        return set_off
    toks = _tokens(text)
    if not toks or not toks[0].group(0)[0].isupper():
        return ""  # an opener begins a paragraph; "recalling" inside a one-sentence decision is not one
    words = [_norm(m.group(0)) for m in toks]
    lex = _lexicon(part, language)
    end = _opener_at(words, 0, lex, part, language)
    if end:
        joiner = _and_word(language)
        while end + 1 < len(words) and words[end] == joiner:
            nxt = _opener_at(words, end + 1, lex, part, language)
            if nxt == end + 1:
                break
            end = nxt
        return text[toks[0].start() : toks[end - 1].end()]
    if language != DEFAULT:
        return toks[0].group(0) if looks_like_opener(toks[0].group(0), part, language) else ""
    return _heuristic(text, toks, words, part)


def _and_word(language: str) -> str:
    return _norm(get_language(language).and_word)


def looks_like_opener(word: str, part: Part, language: str = DEFAULT) -> bool:
    """A word outside the lexicon whose ending fits the part, by the language's endings (languages/*.toml):
    a participle or adjective in the preamble, a present-tense verb in the operative part."""
    rules = get_language(language).openers
    w = _norm(word)
    if len(w) < 4:
        return False
    if part is Part.PREAMBLE:
        return w.endswith(tuple(rules["preambular_endings"]))
    return w.endswith(tuple(rules["operative_endings"])) and not w.endswith(
        tuple(rules.get("operative_not_endings", ())) or ("\0",)
    )


def _heuristic(text: str, toks: list[re.Match[str]], words: list[str], part: Part) -> str:
    step = _adverb_at(words, 0)
    if step and step < len(words):  # "Deeply disappointed", "Solemnly proclaiming": the adverb, then the word
        rest = _heuristic(text, toks[step:], words[step:], part)
        return text[toks[0].start() : toks[step].start() + len(rest)] if rest else ""
    first = toks[0].group(0)
    if len(first) < 4:
        return ""
    if part is Part.PREAMBLE:
        if words[0] == "having" and len(words) > 1 and re.search(r"(ed|en|wn|ne|t)$", words[1]):
            return text[toks[0].start() : toks[1].end()]
        if words[0].endswith(("ing", "ed")):
            return first
        return ""
    if first[0].isupper() and words[0].endswith("s") and not words[0].endswith(("ss", "us", "is")):
        return first
    return ""


@lru_cache(maxsize=4096)  # readers ask of every italic line, and a draft repeats a few dozen openers
def is_known(opener: str, part: Part, language: str = DEFAULT) -> bool:
    """True when the whole opener is a lexicon opener of that part (markers, adverbs and "and" allowed)."""
    language = _known(language)
    if lead := _set_off_lead(opener, language):
        return _after_set_off(opener, part, language) == opener.rstrip() and len(opener.rstrip()) > lead
    toks = _tokens(opener, limit=40)
    if not toks or toks[-1].end() != len(opener.rstrip()):
        return False
    words = [_norm(m.group(0)) for m in toks]
    lex = _lexicon(part, language)
    end = _opener_at(words, 0, lex, part, language)
    joiner = _and_word(language)
    while end and end + 1 < len(words) and words[end] == joiner:
        nxt = _opener_at(words, end + 1, lex, part, language)
        if nxt == end + 1:
            break
        end = nxt
    return end == len(words)


def begins_with_opener(text: str, part: Part, language: str = DEFAULT) -> bool:
    """True when `text` ("and" allowed first) is a lexicon opener of the part or begins with one's verb after
    any adverbs: "expressing serious concern", "and further recalling", "calling" (of "Calling for"),
    "reaffirming its resolve", "specifically underscores"; not "including" or "the Charter"."""
    if is_known(text, part, language):
        return True
    words = [_norm(m.group(0)) for m in _tokens(text)]
    if words and words[0] == _and_word(language):
        words = words[1:]
    head = _head_index(tuple(words), language)
    while head < len(words) - 1 and language == DEFAULT and words[head].endswith("ly"):
        head += 1  # an adverb the list lacks: "specifically underscores"
    return head < len(words) and words[head] in _lexicon(part, _known(language)).heads


def head_word(opener: str) -> str:
    """The verb, participle or adjective of an opener: "Also strongly urges" → "urges" (lower case)."""
    words = [_norm(w) for w in _WORD.findall(opener)]
    words = [w for w in words if w not in MARKERS] or words
    if not words:
        return ""
    return words[_head_index(tuple(words))]


# ---- markers ---------------------------------------------------------------------------------------------


def strip_marker(opener: str, language: str = DEFAULT) -> tuple[str, str]:
    """The opener without its also/further marker, and the marker ("" when none).

    "Recalling also" → ("Recalling", "also"); "Also requests" → ("Requests", "also");
    "Noting further with concern" → ("Noting with concern", "further"); in French "Prie en outre" → ("Prie",
    "en outre"), in Spanish "Recordando también" → ("Recordando", "también").
    """
    if _known(language) != DEFAULT:
        return _strip_foreign_marker(opener, language)
    words = opener.split()
    for i, w in enumerate(words):
        if w.lower() in MARKERS and len(words) > 1:
            rest = words[:i] + words[i + 1 :]
            if i == 0:
                rest[0] = _cap(rest[0])
            return " ".join(rest), w.lower()
    return opener, ""


def _strip_foreign_marker(opener: str, language: str) -> tuple[str, str]:
    """strip_marker with the language's own markers (its [openers] markers, one or more words each)."""
    words = opener.split()
    norm = [_norm(w) for w in words]
    for seq in markers(language):
        for i in range(len(norm) - len(seq) + 1):
            if tuple(norm[i : i + len(seq)]) == seq and len(words) > len(seq):
                rest = words[:i] + words[i + len(seq) :]
                if i == 0:
                    rest[0] = _cap(rest[0])
                return " ".join(rest), " ".join(w.lower() for w in words[i : i + len(seq)])
    return opener, ""


def opener_key(opener: str, language: str = DEFAULT) -> str:
    """What makes two openers "the same" for the repetition rule: lower case, markers and spacing removed."""
    base, _ = strip_marker(opener.strip(), language)
    return " ".join(_norm(w) for w in base.split())


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _low(word: str) -> str:
    """Lower the first letter unless the word looks like a proper noun or acronym ("UN", "Chapter")."""
    if len(word) > 1 and word[1].isupper():
        return word
    return word[:1].lower() + word[1:]


def _slot(base_words: list[str], part: Part) -> int:
    """Where an "after" marker goes in a base opener: the lexicon's `|`, else after the head word."""
    lex = _lexicon(part)
    norm = tuple(_norm(w) for w in base_words)
    # the longest lexicon phrase that starts the opener, possibly after adverbs
    i = 0
    while True:
        for k in range(len(norm), i, -1):
            ph = lex.exact.get(norm[i:k])
            if ph:
                return i + ph.slot
        step = _adverb_at(norm, i)
        if not step or i + step >= len(norm):
            break
        i += step
    return _head_index(norm) + 1


def with_marker(
    opener: str, part: Part, template: Template | None = None, nth: int = 2, language: str = DEFAULT
) -> str:
    """The opener for its `nth` use (1-based): 1 → as is; 2 → first marker; 3 and later → second marker.

    GA preamble: "Recalling", "Recalling also", "Recalling further"; GA operative: "Requests", "Also requests",
    "Further requests". Placement and marker words come from the template (preambular_marker,
    operative_marker, markers); without a template the GA defaults apply.
    """
    language = _known(language)
    if language != DEFAULT:  # the language's own markers and places: "Rappelant également", "Prie en outre"
        return _foreign_marker(opener.strip(), part, nth, language)
    base, _ = strip_marker(opener.strip())
    if nth <= 1 or not base:
        return base
    markers = template.markers if template and template.markers else MARKERS
    marker = markers[min(nth - 2, len(markers) - 1)]
    if part is Part.PREAMBLE:
        where = template.preambular_marker if template else "after"
    else:
        where = template.operative_marker if template else "before"
    words = base.split()
    if where == "before":
        return " ".join([_cap(marker.lower())] + [_low(words[0])] + words[1:])
    slot = min(_slot(words, part), len(words))
    return " ".join(words[:slot] + [marker.lower()] + words[slot:])


def _foreign_marker(opener: str, part: Part, nth: int, language: str) -> str:
    rules = get_language(language).openers
    words = opener.split()
    norm = [_norm(w) for w in words]
    for seq in markers(language):  # drop a marker already there
        for i in range(len(norm) - len(seq) + 1):
            if tuple(norm[i : i + len(seq)]) == seq and len(words) > len(seq):
                words, norm = words[:i] + words[i + len(seq) :], norm[:i] + norm[i + len(seq) :]
                break
    if nth <= 1 or not words:
        return " ".join(words)
    listed = rules["markers"]
    marker = listed[min(nth - 2, len(listed) - 1)]
    where = rules["preambular_marker" if part is Part.PREAMBLE else "operative_marker"]
    if where == "before":
        return " ".join([_cap(marker)] + [_low(words[0])] + words[1:])
    slot = min(_head_index(tuple(norm), language) + 1, len(words))
    return " ".join(words[:slot] + [marker] + words[slot:])


# ---- converting between parts ----------------------------------------------------------------------------


@cache
def _pairs() -> tuple[dict[str, str], dict[str, str]]:
    """(preamble → operative, operative → preamble), keys normalized."""
    to_op: dict[str, str] = {}
    to_pre: dict[str, str] = {}
    for line in _read_lines("pairs.txt"):
        if "<=>" in line:
            left, right = (s.strip() for s in line.split("<=>", 1))
            to_op[opener_key(left)] = right
            to_pre[opener_key(right)] = left
        elif "=>" in line:
            left, right = (s.strip() for s in line.split("=>", 1))
            to_op[opener_key(left)] = right
    return to_op, to_pre


_DOUBLING = frozenset(
    "regret commit admit permit submit transmit omit emit refer prefer confer defer infer deter occur "
    "recur incur concur compel propel expel dispel control patrol equip abet allot forget plan stop ban bar "
    "acquit rebut recommit format".split()
)


def _ing_forms(base: str) -> list[str]:
    """Candidate -ing forms of a base verb, most likely first."""
    if base.endswith("ie"):
        return [base[:-2] + "ying"]
    if base.endswith(("ee", "ye", "oe")):
        return [base + "ing"]
    if base.endswith("e") and len(base) > 2:
        return [base[:-1] + "ing", base + "ing"]
    doubled = base + base[-1] + "ing"
    if base in _DOUBLING:
        return [doubled, base + "ing"]
    return [base + "ing", doubled]


def _third_person(base: str) -> str:
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if len(base) > 2 and base.endswith("y") and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def _bases_of_third(word: str) -> list[str]:
    out = []
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith(("sses", "shes", "ches", "xes", "zzes", "oes")):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    if word.endswith("es") and word[:-2] not in out:
        out.append(word[:-2])
    return out or [word]


def _bases_of_ing(word: str) -> list[str]:
    stem = word[:-3]
    out = []
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        out.append(stem[:-1])
    if stem.endswith("y") and len(stem) > 1 and stem[-2] not in "aeiou":
        out.append(stem[:-1] + "ie")
    e_first = (
        stem.endswith(("v", "z", "c", "u", "at", "dg", "ud", "id", "as", "is", "os", "ir"))
        or (stem.endswith("ur") and not stem.endswith("our"))  # ensure, but honour
        or (stem.endswith("in") and not stem.endswith(("ain", "oin", "ein")))  # define, but maintain
        or (stem.endswith("g") and not stem.endswith("ng"))
    )
    out += [stem + "e", stem] if e_first else [stem, stem + "e"]
    return out


@cache
def _participles() -> frozenset[str]:
    """Every -ing word of the preambular lexicon, normalized."""
    return frozenset(w for ph in _lexicon(Part.PREAMBLE).phrases for w in ph.words if w.endswith("ing"))


@cache
def _third_forms() -> frozenset[str]:
    return frozenset(_lexicon(Part.OPERATIVE).heads)


def _to_third(word: str) -> str | None:
    """An -ing or -ed word as a present-tense 3rd person verb: "recalling" → "recalls"."""
    w = _norm(word)
    if w in ("being", "having"):
        return _respell(word, "is" if w == "being" else "has")
    if w.endswith("ing") and len(w) > 4:
        bases = _bases_of_ing(w)
    elif w.endswith("ed") and len(w) > 3:
        bases = [w[:-1], w[:-2]] + ([w[:-3]] if len(w) > 4 and w[-3] == w[-4] else [])
    else:
        return None
    known = _third_forms()
    for base in bases:
        if _third_person(base) in known:
            return _respell(word, _third_person(base))
    return _respell(word, _third_person(bases[0])) if w.endswith("ing") else None


def _to_ing(word: str) -> str | None:
    """A 3rd person verb as an -ing word: "requests" → "requesting"."""
    w = _norm(word)
    if w == "is":
        return "being"
    if w == "has":
        return "having"
    if not w.endswith("s") or len(w) < 3:
        return None
    known = _participles()
    cands = [form for base in _bases_of_third(w) for form in _ing_forms(base)]
    for form in cands:
        if form in known:
            return _respell(word, form)
    return _respell(word, cands[0])


def _respell(original: str, word: str) -> str:
    """Keep the writer's -ise spelling and capital."""
    if re.search(r"is(e|es|ed|ing)$", original.lower()) and re.search(r"iz(e|es|ed|ing)$", word):
        word = re.sub(r"iz(e|es|ed|ing)$", r"is\1", word)
    return _cap(word) if original[:1].isupper() else word


def convert_opener(opener: str, to: Part, *, template: Template | None = None) -> str:
    """The opener rewritten for the other part, keeping adverbs and the also/further marker.

    "Recalling" ↔ "Recalls", "Recalling also" ↔ "Also recalls", "Noting with concern" ↔ "Notes with concern",
    "Strongly condemning" ↔ "Strongly condemns". Irregular pairs ("Deeply concerned" → "Expresses deep concern")
    come from resources/lexicons/pairs.txt; an adjective with no pair becomes "Remains …" ("Remains convinced").
    An opener already of the target form, or one that cannot be converted, is returned unchanged.
    """
    text = opener.strip()
    if not text:
        return opener
    base, marker = strip_marker(text)
    nth = 1 if not marker else (2 if marker == "also" else 3)
    to_op, to_pre = _pairs()
    table = to_op if to is Part.OPERATIVE else to_pre
    converted = table.get(opener_key(base))
    if converted is None:
        converted = _convert_regular(base, to)
    if converted is None:
        return opener
    return with_marker(converted, to, template, nth) if nth > 1 else converted


def _convert_regular(base: str, to: Part) -> str | None:
    source = Part.OPERATIVE if to is Part.PREAMBLE else Part.PREAMBLE
    if " and " in base:  # "Welcomes and encourages" → "Welcoming and encouraging"
        left, right = base.split(" and ", 1)
        if is_known(left, source) and is_known(_cap(right), source):
            a, b = _convert_regular(left, to), _convert_regular(_cap(right), to)
            if a and b:
                return f"{a} and {_low(b)}"
    words = base.split()
    norm = tuple(_norm(w) for w in words)
    h = _head_index(norm)
    head = words[h]
    if to is Part.OPERATIVE:
        if norm[h] == "having" and h + 1 < len(words):  # "Having considered" → "Considers"
            third = _to_third(words[h + 1])
            if third is None:
                return None
            new = words[:h] + [third] + words[h + 2 :]
        else:
            third = _to_third(head)
            if third is not None:
                new = words[:h] + [third] + words[h + 1 :]
            elif norm[h].endswith("s") and norm[h] in _third_forms():
                return None  # already operative
            else:  # an adjective or past participle: "Convinced" → "Remains convinced"
                return "Remains " + " ".join([_low(words[0])] + words[1:])
    else:
        if norm[h] == "remains" and h + 1 < len(words) and not _to_third(words[h + 1]):
            # "Remains convinced" → "Convinced"; "Remains deeply concerned" → "Deeply concerned"
            rest = words[h + 1 :]
            return " ".join(words[:h] + [_cap(rest[0]) if h == 0 else rest[0]] + rest[1:])
        if norm[h].endswith("ing"):
            return None  # already preambular
        ing = _to_ing(head)
        if ing is None:
            return None
        new = words[:h] + [ing] + words[h + 1 :]
    new[0] = _cap(new[0])
    return " ".join(new)
