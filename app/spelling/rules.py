"""Style rules as data (the Vale model): one TOML file per rule in resources/styles/<Style>/, plus a user rules
file that switches rules off, changes their level or adds house rules.

A rule file is only ever read as data: its patterns are regular expressions and its messages are templates with
named placeholders ({match}, {fix}). A bad file raises TemplateError naming the file and the line.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.datafile import TOMLDecodeError, nests_too_deeply, parse_toml
from app.digits import to_int
from app.errors import InputError, TemplateError
from app.findings import Severity
from app.messages import Message, reason, say
from app.reasons import why
from app.spelling.pattern_shape import can_hang

KINDS = ("existence", "substitution", "capitalization", "italics")
FIELDS = ("opener", "text", "tail", "title", "footnote", "cell")  # "cell": a table's cells
LEVELS = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "suggestion": Severity.INFO,
    "info": Severity.INFO,
}
PLACEHOLDERS = {"match", "fix"}

_COMMON = {
    "kind",
    "message",
    "level",
    "description",
    "link",
    "scope",
    "ignorecase",
    "exceptions",
    "examples",
    "requires",
    "short_forms",
}
_BY_KIND = {
    "existence": {"tokens", "target"},
    "substitution": {"swap", "tokens", "table", "if_known", "quoted"},
    "capitalization": {"terms"},
    "italics": {"allow"},
}
_REQUIRED = {"existence": "tokens", "substitution": "swap", "capitalization": "terms", "italics": None}


@dataclass(frozen=True)
class Rule:
    id: str  # "UN.Programme": style folder and file name
    kind: str
    message: str
    level: Severity
    description: str = ""
    link: str = ""
    scope: tuple[str, ...] = FIELDS
    target: str = "plain"  # existence only: "markup" looks at the stored marks (bold, underline)
    patterns: tuple[tuple[re.Pattern[str], str], ...] = ()  # (pattern, replacement or "")
    exceptions: tuple[re.Pattern[str], ...] = ()
    # (name, short form): once a draft names the body anywhere, its short form is excepted throughout the draft
    # ("the Organisation" after "the Organisation for the Prohibition of Chemical Weapons")
    short_forms: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()
    terms: tuple[str, ...] = ()
    if_known: bool = False
    quoted: bool = (
        False  # substitution: also inside quotations, which otherwise keep what they were issued with
    )
    examples_flag: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    source: str = ""
    requires: tuple[
        str, ...
    ] = ()  # a speed hint: the rule can only fire when one of these strings is present
    combined: re.Pattern[str] | None = field(default=None, compare=False)  # all patterns in one, for one pass
    words: dict[str, str] | None = field(
        default=None, compare=False
    )  # swap keys that are plain words: \bword\b
    table: dict[str, str] | None = field(
        default=None, compare=False
    )  # substitution by table: hit text -> fix
    lookup: dict[str, str] | None = field(default=None, compare=False)  # capitalization: lower case -> term

    def format(self, **values: str) -> Message:
        """The rule's message (a template of app.messages: rule files' English messages have catalog entries)."""
        return say(self.message, **{k: values.get(k, "") for k in PLACEHOLDERS})


def load_style(folder: Path) -> list[Rule]:
    """Every rule of one style folder; the style is the folder's name."""
    rules = []
    for path in sorted(folder.glob("*.toml")):
        if path.name == "meta.toml":
            continue
        text = _read(path)
        data = _parse(path, text)
        rules.append(build_rule(f"{folder.name}.{path.stem}", data, path=path, text=text))
    return rules


@dataclass(frozen=True)
class UserRules:
    disabled: frozenset[str] = frozenset()
    levels: dict[str, Severity] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()


def load_user_rules(path: Path) -> UserRules:
    """disable = ["UN.SerialComma"]; [levels] "UN.Italics" = "error"; [rules.Name] a house rule, id House.Name."""
    text = _read(path)
    data = _parse(path, text)
    unknown = set(data) - {"disable", "levels", "rules"}
    if unknown:
        key = sorted(unknown)[0]
        where = _where(path, text, key)
        raise TemplateError(
            say("{where}: unknown key '{key}' (allowed: disable, levels, rules)", where=where, key=key)
        )
    disabled = data.get("disable", [])
    if not isinstance(disabled, list) or not all(isinstance(r, str) for r in disabled):
        where = _where(path, text, "disable")
        raise TemplateError(say("{where}: '{key}' must be a list of rule ids", where=where, key="disable"))
    levels: dict[str, Severity] = {}
    raw_levels = data.get("levels", {})
    if not isinstance(raw_levels, dict):
        where = _where(path, text, "levels")
        raise TemplateError(
            say("{where}: [{key}] must be a table of rule id = level", where=where, key="levels")
        )
    for rule_id, level in raw_levels.items():
        if level not in LEVELS:
            where = _where(path, text, rule_id)
            raise TemplateError(
                say(
                    "{where}: level of '{rule}' must be one of {allowed}",
                    where=where,
                    rule=rule_id,
                    allowed=_names(LEVELS),
                )
            )
        levels[rule_id] = LEVELS[level]
    house = []
    raw_rules = data.get("rules", {})
    if not isinstance(raw_rules, dict):
        raise TemplateError(
            say("{where}: [rules.Name] tables hold house rules", where=_where(path, text, "rules"))
        )
    for name, body in raw_rules.items():
        if not isinstance(body, dict):
            where = _where(path, text, name)
            raise TemplateError(say("{where}: rule '{rule}' must be a table", where=where, rule=name))
        house.append(build_rule(f"House.{name}", body, path=path, text=text, table=f"rules.{name}"))
    return UserRules(frozenset(disabled), levels, tuple(house))


def build_rule(rule_id: str, data: dict[str, Any], *, path: Path, text: str = "", table: str = "") -> Rule:
    def fail(key: str, problem: Message) -> TemplateError:
        return TemplateError(say("{name}: {reason}", name=_where(path, text, key, table), reason=problem))

    kind = _checked_kind(data, fail)
    message = _text(data, "message", fail, required=True)
    _check_placeholders(message, fail)
    level = data.get("level", "warning")
    if level not in LEVELS:
        raise fail("level", _not_one_of("level", _names(LEVELS), level))
    scope = _scope(data, fail)
    ignorecase = _bool(data, "ignorecase", fail, default=False)
    flags = re.IGNORECASE if ignorecase else 0
    exceptions = tuple(_compile(p, flags, fail, "exceptions") for p in _strings(data, "exceptions", fail))
    short_forms = _short_forms(data, flags, fail)
    patterns, terms, target = _kind_patterns(kind, data, flags, fail)
    examples = data.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"flag", "pass"}:
        raise fail("examples", say("[examples] holds 'flag' and 'pass', each a list of text"))
    words = _plain_words(patterns) if kind == "substitution" and "swap" in data and not ignorecase else None
    return Rule(
        id=rule_id,
        kind=kind,
        message=message,
        level=LEVELS[level],
        description=_text(data, "description", fail),
        link=_text(data, "link", fail),
        scope=scope,
        target=target,
        patterns=tuple(patterns),
        exceptions=exceptions,
        short_forms=short_forms,
        terms=terms,
        if_known=_bool(data, "if_known", fail, default=False),
        quoted=_bool(data, "quoted", fail, default=False),
        examples_flag=tuple(_strings(examples, "flag", fail)),
        examples_pass=tuple(_strings(examples, "pass", fail)),
        source=str(path),
        requires=tuple(_strings(data, "requires", fail)),
        combined=_combined(kind, patterns),
        words=words,
        table=dict(data["table"]) if kind == "substitution" and "table" in data else None,
        lookup={t.lower(): t for t in terms} if kind == "capitalization" else None,
    )


def _checked_kind(data: dict[str, Any], fail: Any) -> str:
    """The rule's kind, once its keys are those of the kind and its required ones are there."""
    kind = data.get("kind")
    if kind not in KINDS:
        raise fail("kind", _not_one_of("kind", ", ".join(KINDS), kind))
    unknown = set(data) - _COMMON - _BY_KIND[kind]
    if unknown:
        key = sorted(unknown)[0]
        allowed = ", ".join(sorted(_COMMON | _BY_KIND[kind]))
        raise fail(
            key,
            say(
                "unknown key '{key}' for a {kind} rule (allowed: {allowed})",
                key=key,
                kind=kind,
                allowed=allowed,
            ),
        )
    needed = _REQUIRED[kind]
    if kind == "substitution" and "table" in data:
        needed = "tokens"
    if needed and needed not in data:
        raise fail("kind", say("a {kind} rule needs '{key}'", kind=kind, key=needed))
    if kind == "substitution" and ("tokens" in data) != ("table" in data):
        raise fail(
            "tokens" if "tokens" in data else "table", say("'tokens' and 'table' go together (or use 'swap')")
        )
    if kind == "substitution" and "swap" in data and "table" in data:
        raise fail("table", say("a substitution rule has either 'swap' or 'tokens' with 'table', not both"))
    return kind


def _scope(data: dict[str, Any], fail: Any) -> tuple[str, ...]:
    scope = tuple(_strings(data, "scope", fail) or FIELDS)
    bad = [s for s in scope if s not in FIELDS]
    if bad:
        raise fail(
            "scope",
            say("unknown scope {scope} (allowed: {allowed})", scope=repr(bad[0]), allowed=", ".join(FIELDS)),
        )
    return scope


def _short_forms(
    data: dict[str, Any], flags: int, fail: Any
) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    short = data.get("short_forms", {})
    if not isinstance(short, dict) or not all(isinstance(v, str) for v in short.values()):
        raise fail("short_forms", say("[short_forms] must be a table of name pattern = short form pattern"))
    return tuple(
        (_compile(name, flags, fail, name), _compile(form, flags, fail, name)) for name, form in short.items()
    )


def _kind_patterns(
    kind: str, data: dict[str, Any], flags: int, fail: Any
) -> tuple[list[tuple[re.Pattern[str], str]], tuple[str, ...], str]:
    """(patterns with their replacements, terms, target) of a rule of `kind`."""
    patterns: list[tuple[re.Pattern[str], str]] = []
    terms: tuple[str, ...] = ()
    target = "plain"
    if kind == "existence":
        patterns = [(_compile(p, flags, fail, "tokens"), "") for p in _strings(data, "tokens", fail)]
        target = data.get("target", "plain")
        if target not in ("plain", "markup"):
            raise fail("target", say('\'{key}\' must be "plain" or "markup"', key="target"))
    elif kind == "substitution" and "table" in data:
        table = data["table"]
        if not isinstance(table, dict) or not table or not all(isinstance(v, str) for v in table.values()):
            raise fail("table", say("'{key}' must be a table of matched text = replacement", key="table"))
        patterns = [(_compile(p, flags, fail, "tokens"), "") for p in _strings(data, "tokens", fail)]
    elif kind == "substitution":
        patterns = _swap_patterns(data["swap"], flags, fail)
    elif kind == "capitalization":
        terms = tuple(_strings(data, "terms", fail))
        if not terms:
            raise fail("terms", say("'{key}' must list at least one term", key="terms"))
        patterns = [
            (re.compile(r"(?<![\w-])" + re.escape(t) + r"(?![\w-])", re.IGNORECASE), t) for t in terms
        ]
    elif kind == "italics":
        patterns = [(_compile(p, flags, fail, "allow"), "") for p in _strings(data, "allow", fail)]
    return patterns, terms, target


def _swap_patterns(swap: Any, flags: int, fail: Any) -> list[tuple[re.Pattern[str], str]]:
    """A substitution rule's swap table, each pattern compiled and checked against its replacement."""
    if not isinstance(swap, dict) or not swap or not all(isinstance(v, str) for v in swap.values()):
        raise fail("swap", say("'{key}' must be a table of pattern = replacement", key="swap"))
    patterns = []
    for pattern, replacement in swap.items():
        compiled = _compile(pattern, flags, fail, pattern)
        try:
            compiled.sub(replacement, "")  # group references in the replacement must exist
            _test_template(compiled, replacement)
        except (re.error, IndexError) as exc:
            problem = say(
                "replacement {replacement} does not fit its pattern: {reason}",
                replacement=repr(replacement),
                reason=why(exc),
            )
            raise fail(pattern, problem) from None
        patterns.append((compiled, replacement))
    return patterns


def _combined(kind: str, patterns: list[tuple[re.Pattern[str], str]]) -> re.Pattern[str] | None:
    """All the patterns as one alternation (one scan of a text), where the kind allows and it compiles."""
    if kind not in ("existence", "substitution", "capitalization") or len(patterns) <= 1:
        return None
    try:
        return re.compile("|".join(f"(?:{_no_names(p.pattern)})" for p, _ in patterns), patterns[0][0].flags)
    except re.error:
        return None


_PLAIN_WORD = re.compile(r"\\b([^\W\d_]+)\\b")


def _plain_words(patterns: list[tuple[re.Pattern[str], str]]) -> dict[str, str] | None:
    """{word: replacement} when every pattern is a plain word between \\b marks (a fast word lookup)."""
    out = {}
    for pattern, replacement in patterns:
        m = _PLAIN_WORD.fullmatch(pattern.pattern)
        if not m or "\\" in replacement:
            return None
        out[m.group(1)] = replacement
    return out


def _no_names(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _test_template(compiled: re.Pattern[str], replacement: str) -> None:
    refs = [to_int(n, 10**9) or 0 for n in re.findall(r"\\(\d+)", replacement)]
    if refs and max(refs) > compiled.groups:
        raise re.error(f"there is no group {max(refs)}")


def _read(path: Path) -> str:
    from app.files import encoding_of, read_file

    try:
        data = read_file(path, 16 * 1024 * 1024)  # a pipe or a device is refused, not waited on
        # a file saved as "UTF-8 with BOM" was "not valid TOML (line 1, column 1)", one in UTF-16 "cannot be read"
        return data.decode(encoding_of(data)).removeprefix("\ufeff")
    except (InputError, UnicodeDecodeError) as exc:
        # a byte that is not UTF-8 said where it is (`why`): its exception's first word is the codec, "(utf-8)"
        said = reason(exc) if isinstance(exc, InputError) else why(exc)
        raise TemplateError(
            say("{name}: cannot read the rules file ({reason})", name=path.name, reason=said)
        ) from None


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        return parse_toml(text)
    except TOMLDecodeError as exc:
        raise TemplateError(
            say("{name}: not valid TOML: {reason}", name=path.name, reason=why(exc))
        ) from None
    except RecursionError:  # the parser recurses into each array and inline table: a thousand deep ended it
        raise TemplateError(
            say("{name}: not valid TOML: {reason}", name=path.name, reason=nests_too_deeply())
        ) from None


def _where(path: Path, text: str, key: str, table: str = "") -> str | Message:
    """'file.toml, line N' for the line where `key` is set (inside [table] when given)."""
    lines = text.splitlines()
    start = 0
    if table:
        header = re.compile(r"^\s*\[\s*" + re.escape(table).replace(r"\.", r"\s*\.\s*") + r"\s*\]")
        start = next((i for i, line in enumerate(lines) if header.match(line)), 0)
    pattern = re.compile(
        r"^\s*(?:['\"]?)"
        + re.escape(key)
        + r"(?:['\"]?)\s*=|^\s*\[\s*(?:[\w.]*\.)?"
        + re.escape(key)
        + r"\s*\]"
    )
    for i in range(start, len(lines)):
        if pattern.search(lines[i]):
            return _line(path, i + 1)
    for i in range(start, len(lines)):  # a swap pattern is a quoted key: look for its text
        if key and key in lines[i]:
            return _line(path, i + 1)
    return _line(path, start + 1) if table else path.name


def _line(path: Path, number: int) -> Message:
    return say("{name}, line {line}", name=path.name, line=number)


def _not_one_of(key: str, allowed: str, value: Any) -> Message:
    return say("'{key}' must be one of {allowed}, not {value}", key=key, allowed=allowed, value=repr(value))


def _text(data: dict[str, Any], key: str, fail: Any, required: bool = False) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise fail(
            key,
            say("'{key}' must be non-empty text", key=key)
            if required
            else say("'{key}' must be text", key=key),
        )
    return value


def _bool(data: dict[str, Any], key: str, fail: Any, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise fail(key, say("'{key}' must be true or false", key=key))
    return value


def _strings(data: dict[str, Any], key: str, fail: Any) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(key, say("'{key}' must be a list of text", key=key))
    return value


def _compile(pattern: str, flags: int, fail: Any, key: str) -> re.Pattern[str]:
    try:
        compiled = re.compile(pattern, flags)
        catastrophic = can_hang(pattern, flags)
    except (re.error, RecursionError, OverflowError) as exc:
        raise fail(
            key, say("bad pattern {pattern}: {reason}", pattern=repr(pattern)[:80], reason=why(exc))
        ) from None
    if catastrophic:  # Python's re has no timeout: refuse what could backtrack for ever (ReDoS)
        raise fail(
            key,
            say(
                "pattern {pattern} repeats a repeat, as (a+)+ does: it can hang on some texts",
                pattern=repr(pattern)[:80],
            ),
        )
    return compiled


def _check_placeholders(message: str, fail: Any) -> None:
    try:
        fields = [
            (name, spec, conv)
            for _, name, spec, conv in string.Formatter().parse(message)
            if name is not None
        ]
    except ValueError as exc:
        raise fail("message", say("bad placeholder in message: {reason}", reason=why(exc))) from None
    # a placeholder is its name alone: "{match:>99999999999}" made each finding's message that wide (MemoryError)
    for name, spec, conversion in fields:
        if spec or conversion:
            written = (
                "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            )
            raise fail("message", say("bad placeholder in message: {reason}", reason=written[:80]))
    names = {name for name, _, _ in fields}
    bad = names - PLACEHOLDERS
    if bad:
        shown = "{" + sorted(bad)[0] + "}"
        problem = say(
            "unknown placeholder {placeholder} (allowed: {allowed})",
            placeholder=shown,
            allowed="{match}, {fix}",
        )
        raise fail("message", problem)


def _names(levels: dict[str, Severity]) -> str:
    return ", ".join(levels)
