"""Plots for notebooks (the ``plot`` extra, matplotlib): a stance heatmap (actors × issues), a
cooperation–conflict timeline of events, and forecast trajectories. Each function draws on the
given ``ax`` (or a new figure) and returns the Axes, so plots compose with the rest of matplotlib.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import Any

from polemos._extras import require
from polemos.resources import rows

#: Colours of PLOVER's quad classes: cooperation in blues/greens, conflict in oranges/reds.
QUAD_COLORS = {
    "verbal_cooperation": "#4c9be8",
    "material_cooperation": "#2ca02c",
    "verbal_conflict": "#ff9f1c",
    "material_conflict": "#d62728",
}


def _axes(ax: Any, figsize: tuple[float, float]) -> Any:
    plt = require("matplotlib.pyplot", "plotting")
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _short(name: Any) -> str:
    return str(name).rsplit("/", 1)[-1]


def stance_heatmap(
    stances: Any,
    *,
    value: str = "position",
    ax: Any = None,
    title: str | None = None,
    cmap: str = "RdYlGn",
) -> Any:
    """Actors (rows) × issues (columns), coloured by ``value`` (``position`` 0–100 by default).

    ``stances`` is a list of stances, a DataFrame or records with ``actor``, ``issue`` and the
    value column (as from ``engine.stances(...)`` or ``engine.stance_matrix(...)``). When an actor
    has several stances on one issue, the last one wins.
    """
    data = rows(stances, "stances")
    actors: list[str] = []
    issues: list[str] = []
    cells: dict[tuple[str, str], float] = {}
    for i, r in enumerate(data):
        for key in ("actor", "issue", value):
            if key not in r:
                raise ValueError(f"stances[{i}]: missing column `{key}`")
        a, iss = str(r["actor"]), str(r["issue"])
        if r[value] is None:
            continue
        if a not in actors:
            actors.append(a)
        if iss not in issues:
            issues.append(iss)
        cells[(a, iss)] = float(r[value])
    ax = _axes(ax, (1.6 + 1.4 * max(len(issues), 1), 1.0 + 0.6 * max(len(actors), 1)))
    nan = float("nan")
    grid = [[cells.get((a, i), nan) for i in issues] for a in actors]
    vmax = 100.0 if value == "position" else 1.0
    image = ax.imshow(grid or [[nan]], cmap=cmap, vmin=0.0, vmax=vmax, aspect="auto")
    ax.set_xticks(range(len(issues)), [_short(i) for i in issues], rotation=30, ha="right")
    ax.set_yticks(range(len(actors)), [_short(a) for a in actors])
    for y, a in enumerate(actors):
        for x, iss in enumerate(issues):
            v = cells.get((a, iss))
            if v is not None:
                ax.text(x, y, f"{v:g}", ha="center", va="center", fontsize=9)
    ax.figure.colorbar(image, ax=ax, label=value)
    ax.set_title(title or f"stances: {value}")
    return ax


def _date(value: Any) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    to_pydatetime = getattr(value, "to_pydatetime", None)
    if callable(to_pydatetime):
        return to_pydatetime().date()  # type: ignore[no-any-return]
    return _dt.date.fromisoformat(str(value)[:10])


def timeline(events: Any, *, ax: Any = None, title: str | None = None) -> Any:
    """Events over time: intensity (−10 conflict … +10 cooperation) against date, one colour per
    PLOVER quad class, with the event type written by each point.

    ``events`` is a list of events, a DataFrame or records with ``date``, ``intensity`` and
    ``quad_class`` (and optionally ``event_type``).
    """
    data = rows(events, "events")
    ax = _axes(ax, (9.0, 4.0))
    by_class: dict[str, tuple[list[_dt.date], list[float]]] = {}
    for i, r in enumerate(data):
        for key in ("date", "intensity", "quad_class"):
            if key not in r:
                raise ValueError(f"events[{i}]: missing column `{key}`")
        day, y = _date(r["date"]), float(r["intensity"])
        xs, ys = by_class.setdefault(str(r["quad_class"]), ([], []))
        xs.append(day)
        ys.append(y)
        if r.get("event_type"):
            ax.annotate(str(r["event_type"]), (day, y), textcoords="offset points",
                        xytext=(4, 4), fontsize=8)
    for quad, color in QUAD_COLORS.items():
        if quad in by_class:
            xs, ys = by_class[quad]
            ax.scatter(xs, ys, color=color, label=quad.replace("_", " "), zorder=3)
    ax.axhline(0.0, color="grey", linewidth=0.8)
    ax.set_ylim(-10.5, 10.5)
    ax.set_ylabel("intensity (conflict − / cooperation +)")
    if by_class:
        ax.legend(loc="best", fontsize=8)
    ax.figure.autofmt_xdate()
    ax.set_title(title or "cooperation and conflict")
    return ax


def forecast_trajectories(
    forecast: Any, *, dimension: str | int = 0, ax: Any = None, title: str | None = None
) -> Any:
    """Each actor's position round by round on one dimension, with the weighted median.

    ``forecast`` is a :class:`polemos.forecast.Forecast`, its ``to_dict()``, or records with
    ``round``, ``actor``, ``position`` (and ``dimension`` when there are several).
    """
    to_dict = getattr(forecast, "to_dict", None)
    if callable(to_dict) and not hasattr(forecast, "columns"):
        forecast = to_dict()
    series: dict[str, list[tuple[int, float]]] = {}
    median: list[tuple[int, float]] = []
    if isinstance(forecast, Mapping) and "rounds" in forecast:
        dims: Sequence[str] = forecast["dimensions"]
        d = dimension if isinstance(dimension, int) else list(dims).index(dimension)
        dim_name = dims[d]
        for rnd in forecast["rounds"]:
            for actor, pos in zip(forecast["actors"], rnd["positions"][d]):
                series.setdefault(actor, []).append((rnd["round"], pos))
            median.append((rnd["round"], rnd["median"][d]))
    else:
        dim_name = str(dimension)
        for i, r in enumerate(rows(forecast, "forecast")):
            for key in ("round", "actor", "position"):
                if key not in r:
                    raise ValueError(f"forecast[{i}]: missing column `{key}`")
            if "dimension" in r and isinstance(dimension, str) and r["dimension"] != dimension:
                continue
            series.setdefault(str(r["actor"]), []).append((int(r["round"]), float(r["position"])))
    ax = _axes(ax, (8.0, 4.5))
    for actor, points in series.items():
        xs, ys = zip(*sorted(points))
        ax.plot(xs, ys, marker="o", label=_short(actor))
    if median:
        xs, ys = zip(*median)
        ax.plot(xs, ys, color="black", linestyle="--", label="weighted median")
    ax.set_xlabel("round")
    ax.set_ylabel("position")
    ax.legend(loc="best", fontsize=8)
    ax.set_title(title or f"forecast: {_short(dim_name)}")
    return ax


__all__ = ["QUAD_COLORS", "forecast_trajectories", "stance_heatmap", "timeline"]
