"""Shared test setup: Qt offscreen, and the corpus in ../shared when it is there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
