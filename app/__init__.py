"""Resolute's core: model, templates, conventions, import, export, storage and CLI. No Qt here."""

from __future__ import annotations


def _version() -> str:
    """The version in pyproject.toml (the one place it is written): beside a checkout or inside a frozen bundle,
    else the installed package's metadata (built from that same file)."""
    import sys
    from importlib import metadata
    from pathlib import Path

    for base in (getattr(sys, "_MEIPASS", None), Path(__file__).resolve().parent.parent):
        pyproject = Path(base) / "pyproject.toml" if base else None
        if pyproject is not None and pyproject.is_file():
            if sys.version_info >= (3, 11):
                import tomllib
            else:  # pragma: no cover
                import tomli as tomllib
            return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    try:
        return metadata.version("resolute")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


__version__ = _version()
