"""Plots draw what the data says (checked on the Agg backend)."""

from __future__ import annotations

import math
from typing import Any

import pytest

import polemos

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
from polemos import plot  # noqa: E402


def test_stance_heatmap_cells_are_the_positions(engine: polemos.Engine, kuril: dict[str, Any]) -> None:
    ax = plot.stance_heatmap(engine.stances(dispute="kuril-islands"))
    grid = ax.images[0].get_array()
    actors = [t.get_text() for t in ax.get_yticklabels()]
    issues = [t.get_text() for t in ax.get_xticklabels()]
    assert sorted(actors) == ["JPN", "RUS"]
    for s in kuril["stances"]:
        y = actors.index(s["actor"].rsplit("/", 1)[-1])
        x = issues.index(s["issue"].rsplit("/", 1)[-1])
        assert math.isclose(float(grid[y, x]), s["position"])


def test_heatmap_names_a_missing_column() -> None:
    with pytest.raises(ValueError, match=r"stances\[0\]: missing column `issue`"):
        plot.stance_heatmap([{"actor": "a", "position": 1}])


def test_timeline_plots_every_event_by_quad_class(engine: polemos.Engine, kuril: dict[str, Any]) -> None:
    ax = plot.timeline(engine.events())
    points = sum(len(c.get_offsets()) for c in ax.collections)
    assert points == len(kuril["events"])
    labels = {t.get_text() for t in ax.get_legend().get_texts()}
    assert labels == {"verbal cooperation"}  # the reference events are all verbal cooperation


def test_forecast_trajectories_from_records() -> None:
    records = [
        {"round": r, "actor": a, "position": p}
        for a, ps in {"A": [0, 20, 30], "B": [100, 60, 35]}.items()
        for r, p in enumerate(ps)
    ]
    ax = plot.forecast_trajectories(records)
    lines = {line.get_label(): list(line.get_ydata()) for line in ax.get_lines()}
    assert lines == {"A": [0, 20, 30], "B": [100, 60, 35]}


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(polemos.MissingExtraError, match=r"polemos\[plot\]"):
        plot.timeline([])
