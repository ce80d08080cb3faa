"""Extraction: news text in, actors, stances, PLOVER events and disputes out, each with evidence
(byte span and quote). Runs in the Rust core without the GIL; :func:`extract_many` uses all cores.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from polemos import _native, _table
from polemos._table import Schema

DateLike = Any

#: The columns of each fact table (:meth:`Extraction.to_records`), so an article without, say,
#: events still gives an events table with its columns and types. A date with a precision
#: (``{"date", "precision"}``) becomes a date column and a ``_precision`` column; a span becomes
#: ``_start`` and ``_end``; ``evidence`` becomes its first ``quote`` and its count. Keys a
#: newer extractor adds come after these columns, as text.
SCHEMAS: dict[str, Schema] = {
    "stances": (
        ("actor", "str"), ("issue", "str"), ("label", "str"), ("position", "float"),
        ("salience", "float"), ("confidence", "float"), ("hedged", "bool"), ("negated", "bool"),
        ("downplayed", "bool"), ("proposal", "bool"), ("conditions", "str"),
        ("deadline", "date"), ("deadline_precision", "str"), ("quote", "str"),
        ("evidence", "int"),
    ),
    "events": (
        ("event_type", "str"), ("mode", "str"), ("quad_class", "str"), ("cameo", "str"),
        ("intensity", "float"), ("contexts", "str"), ("sources", "str"), ("targets", "str"),
        ("status", "str"), ("negated", "bool"), ("hedged", "bool"), ("date", "date"),
        ("date_precision", "str"), ("location", "str"), ("venue", "str"), ("dispute", "str"),
        ("issues", "str"), ("confidence", "float"), ("quote", "str"), ("evidence", "int"),
    ),
    "actors": (
        ("name", "str"), ("kind", "str"), ("display_name", "str"), ("role", "str"),
        ("affiliation", "str"), ("iso3", "str"), ("cited_as_source", "bool"),
        ("confidence", "float"), ("mentions", "str"),
    ),
    "disputes": (
        ("name", "str"), ("title", "str"), ("mentions", "str"), ("parts", "str"),
        ("framing", "str"),
    ),
    "dates": (
        ("text", "str"), ("span_start", "int"), ("span_end", "int"), ("sentence", "int"),
        ("date", "date"), ("precision", "str"), ("relative", "bool"), ("qualifier", "str"),
        ("confidence", "float"),
    ),
}


class Extraction:
    """Everything extracted from one article (as the CLI's ``polemos extract --json`` prints)."""

    __slots__ = ("_native", "_parts")

    def __init__(self, native: _native.ExtractionResult) -> None:
        # The facts stay in Rust until read: converting them all would cost more than extracting.
        self._native = native
        self._parts: dict[str, Any] = {}

    def _part(self, name: str) -> Any:
        if name not in self._parts:
            self._parts[name] = self._native.part(name)
        return self._parts[name]

    def to_dict(self) -> dict[str, Any]:
        return self._native.to_dict()

    @property
    def document(self) -> dict[str, Any]:
        """Name, content hash, publication date and size of the document."""
        return dict(self._part("document"))

    @property
    def actors(self) -> list[dict[str, Any]]:
        return list(self._part("actors"))

    @property
    def stances(self) -> list[dict[str, Any]]:
        return list(self._part("stances"))

    @property
    def events(self) -> list[dict[str, Any]]:
        return list(self._part("events"))

    @property
    def disputes(self) -> list[dict[str, Any]]:
        return list(self._part("disputes"))

    @property
    def dates(self) -> list[dict[str, Any]]:
        return list(self._part("dates"))

    def to_records(self, what: str = "stances") -> list[dict[str, Any]]:
        """Flat records of ``stances``, ``events``, ``actors`` or ``disputes``, for DataFrames:
        nested values (evidence, spans) are flattened to their quote and offsets."""
        if what not in ("stances", "events", "actors", "disputes", "dates"):
            raise ValueError(
                f"what: `{what}` is not one of stances, events, actors, disputes, dates"
            )
        out = []
        for item in self._part(what):
            row: dict[str, Any] = {}
            for key, value in item.items():
                if isinstance(value, dict) and set(value) == {"date", "precision"}:
                    row[key], row[f"{key}_precision"] = value["date"], value["precision"]
                elif isinstance(value, dict) and "start" in value and "end" in value:
                    row[f"{key}_start"], row[f"{key}_end"] = value["start"], value["end"]
                elif key == "evidence" and isinstance(value, list):
                    row["quote"] = value[0].get("quote") if value else None
                    row["evidence"] = len(value)
                elif isinstance(value, (dict, list)):
                    row[key] = _compact(value)
                else:
                    row[key] = value
            out.append(row)
        return out

    def schema(self, what: str = "stances") -> Schema:
        """The columns of a fact table: :data:`SCHEMAS`, then any key a newer extractor adds."""
        records = self.to_records(what)
        fixed = SCHEMAS[what]
        known = {name for name, _ in fixed}
        extra = {k: None for r in records for k in r if k not in known}
        return fixed + tuple((k, "json") for k in extra)

    def to_pandas(self, what: str = "stances") -> Any:
        """One of the fact tables as a DataFrame (needs the ``pandas`` extra)."""
        return _table.to_pandas(self.to_records(what), self.schema(what))

    def to_polars(self, what: str = "stances") -> Any:
        """One of the fact tables as a polars DataFrame (needs the ``polars`` extra)."""
        return _table.to_polars(self.to_records(what), self.schema(what))

    def to_arrow(self, what: str = "stances") -> Any:
        """One of the fact tables as a pyarrow Table (needs the ``arrow`` extra)."""
        return _table.to_arrow(self.to_records(what), self.schema(what))

    def arrow(self, what: str = "stances") -> _native.ArrowTable:
        """One of the fact tables as an Arrow record batch built in Rust, which polars, pyarrow
        and duckdb read without a copy (see :meth:`polemos.ResourceList.arrow`)."""
        return _table.arrow_table(self.to_records(what), self.schema(what))

    def __repr__(self) -> str:
        actors, stances, events, disputes = self._native.counts()
        return (
            f"Extraction({self._native.document_name!r}: {actors} actors, {stances} stances, "
            f"{events} events, {disputes} disputes)"
        )

    def _repr_html_(self) -> str:
        parts = [f"<p><b>{html.escape(repr(self))}</b></p>"]
        for what in ("stances", "events"):
            records = self.to_records(what)
            if not records:
                continue
            cols = [c for c in records[0] if c not in ("sentence",)][:9]
            head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
            body = "".join(
                "<tr>" + "".join(f"<td>{html.escape(_text(r.get(c)))}</td>" for c in cols) + "</tr>"
                for r in records
            )
            parts.append(f"<p>{what}</p><table><tr>{head}</tr>{body}</table>")
        return "".join(parts)


def _compact(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_compact(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_compact(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def extract(
    text: str,
    *,
    published: DateLike = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Extraction:
    """Extracts actors, stances, events and disputes from one article. ``published`` (a date or
    ``YYYY-MM-DD``) resolves relative dates and dates the stances."""
    return Extraction(
        _native.extract(text, published=published, title=title, outlet=outlet, url=url)
    )


def extract_many(texts: Iterable[str], *, published: DateLike = None) -> list[Extraction]:
    """Extracts many articles at once, in parallel on all cores; results keep the input order."""
    return [Extraction(x) for x in _native.extract_many(list(texts), published=published)]


__all__ = ["Extraction", "extract", "extract_many"]
