"""Analytics from Python, checked against the reference dossier read by hand."""

from __future__ import annotations

from typing import Any

import pytest

import polemos

AS_OF = "2018-10-01"  # after every stance of the reference dossier
ISSUES = "disputes/kuril-islands/issues/"


def test_stance_matrix_has_each_party_on_each_issue(
    engine: polemos.Engine, kuril: dict[str, Any]
) -> None:
    matrix = engine.stance_matrix("kuril-islands", as_of=AS_OF)
    # Each (actor, issue) has exactly one stance record in the reference dossier, so its
    # consolidated position is that record's position.
    expected = {(s["actor"], s["issue"]): float(s["position"]) for s in kuril["stances"]}
    got = {(r["actor"], r["issue"]): r["position"] for r in matrix}
    assert got == pytest.approx(expected)  # a weighted mean of one record, up to rounding
    wide = matrix.pivot()
    assert wide.loc["actors/RUS", "sovereignty"] == pytest.approx(
        expected[("actors/RUS", ISSUES + "sovereignty")]
    )
    # Nothing was known before the evidence.
    assert len(engine.stance_matrix("kuril-islands", as_of="2018-09-01")) == 0


def test_the_treaty_territory_deadlock(engine: polemos.Engine) -> None:
    # Japan signs the treaty only once sovereignty is resolved; Russia wants the treaty adopted
    # before any territorial settlement: a cycle between two actors.
    locks = engine.deadlocks("kuril-islands", as_of=AS_OF)
    assert len(locks) == 1
    lock = locks[0]
    assert lock["kind"] == "between_actors"
    assert set(lock["issues"]) == {ISSUES + "peace-treaty", ISSUES + "sovereignty"}
    assert set(lock["parties"]) == {"actors/JPN", "actors/RUS"}
    edges = {(e["actor"], e["before"], e["after"]) for e in lock["edges"]}
    assert ("actors/JPN", ISSUES + "sovereignty", ISSUES + "peace-treaty") in edges
    assert ("actors/RUS", ISSUES + "peace-treaty", ISSUES + "sovereignty") in edges
    assert engine.deadlocks("kuril-islands", as_of="2018-09-01") == []


def test_agreement_is_symmetric(engine: polemos.Engine) -> None:
    result = engine.agreement("kuril-islands", as_of=AS_OF)
    m = result["agreement"]["agreement"]
    assert m[0][0] == m[1][1] == 1.0
    assert m[0][1] == m[1][0] and 0.0 <= m[0][1] < 1.0  # they disagree on sovereignty


def test_forecast_from_stored_stances(engine: polemos.Engine) -> None:
    result = engine.forecast("kuril-islands", as_of=AS_OF, model="median")
    # Both parties support joint economic activities at 100: nothing to bargain over. A
    # dimension is named by the issue's id, as `polemos forecast` and the gRPC Forecast name it.
    assert result.outcome["joint-economic-activities"] == pytest.approx(100.0)
    assert set(result.actors) == {"actors/JPN", "actors/RUS"}
    bdm = engine.forecast("kuril-islands", as_of=AS_OF, rounds=5)
    assert len(bdm.rounds) <= 6


def test_report_and_series(engine: polemos.Engine, tmp_path: Any) -> None:
    path = tmp_path / "kuril.html"
    page = engine.report("kuril-islands", path, as_of=AS_OF, format="html")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert path.read_text(encoding="utf-8") == page
    markdown = engine.report("kuril-islands", as_of=AS_OF, format="markdown")
    assert "Kuril" in markdown
    # No format: the engine's default, Markdown, as `polemos report` and gRPC give it.
    assert engine.report("kuril-islands", as_of=AS_OF) == markdown
    series = engine.series("kuril-islands", as_of=AS_OF)
    assert {(s["a"], s["b"]) for s in series} == {("actors/JPN", "actors/RUS")}


def test_analysis_errors_name_the_argument(engine: polemos.Engine) -> None:
    with pytest.raises(polemos.NotFoundError, match="disputes/atlantis"):
        engine.stance_matrix("atlantis")
    with pytest.raises(polemos.ValidationError, match="`granularity`"):
        engine.series("kuril-islands", granularity="year")  # type: ignore[arg-type]
    with pytest.raises(polemos.ValidationError, match="half_life_days"):
        engine.stance_matrix("kuril-islands", half_life_days=0)
    with pytest.raises(polemos.ValidationError, match="`model`"):
        engine.forecast("kuril-islands", model="tarot")  # type: ignore[arg-type]
