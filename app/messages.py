"""Finding messages and quick-fix labels, said in English and shown in the interface language.

A check writes its message as an English template with named fields:

    say("'{name}' is listed twice.", name=name)

The result is the English text, a `str` the command line, JSON and tests read as before, that remembers its
template and fields; `localize(text)` says it again in the interface language: the template is looked up in the
[messages] table of resources/interface/<code>.toml (keyed by the English template, like [text]), a field that
is itself a message is localized too, and a number takes the language's thousands separator (`interface.number`).
The core's undo labels are `say` texts too ("Delete paragraph"). Text not made by `say` is looked up in the
editor's [text] catalog, else shown as written (an exception's words, a user's own rule file).

Why a `str` that remembers: Finding and Fix keep their fields and every consumer of a message keeps working;
the checks stay free of Qt and of the interface language (they run in the command line and in the editor's
background thread alike); a language is one data file. tests/core/test_message_catalogs.py finds every template
by reading the code, as scripts/interface_catalog.py does for the editor's texts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app import interface


class Message(str):
    """English text made from `template` and `fields`; a message that counts (`say_plural`) keeps its singular and
    plural templates in `forms`, so each language picks the form its own rule asks for ("0 erreur", "0 errors")."""

    template: str
    fields: dict[str, Any]
    forms: tuple[str, str] | None

    def __new__(cls, template: str, fields: dict[str, Any], forms: tuple[str, str] | None = None) -> Message:
        out = super().__new__(cls, _fill(template, fields, interface.ENGLISH))
        out.template = template
        out.fields = fields
        out.forms = forms
        return out

    def __reduce__(self) -> tuple[type[Message], tuple[str, dict[str, Any], tuple[str, str] | None]]:
        return (Message, (self.template, self.fields, self.forms))

    def template_in(self, code: str) -> str:
        """The English template this message takes in language `code`: of a counting message, the form the
        language's rule picks for its count (French takes the singular for 0, English the plural)."""
        if self.forms is None:
            return self.template
        one, many = self.forms
        return one if interface.singular(self.fields["count"], code) else many


@dataclass(frozen=True)
class Phrase:
    """A field some function already says in each language it knows (`app.wording.places.paragraph_name`): called
    with `*args` and `language=` the code ("" for English)."""

    make: Callable[..., str]
    args: tuple[Any, ...] = ()

    def said(self, code: str) -> str:
        return self.make(*self.args, language="" if code == interface.ENGLISH else code)


def say(template: str, **fields: Any) -> Message:
    """The message `template` with its `{fields}` filled in (English); `localize` gives it in another language."""
    return Message(template, fields)


def say_plural(count: int, one: str, many: str, **fields: Any) -> Message:
    """`say` with `one` ("{count} word was …") where the language takes the singular for `count` (1; 0 too in
    French), else `many`; `count` is one of the fields. Both templates are catalog entries."""
    return Message(one if count == 1 else many, {"count": count, **fields}, (one, many))


NAMED = 5  # the names or places a message lists, at most: a refusal is one line however many there are


def listed(names: list[str], separator: str = ", ") -> str:
    """`names` joined for a message, the first NAMED of them and how many more: a merge over a table's 2,000
    parts named each in its refusal (a line of 100 KB), an undo label every one of 3,000 proposers."""
    if len(names) <= NAMED:
        return separator.join(names)
    rest = len(names) - NAMED
    shown = separator.join(names[:NAMED])
    return say_plural(rest, "{names} and {count} other", "{names} and {count} others", names=shown)


def reason(exc: BaseException) -> str:
    """What an exception says: its `say` message kept as one (so a message quoting it, and the editor, say it in
    their language), else its text."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)


def explain(exc: BaseException, code: str | None = None) -> str:
    """A refusal as the editor shows it: the exception's message in the interface language, opening with a
    capital where its template opens with its own words (not where it opens with a field: a file's name)."""
    said = reason(exc)
    text = localize(said, code)
    if not isinstance(said, Message):
        return text
    code = code or interface.current()
    english = said.template_in(code)
    template = english if code == interface.ENGLISH else interface.message_catalog(code).get(english)
    return text[:1].upper() + text[1:] if template and not template.startswith("{") else text


def localize(text: str, code: str | None = None) -> str:
    """`text` in language `code` (default: the interface language): a `say` message from its [messages] entry;
    other text from the editor's [text] catalog (an undo label the editor gave with `marked`), else as written."""
    code = code or interface.current()
    if code == interface.ENGLISH:
        return str(text)
    if not isinstance(text, Message):
        return interface.catalog(code).get(text, str(text))
    english = text.template_in(code)
    template = interface.message_catalog(code).get(english)
    return _fill(template, text.fields, code) if template else str(text)


def _fill(template: str, fields: dict[str, Any], code: str) -> str:
    return template.format_map({name: _value(value, code) for name, value in fields.items()})


def _value(value: Any, code: str) -> Any:
    if isinstance(value, Message):
        return localize(value, code)
    if isinstance(value, Phrase):
        return value.said(code)
    if isinstance(value, int) and not isinstance(value, bool):
        return interface.number(value, code)
    return value
