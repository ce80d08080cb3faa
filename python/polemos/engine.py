"""`polemos.Engine`: the polemos engine in-process.

A thin Pythonic layer over :class:`polemos._native.Engine`: it accepts paths, dicts and
DataFrames, returns resource objects and lists that turn into DataFrames, and leaves all the
work (parsing, validation, storage, algorithms) to the Rust core, which runs without holding the
GIL.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, overload

from polemos import _native, _table
from polemos.exceptions import PolemosError, ValidationError
from polemos.extraction import Extraction, extract
from polemos.forecast import DisputeMonteCarlo, Forecast, _engine_monte_carlo
from polemos.resources import (
    CLASSES,
    Actor,
    Dispute,
    Document,
    Event,
    Issue,
    Resource,
    ResourceList,
    Stance,
    Table,
    as_record_line,
    wrap,
)

DateLike = Any  # str "YYYY-MM-DD", datetime.date, datetime.datetime or pandas.Timestamp


@dataclass(frozen=True)
class CommitResult:
    """What a write did: the store's revision after it and how many entities changed."""

    revision: int
    created: int
    updated: int
    deleted: int
    unchanged: int

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.deleted


@dataclass(frozen=True)
class IngestResult:
    """What ingesting one text did: its document's name, whether it was new (``stored``),
    already there (``already stored``) or not stored (``failed``, with the error's ``kind``,
    e.g. ``invalid_argument``, and the reason in ``error``), and what it added."""

    document: str
    status: str
    created: int
    updated: int
    stances: int
    events: int
    revision: int
    kind: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class Curation:
    """What accepting, renaming or merging a dispute left: the dispute as it now stands (for a
    merge, the dispute merged into), its issues' names, how many stances and events now refer
    to other issues, and the revision of the change."""

    dispute: Dispute
    issues: list[str]
    stances: int
    events: int
    revision: int


def _curation(d: Mapping[str, Any]) -> Curation:
    return Curation(
        dispute=Dispute(d["dispute"], revision=int(d["revision"])),
        issues=[str(i) for i in d["issues"]],
        stances=int(d["stances"]),
        events=int(d["events"]),
        revision=int(d["revision"]),
    )


def _commit_result(d: Mapping[str, Any]) -> CommitResult:
    return CommitResult(
        revision=int(d["revision"]),
        created=int(d["created"]),
        updated=int(d["updated"]),
        deleted=int(d["deleted"]),
        unchanged=int(d["unchanged"]),
    )


def _kind_of_name(name: str) -> str:
    """The kind a resource name is of (``stance`` for ``stances/x``); the engine refuses the
    name when it is of none."""
    return "issue" if "/issues/" in name else name.split("/", 1)[0][:-1]


def _split_resource(resource: Resource | Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """(kind, record) of a resource object, a record dict with its ``name``, or a
    ``{"stance": {...}}`` record: what :meth:`Engine.create` and ``Client.create`` take."""
    if isinstance(resource, Resource):
        return resource.kind, dict(resource.to_dict())
    if len(resource) == 1:
        ((key, value),) = resource.items()
        if key in CLASSES and isinstance(value, Mapping):
            return key, dict(value)
    record = dict(resource)
    return _kind_of_name(str(record.get("name", ""))), record


def _dossier_text(source: Any) -> tuple[str, str]:
    """The dossier text of a path, JSON text, dict or list of resources, and a commit message."""
    if isinstance(source, os.PathLike):
        path = Path(source)
        return path.read_text(encoding="utf-8"), f"import {path}"
    if isinstance(source, str):
        if source.lstrip().startswith("{"):
            return source, "import from Python"
        path = Path(source)
        if not path.exists():
            raise FileNotFoundError(
                f"{source!r} is neither a dossier file that exists nor JSON text"
            )
        return path.read_text(encoding="utf-8"), f"import {path}"
    if isinstance(source, Mapping):
        return json.dumps(source), "import from Python"
    if isinstance(source, Iterable):
        lines = [json.dumps(as_record_line(r)) for r in source]
        return "\n".join(lines) + "\n", "put from Python"
    raise TypeError(
        "import_dossier() takes a path, JSON text, a dossier dict or resources, "
        f"not {type(source).__name__}"
    )


def _dispute_name(dispute: str) -> str:
    return dispute if dispute.startswith("disputes/") else f"disputes/{dispute}"


class StanceMatrix(Table):
    """Consolidated stances, one row per (actor, issue); ``raw`` keeps the full records with
    their evidence and conflicting sides."""

    def __init__(self, rows: Iterable[Mapping[str, Any]], *, title: str, raw: list[dict[str, Any]]) -> None:
        super().__init__(rows, title=title, schema=_table.STANCE_MATRIX)
        self.raw = raw

    def pivot(self, value: str = "position") -> Any:
        """Actors × issues DataFrame of ``value`` (needs the ``pandas`` extra)."""
        df = self.to_pandas()
        if df.empty:
            return df
        wide = df.pivot(index="actor", columns="issue", values=value)
        wide.columns = [str(c).rsplit("/", 1)[-1] for c in wide.columns]
        return wide


def _stance_matrix(data: list[dict[str, Any]], dispute: str) -> StanceMatrix:
    """The :class:`StanceMatrix` of consolidated stance records (the core's JSON shape); shared
    with :class:`polemos.client.Client`."""
    return StanceMatrix(
        ({
            "actor": s["actor"],
            "issue": s["issue"],
            "position": float(s["position"]),
            "salience": float(s["salience"]),
            "label": s["label"],
            "confidence": float(s["confidence"]),
            "sources": s["sources"],
            "last_evidence": s["last_evidence"],
            "contested": s.get("conflict") is not None,
            "conditions": "; ".join(
                f"{c['issue'].rsplit('/', 1)[-1]} {c['required']}"
                for c in s.get("conditions", [])
            ),
        } for s in data),
        title=f"stances in {dispute}",
        raw=data,
    )


class Engine:
    """The polemos engine over one store.

    ``Engine()`` keeps everything in memory; ``Engine("polemos.db")`` opens (or creates) an
    SQLite file in the same format the ``polemos`` command and server use. One engine may be
    shared by several threads.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self._handle: _native.Engine | None = _native.Engine(
            None if path is None else os.fspath(path)
        )
        self._location = self._handle.location

    @property
    def _native(self) -> _native.Engine:
        if self._handle is None:
            raise PolemosError(f"the engine on {self._location} is closed")
        return self._handle

    def close(self) -> None:
        """Closes the store: the SQLite file is released at once (an in-memory store is
        dropped). Later calls raise :class:`polemos.PolemosError`; closing twice does nothing.
        ``with polemos.Engine(path) as engine:`` closes it at the end of the block."""
        # The native engine owns the store and is referenced only here (results are copies),
        # so dropping this reference drops the store and its file handles.
        self._handle = None

    @property
    def closed(self) -> bool:
        return self._handle is None

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def location(self) -> str:
        """``memory:`` or the path of the SQLite file."""
        return self._location

    @property
    def revision(self) -> int:
        """The store's latest revision (0 when empty)."""
        return self._native.head()

    def __repr__(self) -> str:
        if self.closed:
            return f"polemos.Engine({self.location!r}, closed)"
        return f"polemos.Engine({self.location!r}, revision={self.revision})"

    # ------------------------------------------------------------------ writing

    def import_dossier(self, source: Any, *, message: str | None = None) -> CommitResult:
        """Imports a dossier all or nothing.

        ``source`` is a path to a JSON / JSON Lines file, the JSON text itself, a dossier dict, or
        an iterable of resources. Raises :class:`polemos.ValidationError` naming every broken rule
        by its field path when anything is wrong; nothing is written then.
        """
        text, default_message = _dossier_text(source)
        return _commit_result(self._native.import_dossier(text, message or default_message))

    def put(self, *resources: Resource | Mapping[str, Any], message: str | None = None) -> CommitResult:
        """Writes resources (or ``{"stance": {...}}`` records) in one all-or-nothing commit."""
        return self.import_dossier(list(resources), message=message or "put from Python")

    def create(self, resource: Resource | Mapping[str, Any]) -> Resource:
        """Creates one resource (a resource object, a record dict with its ``name``, or a
        ``{"stance": {...}}`` record); raises :class:`polemos.ConflictError` if it exists."""
        kind, record = _split_resource(resource)
        data, rev = self._native.create(kind, json.dumps(record, default=str))
        return CLASSES[kind](data, revision=rev)

    def update(
        self,
        name: str,
        changes: Mapping[str, Any],
        *,
        mask: Iterable[str] | None = None,
        etag: str = "",
    ) -> Resource:
        """Updates one resource as AIP-134 says: without ``mask`` only the fields in ``changes``
        change; ``mask=["*"]`` replaces every writable field; a field the mask names that
        ``changes`` lacks is cleared, and one that is not writable raises
        :class:`polemos.ValidationError` naming it. ``etag`` (``r12``) makes it conditional."""
        mask_list = None if mask is None else list(mask)
        data, rev = self._native.update(name, json.dumps(dict(changes), default=str), mask_list, etag)
        return CLASSES[_kind_of_name(name)](data, revision=rev)

    def delete(self, name: str, *, etag: str = "") -> None:
        """Deletes one resource; ``etag`` (``r12``) makes it conditional."""
        self._native.delete(name, etag)

    def export(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        dispute: str | None = None,
        format: Literal["json", "jsonl"] = "json",
        revision: int | None = None,
    ) -> str:
        """The store (or one dispute and everything it refers to) as dossier text; also written
        to ``path`` when given."""
        text = self._native.export(dispute, format, revision)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    # ------------------------------------------------------------------ extraction

    def extract(
        self,
        text: str,
        *,
        published: DateLike = None,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> Extraction:
        """Extracts facts from one article without storing them (see :func:`polemos.extract`)."""
        return extract(text, published=published, title=title, outlet=outlet, url=url)

    @overload
    def ingest(
        self,
        texts: str,
        *,
        published: DateLike,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> IngestResult: ...
    @overload
    def ingest(
        self,
        texts: Iterable[str],
        *,
        published: DateLike,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> list[IngestResult]: ...
    def ingest(
        self,
        texts: str | Iterable[str],
        *,
        published: DateLike,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> IngestResult | list[IngestResult]:
        """Extracts one text (or many, in parallel) and stores the document with its actors,
        stances and events, through the one ingest path the CLI and the server use: many texts a
        commit, each text stored whole or not at all. Idempotent: a text already stored (same
        content hash) is ``already stored``. Of many texts, one that cannot be stored is
        ``failed`` (with ``kind`` and ``error``) and the others are still stored; a single text
        that fails raises. Actors, disputes and issues already in the store are kept as they are
        (they may have been curated by hand); disputes and issues the extractor proposes are
        stored marked ``proposed`` (see :meth:`accept_dispute`)."""
        single = isinstance(texts, str)
        batch = [texts] if isinstance(texts, str) else list(texts)
        reports = [
            IngestResult(**r)
            for r in _native.ingest(
                self._native, batch, published=published, title=title, outlet=outlet, url=url,
                strict=single,
            )
        ]
        return reports[0] if single else reports

    # ------------------------------------------------------------------ curation

    def accept_dispute(self, dispute: str) -> Curation:
        """Accepts a dispute that ingest proposed, and its issues: clears their ``proposed``
        mark. Accepting what is not proposed changes nothing. ``NotFoundError`` for an unknown
        dispute."""
        return _curation(_native.accept_dispute(self._native, dispute))

    def rename_dispute(
        self, dispute: str, new_name: str | None = None, *, title: str | None = None
    ) -> Curation:
        """Renames a dispute (``new_name``), retitles it (``title``), or both, in one commit: its
        issues and the stances and events on them move with it. ``NotFoundError`` for an unknown
        dispute, ``ConflictError`` (``kind == "already_exists"``) when the new name is taken,
        ``ValidationError`` when neither is given."""
        return _curation(_native.rename_dispute(self._native, dispute, new_name, title))

    def merge_dispute(self, dispute: str, into: str) -> Curation:
        """Merges a dispute into another in one commit: issues the target shares (by id) are
        mapped onto its own, the others move under it, stances and events follow, and the merged
        dispute is removed. ``ValidationError`` for a dispute merged into itself,
        ``NotFoundError`` for an unknown one."""
        return _curation(_native.merge_dispute(self._native, dispute, into))

    # ------------------------------------------------------------------ analytics

    def stance_matrix(
        self,
        dispute: str,
        *,
        as_of: DateLike = None,
        revision: int | None = None,
        half_life_days: float = 180.0,
        conflict_gap: float = 25.0,
    ) -> StanceMatrix:
        """Each actor's current stance on each issue of ``dispute``, consolidated from all the
        evidence known on ``as_of`` (default: today): one row per (actor, issue) with position,
        salience, label, confidence, sources and whether the evidence conflicts. ``.pivot()``
        gives the actors × issues DataFrame; ``polemos.plot.stance_heatmap`` draws it."""
        data = _native.current_stances(
            self._native,
            dispute,
            as_of=as_of,
            revision=revision,
            half_life_days=half_life_days,
            conflict_gap=conflict_gap,
        )
        return _stance_matrix(data, dispute)

    def deadlocks(
        self, dispute: str, *, as_of: DateLike = None, revision: int | None = None
    ) -> Table:
        """Cycles of preconditions between issues ("the treaty only after the territory" against
        "the territory only after the treaty"): kind, the issues in the cycle, the parties, and
        the precondition edges with their evidence."""
        data = _native.deadlocks(self._native, dispute, as_of=as_of, revision=revision)
        return Table(data, title=f"deadlocks in {dispute}", schema=_table.DEADLOCKS)

    def agreement(
        self, dispute: str, *, as_of: DateLike = None, revision: int | None = None
    ) -> dict[str, Any]:
        """Pairwise agreement (0–1) between the parties and each issue's polarization."""
        return _native.agreement(self._native, dispute, as_of=as_of, revision=revision)

    def coalitions(
        self,
        dispute: str,
        *,
        as_of: DateLike = None,
        revision: int | None = None,
        max_distance: float = 0.25,
    ) -> Table:
        """Groups of parties that agree (average distance at most ``max_distance``)."""
        data = _native.coalitions(
            self._native, dispute, as_of=as_of, revision=revision, max_distance=max_distance
        )
        return Table(data, title=f"coalitions in {dispute}", schema=_table.COALITIONS)

    def shifts(
        self,
        dispute: str,
        *,
        as_of: DateLike = None,
        revision: int | None = None,
        threshold: float = 20.0,
    ) -> Table:
        """Changes of position larger than ``threshold`` points, with evidence before and after."""
        data = _native.shifts(
            self._native, dispute, as_of=as_of, revision=revision, threshold=threshold
        )
        return Table(data, title=f"shifts in {dispute}", schema=_table.SHIFTS)

    def series(
        self,
        dispute: str | None = None,
        *,
        as_of: DateLike = None,
        revision: int | None = None,
        granularity: Literal["day", "week", "month"] = "month",
        roll_up: bool = True,
    ) -> Table:
        """Cooperation–conflict event counts per actor pair and period, with the trend: of
        ``dispute``'s events, or without one of every event of the store (as ``polemos analyze
        series`` without ``--dispute``)."""
        data = _native.series(
            self._native,
            dispute,
            as_of=as_of,
            revision=revision,
            granularity=granularity,
            roll_up=roll_up,
        )
        return Table(
            data,
            title=f"cooperation and conflict in {dispute or 'the store'}",
            schema=_table.SERIES,
        )

    def report(
        self,
        dispute: str,
        path: str | os.PathLike[str] | None = None,
        *,
        as_of: DateLike = None,
        revision: int | None = None,
        format: Literal["html", "markdown", "json"] = "markdown",
    ) -> str:
        """The dispute report (parties, issues, stances, deadlocks, events, framing) as Markdown
        (the engine's default, as ``polemos report`` and gRPC give it), a self-contained HTML
        page or JSON; also written to ``path`` when given."""
        text = _native.report(self._native, dispute, as_of=as_of, revision=revision, format=format)
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
        **options: Any,
    ) -> Forecast | DisputeMonteCarlo:
        """Forecasts ``dispute`` from its parties' consolidated stances as of ``as_of`` (default
        today; one dimension per issue) and capabilities, with :mod:`polemos.forecast`'s
        ``model`` and its parameters in ``options`` (e.g. ``rounds``). The scenario is the one
        ``polemos forecast --dispute`` and the gRPC ``Forecast`` build. Stances of actors that
        are not parties carry no capability and are left out.

        With ``draws`` > 0, Monte Carlo from ``seed`` through the engine's one operation (as
        ``polemos forecast --dispute --monte-carlo`` and :meth:`Client.forecast` run it), with
        positions, saliences and capabilities perturbed by up to ``position_noise`` (a fraction
        of the scale), ``salience_noise`` and ``capability_noise`` (relative): a
        :class:`polemos.forecast.DisputeMonteCarlo` with the ``baseline`` Forecast and the
        ``distributions`` per dimension (each with ``probability_in_range``, the share of draws
        in ``range`` = ``(low, high)``, when one is given; a range without draws is refused);
        ``on_progress(done, total)`` is called as the draws are made. The engine's limits (at
        most 100000 draws, a seed from 0 to 2**64 - 1, widths from 0 to 1) are
        :class:`ValidationError` otherwise."""
        models = ("bdm", "smp", "median", "compromise")
        if model not in models:
            refused = ValidationError(
                f"invalid argument `model`: `{model}` is not one of {', '.join(models)}"
            )
            refused.kind = "invalid_argument"  # type: ignore[attr-defined]  # as the engine's
            raise refused
        spec = json.dumps({"model": model, **options})
        span = None if range is None else (float(range[0]), float(range[1]))
        if isinstance(draws, int) and not isinstance(draws, bool) and draws == 0:
            # Widths given are checked though unused, as the server checks them.
            data = _native.forecast_dispute(
                self._native, dispute, spec, as_of=as_of, revision=revision,
                position_noise=position_noise, salience_noise=salience_noise,
                capability_noise=capability_noise, range=span,
            )
            return Forecast(data)
        # The engine checks draws, seed and widths, with the words every interface uses.
        run = _native.monte_carlo_dispute(
            self._native, dispute, spec, draws, seed,
            as_of=as_of, revision=revision, position_noise=position_noise,
            salience_noise=salience_noise, capability_noise=capability_noise,
            range=span, on_progress=on_progress,
        )
        return _engine_monte_carlo(run)

    # ------------------------------------------------------------------ reading

    def get(self, name: str, *, revision: int | None = None) -> Resource:
        """One resource by full name (``actors/JPN``); raises :class:`polemos.NotFoundError`."""
        data, rev = self._native.get(name, revision)
        kind = name.split("/")[0]
        cls = CLASSES["issue"] if "/issues/" in name else CLASSES[kind[:-1]]
        return cls(data, revision=rev)

    def _list(self, collection: str, **filters: Any) -> ResourceList[Any]:
        return wrap(collection[:-1], self._native.query(collection, **filters))

    def page(
        self,
        collection: str,
        *,
        page_size: int = 0,
        page_token: str = "",
        dispute: str | None = None,
        actor: str | None = None,
        issue: str | None = None,
        as_of: DateLike = None,
        revision: int | None = None,
    ) -> tuple[ResourceList[Any], str]:
        """One page of a collection (``actors``, ``stances``, ...), narrowed as the list methods
        narrow it: at most ``page_size`` resources (0: 50; at most 1000) from where
        ``page_token`` (the previous page's, for the same query; ``""`` first) says, and the next
        page's token (``""`` after the last). A token made for another query, altered or
        forged raises :class:`polemos.ValidationError`. Tokens are keyed by the store's
        location (or ``POLEMOS_PAGE_TOKEN_SECRET``), so ``polemos show`` on the same store takes
        them too."""
        items, token = self._native.page(
            collection,
            page_size=page_size,
            page_token=page_token,
            dispute=dispute,
            actor=actor,
            issue=issue,
            as_of=as_of,
            revision=revision,
        )
        return wrap(collection[:-1], items), token

    def actors(
        self, *, dispute: str | None = None, revision: int | None = None
    ) -> ResourceList[Actor]:
        """Actors (of one dispute and those its records name, when ``dispute`` is given)."""
        return self._list("actors", dispute=dispute, revision=revision)

    def disputes(
        self, *, actor: str | None = None, revision: int | None = None
    ) -> ResourceList[Dispute]:
        """Disputes (those ``actor`` is a party to, when given)."""
        return self._list("disputes", actor=actor, revision=revision)

    def issues(
        self, *, dispute: str | None = None, revision: int | None = None
    ) -> ResourceList[Issue]:
        return self._list("issues", dispute=dispute, revision=revision)

    def stances(
        self,
        *,
        dispute: str | None = None,
        actor: str | None = None,
        issue: str | None = None,
        as_of: DateLike = None,
        revision: int | None = None,
    ) -> ResourceList[Stance]:
        """Stances, narrowed by dispute (``kuril-islands``), actor (``JPN``), issue, the date they
        were in force on (``as_of``) and the store revision."""
        return self._list(
            "stances", dispute=dispute, actor=actor, issue=issue, as_of=as_of, revision=revision
        )

    def events(
        self,
        *,
        dispute: str | None = None,
        actor: str | None = None,
        issue: str | None = None,
        as_of: DateLike = None,
        revision: int | None = None,
    ) -> ResourceList[Event]:
        """Events, narrowed like :meth:`stances`; ``as_of`` keeps events up to that date."""
        return self._list(
            "events", dispute=dispute, actor=actor, issue=issue, as_of=as_of, revision=revision
        )

    def documents(
        self,
        *,
        dispute: str | None = None,
        as_of: DateLike = None,
        revision: int | None = None,
    ) -> ResourceList[Document]:
        return self._list("documents", dispute=dispute, as_of=as_of, revision=revision)

    def changes(
        self,
        *,
        after: int = 0,
        limit: int = 1000,
        dispute: str | None = None,
        actor: str | None = None,
    ) -> list[dict[str, Any]]:
        """The change feed: what each commit after revision ``after`` put or deleted, only what
        bears on ``dispute`` and ``actor`` when given (the engine's feed, which the gRPC
        ``WatchChanges`` and ``ListChanges`` (which :meth:`Client.changes` pages through) read
        too)."""
        return self._native.changes(after, limit, dispute, actor)
