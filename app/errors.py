"""The project's own errors. Each carries a one-line message fit to show a delegate as it is."""

from __future__ import annotations


class ResoluteError(Exception):
    """Base class: anything raised on purpose, with a message a user can act on."""


class InputError(ResoluteError):
    """A file cannot be read: wrong format, broken, hostile or too large."""


class ProjectVersionError(InputError):
    """A project file written by a newer Resolute."""


class TemplateError(ResoluteError):
    """A malformed template or rule file; the message names the file and the field."""


class SaveError(ResoluteError):
    """Writing a file failed; the previous file on disk is intact."""
