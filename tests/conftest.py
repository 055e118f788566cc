"""Shared test setup: Qt offscreen, and the corpus in ../shared when it is there."""

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
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def corpus() -> Path:
    """The folder of real UN texts; tests that need it skip on a user's clone, which has none."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here (a user's clone has none)")
    return CORPUS
