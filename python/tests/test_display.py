"""Notebook display: readable reprs, escaped HTML, DataFrames."""

from __future__ import annotations

import copy
from typing import Any

import pytest

import polemos


def test_repr_is_readable(engine: polemos.Engine) -> None:
    stance = engine.get("stances/jpn-peace-treaty-2018")
    text = repr(stance)
    assert text.startswith("Stance('stances/jpn-peace-treaty-2018'")
    assert "actor='actors/JPN'" in text and "label='conditional'" in text
    assert repr(engine).startswith("polemos.Engine('memory:'")
    assert repr(polemos.ResourceList()) == "[]"


def test_html_is_escaped(kuril: dict[str, Any]) -> None:
    evil = copy.deepcopy(kuril)
    evil["actors"][0]["display_name"] = "<script>alert('x')</script> & co"
    engine = polemos.Engine()
    engine.import_dossier(evil)
    actor = engine.get("actors/JPN")
    for html in (actor._repr_html_(), engine.actors()._repr_html_()):
        assert "<script>" not in html
        assert "&lt;script&gt;" in html and "&amp; co" in html


def test_to_pandas_has_one_typed_row_per_resource(engine: polemos.Engine, kuril: dict[str, Any]) -> None:
    pd = pytest.importorskip("pandas")
    df = engine.stances().to_pandas()
    assert len(df) == len(kuril["stances"])
    assert {"actor", "issue", "position", "salience", "label", "valid_from"} <= set(df.columns)
    assert pd.api.types.is_float_dtype(df["position"])
    assert pd.api.types.is_datetime64_any_dtype(df["valid_from"])
    by_name = df.set_index("name")
    for s in kuril["stances"]:
        assert by_name.loc[s["name"], "position"] == s["position"]
    # Records are DataFrame-ready without the helper too.
    assert len(pd.DataFrame(engine.events().to_records())) == len(kuril["events"])
    assert engine.stances(as_of="1900-01-01").to_pandas().empty
