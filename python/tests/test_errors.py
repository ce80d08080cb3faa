"""Every failure arrives as a polemos exception naming what is wrong."""

from __future__ import annotations

import copy
import sys
from typing import Any

import pytest

import polemos


def test_exception_hierarchy() -> None:
    for cls in (
        polemos.ValidationError,
        polemos.NotFoundError,
        polemos.ConflictError,
        polemos.StorageError,
        polemos.MissingExtraError,
    ):
        assert issubclass(cls, polemos.PolemosError)
    assert issubclass(polemos.PolemosError, Exception)
    assert issubclass(polemos.MissingExtraError, ImportError)
    # Each also derives from the built-in error users already catch.
    assert issubclass(polemos.ValidationError, ValueError)
    assert issubclass(polemos.NotFoundError, LookupError)
    assert issubclass(polemos.AuthError, PermissionError)
    assert issubclass(polemos.UnavailableError, ConnectionError)
    assert not issubclass(polemos.UnavailableError, polemos.StorageError)
    assert polemos.ValidationError.__module__ == "polemos"


def test_built_in_except_clauses_catch_engine_errors(engine: polemos.Engine) -> None:
    with pytest.raises(LookupError) as missing:
        engine.get("actors/NOWHERE")
    assert isinstance(missing.value, polemos.NotFoundError)
    with pytest.raises(ValueError) as bad:
        engine.stances(as_of="not a date")
    assert isinstance(bad.value, polemos.ValidationError)
    assert bad.value.field == "as_of"  # type: ignore[attr-defined]


def test_validation_names_every_broken_field(kuril: dict[str, Any]) -> None:
    bad = copy.deepcopy(kuril)
    bad["stances"][1]["actor"] = "actors/NOPE"
    bad["actors"].append(copy.deepcopy(bad["actors"][0]))
    engine = polemos.Engine()
    with pytest.raises(polemos.ValidationError) as info:
        engine.import_dossier(bad)
    paths = [p for p, _ in info.value.violations]  # type: ignore[attr-defined]
    assert "stances[1].actor" in paths
    assert f"actors[{len(kuril['actors'])}].name" in paths
    assert "actors/NOPE" in str(info.value)
    # All or nothing.
    assert engine.revision == 0


def test_parse_error_names_the_field(kuril: dict[str, Any]) -> None:
    bad = copy.deepcopy(kuril)
    bad["stances"][0]["salience"] = 1.8
    with pytest.raises(polemos.ValidationError) as info:
        polemos.Engine().import_dossier(bad)
    assert info.value.field == "stances[0].salience"  # type: ignore[attr-defined]
    assert "out of range" in str(info.value)
    with pytest.raises(polemos.ValidationError, match="malformed JSON"):
        polemos.Engine().import_dossier('{"actors": [')


def test_not_found(engine: polemos.Engine) -> None:
    with pytest.raises(polemos.NotFoundError, match="actors/NOPE"):
        engine.get("actors/NOPE")
    with pytest.raises(polemos.NotFoundError, match="disputes/atlantis"):
        engine.stances(dispute="atlantis")


def test_bad_arguments_name_the_parameter(engine: polemos.Engine) -> None:
    with pytest.raises(polemos.ValidationError, match="`as_of`") as info:
        engine.stances(as_of="15/09/2018")
    assert info.value.field == "as_of"  # type: ignore[attr-defined]
    with pytest.raises(polemos.ValidationError, match="`as_of`"):
        engine.stances(as_of=3.5)
    with pytest.raises(polemos.ValidationError, match="`format`"):
        engine.export(format="xml")  # type: ignore[arg-type]
    with pytest.raises(polemos.ValidationError, match="`name`"):
        engine.get("planets/mars")
    with pytest.raises(polemos.ValidationError, match="`actor`"):
        engine.stances(actor="no spaces allowed")
    with pytest.raises(FileNotFoundError):
        engine.import_dossier("no/such/file.json")


def test_missing_extra_names_the_extra(engine: polemos.Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(polemos.MissingExtraError, match=r"pip install 'polemos\[pandas\]'"):
        engine.stances().to_pandas()
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(polemos.MissingExtraError, match=r"polemos\[arrow\]"):
        engine.stances().to_arrow()


def test_bad_store_location_is_a_storage_error(tmp_path: Any) -> None:
    with pytest.raises(polemos.StorageError):
        polemos.Engine(tmp_path)  # a directory is no SQLite file
