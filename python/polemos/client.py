"""`polemos.client.Client`: the same calls as :class:`polemos.Engine`, against a ``polemos serve``
gRPC server.

Code moves from in-process to the service by changing one line::

    engine = polemos.Engine()                                        # in-process
    engine = Client("127.0.0.1:50051", api_key=os.environ["POLEMOS_API_KEY"])  # the service

    engine.import_dossier("examples/dossiers/kuril-islands.json")
    engine.stances(dispute="kuril-islands").to_pandas()

Reads return the same resource objects (:class:`polemos.Actor`, ...) holding the record in the
core's JSON shape; server errors raise the same :class:`polemos.PolemosError` subclasses.
Needs the ``grpc`` extra (``pip install 'polemos[grpc]'``); the stubs are generated from
``proto/polemos/v1`` and shipped in :mod:`polemos._grpc`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, overload

from polemos import _table
from polemos._extras import require

grpc = require("grpc", "polemos.client")
require("google.protobuf", "polemos.client")
require("grpc_status", "polemos.client")
require("google.rpc", "polemos.client")

from google.protobuf import descriptor as _descriptor  # noqa: E402
from google.protobuf.message import Message  # noqa: E402

from polemos._grpc import (  # noqa: E402
    analysis_service_pb2 as _analysis,
    analysis_service_pb2_grpc as _analysis_grpc,
    change_service_pb2 as _change,
    change_service_pb2_grpc as _change_grpc,
    curation_service_pb2 as _curation,
    curation_service_pb2_grpc as _curation_grpc,
    dossier_service_pb2 as _dossier,
    dossier_service_pb2_grpc as _dossier_grpc,
    extraction_service_pb2 as _extraction,
    extraction_service_pb2_grpc as _extraction_grpc,
    import_service_pb2 as _import,
    import_service_pb2_grpc as _import_grpc,
    resources_pb2 as _res,
)
from polemos.engine import (  # noqa: E402
    CommitResult,
    Curation,
    DateLike,
    IngestResult,
    StanceMatrix,
    _dossier_text,
    _split_resource,
    _stance_matrix,
)
from polemos.exceptions import (  # noqa: E402
    AuthError,
    ConflictError,
    NotFoundError,
    PolemosError,
    StorageError,
    UnavailableError,
    ValidationError,
)
from polemos.resources import (  # noqa: E402
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
)

__all__ = ["AuthError", "Client", "RemoteExtraction"]


# ---------------------------------------------------------------- errors


def _status_details(err: Any) -> tuple[list[tuple[str, str]], str | None]:
    """The ``google.rpc.BadRequest`` field violations and the ``google.rpc.ErrorInfo`` reason of
    a failed call, decoded from its ``grpc-status-details-bin`` trailer by grpcio-status."""
    from google.rpc import error_details_pb2
    from grpc_status import rpc_status

    try:
        status = rpc_status.from_call(err)
    except ValueError:  # the trailer disagrees with the call's own code or message
        status = None
    if status is None:
        return [], None
    pairs: list[tuple[str, str]] = []
    reason = None
    for detail in status.details:
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            pairs.extend((v.field, v.description) for v in bad.field_violations)
        elif detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            reason = info.reason
    return pairs, reason


def _invalid(field: str, rule: str) -> ValidationError:
    """A ValidationError shaped like the Engine's: ``.violations`` and ``.field`` set."""
    e = ValidationError(f"invalid `{field}`: {rule}")
    e.violations = [(field, rule)]  # type: ignore[attr-defined]
    e.field = field  # type: ignore[attr-defined]
    return e


def _error(err: Any, address: str = "") -> PolemosError:
    """The :class:`polemos.PolemosError` subclass for a failed call, as the Engine raises it;
    ``.reason`` is the server's ``ErrorInfo`` reason (``VALIDATION_FAILED``, …) when it sent one."""
    code = err.code() if hasattr(err, "code") else None
    message = (err.details() if hasattr(err, "details") else None) or str(err)
    pairs, reason = _status_details(err)
    c = grpc.StatusCode
    e: PolemosError
    if code in (c.UNAUTHENTICATED, c.PERMISSION_DENIED):
        e = AuthError(message)
    elif code == c.UNAVAILABLE:
        e = UnavailableError(f"cannot reach the polemos server {address}: {message}")
    elif code == c.NOT_FOUND:
        e = NotFoundError(message)
    elif code in (c.ABORTED, c.ALREADY_EXISTS, c.FAILED_PRECONDITION):
        e = ConflictError(message)
    elif code in (c.INVALID_ARGUMENT, c.OUT_OF_RANGE):
        e = ValidationError(message)
        e.violations = pairs  # type: ignore[attr-defined]
        e.field = pairs[0][0] if pairs else None  # type: ignore[attr-defined]
    else:
        e = StorageError(f"{code.name if code else 'error'}: {message}")
    e.reason = reason  # type: ignore[union-attr,attr-defined]
    # The engine's error kind: the status code's name in lower case (`not_found`), the same word
    # the Engine puts on its exceptions.
    setattr(e, "kind", code.name.lower() if code else "unknown")  # noqa: B010
    return e


#: Retries for calls that failed before the server did anything (``UNAVAILABLE``: a refused
#: connection, a server restarting), applied by gRPC itself to every polemos.v1 method
#: (https://github.com/grpc/grpc/blob/master/doc/service_config.md). Other failures are answers
#: and are not retried.
SERVICE_CONFIG: dict[str, Any] = {
    "methodConfig": [
        {
            "name": [
                {"service": f"polemos.v1.{service}"}
                for service in (
                    "DossierService",
                    "ImportService",
                    "ChangeService",
                    "ExtractionService",
                    "AnalysisService",
                )
            ],
            "retryPolicy": {
                "maxAttempts": 4,
                "initialBackoff": "0.1s",
                "maxBackoff": "2s",
                "backoffMultiplier": 2,
                "retryableStatusCodes": ["UNAVAILABLE"],
            },
        }
    ]
}


# ---------------------------------------------------------------- records <-> messages

# The core writes enum values as the lower-case tail of the proto name (`ACTOR_KIND_STATE` is
# `state`), except PLOVER event types, which it writes upper case (`AGREE`).
_UPPER_ENUMS = {"PloverType"}
# Fields the server derives or uses for concurrency; the core's records do not have them.
_NOT_IN_RECORDS = {"etag", "quad_class"}


_FD = _descriptor.FieldDescriptor
_NUMBERS = {
    _FD.TYPE_DOUBLE, _FD.TYPE_FLOAT, _FD.TYPE_INT32, _FD.TYPE_INT64, _FD.TYPE_UINT32,
    _FD.TYPE_UINT64, _FD.TYPE_SINT32, _FD.TYPE_SINT64, _FD.TYPE_FIXED32, _FD.TYPE_FIXED64,
    _FD.TYPE_SFIXED32, _FD.TYPE_SFIXED64,
}


def _enum_prefix(enum: _descriptor.EnumDescriptor) -> str:
    names = [v.name for v in enum.values]
    prefix = os.path.commonprefix(names)
    return prefix[: prefix.rfind("_") + 1]


def _enum_out(enum: _descriptor.EnumDescriptor, number: int) -> str | int:
    value = enum.values_by_number.get(number)
    if value is None:
        return number
    tail = value.name[len(_enum_prefix(enum)) :]
    return tail if enum.name in _UPPER_ENUMS else tail.lower()


def _enum_in(enum: _descriptor.EnumDescriptor, text: Any, path: str) -> int:
    if isinstance(text, int):
        return text
    name = _enum_prefix(enum) + str(text).upper()
    value = enum.values_by_name.get(name)
    if value is None or value.number == 0:
        tails = ", ".join(str(_enum_out(enum, v.number)) for v in enum.values if v.number)
        raise _invalid(path, f"`{text}` is not one of {tails}")
    return value.number


def _record(msg: Message) -> dict[str, Any]:
    """A message as the core's JSON record (only the fields that are set)."""
    out: dict[str, Any] = {}
    # Numbers the core always writes (a position of 0, a span starting at 0) are not "set" in
    # proto3 when zero, so they are read from every field without presence.
    for fd in msg.DESCRIPTOR.fields:
        if (
            fd.type in _NUMBERS
            and not _is_repeated(fd)
            and not getattr(fd, "has_presence", False)
            and fd.name not in _NOT_IN_RECORDS
        ):
            out[fd.name] = getattr(msg, fd.name)
    for fd, value in msg.ListFields():
        if fd.name in _NOT_IN_RECORDS:
            continue
        converted = _value_out(fd, value)
        if converted == {}:  # an empty sub-message (`codes`) is absent in the core's records
            continue
        out[fd.name] = converted
    if msg.DESCRIPTOR.name == "IssueScale" and out:
        ((kind, body),) = out.items()
        return {"type": kind, **body}
    return out


def _is_repeated(fd: _descriptor.FieldDescriptor) -> bool:
    # protobuf 7 has only `is_repeated`; older releases only `label`.
    flag = getattr(fd, "is_repeated", None)
    if flag is not None:
        return bool(flag)
    return bool(fd.label == fd.LABEL_REPEATED)  # type: ignore[attr-defined]


def _value_out(fd: _descriptor.FieldDescriptor, value: Any) -> Any:
    repeated = _is_repeated(fd)
    items = list(value) if repeated else [value]
    out: list[Any]
    if fd.type == fd.TYPE_MESSAGE:
        out = [_record(v) for v in items]
    elif fd.type == fd.TYPE_ENUM:
        out = [_enum_out(fd.enum_type, v) for v in items]
    else:
        out = items
    return out if repeated else out[0]


def _fill(msg: Message, record: Mapping[str, Any], path: str) -> None:
    """Sets the fields of ``msg`` from a record in the core's JSON shape; unknown fields raise a
    :class:`ValidationError` naming their path."""
    if msg.DESCRIPTOR.name == "IssueScale":
        record = dict(record)
        kind = record.pop("type", None)
        if kind not in ("binary", "continuous"):
            raise _invalid(f"{path}.type", f"`{kind}` is not binary or continuous")
        record = {kind: record}
    fields = msg.DESCRIPTOR.fields_by_name
    for key, value in record.items():
        where = f"{path}.{key}"
        fd = fields.get(key)
        if fd is None or value is None:
            if fd is None:
                raise _invalid(where, f"not a field of {msg.DESCRIPTOR.name}")
            continue
        if _is_repeated(fd):
            target = getattr(msg, key)
            for i, item in enumerate(value):
                if fd.type == fd.TYPE_MESSAGE:
                    _fill(target.add(), item, f"{where}[{i}]")
                elif fd.type == fd.TYPE_ENUM:
                    target.append(_enum_in(fd.enum_type, item, f"{where}[{i}]"))
                else:
                    target.append(item)
        elif fd.type == fd.TYPE_MESSAGE:
            _fill(getattr(msg, key), value, where)
        elif fd.type == fd.TYPE_ENUM:
            setattr(msg, key, _enum_in(fd.enum_type, value, where))
        else:
            try:
                setattr(msg, key, float(value) if fd.type == fd.TYPE_DOUBLE else value)
            except (TypeError, ValueError) as e:
                raise _invalid(where, str(e)) from None


def _resource(kind: str, msg: Message) -> Resource:
    """A resource object from a message; ``revision`` comes from the etag (``r12``)."""
    etag = getattr(msg, "etag", "")
    revision = int(etag[1:]) if etag.startswith("r") and etag[1:].isdigit() else None
    return CLASSES[kind](_record(msg), revision=revision)



# ---------------------------------------------------------------- analysis results -> records
#
# The typed analyses come back as messages; these turn them into the records the core (and so
# :class:`polemos.Engine`) produces, so an analysis gives the same dicts in-process and remote.


def _enum(msg: Message, field: str) -> Any:
    fd = msg.DESCRIPTOR.fields_by_name[field]
    return _enum_out(fd.enum_type, getattr(msg, field))


def _opt(msg: Message, field: str) -> Any:
    """An ``optional`` field's value, or None when unset."""
    return getattr(msg, field) if msg.HasField(field) else None


def _evidence(items: Iterable[Any]) -> list[dict[str, Any]]:
    out = []
    for e in items:
        source: dict[str, Any] = {"channel": e.source_channel}
        record: dict[str, Any] = {"stance": e.stance, "date": e.date, "source": source}
        if e.speaker:
            source["speaker"] = e.speaker
            record["speaker"] = e.speaker
        if e.document:
            record["document"] = e.document
        if e.quote:
            record["quote"] = e.quote
        out.append(record)
    return out


def _current_stance(s: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "actor": s.actor,
        "issue": s.issue,
        "position": s.position,
        "salience": s.salience,
        "label": _enum(s, "label"),
        "confidence": s.confidence,
        "sources": s.sources,
        "last_evidence": s.last_evidence,
        "records": list(s.records),
        "evidence": _evidence(s.evidence),
    }
    if s.conditions:
        out["conditions"] = [_record(c) for c in s.conditions]
    if s.conflict:
        out["conflict"] = [
            {
                "position": side.position,
                "label": _enum(side, "label"),
                "share": side.share,
                "sources": side.sources,
                "records": list(side.records),
                "evidence": _evidence(side.evidence),
            }
            for side in s.conflict
        ]
    return out


def _shift_point(p: Any) -> dict[str, Any]:
    return {
        "date": p.date,
        "position": p.position,
        "label": _enum(p, "label"),
        "evidence": _evidence(p.evidence),
    }


def _shift(s: Any) -> dict[str, Any]:
    return {
        "actor": s.actor,
        "issue": s.issue,
        "date": s.date,
        "kind": _enum(s, "kind"),
        "delta": s.delta,
        "before": _shift_point(s.before),
        "after": _shift_point(s.after),
    }


def _deadlock(d: Any) -> dict[str, Any]:
    edges = []
    for e in d.edges:
        edge: dict[str, Any] = {
            "before": e.before,
            "after": e.after,
            "actor": e.actor,
            "required": _enum(e, "required"),
            "label": _enum(e, "label"),
            "position": e.position,
            "evidence": _evidence(e.evidence),
        }
        if e.condition_text:
            edge["condition_text"] = e.condition_text
        edges.append(edge)
    return {
        "kind": _enum(d, "kind"),
        "issues": list(d.issues),
        "cycle": list(d.cycle),
        "parties": list(d.parties),
        "edges": edges,
        "conflicts": [
            {"first_actor": c.first_actor, "second_actor": c.second_actor, "x": c.x, "y": c.y}
            for c in d.conflicts
        ],
    }


def _pair_series(s: Any, granularity: str) -> dict[str, Any]:
    counts = ("verbal_cooperation", "material_cooperation", "verbal_conflict",
              "material_conflict", "total", "imprecise")
    return {
        "a": s.actor_a,
        "b": s.actor_b,
        "granularity": granularity,
        "buckets": [
            {"start": b.start, **{c: getattr(b, c) for c in counts},
             "mean_intensity": _opt(b, "mean_intensity")}
            for b in s.buckets
        ],
        "trend": (
            {"slope": s.trend.slope, "intercept": s.trend.intercept, "points": s.trend.points}
            if s.HasField("trend") else None
        ),
    }

# ---------------------------------------------------------------- the client

#: Per kind: the message class, the plural used by the RPC names, and the dossier order.
_KINDS: dict[str, tuple[type[Message], str]] = {
    "actor": (_res.Actor, "Actors"),
    "dispute": (_res.Dispute, "Disputes"),
    "issue": (_res.Issue, "Issues"),
    "document": (_res.Document, "Documents"),
    "stance": (_res.Stance, "Stances"),
    "event": (_res.Event, "Events"),
}


def _kind_of(name: str) -> str:
    if "/issues/" in name:
        return "issue"
    kind = name.split("/", 1)[0][:-1]
    if kind not in _KINDS or "/" not in name:
        raise _invalid("name", f"`{name}` is not the name of a resource")
    return kind


def _full(prefix: str, value: str | None) -> str:
    if not value:
        return ""
    return value if "/" in value else f"{prefix}/{value}"


def _date_text(value: DateLike) -> str:
    if value is None:
        return ""
    if hasattr(value, "date") and callable(value.date):
        value = value.date()
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _forecast_dict(r: Any) -> dict[str, Any]:
    """A ForecastResult message as the dict the core writes (`polemos forecast --json`), so the
    Client's Forecast is the Engine's."""
    return {
        "model": _enum_out(_analysis.ForecastModel.DESCRIPTOR, r.model),
        "scenario": r.scenario,
        "actors": list(r.actors),
        "dimensions": list(r.dimensions),
        "parameters": json.loads(r.parameters_json) if r.parameters_json else {},
        "rounds": [
            {
                "round": x.round,
                "positions": [list(p.values) for p in x.positions],
                "median": list(x.median),
                "mean": list(x.mean),
                "moves": [
                    {
                        "actor": m.actor,
                        "dimension": m.dimension,
                        "from": getattr(m, "from"),
                        "to": m.to,
                        "with": getattr(m, "with"),
                        "kind": m.kind,
                        "reason": m.reason,
                    }
                    for m in x.moves
                ],
            }
            for x in r.rounds
        ],
        "outcome": [
            {
                "dimension": o.dimension,
                "forecast": o.forecast,
                "weighted_median": o.weighted_median,
                "pairwise_median": o.pairwise_median,
                "mean": o.mean,
            }
            for o in r.outcome
        ],
        "converged": r.converged,
    }


def _issue(value: str | None, dispute: str | None) -> str:
    """An issue filter as the Engine accepts it: the full name, `DISPUTE/ISSUE`, or `ISSUE`
    with a dispute."""
    if not value:
        return ""
    if value.startswith("disputes/"):
        return value
    if "/" not in value and dispute:
        return f"{_full('disputes', dispute)}/issues/{value}"
    if "/" in value:
        d, i = value.split("/", 1)
        return f"disputes/{d}/issues/{i}"
    return value


def _unsupported(argument: str, value: Any) -> None:
    if value is not None:
        raise _invalid(argument, "the gRPC server does not offer it (use an Engine)")


@dataclass(frozen=True)
class RemoteExtraction:
    """What the server extracted from one article, as resources (nothing is stored)."""

    actors: ResourceList[Actor] = field(default_factory=ResourceList)
    disputes: ResourceList[Dispute] = field(default_factory=ResourceList)
    issues: ResourceList[Issue] = field(default_factory=ResourceList)
    stances: ResourceList[Stance] = field(default_factory=ResourceList)
    events: ResourceList[Event] = field(default_factory=ResourceList)
    documents: ResourceList[Document] = field(default_factory=ResourceList)

    @property
    def document(self) -> dict[str, Any]:
        """The article's document record (name, content hash, publication date, ...)."""
        return self.documents[0].to_dict() if self.documents else {}


class Client:
    """A client of a ``polemos serve`` gRPC server, with :class:`polemos.Engine`'s methods.

    ``address`` is ``host:port``; ``api_key`` is a key made by ``polemos keys create`` (sent as
    ``authorization: Bearer KEY``). ``secure=True`` uses TLS with the system roots. ``timeout``
    (seconds) bounds each unary call. Use as a context manager or call :meth:`close`.
    """

    def __init__(
        self,
        address: str,
        *,
        api_key: str | None = None,
        secure: bool = False,
        timeout: float | None = 30.0,
    ) -> None:
        self.address = address
        self._metadata = (("authorization", f"Bearer {api_key}"),) if api_key else ()
        self._timeout = timeout
        options = [
            ("grpc.enable_retries", 1),
            ("grpc.service_config", json.dumps(SERVICE_CONFIG)),
        ]
        self._channel = (
            grpc.secure_channel(address, grpc.ssl_channel_credentials(), options=options)
            if secure
            else grpc.insecure_channel(address, options=options)
        )
        self._dossier = _dossier_grpc.DossierServiceStub(self._channel)
        self._extraction = _extraction_grpc.ExtractionServiceStub(self._channel)
        self._changes = _change_grpc.ChangeServiceStub(self._channel)
        self._analysis = _analysis_grpc.AnalysisServiceStub(self._channel)
        self._import = _import_grpc.ImportServiceStub(self._channel)
        self._curation = _curation_grpc.CurationServiceStub(self._channel)

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"polemos.client.Client({self.address!r})"

    def _call(self, stub: Any, method: str, request: Message) -> Any:
        try:
            return getattr(stub, method)(request, metadata=self._metadata, timeout=self._timeout)
        except grpc.RpcError as e:
            raise _error(e, self.address) from None

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

    # ------------------------------------------------------------------ writing

    def create(self, resource: Resource | Mapping[str, Any]) -> Resource:
        """Creates one resource (a resource object, a record dict with its ``name``, or a
        ``{"stance": {...}}`` record); raises :class:`polemos.ConflictError` if it exists."""
        kind, record = _split_resource(resource)
        return self._create(kind, record)

    def _create(self, kind: str, record: dict[str, Any]) -> Resource:
        cls, plural = _KINDS[kind]
        name = str(record.get("name", ""))
        msg = cls()
        _fill(msg, {k: v for k, v in record.items() if k != "name"}, kind)
        request_cls = getattr(_dossier, f"Create{cls.__name__}Request")
        # No request_id: with one, the server answers a create of an existing, equal resource
        # as a retry (success) instead of the ConflictError `create` promises.
        ids = {f"{kind}_id": name.rsplit("/", 1)[-1]}
        if kind == "issue":
            request = request_cls(parent=name.split("/issues/")[0], issue=msg, **ids)
        else:
            request = request_cls(**{kind: msg}, **ids)
        made = self._call(self._dossier, f"Create{cls.__name__}", request)
        return _resource(kind, getattr(made, kind))

    def import_dossier(
        self, source: Any, *, message: str | None = None, validate_only: bool = False
    ) -> CommitResult:
        """Imports a dossier all or nothing, as :meth:`Engine.import_dossier` does, through the
        server's ``ImportDossier``: one commit (one revision) of every record; new ones are
        created, changed ones replaced, equal ones left alone, so importing the same dossier
        again changes nothing. ``source`` is a path, JSON text, a dossier dict or resources. A
        bad record raises :class:`polemos.ValidationError` naming it (``stances[3].position``)
        and nothing is written. ``validate_only`` checks and counts without writing.
        """
        text, default_message = _dossier_text(source)
        request = _import.ImportDossierRequest(
            dossier_json=text,
            message=message or default_message,
            validate_only=validate_only,
        )
        made = self._call(self._import, "ImportDossier", request)
        return CommitResult(
            revision=made.revision,
            created=made.created,
            updated=made.updated,
            deleted=0,
            unchanged=made.unchanged,
        )

    def _message(self, kind: str, record: Mapping[str, Any]) -> Message:
        msg = _KINDS[kind][0]()
        _fill(msg, record, kind)
        return msg

    def put(self, *resources: Resource | Mapping[str, Any], message: str | None = None) -> CommitResult:
        """Writes resources (or ``{"stance": {...}}`` records), as :meth:`import_dossier`."""
        return self.import_dossier(list(resources), message=message)

    def update(
        self,
        name: str,
        changes: Mapping[str, Any],
        *,
        mask: Iterable[str] | None = None,
        etag: str = "",
    ) -> Resource:
        """Updates one resource, as :meth:`Engine.update` (the server's engine decides what the
        mask means)."""
        kind = _kind_of(name)
        cls, _ = _KINDS[kind]
        msg = cls()
        _fill(msg, dict(changes), kind)
        msg.name = name
        msg.etag = etag
        request = getattr(_dossier, f"Update{cls.__name__}Request")(**{kind: msg})
        if mask is not None:
            request.update_mask.paths.extend(mask)
        made = self._call(self._dossier, f"Update{cls.__name__}", request)
        return _resource(kind, getattr(made, kind))

    def delete(self, name: str, *, etag: str = "") -> None:
        """Deletes one resource; ``etag`` (``r12``) makes it conditional."""
        cls, _ = _KINDS[_kind_of(name)]
        request = getattr(_dossier, f"Delete{cls.__name__}Request")(name=name, etag=etag)
        self._call(self._dossier, f"Delete{cls.__name__}", request)

    # ------------------------------------------------------------------ extraction

    def _document(
        self, text: str, published: DateLike, title: str | None, outlet: str | None, url: str | None
    ) -> Message:
        return _res.Document(
            text=text,
            published=_date_text(published),
            title=title or "",
            outlet=outlet or "",
            url=url or "",
        )

    def extract(
        self,
        text: str,
        *,
        published: DateLike = None,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> RemoteExtraction:
        """Extracts facts from one article on the server without storing them."""
        request = _extraction.ExtractRequest(
            document=self._document(text, published, title, outlet, url)
        )
        facts = self._call(self._extraction, "Extract", request).facts
        parts: dict[str, Any] = {
            f"{kind}s": ResourceList(
                (_resource(kind, m) for m in getattr(facts, f"{kind}s")), cls=CLASSES[kind]
            )
            for kind in _KINDS
        }
        return RemoteExtraction(**parts)

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
        """Extracts and stores one text (or many, over one stream), as :meth:`Engine.ingest`:
        ``stored``, ``already stored``, or, of many texts, ``failed`` with the error's ``kind``
        and reason (a single text that fails raises). ``created`` counts the document, stances
        and events written (the service does not report actors separately); ``updated`` is 0."""
        single = isinstance(texts, str)
        batch = [texts] if isinstance(texts, str) else list(texts)
        requests = (
            _extraction.IngestRequest(document=self._document(t, published, title, outlet, url))
            for t in batch
        )
        try:
            replies = list(self._extraction.Ingest(requests, metadata=self._metadata))
        except grpc.RpcError as e:
            raise _error(e, self.address) from None
        results: list[IngestResult] = []
        for r in sorted(replies, key=lambda r: r.index):
            if r.outcome == _extraction.INGEST_OUTCOME_FAILED:
                failure = _error(_Failure(r.error_code, f"text {r.index}: {r.error_message}"))
                if single:
                    raise failure
                results.append(IngestResult(
                    document="", status="failed", created=0, updated=0, stances=0, events=0,
                    revision=r.revision, kind=getattr(failure, "kind", None), error=r.error_message,
                ))
                continue
            new = r.outcome == _extraction.INGEST_OUTCOME_CREATED
            results.append(IngestResult(
                document=r.document,
                status="stored" if new else "already stored",
                created=(1 + r.stances + r.events) if new else 0,
                updated=0,
                stances=r.stances,
                events=r.events,
                revision=r.revision,
            ))
        return results[0] if single else results

    # ------------------------------------------------------------------ curation

    def _curate(self, method: Any, request: Any) -> Curation:
        try:
            reply = method(request, metadata=self._metadata)
        except grpc.RpcError as e:
            raise _error(e, self.address) from None
        r = reply.result
        return Curation(
            dispute=_resource("dispute", r.dispute),  # type: ignore[arg-type]
            issues=list(r.issues),
            stances=r.stances,
            events=r.events,
            revision=r.revision,
        )

    def accept_dispute(self, dispute: str) -> Curation:
        """Accepts a proposed dispute and its issues, as :meth:`Engine.accept_dispute`."""
        return self._curate(
            self._curation.AcceptDispute,
            _curation.AcceptDisputeRequest(name=_full("disputes", dispute)),
        )

    def rename_dispute(
        self, dispute: str, new_name: str | None = None, *, title: str | None = None
    ) -> Curation:
        """Renames or retitles a dispute, as :meth:`Engine.rename_dispute`."""
        return self._curate(
            self._curation.RenameDispute,
            _curation.RenameDisputeRequest(
                name=_full("disputes", dispute),
                new_name=_full("disputes", new_name) if new_name else "",
                title=title or "",
            ),
        )

    def merge_dispute(self, dispute: str, into: str) -> Curation:
        """Merges a dispute into another, as :meth:`Engine.merge_dispute`."""
        return self._curate(
            self._curation.MergeDispute,
            _curation.MergeDisputeRequest(
                name=_full("disputes", dispute), into=_full("disputes", into)
            ),
        )

    # ------------------------------------------------------------------ analysis

    def report(
        self,
        dispute: str,
        path: str | os.PathLike[str] | None = None,
        *,
        as_of: DateLike = None,
        revision: int | None = None,
        format: Literal["html", "markdown", "json"] = "html",
    ) -> str:
        """The dispute report, rendered by the server; also written to ``path`` when given."""
        _unsupported("revision", revision)
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
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Any:
        """Forecasts ``dispute`` on the server from its parties' consolidated stances as of
        ``as_of`` (default today), with the model's default parameters: the same
        :class:`polemos.forecast.Forecast` as :meth:`Engine.forecast`, or with ``draws`` > 0 a
        dict with the ``baseline`` Forecast and the ``distributions`` per dimension.
        ``on_progress(done, total)`` is called as the draws are made."""
        from polemos.forecast import Forecast

        models = {
            "bdm": _analysis.FORECAST_MODEL_BDM,
            "smp": _analysis.FORECAST_MODEL_SMP,
            "median": _analysis.FORECAST_MODEL_MEDIAN,
            "compromise": _analysis.FORECAST_MODEL_COMPROMISE,
        }
        if model not in models:
            raise _invalid("model", f"`{model}` is not one of {', '.join(models)}")
        request = _analysis.ForecastRequest(
            dispute=_full("disputes", dispute),
            model=models[model],
            monte_carlo_draws=draws,
            seed=seed,
            as_of=_date_text(as_of),
        )
        if revision is not None:
            request.revision = revision
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
        return {
            "model": baseline.model,
            "params": {"draws": result.monte_carlo_draws, "seed": seed},
            "baseline": baseline,
            "distributions": [
                {
                    "dimension": d.dimension,
                    "mean": d.mean,
                    "std_dev": d.std_dev,
                    "min": d.min,
                    "max": d.max,
                    "quantiles": [[q.probability, q.value] for q in d.quantiles],
                }
                for d in result.distributions
            ],
        }

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
        _unsupported("revision", revision)
        request = _analysis.ListCurrentStancesRequest(
            dispute=_full("disputes", dispute),
            actor=_full("actors", actor),
            issue=issue or "",
            as_of=_date_text(as_of),
            consolidation=self._consolidation(half_life_days, conflict_gap),
        )
        reply = self._call(self._analysis, "ListCurrentStances", request)
        return _stance_matrix([_current_stance(s) for s in reply.stances], dispute)

    def deadlocks(
        self, dispute: str, *, as_of: DateLike = None, revision: int | None = None
    ) -> Table:
        """Cycles of preconditions between issues, as :meth:`Engine.deadlocks`."""
        _unsupported("revision", revision)
        request = _analysis.ListDeadlocksRequest(
            dispute=_full("disputes", dispute), as_of=_date_text(as_of)
        )
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
        _unsupported("revision", revision)
        request = _analysis.GetStanceMatrixRequest(
            dispute=_full("disputes", dispute), as_of=_date_text(as_of)
        )
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
        _unsupported("revision", revision)
        request = _analysis.ListCoalitionsRequest(
            dispute=_full("disputes", dispute), as_of=_date_text(as_of), max_distance=max_distance
        )
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
        _unsupported("revision", revision)
        request = _analysis.ListStanceShiftsRequest(
            dispute=_full("disputes", dispute),
            actor=_full("actors", actor),
            since=_date_text(since),
            until=_date_text(as_of),
            threshold=threshold,
        )
        reply = self._period_call("ListStanceShifts", request)
        return Table(
            (_shift(s) for s in reply.shifts), title=f"shifts in {dispute}", schema=_table.SHIFTS
        )

    def series(
        self,
        dispute: str,
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
        :meth:`Engine.series`; ``since``, ``actor`` and ``other_actor`` narrow them."""
        _unsupported("revision", revision)
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
        reply = self._period_call("GetCooperationSeries", request)
        return Table(
            (_pair_series(s, granularity) for s in reply.series),
            title=f"cooperation and conflict in {dispute}",
            schema=_table.SERIES,
        )

    # ------------------------------------------------------------------ reading

    def get(self, name: str, *, revision: int | None = None) -> Resource:
        """One resource by full name (``actors/JPN``); raises :class:`polemos.NotFoundError`."""
        _unsupported("revision", revision)
        kind = _kind_of(name)
        cls, _ = _KINDS[kind]
        request = getattr(_dossier, f"Get{cls.__name__}Request")(name=name)
        return _resource(kind, getattr(self._call(self._dossier, f"Get{cls.__name__}", request), kind))

    def _list(
        self,
        kind: str,
        *,
        as_of: DateLike = None,
        revision: int | None = None,
        page_size: int = 500,
        **filters: str,
    ) -> ResourceList[Any]:
        """Every page of one List call. The server applies every filter (the engine's one
        meaning of each), so an unknown dispute, actor or issue is NotFoundError here too."""
        cls, plural = _KINDS[kind]
        request_cls = getattr(_dossier, f"List{plural}Request")
        out: ResourceList[Any] = ResourceList(cls=CLASSES[kind])
        token = ""
        read: dict[str, Any] = {"as_of": _date_text(as_of)}
        if revision is not None:
            read["revision"] = revision
        while True:
            request = request_cls(page_size=page_size, page_token=token, **filters, **read)
            page = self._call(self._dossier, f"List{plural}", request)
            out.extend(_resource(kind, m) for m in getattr(page, f"{kind}s"))
            token = page.next_page_token
            if not token:
                return out

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
        """One page of a collection (``actors``, ``stances``, ...), as :meth:`Engine.page`: at
        most ``page_size`` resources (0: 50; at most 1000) from where ``page_token`` says, and
        the next page's token (``""`` after the last). A token is refused
        (:class:`polemos.ValidationError`) unless the server made it for the same query."""
        kind = collection[:-1]
        if kind not in _KINDS:
            raise _invalid("kind", f"`{collection}` is not a collection")
        cls, plural = _KINDS[kind]
        fields: dict[str, Any] = {"page_size": page_size, "page_token": page_token}
        if dispute:
            fields["parent" if kind == "issue" else "dispute"] = _full("disputes", dispute)
        if actor:
            fields["actor"] = _full("actors", actor)
        if issue:
            fields["issue"] = _issue(issue, dispute)
        if as_of is not None:
            fields["as_of"] = _date_text(as_of)
        if revision is not None:
            fields["revision"] = revision
        request = getattr(_dossier, f"List{plural}Request")(**fields)
        page = self._call(self._dossier, f"List{plural}", request)
        items: ResourceList[Any] = ResourceList(cls=CLASSES[kind])
        items.extend(_resource(kind, m) for m in getattr(page, f"{kind}s"))
        return items, page.next_page_token

    def actors(
        self, *, dispute: str | None = None, revision: int | None = None
    ) -> ResourceList[Actor]:
        """Actors (of one dispute and those its records name, when ``dispute`` is given)."""
        return self._list("actor", dispute=_full("disputes", dispute), revision=revision)

    def disputes(
        self, *, actor: str | None = None, revision: int | None = None
    ) -> ResourceList[Dispute]:
        """Disputes (those ``actor`` is a party to, when given)."""
        return self._list("dispute", actor=_full("actors", actor), revision=revision)

    def issues(
        self, *, dispute: str | None = None, revision: int | None = None
    ) -> ResourceList[Issue]:
        """Issues (of one dispute, when ``dispute`` is given)."""
        if dispute:
            return self._list("issue", parent=_full("disputes", dispute), revision=revision)
        issues: ResourceList[Issue] = ResourceList(cls=Issue)
        for d in self.disputes(revision=revision):
            issues.extend(self._list("issue", parent=d.name, revision=revision))
        return ResourceList(sorted(issues, key=lambda i: i.name), cls=Issue)

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
            "stance",
            dispute=_full("disputes", dispute),
            actor=_full("actors", actor),
            issue=_issue(issue, dispute),
            as_of=as_of,
            revision=revision,
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
            "event",
            dispute=_full("disputes", dispute),
            actor=_full("actors", actor),
            issue=_issue(issue, dispute),
            as_of=as_of,
            revision=revision,
        )

    def documents(
        self,
        *,
        dispute: str | None = None,
        as_of: DateLike = None,
        revision: int | None = None,
    ) -> ResourceList[Document]:
        return self._list(
            "document", dispute=_full("disputes", dispute), as_of=as_of, revision=revision
        )

    # ------------------------------------------------------------------ changes

    def watch(
        self,
        *,
        after: int | str | None = None,
        dispute: str | None = None,
        actor: str | None = None,
        timeout: float | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Yields changes as they are committed, as dicts shaped like :meth:`Engine.changes`'
        (``revision``, ``committed_at``, ``kind``, ``name``, ``record``) plus ``token`` (pass it
        as ``after`` to resume). ``after=None`` starts with the next commit; ``after=N`` replays
        the commits after revision N first. Ends after ``timeout`` seconds when given (no error);
        otherwise runs until the iterator is closed."""
        request = _change.WatchChangesRequest(
            start_token="" if after is None else str(after),
            dispute=_full("disputes", dispute),
            actor=_full("actors", actor),
        )
        stream = self._changes.WatchChanges(request, metadata=self._metadata, timeout=timeout)
        try:
            for c in stream:
                kind = _change.ResourceKind.Name(c.kind)[len("RESOURCE_KIND_") :].lower()
                which = c.WhichOneof("resource")
                yield {
                    "revision": c.revision,
                    "committed_at": c.commit_time,
                    "kind": kind,
                    "name": c.name,
                    "record": _record(getattr(c, which)) if which else None,
                    "token": c.token,
                }
        except grpc.RpcError as e:
            if e.code() != grpc.StatusCode.DEADLINE_EXCEEDED:
                raise _error(e, self.address) from None
        finally:
            stream.cancel()

    def changes(self, *, after: int = 0, limit: int = 1000, wait: float = 1.0) -> list[dict[str, Any]]:
        """The change feed after revision ``after``, as :meth:`Engine.changes`: what the service
        sends within ``wait`` seconds, at most ``limit`` changes."""
        out: list[dict[str, Any]] = []
        if limit <= 0:
            return out
        for change in self.watch(after=after, timeout=wait):
            change.pop("token")
            out.append(change)
            if len(out) >= limit:
                break
        return out


class _Failure:
    """A failed text of an ingest stream, shaped like a grpc.RpcError for :func:`_error`."""

    def __init__(self, code: int, message: str) -> None:
        self._code = next((c for c in grpc.StatusCode if c.value[0] == code), grpc.StatusCode.UNKNOWN)
        self._message = message

    def code(self) -> Any:
        return self._code

    def details(self) -> str:
        return self._message

    def trailing_metadata(self) -> tuple[()]:
        return ()
