"""Resource objects: what queries return.

Each object wraps the record exactly as the core serializes it (``to_dict()`` gives it back, and it
imports again unchanged), offers its fields as typed attributes, prints as a readable one-liner, and
renders as an escaped HTML table in notebooks. Lists of them turn into DataFrames with one flat
row per resource.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar, overload

from polemos import _native, _table
from polemos._table import Schema

T = TypeVar("T")
R = TypeVar("R", bound="Resource")


def _date(value: Any) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value))


def _short(name: str | None) -> str:
    """`actors/JPN` → `JPN`; `disputes/d/issues/i` → `i`."""
    return "" if name is None else name.rsplit("/", 1)[-1]


class _Field(Generic[T]):
    """A typed read-only attribute backed by one key of the record."""

    def __init__(self, default: Any = None, convert: Callable[[Any], T] | None = None) -> None:
        self.default = default
        self.convert = convert
        self.key = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = name

    @overload
    def __get__(self, obj: None, owner: type) -> _Field[T]: ...
    @overload
    def __get__(self, obj: Resource, owner: type) -> T: ...
    def __get__(self, obj: Resource | None, owner: type) -> Any:
        if obj is None:
            return self
        value = obj._data.get(self.key, self.default)
        if self.convert is not None and value is not None:
            return self.convert(value)
        return value


class Resource:
    """Base of all resources: a record of the model with its name and, when read from a store by
    name, the revision of its last change."""

    kind: ClassVar[str] = "resource"
    #: The columns of :meth:`to_record`, fixed per class (see :mod:`polemos._table`).
    _columns: ClassVar[Schema] = (("name", "str"),)
    #: Fields shown by ``repr`` after the name.
    _summary: ClassVar[tuple[str, ...]] = ()

    __slots__ = ("_data", "revision")

    name: _Field[str] = _Field("")

    def __init__(self, data: Mapping[str, Any], revision: int | None = None) -> None:
        self._data = dict(data)
        self.revision = revision

    @property
    def id(self) -> str:
        """The last segment of the name: `JPN` for `actors/JPN`."""
        return _short(self.name)

    def to_dict(self) -> dict[str, Any]:
        """The record as the core serializes it (a deep copy is not made)."""
        return self._data

    def to_record(self) -> dict[str, Any]:
        """One flat row for a DataFrame."""
        return {"name": self.name}

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._data == other._data  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        parts = [repr(self.name)]
        for key in self._summary:
            value = getattr(self, key)
            if value is None or value == [] or value == "":
                continue
            if isinstance(value, _dt.date):
                value = value.isoformat()
            parts.append(f"{key}={value!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(str(k))}</th>"
            f"<td style='text-align:left'>{html.escape(_cell(v))}</td></tr>"
            for k, v in self.to_record().items()
        )
        return (
            f"<table><caption style='text-align:left'><b>{html.escape(type(self).__name__)}</b> "
            f"{html.escape(self.name)}</caption>{rows}</table>"
        )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


class Actor(Resource):
    """A state, government body, organization, person or outlet."""

    kind = "actor"
    _summary = ("display_name", "actor_kind")
    _columns = (
        ("name", "str"), ("display_name", "str"), ("kind", "str"), ("iso3", "str"),
        ("roles", "str"), ("aliases", "str"),
    )
    __slots__ = ()

    display_name: _Field[str] = _Field("")
    aliases: _Field[list[str]] = _Field([])
    affiliations: _Field[list[dict[str, Any]]] = _Field([])
    codes: _Field[dict[str, str]] = _Field({})

    @property
    def actor_kind(self) -> str:
        """`state`, `person`, `media_outlet`, …"""
        return str(self._data.get("kind", ""))

    def to_record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "display_name": self.display_name,
            "kind": self.actor_kind,
            "iso3": self.codes.get("iso3"),
            "roles": "; ".join(
                f"{a.get('role', '')} of {_short(a.get('actor'))}" for a in self.affiliations
            ),
            "aliases": "; ".join(self.aliases),
        }


class Dispute(Resource):
    """A dispute, its parties (with capability) and the disputed objects with each party's name."""

    kind = "dispute"
    _summary = ("title", "status")
    _columns = (
        ("name", "str"), ("title", "str"), ("kind", "str"), ("status", "str"),
        ("parties", "str"), ("object_names", "str"),
    )
    __slots__ = ()

    title: _Field[str] = _Field("")
    parties: _Field[list[dict[str, Any]]] = _Field([])
    objects: _Field[list[dict[str, Any]]] = _Field([])
    #: Proposed by the extractor and not yet accepted (see ``Engine.accept_dispute``).
    proposed: _Field[bool] = _Field(False)

    @property
    def dispute_kind(self) -> str:
        return str(self._data.get("kind", ""))

    @property
    def status(self) -> str | None:
        """The current status (the last status change)."""
        changes = self._data.get("status") or []
        return changes[-1]["status"] if changes else None

    @property
    def capabilities(self) -> dict[str, float]:
        """Each party's capability, by actor name."""
        return {p["actor"]: float(p["capability"]) for p in self.parties}

    def to_record(self) -> dict[str, Any]:
        names = [
            f"{n['label']} [{_short(n['used_by'])}]" if n.get("used_by") else n["label"]
            for o in self.objects
            for n in o.get("names", [])
        ]
        return {
            "name": self.name,
            "title": self.title,
            "kind": self.dispute_kind,
            "status": self.status,
            "parties": "; ".join(f"{_short(a)} ({c:g})" for a, c in self.capabilities.items()),
            "object_names": "; ".join(names),
        }


class Issue(Resource):
    """A question within a dispute: a yes/no proposal or a 0–100 scale with anchors."""

    kind = "issue"
    _summary = ("title", "scale_type")
    _columns = (
        ("name", "str"), ("dispute", "str"), ("title", "str"), ("scale_type", "str"),
        ("scale", "str"),
    )
    __slots__ = ()

    title: _Field[str] = _Field("")
    description: _Field[str] = _Field("")
    scale: _Field[dict[str, Any]] = _Field({})
    #: Proposed by the extractor and not yet accepted.
    proposed: _Field[bool] = _Field(False)

    @property
    def dispute(self) -> str:
        return self.name.split("/issues/")[0]

    @property
    def scale_type(self) -> str:
        return str(self.scale.get("type", ""))

    def to_record(self) -> dict[str, Any]:
        scale = self.scale
        if scale.get("type") == "binary":
            text = f"yes/no: {scale.get('proposal', '')}"
        else:
            text = "; ".join(f"{a['position']:g} = {a['label']}" for a in scale.get("anchors", []))
        return {
            "name": self.name,
            "dispute": self.dispute,
            "title": self.title,
            "scale_type": self.scale_type,
            "scale": text,
        }


class Stance(Resource):
    """One actor's stance on one issue over a period, with conditions and evidence.

    ``label`` is ``support``, ``oppose``, ``neutral``, ``conditional`` or ``ambiguous``; a
    ``conditional`` stance holds only under its ``conditions`` and may be for or against:
    ``position`` gives the direction (above 50 conditional support, below it opposition)."""

    kind = "stance"
    _summary = ("actor", "issue", "label", "position", "valid_from")
    _columns = (
        ("name", "str"), ("actor", "str"), ("issue", "str"), ("position", "float"),
        ("salience", "float"), ("confidence", "float"), ("label", "str"),
        ("valid_from", "date"), ("valid_to", "date"), ("conditions", "str"), ("quote", "str"),
    )
    __slots__ = ()

    actor: _Field[str] = _Field("")
    issue: _Field[str] = _Field("")
    position: _Field[float] = _Field(0.0, float)
    salience: _Field[float] = _Field(0.0, float)
    confidence: _Field[float] = _Field(0.0, float)
    label: _Field[str] = _Field("")
    conditions: _Field[list[dict[str, Any]]] = _Field([])
    evidence: _Field[list[dict[str, Any]]] = _Field([])
    valid_from: _Field[_dt.date | None] = _Field(None, _date)
    valid_to: _Field[_dt.date | None] = _Field(None, _date)

    def to_record(self) -> dict[str, Any]:
        quotes = [e["quote"] for e in self.evidence if e.get("quote")]
        return {
            "name": self.name,
            "actor": self.actor,
            "issue": self.issue,
            "position": self.position,
            "salience": self.salience,
            "confidence": self.confidence,
            "label": self.label,
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
            "conditions": "; ".join(
                f"{_short(c['issue'])} {c['required']}" for c in self.conditions
            ),
            "quote": quotes[0] if quotes else None,
        }


# PLOVER's quad class of each event type, from the core (one source of truth).
_QUAD: dict[str, str] = _native.plover_quad_classes()


class Event(Resource):
    """Who did what to whom, when and where, coded in PLOVER."""

    kind = "event"
    _summary = ("event_type", "date", "sources", "targets")
    _columns = (
        ("name", "str"), ("date", "date"), ("precision", "str"), ("status", "str"),
        ("event_type", "str"), ("quad_class", "str"), ("intensity", "float"),
        ("sources", "str"), ("targets", "str"), ("location", "str"), ("issues", "str"),
    )
    __slots__ = ()

    event_type: _Field[str] = _Field("")
    status: _Field[str] = _Field("")
    mode: _Field[str | None] = _Field(None)
    intensity: _Field[float] = _Field(0.0, float)
    sources: _Field[list[str]] = _Field([])
    targets: _Field[list[str]] = _Field([])
    issues: _Field[list[str]] = _Field([])
    contexts: _Field[list[str]] = _Field([])
    location: _Field[str | None] = _Field(None)
    evidence: _Field[list[dict[str, Any]]] = _Field([])

    @property
    def date(self) -> _dt.date:
        return _dt.date.fromisoformat(self._data["date"]["date"])

    @property
    def date_precision(self) -> str:
        return str(self._data["date"]["precision"])

    @property
    def quad_class(self) -> str:
        """PLOVER's quad class of the event type, e.g. `verbal_cooperation`."""
        return _QUAD.get(self.event_type, "")

    def to_record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "date": self.date,
            "precision": self.date_precision,
            "status": self.status,
            "event_type": self.event_type,
            "quad_class": self.quad_class,
            "intensity": self.intensity,
            "sources": "; ".join(self.sources),
            "targets": "; ".join(self.targets),
            "location": self.location,
            "issues": "; ".join(self.issues),
        }


class Document(Resource):
    """A source text; its content hash identifies it for idempotent ingest."""

    kind = "document"
    _summary = ("title", "published")
    _columns = (
        ("name", "str"), ("title", "str"), ("outlet", "str"), ("published", "date"),
        ("language", "str"), ("bytes", "int"), ("content_hash", "str"),
    )
    __slots__ = ()

    title: _Field[str] = _Field("")
    outlet: _Field[str | None] = _Field(None)
    url: _Field[str | None] = _Field(None)
    language: _Field[str | None] = _Field(None)
    text: _Field[str] = _Field("")
    content_hash: _Field[str] = _Field("")
    published: _Field[_dt.date | None] = _Field(None, _date)

    def to_record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "language": self.language,
            "bytes": len(self.text.encode("utf-8")),
            "content_hash": self.content_hash,
        }


#: Resource class by record key, as in JSON Lines dossiers (`{"stance": {...}}`).
CLASSES: dict[str, type[Resource]] = {
    c.kind: c for c in (Actor, Dispute, Issue, Stance, Event, Document)
}


class ResourceList(list[R]):
    """A list of resources that also turns into records, a pandas or polars DataFrame or an Arrow
    table, all with the fixed columns of its resource class (also when empty). :meth:`arrow`
    gives the Arrow form built in Rust, which polars, pyarrow and duckdb read without a copy."""

    def __init__(self, items: Iterable[R] = (), *, cls: type[Resource] | None = None) -> None:
        super().__init__(items)
        self.resource_class = cls

    @property
    def schema(self) -> Schema:
        """The ``(column, type)`` pairs of :meth:`to_records` (see :mod:`polemos._table`)."""
        cls = self.resource_class or (type(self[0]) if self else None)
        return cls._columns if cls is not None else ()

    def filtered(self, keep: Callable[[R], bool]) -> ResourceList[R]:
        """The resources for which ``keep`` is true, as a list of the same class."""
        return ResourceList((r for r in self if keep(r)), cls=self.resource_class)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per resource: ready for ``pandas.DataFrame(...)``."""
        return [r.to_record() for r in self]

    def to_dicts(self) -> list[dict[str, Any]]:
        """The records as the core serializes them."""
        return [r.to_dict() for r in self]

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` with one row per resource (needs the ``pandas`` extra)."""
        return _table.to_pandas(self.to_records(), self.schema)

    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` with one row per resource (needs the ``polars`` extra)."""
        return _table.to_polars(self.to_records(), self.schema)

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` with one row per resource (needs the ``arrow`` extra)."""
        return _table.to_arrow(self.to_records(), self.schema)

    def arrow(self) -> _native.ArrowTable:
        """The rows as an Arrow record batch built in Rust, for Arrow-native tools:
        ``polars.DataFrame(x.arrow())``, ``pyarrow.table(x.arrow())``, or duckdb's
        ``SELECT … FROM t`` with ``t = x.arrow()``; none of them copies it. (The list itself is
        read by those tools as a plain list of objects, so this is the object to hand them.)"""
        return _table.arrow_table(self.to_records(), self.schema)

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        """The Arrow PyCapsule stream interface, for consumers that look for it before they
        look for a list (``pyarrow.RecordBatchReader.from_stream``, nanoarrow)."""
        return self.arrow().__arrow_c_stream__(requested_schema)

    def __repr__(self) -> str:
        if not self:
            return "[]"
        inner = ",\n ".join(repr(r) for r in self)
        return f"[{inner}]"

    def _repr_html_(self, limit: int = 50) -> str:
        records = self.to_records()
        if not records:
            return "<p><i>no resources</i></p>"
        columns = list(records[0].keys())
        head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
        body = "".join(
            "<tr>"
            + "".join(f"<td>{html.escape(_cell(r.get(c)))}</td>" for c in columns)
            + "</tr>"
            for r in records[:limit]
        )
        more = f"<p>… {len(records) - limit} more</p>" if len(records) > limit else ""
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def wrap(kind: str, items: Iterable[Mapping[str, Any]]) -> ResourceList[Any]:
    """Records of one kind as a ResourceList of their class."""
    cls = CLASSES[kind]
    return ResourceList((cls(item) for item in items), cls=cls)


def as_record_line(resource: Resource | Mapping[str, Any]) -> dict[str, Any]:
    """A resource as one JSON Lines record (`{"stance": {...}}`)."""
    if isinstance(resource, Resource):
        return {resource.kind: resource.to_dict()}
    if len(resource) == 1 and next(iter(resource)) in CLASSES:
        return dict(resource)
    raise TypeError(
        "expected a polemos resource or a one-key record such as {'stance': {...}}, "
        f"got a mapping with keys {sorted(resource)!r}"
    )


def rows(data: Any, what: str) -> Sequence[Mapping[str, Any]]:
    """Accepts a DataFrame, a list of dicts or a ResourceList and gives a list of dicts."""
    if isinstance(data, ResourceList):
        return data.to_records()
    to_dict = getattr(data, "to_dict", None)
    if callable(to_dict) and hasattr(data, "columns"):
        return list(to_dict(orient="records"))
    if isinstance(data, Sequence) and not isinstance(data, (str, bytes)):
        out: list[Mapping[str, Any]] = []
        for i, row in enumerate(data):
            if isinstance(row, Resource):
                out.append(row.to_record())
            elif isinstance(row, Mapping):
                out.append(row)
            else:
                raise TypeError(f"{what}[{i}]: expected a dict, got {type(row).__name__}")
        return out
    raise TypeError(f"{what}: expected a pandas DataFrame or a list of dicts, got {type(data).__name__}")


class Table(list[dict[str, Any]]):
    """Rows of an analysis (one dict each) that print as a table and turn into a pandas or polars
    DataFrame or an Arrow table with the fixed columns of the analysis (``schema``), also when
    empty. :meth:`arrow` gives the Arrow form built in Rust, which polars, pyarrow and duckdb
    read without a copy."""

    def __init__(
        self, rows: Iterable[Mapping[str, Any]] = (), *, title: str = "", schema: Schema = ()
    ) -> None:
        super().__init__(dict(r) for r in rows)
        self.title = title
        # Without a declared schema (a table made by hand), the first row's keys and value types.
        self.schema: Schema = schema or (_table.infer(self[0]) if self else ())

    def to_records(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self]

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` (needs the ``pandas`` extra)."""
        return _table.to_pandas(self, self.schema)

    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` (needs the ``polars`` extra)."""
        return _table.to_polars(self, self.schema)

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` (needs the ``arrow`` extra)."""
        return _table.to_arrow(self, self.schema)

    def arrow(self) -> _native.ArrowTable:
        """The rows as an Arrow record batch built in Rust (see :meth:`ResourceList.arrow`)."""
        return _table.arrow_table(self, self.schema)

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        """The Arrow PyCapsule stream interface (see :meth:`ResourceList.__arrow_c_stream__`)."""
        return self.arrow().__arrow_c_stream__(requested_schema)

    def __repr__(self) -> str:
        if not self:
            return f"Table({self.title!r}, no rows; columns {', '.join(_table.columns(self.schema))})"
        columns = list(self[0].keys())
        widths = {c: max([len(c)] + [min(len(_cell(r.get(c))), 40) for r in self]) for c in columns}
        line = "  ".join(c.ljust(widths[c]) for c in columns)
        body = "\n".join(
            "  ".join(_cell(r.get(c))[:40].ljust(widths[c]) for c in columns) for r in self[:30]
        )
        more = f"\n… {len(self) - 30} more rows" if len(self) > 30 else ""
        title = f"{self.title}\n" if self.title else ""
        return f"{title}{line}\n{body}{more}"

    def _repr_html_(self) -> str:
        if not self:
            return f"<p><i>{html.escape(self.title or 'table')}: no rows</i></p>"
        columns = list(self[0].keys())
        head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(_cell(r.get(c)))}</td>" for c in columns) + "</tr>"
            for r in self[:200]
        )
        caption = f"<caption>{html.escape(self.title)}</caption>" if self.title else ""
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
