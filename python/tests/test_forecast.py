"""Forecasts from DataFrames or records, checked against numbers worked out by hand."""

from __future__ import annotations

import _thread
import inspect
import json
import math
import signal
import threading
from pathlib import Path

import pytest

import polemos
from polemos import forecast

ROWS = [
    {"actor": "JPN", "position": 25, "salience": 0.9, "capability": 0.45},
    {"actor": "RUS", "position": 100, "salience": 0.8, "capability": 0.55},
]
# Weights are capability × salience: JPN 0.405, RUS 0.44 (52 % of the total).
W_JPN, W_RUS = 0.45 * 0.9, 0.55 * 0.8


def test_static_models_match_hand_computation() -> None:
    med = forecast.median(ROWS)
    assert med.outcome == {"position": 100.0}  # RUS holds more than half the weight
    mean = forecast.compromise(ROWS)
    expected = (25 * W_JPN + 100 * W_RUS) / (W_JPN + W_RUS)
    assert math.isclose(mean.outcome["position"], expected, rel_tol=1e-9)


def test_bdm_stays_in_range_and_traces_every_round() -> None:
    result = forecast.bdm(ROWS, rounds=10)
    assert result.model == "bdm"
    assert 25.0 <= result.outcome["position"] <= 100.0
    assert 1 <= len(result.rounds) <= 11  # round 0 is the input
    assert result.rounds[0]["positions"] == [[25.0, 100.0]]
    traj = result.trajectories()
    assert len(traj) == len(result.rounds) * 2
    assert {r["actor"] for r in traj} == {"JPN", "RUS"}
    assert set(result.final_positions()) == {"JPN", "RUS"}
    assert "bdm" in repr(result)


def test_dataframe_and_records_agree() -> None:
    pd = pytest.importorskip("pandas")
    assert forecast.bdm(pd.DataFrame(ROWS)).to_dict() == forecast.bdm(ROWS).to_dict()
    assert len(forecast.bdm(ROWS).to_pandas()) == len(forecast.bdm(ROWS).trajectories())


def test_several_dimensions() -> None:
    rows = [dict(r, dimension=d) for r in ROWS for d in ("a", "b")]
    rows[0]["position"] = 0
    result = forecast.compromise(rows)
    assert set(result.outcome) == {"a", "b"}
    assert result.outcome["a"] < result.outcome["b"]


def test_bad_rows_name_the_row_and_field() -> None:
    with pytest.raises(polemos.ValidationError, match=r"data\[1\]\.salience"):
        forecast.bdm([ROWS[0], {"actor": "RUS", "position": 1, "capability": 1}])
    with pytest.raises(polemos.ValidationError, match=r"data\[1\]\.capability"):
        forecast.bdm([ROWS[0], dict(ROWS[0], position=3, capability=9)])
    with pytest.raises(polemos.ValidationError, match=r"saliences\[0\]"):
        forecast.bdm([dict(ROWS[0], salience=1.5), ROWS[1]])
    with pytest.raises(polemos.ValidationError, match="rounds"):
        forecast.bdm(ROWS, rounds=-1)


def test_monte_carlo_is_reproducible_by_seed() -> None:
    a = forecast.monte_carlo(ROWS, draws=200, seed=7)
    b = forecast.monte_carlo(ROWS, draws=200, seed=7)
    assert a["distributions"] == b["distributions"]
    assert a["params"]["draws"] == 200 and a["params"]["seed"] == 7
    assert forecast.monte_carlo(ROWS, draws=200, seed=8)["distributions"] != a["distributions"]
    dist = a["distributions"][0]
    assert 0.0 <= dist["min"] <= dist["mean"] <= dist["max"] <= 100.0
    assert isinstance(a["baseline"], forecast.Forecast)


def test_monte_carlo_stops_on_ctrl_c() -> None:
    # The most draws the engine allows (100000) of BDM on the EC emissions scenario would run
    # for about a minute (the gRPC deadline test uses the same run); Ctrl-C (raised in the main thread
    # by interrupt_main, as the terminal would) must end the run between draws with
    # KeyboardInterrupt rather than after the last draw. Python's own SIGINT handler, as in a
    # terminal: a process started in the background (a CI step, `cmd &`) inherits SIGINT
    # ignored, and interrupt_main then does nothing.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    timer = threading.Timer(0.3, _thread.interrupt_main)
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            ec = Path(__file__).resolve().parents[2] / "examples" / "scenarios" / "ec-emissions.csv"
            forecast.monte_carlo(forecast.read_scenario(ec), model="bdm", draws=100_000, seed=1)
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    # The engine is still usable afterwards.
    assert forecast.monte_carlo(ROWS, draws=10, seed=1)["params"]["draws"] == 10


def test_scenario_files_read_like_the_cli() -> None:
    path = Path(__file__).resolve().parents[2] / "examples" / "scenarios" / "ec-emissions.csv"
    sc = forecast.read_scenario(path)
    assert sc["actors"] and sc["dimensions"]
    result = forecast.bdm(sc)
    lo, hi = sc["scale"]["min"], sc["scale"]["max"]
    assert lo <= result.outcome[sc["dimensions"][0]["name"]] <= hi


def test_monte_carlo_defaults_are_the_engines() -> None:
    """The signature repeats the engine's defaults for help(); they must be its table's."""
    defaults = polemos._native.monte_carlo_defaults()
    parameters = inspect.signature(forecast.monte_carlo).parameters
    for name in ("draws", "seed", "position_noise", "salience_noise", "capability_noise"):
        assert parameters[name].default == defaults[name], f"monte_carlo({name}=...)"


def test_monte_carlo_keeps_to_the_engines_limits() -> None:
    """An inline scenario's Monte Carlo has the limits of every other (the engine's table)."""
    limits = polemos._native.monte_carlo_defaults()
    for asked, field in [
        ({"draws": limits["max_draws"] + 1}, "draws"),
        ({"draws": 0}, "draws"),
        ({"position_noise": limits["max_noise"] * 2}, "position_noise"),
        ({"capability_noise": -0.1}, "capability_noise"),
        ({"range": (60.0, 40.0)}, "range"),
        ({"seed": -1}, "seed"),
        # A parameter the model does not have (``uncertainty`` was the old way to give the
        # widths) is refused, not ignored.
        ({"uncertainty": {"position": 0.5}}, "uncertainty"),
        ({"vote_risks": "own"}, "vote_risks"),
    ]:
        with pytest.raises(polemos.ValidationError, match=field) as caught:
            forecast.monte_carlo(ROWS, **{"draws": 10, **asked})
        assert caught.value.kind == "invalid_argument"


def test_monte_carlo_on_a_scenario_is_the_engines_forecast_with_draws(engine: polemos.Engine) -> None:
    """Monte Carlo on an inline scenario is the same operation, with the same arguments and
    result type, as ``Engine.forecast(draws=...)`` on a stored dispute."""
    asked = {"draws": 50, "seed": 3, "position_noise": 0.05, "capability_noise": 0.3}
    stored = engine.forecast("kuril-islands", as_of="2026-12-01", **asked)
    inline = forecast.monte_carlo(ROWS, **asked)
    assert set(inline) == set(stored) == {"model", "params", "baseline", "distributions"}
    assert inline["params"] == stored["params"] == {
        "draws": 50, "seed": 3, "position_noise": 0.05, "salience_noise": 0.1,
        "capability_noise": 0.3,
    }
    assert isinstance(inline["baseline"], forecast.Forecast)
    assert isinstance(stored["baseline"], forecast.Forecast)
    assert set(inline["distributions"][0]) == set(stored["distributions"][0])
    inline_defaults = inspect.signature(forecast.monte_carlo).parameters
    stored_defaults = inspect.signature(engine.forecast).parameters
    for name in ("seed", "position_noise", "salience_noise", "capability_noise"):
        assert inline_defaults[name].default == stored_defaults[name].default, name


def test_the_native_monte_carlo_converts_only_what_callers_get(engine: polemos.Engine) -> None:
    """Each draw's forecasts stay in Rust: no Python result holds them, and turning thousands
    of them into Python lists only to drop them was most of a cheap model's run."""
    spec = json.dumps({"model": "median"})
    inline = polemos._native.monte_carlo(json.dumps(forecast.scenario(ROWS)), spec, 20, 1)
    stored = polemos._native.monte_carlo_dispute(
        engine._native, "kuril-islands", spec, 20, 1, as_of="2026-12-01"
    )
    for run in (inline, stored):
        assert set(run) == {"model", "params", "baseline", "distributions"}, sorted(run)
        assert run["params"]["draws"] == 20


def test_monte_carlo_reports_progress_and_the_range() -> None:
    seen: list[tuple[int, int]] = []
    run = forecast.monte_carlo(
        ROWS, draws=2000, seed=1, range=(0.0, 100.0), on_progress=lambda d, t: seen.append((d, t))
    )
    # Every forecast of the draws is on the scale, so all of them lie in that range.
    assert run["distributions"][0]["probability_in_range"] == 1.0
    assert seen and seen[-1] == (2000, 2000), "progress was never reported to the end"
    assert all(total == 2000 and 0 <= done <= 2000 for done, total in seen)
    assert "probability_in_range" not in forecast.monte_carlo(ROWS, draws=10)["distributions"][0]
