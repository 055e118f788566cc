"""Shared test setup: Qt offscreen, and the issued UN texts the tests read (a copy kept in tests/fixtures)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays a fixed sequence of examples (no flaky runs); developers' runs explore new ones each time.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Public UN documents copied from ../shared/corpus, so that every clone runs every test.
CORPUS = FIXTURES / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The folder of issued UN texts, their PDFs and UN XML (a missing copy fails the test, never skips it)."""
    assert CORPUS.is_dir(), f"{CORPUS} is missing: the corpus fixtures are part of the repository"
    return CORPUS
