"""The analyses of :class:`polemos.client.Client` (report, forecast, stance matrix, deadlocks,
agreement, coalitions, shifts, series): each a typed ``AnalysisService`` call whose result is
turned into what :class:`polemos.Engine`'s method of the same name returns."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from polemos import _native, _table
from polemos._client_convert import (
    _current_stance,
    _date_text,
    _deadlock,
    _forecast_dict,
    _full,
    _opt,
    _pair_series,
    _shift,
)
from polemos._client_transport import _Channel, _error, _invalid, grpc
from polemos._grpc import analysis_service_pb2 as _analysis
from polemos.engine import DateLike, StanceMatrix, _stance_matrix
from polemos.exceptions import StorageError, ValidationError
from polemos.forecast import (
    DisputeMonteCarlo,
    Distribution,
    Forecast,
    MonteCarloParams,
    _dispute_monte_carlo,
)
from polemos.resources import Table

if TYPE_CHECKING:
    from google.protobuf.message import Message


def _monte_carlo_checked(draws: Any, seed: Any) -> None:
    """The engine's limits on ``draws`` (0: no Monte Carlo) and, with draws, on ``seed``,
    checked here because the request's unsigned fields cannot carry a negative number (protobuf
    would raise a bare ``ValueError``): the engine's own words and limits
    (``_native.monte_carlo_defaults``), as the :class:`ValidationError` the Engine raises."""
    limits = _native.monte_carlo_defaults()

    def whole(x: Any) -> bool:
        return isinstance(x, int) and not isinstance(x, bool)

    if not whole(draws) or not 0 <= draws <= limits["max_draws"]:
        raise _invalid("draws", f"expected 1 to {limits['max_draws']} draws, found {draws!r}")
    if draws and (not whole(seed) or not 0 <= seed <= limits["max_seed"]):
        raise _invalid(
            "seed", f"expected a whole number from 0 to {limits['max_seed']}, found {seed!r}"
        )


class _Analyses(_Channel):
    """The analysis methods of :class:`polemos.client.Client`."""

    def _period_call(self, method: str, request: Message) -> Any:
        """An analysis whose `until` field is the ``as_of`` argument: a violation of `until` is
        reported as ``as_of``, the name the caller used."""
        try:
            return self._call(self._analysis, method, request)
        except ValidationError as e:
            pairs = [("as_of" if f == "until" else f, d) for f, d in getattr(e, "violations", [])]
            if pairs and pairs[0][0] == "as_of":
                raise _invalid("as_of", pairs[0][1]) from None
            raise

    def report(
        self,
        dispute: str,
        path: str | os.PathLike[str] | None = None,
        *,
        as_of: DateLike = None,
        revision: int | None = None,
        format: Literal["html", "markdown", "json"] = "markdown",
    ) -> str:
        """The dispute report, rendered by the server; also written to ``path`` when given."""
        formats = {
            "html": _analysis.REPORT_FORMAT_HTML,
            "markdown": _analysis.REPORT_FORMAT_MARKDOWN,
            "json": _analysis.REPORT_FORMAT_JSON,
        }
        if format not in formats:
            raise _invalid("format", f"`{format}` is not one of html, markdown, json")
        request = _analysis.GetDisputeReportRequest(
            dispute=_full("disputes", dispute), as_of=_date_text(as_of), format=formats[format]
        )
        if revision is not None:
            request.revision = revision
        text: str = self._call(self._analysis, "GetDisputeReport", request).content
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def forecast(
        self,
        dispute: str,
        *,
        model: Literal["bdm", "smp", "median", "compromise"] = "bdm",
        as_of: DateLike = None,
        revision: int | None = None,
        draws: int = 0,
        seed: int = 0,
        position_noise: float | None = 0.1,
        salience_noise: float | None = 0.1,
        capability_noise: float | None = 0.2,
        range: tuple[float, float] | None = None,  # noqa: A002 - the model's own word
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Forecast | DisputeMonteCarlo:
        """Forecasts ``dispute`` on the server from its parties' consolidated stances as of
        ``as_of`` (default today), with the model's default parameters: the same
        :class:`polemos.forecast.Forecast` as :meth:`Engine.forecast`, or with ``draws`` > 0 the
        same :class:`polemos.forecast.DisputeMonteCarlo` (the ``baseline`` Forecast and the
        ``distributions`` per dimension), drawn with the noise widths given (the engine's
        defaults and limits: at most 100000 draws, widths from 0 to 1; a width None is the
        engine's default, as for :meth:`Engine.forecast`), and with ``range`` each
        distribution's ``probability_in_range``, which the server computes.
        ``on_progress(done, total)`` is called as the draws are made."""
        models = {
            "bdm": _analysis.FORECAST_MODEL_BDM,
            "smp": _analysis.FORECAST_MODEL_SMP,
            "median": _analysis.FORECAST_MODEL_MEDIAN,
            "compromise": _analysis.FORECAST_MODEL_COMPROMISE,
        }
        if model not in models:
            raise _invalid("model", f"`{model}` is not one of {', '.join(models)}")
        _monte_carlo_checked(draws, seed)
        request = _analysis.ForecastRequest(
            dispute=_full("disputes", dispute),
            model=models[model],
            monte_carlo_draws=draws,
            seed=seed,
            as_of=_date_text(as_of),
        )
        widths = {
            "position_noise": position_noise,
            "salience_noise": salience_noise,
            "capability_noise": capability_noise,
        }
        # The server checks the widths against the engine's limits (even without draws), as the
        # Engine does; a width left None stays unset, which the server reads as the default.
        for name, width in widths.items():
            if width is not None:
                setattr(request, name, width)
        if revision is not None:
            request.revision = revision
        if range is not None:
            # The server checks it (ends in order, draws asked), as the Engine does.
            request.range.low, request.range.high = float(range[0]), float(range[1])
        result: Any = None
        try:
            for reply in self._analysis.Forecast(request, metadata=self._metadata):
                if reply.WhichOneof("kind") == "progress" and on_progress is not None:
                    on_progress(reply.progress.done, reply.progress.total)
                elif reply.WhichOneof("kind") == "result":
                    result = reply.result
        except grpc.RpcError as e:
            raise _error(e, self.address) from None
        if result is None:
            raise StorageError("the server ended the forecast stream without a result")
        baseline = Forecast(_forecast_dict(result))
        if draws == 0:
            return baseline
        # The reply does not carry the widths: the ones asked, or the engine's defaults.
        defaults = _native.monte_carlo_defaults()
        used = {k: defaults[k] if v is None else v for k, v in widths.items()}
        params: MonteCarloParams = {
            "draws": result.monte_carlo_draws,
            "seed": seed,
            "position_noise": used["position_noise"],
            "salience_noise": used["salience_noise"],
            "capability_noise": used["capability_noise"],
        }
        distributions: list[Distribution] = []
        for d in result.distributions:
            dist: Distribution = {
                "dimension": d.dimension,
                "mean": d.mean,
                "std_dev": d.std_dev,
                "min": d.min,
                "max": d.max,
                "quantiles": [[q.probability, q.value] for q in d.quantiles],
            }
            if d.HasField("probability_in_range"):
                dist["probability_in_range"] = d.probability_in_range
            distributions.append(dist)
        return _dispute_monte_carlo(baseline, params, distributions)

    @staticmethod
    def _consolidation(half_life_days: float, conflict_gap: float) -> Any:
        return _analysis.ConsolidationOptions(
            half_life_days=half_life_days, conflict_gap=conflict_gap
        )

    def stance_matrix(
        self,
        dispute: str,
        *,
        as_of: DateLike = None,
        revision: int | None = None,
        half_life_days: float = 180.0,
        conflict_gap: float = 25.0,
        actor: str | None = None,
        issue: str | None = None,
    ) -> StanceMatrix:
        """Each actor's current stance on each issue of ``dispute``, consolidated by the server
        from the evidence known on ``as_of``, as :meth:`Engine.stance_matrix` (``raw`` holds the
        full records). ``actor`` (``JPN``) and ``issue`` (full name) narrow it."""
        request = _analysis.ListCurrentStancesRequest(
            dispute=_full("disputes", dispute),
            actor=_full("actors", actor),
            issue=issue or "",
            as_of=_date_text(as_of),
            consolidation=self._consolidation(half_life_days, conflict_gap),
        )
        if revision is not None:
            request.revision = revision
        reply = self._call(self._analysis, "ListCurrentStances", request)
        return _stance_matrix([_current_stance(s) for s in reply.stances], dispute)

    def deadlocks(
        self, dispute: str, *, as_of: DateLike = None, revision: int | None = None
    ) -> Table:
        """Cycles of preconditions between issues, as :meth:`Engine.deadlocks`."""
        request = _analysis.ListDeadlocksRequest(
            dispute=_full("disputes", dispute), as_of=_date_text(as_of)
        )
        if revision is not None:
            request.revision = revision
        reply = self._call(self._analysis, "ListDeadlocks", request)
        return Table(
            (_deadlock(d) for d in reply.deadlocks),
            title=f"deadlocks in {dispute}",
            schema=_table.DEADLOCKS,
        )

    def agreement(
        self, dispute: str, *, as_of: DateLike = None, revision: int | None = None
    ) -> dict[str, Any]:
        """Pairwise agreement (0–1) and each issue's polarization, as :meth:`Engine.agreement`:
        ``{"agreement": {"actors", "issues", "agreement", "shared_issues"}, "polarization":
        {"index", "issues"}}``, with None where two actors share no issue."""
        request = _analysis.GetStanceMatrixRequest(
            dispute=_full("disputes", dispute), as_of=_date_text(as_of)
        )
        if revision is not None:
            request.revision = revision
        m = self._call(self._analysis, "GetStanceMatrix", request)
        return {
            "agreement": {
                "actors": list(m.actors),
                "issues": list(m.issues),
                "agreement": [[_opt(c, "agreement") for c in row.cells] for row in m.rows],
                "shared_issues": [[c.shared_issues for c in row.cells] for row in m.rows],
            },
            "polarization": {
                "index": _opt(m.polarization, "index"),
                "issues": [
                    {"issue": i.issue, "actors": i.actors, "mean_salience": i.mean_salience,
                     "index": i.index}
                    for i in m.polarization.issues
                ],
            },
        }

    def coalitions(
        self,
        dispute: str,
        *,
        as_of: DateLike = None,
        revision: int | None = None,
        max_distance: float = 0.25,
    ) -> Table:
        """Groups of actors that agree, as :meth:`Engine.coalitions`."""
        request = _analysis.ListCoalitionsRequest(
            dispute=_full("disputes", dispute), as_of=_date_text(as_of), max_distance=max_distance
        )
        if revision is not None:
            request.revision = revision
        reply = self._call(self._analysis, "ListCoalitions", request)
        return Table(
            ({"members": list(c.members), "cohesion": c.cohesion} for c in reply.coalitions),
            title=f"coalitions in {dispute}",
            schema=_table.COALITIONS,
        )

    def shifts(
        self,
        dispute: str,
        *,
        as_of: DateLike = None,
        revision: int | None = None,
        threshold: float = 20.0,
        actor: str | None = None,
        since: DateLike = None,
    ) -> Table:
        """Changes of stance up to ``as_of``, as :meth:`Engine.shifts`; ``actor`` and ``since``
        (shifts on or after that date) narrow them."""
        request = _analysis.ListStanceShiftsRequest(
            dispute=_full("disputes", dispute),
            actor=_full("actors", actor),
            since=_date_text(since),
            until=_date_text(as_of),
            threshold=threshold,
        )
        if revision is not None:
            request.revision = revision
        reply = self._period_call("ListStanceShifts", request)
        return Table(
            (_shift(s) for s in reply.shifts), title=f"shifts in {dispute}", schema=_table.SHIFTS
        )

    def series(
        self,
        dispute: str | None = None,
        *,
        as_of: DateLike = None,
        revision: int | None = None,
        granularity: Literal["day", "week", "month"] = "month",
        roll_up: bool = True,
        since: DateLike = None,
        actor: str | None = None,
        other_actor: str | None = None,
    ) -> Table:
        """Cooperation–conflict event counts per actor pair and period, with the trend, as
        :meth:`Engine.series` (without ``dispute``: every event of the store); ``since``,
        ``actor`` and ``other_actor`` narrow them."""
        granularities = {
            "day": _analysis.SERIES_GRANULARITY_DAY,
            "week": _analysis.SERIES_GRANULARITY_WEEK,
            "month": _analysis.SERIES_GRANULARITY_MONTH,
        }
        if granularity not in granularities:
            raise _invalid("granularity", f"`{granularity}` is not one of day, week, month")
        request = _analysis.GetCooperationSeriesRequest(
            dispute=_full("disputes", dispute),
            actor=_full("actors", actor),
            other_actor=_full("actors", other_actor),
            granularity=granularities[granularity],
            since=_date_text(since),
            until=_date_text(as_of),
            roll_up=roll_up,
        )
        if revision is not None:
            request.revision = revision
        reply = self._period_call("GetCooperationSeries", request)
        return Table(
            (_pair_series(s, granularity) for s in reply.series),
            title=f"cooperation and conflict in {dispute or 'the store'}",
            schema=_table.SERIES,
        )
