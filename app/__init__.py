"""Resolute's core: model, templates, conventions, import, export, storage and CLI. No Qt here."""

__version__ = "0.1.0"
