"""Reading the TOML data files (templates, layout, conventions, rules): one place for the parser and its errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.errors import TemplateError

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

TOMLDecodeError = tomllib.TOMLDecodeError
NESTS_TOO_DEEPLY = "its arrays or inline tables nest too deeply"


def parse_toml(text: str) -> dict[str, Any]:
    return tomllib.loads(text)


def read_toml(path: Path) -> dict[str, Any]:
    """The table in a data file; a broken or unreadable file raises TemplateError naming the file."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{Path(path).name}: not valid TOML ({exc})") from None
    except RecursionError:  # a hand-edited file: the parser recurses into each array and inline table
        raise TemplateError(f"{Path(path).name}: not valid TOML ({NESTS_TOO_DEEPLY})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{Path(path).name}: cannot be read ({exc})") from None
