"""Corpus-scale extraction: a table of articles in, Arrow tables of facts out.

:func:`extract_batch` takes any Arrow table-like object (a pyarrow ``Table`` or ``RecordBatch``, a
polars ``DataFrame``, anything with ``__arrow_c_stream__``), extracts every article on every core
without holding the GIL, and returns pyarrow tables of actors, events and stances with the
article's id on every row. It is the unit of work for a distributed engine: see
``docs/distributed.md`` for the Dask recipe.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from polemos import _native
from polemos._extras import require


class BatchExtraction(NamedTuple):
    """The facts of a batch of articles, one pyarrow table each; every row starts with the id of
    its article (the input's ``id`` column, same name and type)."""

    #: One row per actor found in an article: actor, kind, display_name, role, affiliation,
    #: cited_as_source, confidence, mentions.
    actors: Any
    #: One row per PLOVER event: event_type, mode, quad_class, cameo, intensity, sources,
    #: targets, status, negated, hedged, date, date_precision, location, dispute, issues,
    #: confidence, quote.
    events: Any
    #: One row per stance: actor, issue, label, position, salience, confidence, hedged, negated,
    #: proposal, conditions, quote.
    stances: Any
    #: One row per article that yielded nothing: error (a null text, a bad date, too large).
    errors: Any
    #: With ``records=True``: the store records of every article (kind, name, record: one JSON
    #: line as ``polemos import`` reads it); otherwise ``None``.
    records: Any = None


def _is_text(pa: Any, t: Any) -> bool:
    """Any of Arrow's string types (polars exports ``string_view``)."""
    is_view = getattr(pa.types, "is_string_view", lambda _: False)
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or is_view(t))


def _column_as_text_dates(pa: Any, pc: Any, column: Any) -> list[str | None]:
    """A date, timestamp or string column as ``YYYY-MM-DD`` strings (nulls kept)."""
    if _is_text(pa, column.type):
        return list(column.to_pylist())
    if pa.types.is_date(column.type) or pa.types.is_timestamp(column.type):
        return list(pc.strftime(column, format="%Y-%m-%d").to_pylist())
    raise TypeError(
        f"published column has type {column.type}: expected a date, a timestamp or YYYY-MM-DD text"
    )


def extract_batch(
    table: Any,
    *,
    text: str = "text",
    published: str | None = "date",
    id: str = "id",  # noqa: A002 - the column's conventional name
    records: bool = False,
) -> BatchExtraction:
    """Extracts every article of ``table`` on every core, without the GIL.

    ``text`` names the column of article texts; ``published`` the column of publication dates
    (date, timestamp or ``YYYY-MM-DD`` text; ``None`` for none: relative dates then stay
    unresolved, and ``records`` needs dates); ``id`` the column of article ids, copied onto every
    output row. A missing column is a ``KeyError`` naming it; an article that cannot be extracted
    is a row of ``errors``, so one bad article does not fail a partition of a million.
    ``records=True`` also returns the store records, for ``polemos import``.

    Needs pyarrow (``pip install 'polemos[arrow]'``).
    """
    pa = require("pyarrow", "extract_batch")
    pc = require("pyarrow.compute", "extract_batch")
    # Any Arrow PyCapsule producer (polars, duckdb, nanoarrow, pyarrow itself) becomes a pyarrow
    # table without a copy.
    if not isinstance(table, pa.Table):
        table = pa.table(table)
    for role, name in (("text", text), ("published", published), ("id", id)):
        if name is not None and name not in table.column_names:
            raise KeyError(
                f"{role} column `{name}` is not in the table (columns: {', '.join(table.column_names)})"
            )
    texts = table.column(text)
    if not _is_text(pa, texts.type):
        raise TypeError(f"text column `{text}` has type {texts.type}: expected strings")
    dates = None if published is None else _column_as_text_dates(pa, pc, table.column(published))
    native = _native.extract_batch(texts.to_pylist(), published=dates, records=records)
    ids = table.column(id)

    def with_ids(part: Any) -> Any:
        t = pa.table(part)
        rows = t.column("row")
        return t.drop_columns(["row"]).add_column(0, pa.field(id, ids.type), ids.take(rows))

    actors, events, stances, errors, recs = native
    return BatchExtraction(
        actors=with_ids(actors),
        events=with_ids(events),
        stances=with_ids(stances),
        errors=with_ids(errors),
        records=None if recs is None else with_ids(recs),
    )


def records_to_jsonl(records: Any, path: str) -> int:
    """Writes the ``records`` tables of one or more batches (a pyarrow table, or anything
    ``pyarrow.table`` reads) as one JSON Lines dossier for ``polemos import``: each actor, dispute
    and issue once (the first seen), every document, stance and event. Returns the lines written.
    """
    pa = require("pyarrow", "records_to_jsonl")
    if not isinstance(records, pa.Table):
        records = pa.table(records)
    seen: set[str] = set()
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        for name, line in zip(
            records.column("name").to_pylist(), records.column("record").to_pylist()
        ):
            if name in seen:
                continue
            seen.add(name)
            out.write(line)
            out.write("\n")
            written += 1
    return written
