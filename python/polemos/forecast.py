"""Negotiation forecasts: where will the actors end up, and how do they get there?

Every function takes the actors' positions as a pandas DataFrame or a list of dicts, one row per
actor (and per dimension when there are several), with the columns ``actor``, ``position``,
``salience`` (0–1) and ``capability`` (any non-negative amount), plus ``dimension`` (or ``issue``)
for multi-dimensional problems::

    polemos.forecast.bdm([
        {"actor": "JPN", "position": 25, "salience": 0.9, "capability": 0.45},
        {"actor": "RUS", "position": 100, "salience": 0.8, "capability": 0.55},
    ], rounds=10)

A scenario dict (as :func:`read_scenario` returns) is accepted too. The models run in the Rust core
without holding the GIL; Monte Carlo runs its draws on all cores.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypedDict

from polemos import _native
from polemos._extras import require
from polemos.exceptions import ValidationError
from polemos.resources import rows


def scenario(
    data: Any,
    *,
    name: str = "scenario",
    scale: tuple[float, float] = (0.0, 100.0),
    capabilities: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """Builds a scenario dict from rows (see the module docs). ``capabilities`` may give each
    actor's capability instead of a ``capability`` column."""
    if isinstance(data, Mapping) and "dimensions" in data:
        return dict(data)
    table = rows(data, "data")
    if not table:
        raise ValidationError("data: no rows: a forecast needs at least one actor")
    actors: list[str] = []
    caps: dict[str, float] = {}
    dims: dict[str, dict[str, tuple[float, float]]] = {}
    for i, r in enumerate(table):
        for key in ("actor", "position", "salience"):
            if key not in r or r[key] is None:
                raise ValidationError(f"data[{i}].{key}: missing")
        actor = str(r["actor"])
        dim = str(r.get("dimension", r.get("issue", "position")))
        if capabilities is not None:
            if actor not in capabilities:
                raise ValidationError(f"capabilities: no capability for actor `{actor}`")
            cap = float(capabilities[actor])
        elif r.get("capability") is None:
            raise ValidationError(f"data[{i}].capability: missing (or pass capabilities=)")
        else:
            cap = float(r["capability"])
        if actor in caps and caps[actor] != cap:
            raise ValidationError(
                f"data[{i}].capability: {cap:g} differs from {caps[actor]:g} given for "
                f"`{actor}` in an earlier row"
            )
        if actor not in caps:
            actors.append(actor)
            caps[actor] = cap
        cells = dims.setdefault(dim, {})
        if actor in cells:
            raise ValidationError(f"data[{i}]: second row for `{actor}` on dimension `{dim}`")
        cells[actor] = (float(r["position"]), float(r["salience"]))
    low, high = scale
    mid = (low + high) / 2
    return {
        "name": name,
        "scale": {"min": float(low), "max": float(high)},
        "actors": [{"name": a, "capability": caps[a]} for a in actors],
        # An actor silent on a dimension sits at the midpoint with salience 0: it weighs nothing.
        "dimensions": [
            {
                "name": dim,
                "positions": [cells.get(a, (mid, 0.0))[0] for a in actors],
                "saliences": [cells.get(a, (mid, 0.0))[1] for a in actors],
            }
            for dim, cells in dims.items()
        ],
    }


def read_scenario(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Reads a scenario file: the BDM CSV format or a KTAB CSV, as the CLI does."""
    p = Path(path)
    return _native.parse_scenario(p.stem, p.read_text(encoding="utf-8"))


class Forecast:
    """A forecast and how it came about: per-round positions and moves, final outcome."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def to_dict(self) -> dict[str, Any]:
        return self._data

    @property
    def model(self) -> str:
        return str(self._data["model"])

    @property
    def actors(self) -> list[str]:
        return list(self._data["actors"])

    @property
    def dimensions(self) -> list[str]:
        return list(self._data["dimensions"])

    @property
    def converged(self) -> bool:
        return bool(self._data["converged"])

    @property
    def outcome(self) -> dict[str, float]:
        """The headline forecast of each dimension."""
        return {o["dimension"]: float(o["forecast"]) for o in self._data["outcome"]}

    @property
    def rounds(self) -> list[dict[str, Any]]:
        return list(self._data["rounds"])

    def final_positions(self, dimension: str | int = 0) -> dict[str, float]:
        d = dimension if isinstance(dimension, int) else self.dimensions.index(dimension)
        last = self._data["rounds"][-1]["positions"][d]
        return dict(zip(self.actors, (float(x) for x in last)))

    def trajectories(self) -> list[dict[str, Any]]:
        """One record per round, dimension and actor: ``round``, ``dimension``, ``actor``,
        ``position``."""
        out = []
        for rnd in self._data["rounds"]:
            for d, dim in enumerate(self.dimensions):
                for actor, pos in zip(self.actors, rnd["positions"][d]):
                    out.append(
                        {"round": rnd["round"], "dimension": dim, "actor": actor, "position": pos}
                    )
        return out

    def moves(self) -> list[dict[str, Any]]:
        """Every move of every round: who moved, from where to where, towards whom and why."""
        return [dict(m, round=rnd["round"]) for rnd in self._data["rounds"] for m in rnd["moves"]]

    def to_pandas(self) -> Any:
        """The trajectories as a DataFrame (needs the ``pandas`` extra)."""
        pd = require("pandas", "Forecast.to_pandas()")
        return pd.DataFrame.from_records(self.trajectories())

    def plot(self, dimension: str | int = 0, **kwargs: Any) -> Any:
        """Each actor's trajectory on one dimension (needs the ``plot`` extra)."""
        from polemos.plot import forecast_trajectories

        return forecast_trajectories(self, dimension=dimension, **kwargs)

    def __repr__(self) -> str:
        outcome = ", ".join(f"{k}={v:.1f}" for k, v in self.outcome.items())
        return (
            f"Forecast(model={self.model!r}, rounds={len(self.rounds) - 1}, "
            f"converged={self.converged}, outcome: {outcome})"
        )

    def _repr_html_(self) -> str:
        head = "<tr><th>dimension</th><th>forecast</th><th>weighted median</th><th>mean</th></tr>"
        body = "".join(
            f"<tr><td>{html.escape(str(o['dimension']))}</td><td>{o['forecast']:.2f}</td>"
            f"<td>{o['weighted_median']:.2f}</td><td>{o['mean']:.2f}</td></tr>"
            for o in self._data["outcome"]
        )
        return (
            f"<p><b>{html.escape(self.model)}</b> forecast, {len(self.rounds) - 1} rounds, "
            f"{'converged' if self.converged else 'not converged'}</p>"
            f"<table>{head}{body}</table>"
        )


class _Distribution(TypedDict):
    dimension: str
    mean: float
    std_dev: float
    min: float
    max: float
    #: ``[probability, value]`` at 5, 25, 50, 75 and 95 %.
    quantiles: list[list[float]]


class Distribution(_Distribution, total=False):
    """One dimension's forecast over the Monte Carlo draws."""

    #: The share of draws whose forecast lies in the ``range`` asked (only when one was).
    probability_in_range: float


class MonteCarloParams(TypedDict):
    """How a Monte Carlo run was drawn."""

    draws: int
    seed: int
    position_noise: float
    salience_noise: float
    capability_noise: float


class MonteCarlo(TypedDict):
    """A Monte Carlo run, as :func:`monte_carlo` returns it for a scenario and
    :meth:`polemos.Engine.forecast` and :meth:`polemos.client.Client.forecast` with ``draws`` > 0
    for a stored dispute: the ``baseline`` forecast of the unperturbed scenario and the
    ``distributions`` per dimension."""

    model: str
    params: MonteCarloParams
    baseline: Forecast
    distributions: list[Distribution]


#: The name :meth:`polemos.Engine.forecast`'s result had first; the same type.
DisputeMonteCarlo = MonteCarlo


def _dispute_monte_carlo(
    baseline: Forecast, params: MonteCarloParams, distributions: list[Distribution]
) -> MonteCarlo:
    """The one shape the Engine, the Client and :func:`monte_carlo` build their results in."""
    return {
        "model": baseline.model,
        "params": params,
        "baseline": baseline,
        "distributions": distributions,
    }


def _engine_monte_carlo(run: dict[str, Any]) -> MonteCarlo:
    """The engine's Monte Carlo result (the native dict) as a :class:`MonteCarlo`."""
    noise = run["params"]["uncertainty"]
    params: MonteCarloParams = {
        "draws": run["params"]["draws"],
        "seed": run["params"]["seed"],
        "position_noise": noise["position"],
        "salience_noise": noise["salience"],
        "capability_noise": noise["capability"],
    }
    distributions: list[Distribution] = []
    for d in run["distributions"]:
        dist: Distribution = {
            "dimension": d["dimension"],
            "mean": d["mean"],
            "std_dev": d["std_dev"],
            "min": d["min"],
            "max": d["max"],
            "quantiles": [[p, v] for p, v in d["quantiles"]],
        }
        if d.get("probability_in_range") is not None:
            dist["probability_in_range"] = d["probability_in_range"]
        distributions.append(dist)
    return _dispute_monte_carlo(Forecast(run["baseline"]), params, distributions)


def _run(data: Any, spec: dict[str, Any], **scenario_args: Any) -> Forecast:
    sc = scenario(data, **scenario_args)
    return Forecast(_native.forecast(json.dumps(sc), json.dumps(spec)))


def bdm(data: Any, *, rounds: int = 10, **options: Any) -> Forecast:
    """Bueno de Mesquita's expected-utility model (Scholz, Calbert & Smith 2011). ``options``:
    scenario arguments (``name``, ``scale``, ``capabilities``) and the model's parameters
    (``vote_risk``, ``success``, ``risk``, ``offer_choice``, ``range``)."""
    if isinstance(rounds, bool) or not isinstance(rounds, int) or rounds < 0:
        raise ValidationError(f"invalid argument `rounds`: expected a whole number >= 0, got {rounds!r}")
    scenario_args, params = _split(options)
    return _run(data, {"model": "bdm", "rounds": rounds, **params}, **scenario_args)


def smp(data: Any, **options: Any) -> Forecast:
    """Spatial bargaining in the style of KTAB's Spatial Model of Politics."""
    scenario_args, params = _split(options)
    return _run(data, {"model": "smp", **params}, **scenario_args)


def median(data: Any, **options: Any) -> Forecast:
    """The capability × salience weighted median (and pairwise-vote median); no dynamics."""
    scenario_args, _ = _split(options)
    return _run(data, {"model": "median"}, **scenario_args)


def compromise(data: Any, **options: Any) -> Forecast:
    """The capability × salience weighted mean; no dynamics."""
    scenario_args, _ = _split(options)
    return _run(data, {"model": "compromise"}, **scenario_args)


def monte_carlo(
    data: Any,
    *,
    model: str = "bdm",
    draws: int = 1000,
    seed: int = 0,
    position_noise: float | None = 0.1,
    salience_noise: float | None = 0.1,
    capability_noise: float | None = 0.2,
    range: tuple[float, float] | None = None,  # noqa: A002 - the model's own word
    on_progress: Callable[[int, int], None] | None = None,
    **options: Any,
) -> MonteCarlo:
    """Runs ``model`` on ``draws`` perturbed copies of the scenario from ``seed``, with
    positions, saliences and capabilities perturbed by up to ``position_noise`` (a fraction of
    the scale), ``salience_noise`` and ``capability_noise`` (relative), through the engine's one
    Monte Carlo operation, as :meth:`polemos.Engine.forecast` runs it on a stored dispute; a
    :class:`MonteCarlo` with the ``baseline`` Forecast and the ``distributions`` per dimension
    (each with ``probability_in_range`` when ``range`` is given). ``on_progress(done, total)``
    is called as the draws are made; ``options`` are scenario arguments and the model's
    parameters. The engine's limits hold: 1 to 100000 draws, a seed from 0 to 2**64 - 1, each
    width from 0 to 1; anything else is a :class:`ValidationError`."""
    scenario_args, params = _split(options)
    sc = scenario(data, **scenario_args)
    run = _native.monte_carlo(
        json.dumps(sc),
        json.dumps({"model": model, **params}),
        draws,
        seed,
        position_noise=position_noise,
        salience_noise=salience_noise,
        capability_noise=capability_noise,
        range=None if range is None else (float(range[0]), float(range[1])),
        on_progress=on_progress,
    )
    return _engine_monte_carlo(run)


_SCENARIO_ARGS = ("name", "scale", "capabilities")



def _split(options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    scenario_args = {k: v for k, v in options.items() if k in _SCENARIO_ARGS}
    params = {k: v for k, v in options.items() if k not in _SCENARIO_ARGS}
    return scenario_args, params


__all__ = [
    "DisputeMonteCarlo",
    "Distribution",
    "Forecast",
    "MonteCarlo",
    "MonteCarloParams",
    "bdm",
    "compromise",
    "median",
    "monte_carlo",
    "read_scenario",
    "scenario",
    "smp",
]
