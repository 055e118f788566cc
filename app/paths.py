"""Where the shipped data lives: beside the checkout when run from source, else in the installed package."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _bundle_dir() -> Path | None:
    """The unpacked folder of a frozen build (PyInstaller sets sys._MEIPASS), where templates/ and resources/ sit."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else None


def _data_dir(folder: str, package: str) -> Path:
    bundle = _bundle_dir()
    if bundle is not None and (bundle / folder).is_dir():
        return bundle / folder
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
