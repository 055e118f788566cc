"""The user's personal dictionary: words added from the editor, kept across sessions as a plain UTF-8 word list
(one word a line), written atomically."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from app.atomic import write_text
from app.errors import InputError
from app.files import read_file
from app.messages import reason, say

MAX_BYTES = 16 * 1024 * 1024  # a word list of a million words; past it, a file named by mistake


def default_dictionary_path() -> Path:
    return Path(platformdirs.user_data_dir("Resolute", appauthor=False)) / "personal-dictionary.txt"


class PersonalDictionary:
    """Words the user accepts. Matching ignores case; the file keeps each word as first added."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._words: dict[str, str] = {}  # lower case -> as added
        self._stamp: tuple[int, int] | None = None
        self.reload()

    def reload(self) -> None:
        """Read the file again (another window may have added words)."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            self._words, self._stamp = {}, None
            return
        except OSError as exc:  # a link to itself, no permission on the folder
            raise InputError(
                say(
                    "cannot read the personal dictionary {name}: {reason}",
                    name=self.path.name,
                    reason=str(exc.strerror),
                )
            ) from None
        try:
            text = read_file(self.path, MAX_BYTES).decode("utf-8")
        except InputError as exc:
            raise InputError(say("the personal dictionary: {reason}", reason=reason(exc))) from None
        except UnicodeDecodeError as exc:
            raise InputError(
                say(
                    "cannot read the personal dictionary {name}: {reason}",
                    name=self.path.name,
                    reason=str(exc),
                )
            ) from None
        words = (line.strip() for line in text.splitlines())
        self._words = {w.lower(): w for w in words if w and not w.startswith("#")}
        self._stamp = (stat.st_mtime_ns, stat.st_size)

    def changed_on_disk(self) -> bool:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return self._stamp is not None
        except OSError:
            return False  # unreadable now: keep the words read before
        return (stat.st_mtime_ns, stat.st_size) != self._stamp

    def words(self) -> list[str]:
        return sorted(self._words.values(), key=str.lower)

    def __contains__(self, word: str) -> bool:
        return self.contains(word)

    def __len__(self) -> int:
        return len(self._words)

    def contains(self, word: str) -> bool:
        return word.strip().replace("’", "'").lower() in self._words

    def add(self, word: str) -> None:
        word = word.strip().replace("’", "'")
        if not word or any(c.isspace() for c in word):
            raise InputError(say("not a single word: {word}", word=repr(word)))
        if word.lower() not in self._words:
            self._words[word.lower()] = word
            self._save()

    def remove(self, word: str) -> None:
        if self._words.pop(word.strip().replace("’", "'").lower(), None) is not None:
            self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_text(self.path, "\n".join(self.words()) + "\n")
        stat = self.path.stat()
        self._stamp = (stat.st_mtime_ns, stat.st_size)
