"""Reading the TOML data files (templates, layout, conventions, rules): one place for the parser and its errors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import TemplateError

if TYPE_CHECKING:
    from app.messages import Message

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

TOMLDecodeError = tomllib.TOMLDecodeError


def parse_toml(text: str) -> dict[str, Any]:
    return tomllib.loads(text)


def read_toml(path: Path) -> dict[str, Any]:
    """The table in a data file; a broken or unreadable file raises TemplateError naming the file."""
    # imported here: app.messages reads the interface catalogs with this module
    from app.messages import say
    from app.reasons import why

    name = Path(path).name
    try:
        return tomllib.loads(
            Path(path).read_text(encoding="utf-8-sig")
        )  # a BOM an editor added is no statement
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(say("{name}: not valid TOML ({reason})", name=name, reason=why(exc))) from None
    except RecursionError:  # a hand-edited file: the parser recurses into each array and inline table
        raise TemplateError(
            say("{name}: not valid TOML ({reason})", name=name, reason=nests_too_deeply())
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(say("{name}: cannot be read ({reason})", name=name, reason=why(exc))) from None


def nests_too_deeply() -> Message:
    """Why a data file nesting a thousand arrays deep is refused (the parser's recursion ran out)."""
    from app.messages import say

    return say("its arrays or inline tables nest too deeply")
