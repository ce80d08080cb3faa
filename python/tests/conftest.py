"""Shared fixtures: the repository's reference dossier and article, and engines loaded with them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import polemos

ROOT = Path(__file__).resolve().parents[2]
KURIL_DOSSIER = ROOT / "examples" / "dossiers" / "kuril-islands.json"
KURIL_ARTICLE = ROOT / "tests" / "fixtures" / "kuril-2018.txt"


@pytest.fixture
def kuril() -> dict[str, Any]:
    """The reference dossier as plain JSON, to check results against independently."""
    return json.loads(KURIL_DOSSIER.read_text(encoding="utf-8"))


@pytest.fixture
def engine() -> polemos.Engine:
    e = polemos.Engine()
    e.import_dossier(KURIL_DOSSIER)
    return e
