"""Where the shipped data lives: beside the checkout when run from source, else in the installed package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _data_dir(folder: str, package: str) -> Path:
    local = _CHECKOUT / folder
    if local.is_dir():
        return local
    return Path(str(resources.files(package)))


def templates_dir() -> Path:
    return _data_dir("templates", "resolute_templates")


def resources_dir() -> Path:
    return _data_dir("resources", "resolute_resources")


def resource(*parts: str) -> Path:
    """A file under resources/, e.g. resource("lexicons", "operative.txt")."""
    return resources_dir().joinpath(*parts)
