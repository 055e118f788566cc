"""What a library's or the system's exception says, as a `say` line in the user's language.

A refusal names the file and then why: Python's and the TOML parser's own words ("Expected '=' after a key in
a key/value pair (at line 3, column 5)", "Permission denied", "Expecting ',' delimiter") are English whatever
the interface language. `why(exc)` says the part a user acts on in their language: where (line and column, the
character of a pattern, the byte of a file that is not UTF-8) or what the system refused (no such file,
permission denied, the disk is full). The library's own words are kept for English only, after the position
and a colon: a French or Spanish line never carries an English clause, and an English one loses nothing.
Every refusal that quoted `str(exc)` or `exc.strerror` goes through here, so the rule is one.
"""

from __future__ import annotations

import errno
import json
import re
import zipfile
import zlib

from app.messages import Message, Phrase, say

# tomllib: "Invalid value (at line 3, column 12)", "Unclosed array (at end of document)"
_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")


def _english_only(words: str, *, language: str = "") -> str:
    """The library's own words, after a colon, in the English line only."""
    return f": {words}" if words and not language else ""


def _own_words(words: str) -> Phrase:
    return Phrase(_english_only, (words.strip()[:160],))


def why(exc: BaseException) -> Message:
    """Why `exc` happened, said in the user's language (see the module's docstring)."""
    if exc.args and isinstance(
        exc.args[0], Message
    ):  # the project's own words (a reader's bound), said as such
        return exc.args[0]
    if isinstance(exc, OSError):
        return system_reason(exc)
    if isinstance(exc, UnicodeDecodeError):
        return say("it is not UTF-8 text (byte {position})", position=exc.start + 1)
    if isinstance(exc, json.JSONDecodeError):
        return _at_line(exc.lineno, exc.colno, exc.msg)
    if isinstance(exc, re.error):
        return _in_pattern(exc)
    if exc.__class__.__name__ == "XMLSyntaxError" and getattr(exc, "position", None):  # lxml's
        line, column = exc.position  # type: ignore[attr-defined]
        words = getattr(exc, "msg", "") or str(exc).splitlines()[0]
        return _at_line(line, column, re.sub(r",? line \d+, column \d+$", "", words))
    if isinstance(exc, (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError)):
        return say("its compressed data is damaged{words}", words=_own_words(str(exc)))
    if isinstance(exc, KeyError) and exc.args:  # a project file's missing entry: its name is where
        return say("{key} is missing", key=repr(exc.args[0])[:80])
    if isinstance(exc, ValueError) and "null" in str(exc).lower():  # os.open: "embedded null byte"
        return say("the name holds a NUL character")
    if isinstance(exc, RecursionError):
        return say("it nests too deeply")
    text = str(exc)
    if exc.__class__.__name__ == "TOMLDecodeError":  # tomllib's, or tomli's on Python 3.10
        at = _TOML_AT.search(text)
        if at:
            return _at_line(int(at.group(1)), int(at.group(2)), text[: at.start()])
        end = _TOML_END.search(text)
        if end:
            return say("at the end of the file{words}", words=_own_words(text[: end.start()]))
    return say("{kind}{words}", kind=exc.__class__.__name__, words=_own_words(text))


def _at_line(line: int, column: int, words: str) -> Message:
    return say("at line {line}, column {column}{words}", line=line, column=column, words=_own_words(words))


def _in_pattern(exc: re.error) -> Message:
    if exc.pos is None:
        return say("not a valid pattern{words}", words=_own_words(exc.msg))
    return say(
        "not a valid pattern at character {position}{words}", position=exc.pos + 1, words=_own_words(exc.msg)
    )


def _system_words() -> dict[int, Message]:
    return {
        errno.ENOENT: say("no such file or folder"),
        errno.EACCES: say("permission denied"),
        errno.EPERM: say("permission denied"),
        errno.EISDIR: say("it is a folder"),
        errno.ENOTDIR: say("a part of its path is not a folder"),
        errno.ENOSPC: say("the disk is full"),
        getattr(errno, "EDQUOT", errno.ENOSPC): say("the disk is full"),
        errno.EFBIG: say("the file is too large"),
        errno.EROFS: say("the disk is read-only"),
        errno.ENAMETOOLONG: say("the name is too long"),
        errno.EEXIST: say("it exists already"),
        errno.EBUSY: say("another program is using it"),
        errno.EIO: say("the disk could not be read or written"),
        errno.EINVAL: say("the name or the request is not valid here"),
        errno.EMFILE: say("too many files are open"),
        errno.ELOOP: say("its path loops through links"),
    }


def system_reason(exc: OSError) -> Message:
    """What the system refused, by its error number: the same words on every system (Windows's strerror is
    its own), the system's own words in English only where the number has no line here."""
    said = _system_words().get(exc.errno) if exc.errno is not None else None
    if said is not None:
        return said
    words = exc.strerror or str(exc) or exc.__class__.__name__
    if exc.errno is None:
        return say("{kind}{words}", kind=exc.__class__.__name__, words=_own_words(words))
    return say("system error {number}{words}", number=str(exc.errno), words=_own_words(words))
