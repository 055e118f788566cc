"""The editor's own words (menus, dialogs, panels, messages) in the user's interface language.

English is written in the code; every other language is one catalog, resources/interface/<code>.toml, keyed by
the English text:

    name = "Français"
    [text]
    "&File" = "&Fichier"
    "Saved {name}" = "{name} enregistré"
    [rules]
    "dates.format" = "les dates s'écrivent « 4 décembre 2023 »"
    [messages]
    "'{name}' is listed twice." = "« {name} » figure deux fois."

and a top-level `thousands` (the separator of digit groups, "\u00a0" in French) and `zero` ("one" where a count
of 0 takes the singular, as in French). Finding messages and fix
labels are app.messages templates, looked up in [messages].

`tr(text)` gives the text in the language chosen with `use(code)` (English, or the English text itself when a
catalog lacks it); `plural(n, one, many)` a counted phrase; `rule_title(rule)` the one-line title of a
convention rule (app.conventions.engine.RULES, keyed by rule id in the catalog's [rules]), shown beside a
finding. Text declared in a table before a language is chosen is marked with `marked(text)` and looked up with
`tr` where it is shown; scripts/interface_catalog.py finds every such text in the code. Adding a language is
adding a catalog (and, for Qt's own buttons and dialogs, Qt's qtbase_<code>.qm, which PySide6 ships). The interface language is not the draft's language
(app.languages): a delegate may write a French draft in an English editor.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from string import Formatter

from app.datafile import read_toml
from app.paths import resource

ENGLISH = "en"
_state: dict[str, str] = {"code": ENGLISH}
_text: dict[str, str] = {}  # the catalog in use
_rules: dict[str, str] = {}  # its rule titles
# messages: finding messages, fix and undo labels (app.messages); templates: template id -> the organ's name
TABLES = ("text", "rules", "messages", "templates")


def folder() -> Path:
    return resource("interface")


@cache
def _read(code: str) -> dict[str, dict[str, str]]:
    data = {} if code == ENGLISH else read_toml(folder() / f"{code}.toml")
    out = {
        table: {str(k): str(v) for k, v in _table(data, table).items() if _fills_as(str(v), str(k))}
        for table in TABLES
    }
    out["number"] = {"thousands": str(data.get("thousands", ",")), "zero": str(data.get("zero", "many"))}
    return out


def _table(data: dict[str, object], name: str) -> dict[object, object]:
    table = data.get(name, {})
    return table if isinstance(table, dict) else {}


def _fills_as(translation: str, english: str) -> bool:
    """Whether a catalog's translation can stand for its English text wherever that is filled in: the same
    fields, each written as the English writes it. A hand-edited catalog's "{nombre}", "{count:>99999999999}",
    "{0}" or a brace left open ended every message that used it as an internal error (exit 3); such a
    translation is left out, and the English text said in its place."""
    try:
        theirs = _fields(translation)
    except ValueError:
        return False
    try:
        ours = _fields(english)
    except ValueError:  # English never filled in (a brace of its own): the translation is shown as written
        return True
    return theirs <= ours


def _fields(template: str) -> set[tuple[str, str, str]]:
    """The fields of a template as (name, conversion, format spec); ValueError where it cannot be filled in by
    name (a brace left open, a positional, indexed or attribute field)."""
    out = set()
    for _, name, spec, conversion in Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or "{" in (spec or ""):
            raise ValueError(name)
        out.add((name, conversion or "", spec or ""))
    return out


def catalog(code: str) -> dict[str, str]:
    """The catalog of a language: English text -> translation ({} for English)."""
    return _read(code)["text"]


def rule_catalog(code: str) -> dict[str, str]:
    """A language's titles of convention rules: rule id -> title ({} for English)."""
    return _read(code)["rules"]


def message_catalog(code: str) -> dict[str, str]:
    """A language's finding messages and fix labels: English template -> template ({} for English)."""
    return _read(code)["messages"]


def template_catalog(code: str) -> dict[str, str]:
    """A language's names of the organ templates: template id -> name ({} for English)."""
    return _read(code)["templates"]


def number(value: int, code: str | None = None) -> str:
    """An integer as language `code` (default: the interface language) prints it: 200,000 in English,
    200 000 in French (a no-break space), 200.000 in Spanish (the catalog's `thousands`, as the UN's texts)."""
    return f"{value:,}".replace(",", _read(code or current())["number"]["thousands"])


@cache
def languages() -> dict[str, str]:
    """Interface languages, code -> name in the language itself; English first."""
    names = {ENGLISH: "English"}
    for path in sorted(folder().glob("*.toml")):
        names[path.stem] = str(read_toml(path).get("name", path.stem))
    return names


def system_choice(locale_name: str) -> str:
    """The interface language for a system locale ("fr_CH", "es-419"): its language when a catalog exists,
    else English."""
    code = locale_name.replace("-", "_").split("_")[0].lower()
    return code if code in languages() else ENGLISH


def use(code: str) -> str:
    """Speak `code` from now on (an unknown code falls back to English); returns the code used."""
    code = code if code in languages() else ENGLISH
    _text.clear()
    _text.update(catalog(code))
    _rules.clear()
    _rules.update(rule_catalog(code))
    _state["code"] = code
    return code


def current() -> str:
    return _state["code"]


def tr(text: str) -> str:
    """`text` in the interface language."""
    return _text.get(text, text)


def marked(text: str) -> str:
    """Marks English text for the catalogs where it is declared; `tr` translates it where it is shown."""
    return text


def singular(count: int, code: str | None = None) -> bool:
    """Whether `count` takes a noun in the singular in the language: 1 in each, 0 too in French ("0 erreur",
    the catalog's top-level `zero = "one"`), where "0 erreurs" reads as an English speaker's French."""
    return count == 1 or (count == 0 and _read(code or current())["number"]["zero"] == "one")


def plural(count: int, one: str, many: str) -> str:
    """ "1 bracket", "2 brackets": `one` or `many` (each with {count}) in the interface language."""
    return fill(one if singular(count) else many, count=count)


def counted(errors: int, warnings: int, notes: int | None = None, sep: str = ", ") -> str:
    """ "1 error, 2 warnings, 1 note": each count with its word in the singular or plural ("1 remarque", where
    one template for all counts printed "1 remarques" and "1 errors")."""
    parts = [
        plural(errors, "{count} error", "{count} errors"),
        plural(warnings, "{count} warning", "{count} warnings"),
    ]
    if notes is not None:
        parts.append(plural(notes, "{count} note", "{count} notes"))
    return sep.join(parts)


def fill(text: str, **fields: object) -> str:
    """`text` in the interface language with its {fields} filled in, each whole number grouped as the language
    prints numbers ("200 000 caractères"): the way to show a text that counts."""
    return tr(text).format_map(
        {k: number(v) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in fields.items()}
    )


def rule_title(rule: str) -> str:
    """The one-line title of a convention rule in the interface language; "" for a rule without one."""
    from app.conventions.engine import (
        RULES,
    )  # the checks are loaded by then; imported here to keep this light

    return _rules.get(rule) or next((title for rule_id, _, title in RULES if rule_id == rule), "")
