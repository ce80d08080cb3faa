"""Records and messages for :class:`polemos.client.Client`: a resource in the core's JSON shape
to its ``polemos.v1`` message and back, the typed analysis results as the records the core (and
so :class:`polemos.Engine`) produces, and the names users type (``JPN``, ``kuril-islands``) as the
full resource names the service takes."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from typing import Any

# The transport module checks the `grpc` extra (MissingExtraError naming it) before anything
# imports google.protobuf, so it comes first.
from polemos._client_transport import _invalid

from google.protobuf import descriptor as _descriptor
from google.protobuf.message import Message

from polemos._grpc import (
    analysis_service_pb2 as _analysis,
    resources_pb2 as _res,
)
from polemos.engine import DateLike
from polemos.resources import CLASSES, Resource


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

# ---------------------------------------------------------------- kinds and names

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
