"""The user's personal dictionary: words added from the editor, kept across sessions as a plain UTF-8 word list
(one word a line), written atomically.

The editor reads it lazily, on its spelling thread (`SpellingSession.warm_up`): a list of a million words took
1.5 s, which at start froze the window. A file past MAX_BYTES (a file named by mistake, a list grown without
end) is not refused whole: its first MAX_BYTES are read, the words of its whole lines kept, and `note` says so in
one line; lines that are no word (undecodable bytes, spaces inside, control characters, past MAX_WORD characters)
are left out. A dictionary read so in part is never written whole again, which would lose the rest: a word added is
appended, in the file's own encoding, and removing one is refused in one line. A list saved by a Windows editor
is read as it was saved: UTF-8 with a byte-order mark, UTF-16 or UTF-32 ("Unicode" in Notepad).
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import platformdirs

from app.atomic import write_text
from app.errors import InputError, SaveError
from app.files import encoding_of, read_file
from app.messages import reason, say
from app.reasons import why

MAX_BYTES = 16 * 1024 * 1024  # a word list of a million words; past it, a file named by mistake
MAX_WORD = 100  # characters: a longer line is no word (a pasted paragraph, a binary file)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # a NUL or control inside a word: a binary file's line


def default_dictionary_path() -> Path:
    return Path(platformdirs.user_data_dir("Resolute", appauthor=False)) / "personal-dictionary.txt"


class PersonalDictionary:
    """Words the user accepts. Matching ignores case; the file keeps each word as first added. `lazy`: the file
    is read at the first question (or `load()`), not when made."""

    def __init__(self, path: Path, *, lazy: bool = False) -> None:
        self.path = Path(path)
        self._words: dict[str, str] = {}  # lower case -> as added
        self._stamp: tuple[int, int] | None = None
        self._lock = threading.RLock()  # loaded on one thread while another may ask
        self._loaded = False
        self.partial = False  # some of the file is not read or no word: never written whole again
        self.note = ""  # one line on what was left out of a file past MAX_BYTES, else ""
        self._encoding = "utf-8"  # the file's, for a word appended to a file read in part
        if not lazy:
            self.reload()

    @property
    def loaded(self) -> bool:
        return self._loaded

    def load(self) -> None:
        """Read the file if it was not yet (InputError in one line when it cannot be read)."""
        with self._lock:
            if not self._loaded:
                self.reload()

    def reload(self) -> None:
        """Read the file again (another window may have added words)."""
        with self._lock:
            self._loaded = True
            try:
                stat = self.path.stat()
            except FileNotFoundError:
                self._words, self._stamp, self.partial, self.note = {}, None, False, ""
                return
            except OSError as exc:  # a link to itself, no permission on the folder
                raise InputError(
                    say(
                        "cannot read the personal dictionary {name}: {reason}",
                        name=self.path.name,
                        reason=why(exc),
                    )
                ) from None
            try:
                data = read_file(self.path, MAX_BYTES, cut=True)
            except InputError as exc:
                raise InputError(say("the personal dictionary: {reason}", reason=reason(exc))) from None
            self._read(data)
            self._stamp = (stat.st_mtime_ns, stat.st_size)

    def _read(self, data: bytes) -> None:
        cut = len(data) > MAX_BYTES
        self._encoding = encoding_of(data)
        text = data.decode(self._encoding, "replace").removeprefix("\ufeff")
        if cut:  # the words of the whole lines within the bound (a half character after the last one)
            text = text[: text.rfind("\n") + 1]
        words: dict[str, str] = {}
        left_out = False
        for line in text.splitlines():
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            word = parts[0]
            if len(parts) > 1 or len(word) > MAX_WORD or "\ufffd" in word or _CONTROL.search(word):
                left_out = True
                continue
            words.setdefault(word.lower(), word)
        self._words = words
        self.partial = cut or left_out
        self.note = (
            say(
                "the personal dictionary {name} is larger than {mb} MB: only its first {count} words are used",
                name=self.path.name[:80],
                mb=MAX_BYTES // (1024 * 1024),
                count=len(words),
            )
            if cut
            else ""
        )

    def changed_on_disk(self) -> bool:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return self._stamp is not None
        except OSError:
            return False  # unreadable now: keep the words read before
        return (stat.st_mtime_ns, stat.st_size) != self._stamp

    def words(self) -> list[str]:
        self.load()
        return sorted(self._words.values(), key=str.lower)

    def __contains__(self, word: str) -> bool:
        return self.contains(word)

    def __len__(self) -> int:
        self.load()
        return len(self._words)

    def contains(self, word: str) -> bool:
        self.load()
        return word.strip().replace("’", "'").lower() in self._words

    def add(self, word: str) -> None:
        word = word.strip().replace("’", "'")
        if not word or any(c.isspace() for c in word):
            raise InputError(say("not a single word: {word}", word=repr(word)))
        self.load()
        if word.lower() not in self._words:
            self._words[word.lower()] = word
            if self.partial:
                self._append(word)
            else:
                self._save()

    def remove(self, word: str) -> None:
        self.load()
        key = word.strip().replace("’", "'").lower()
        if key not in self._words:
            return
        if self.partial:
            raise InputError(
                say(
                    "the personal dictionary {name} was read in part: edit it in a text editor",
                    name=self.path.name[:80],
                )
            )
        del self._words[key]
        self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_text(self.path, "\n".join(self.words()) + "\n")
        self._stamped()

    def _append(self, word: str) -> None:
        """A word added to a dictionary read in part: at the file's end, the rest of it untouched."""
        try:
            newline = "\n".encode(self._encoding)
            with self.path.open("rb+") as file:
                size = file.seek(0, 2)
                ends_line = size == 0 or (
                    size >= len(newline) and file.seek(-len(newline), 2) >= 0 and file.read() == newline
                )
                file.seek(0, 2)
                file.write((b"" if ends_line else newline) + (word + "\n").encode(self._encoding))
        except OSError as exc:
            raise SaveError(
                say("cannot save {name}: {reason}", name=self.path.name[:80], reason=why(exc))
            ) from None
        self._stamped()

    def _stamped(self) -> None:
        stat = self.path.stat()
        self._stamp = (stat.st_mtime_ns, stat.st_size)
