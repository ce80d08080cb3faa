"""Fixed schemas of result tables and their Arrow, polars and pandas forms.

Every result type declares its columns once, as ``(name, type)`` pairs, so an empty result keeps
its columns and types and a date column holds dates whatever the rows hold. Types: ``str``,
``float``, ``int``, ``bool``, ``date``, ``list[str]``, and ``json`` for nested values (kept as
Python objects in pandas, JSON text in Arrow). The Arrow form is built in Rust
(:class:`polemos._native.ArrowTable`) and leaves through the Arrow PyCapsule interface, which
polars, duckdb and pyarrow import without copying.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from polemos import _native
from polemos._extras import require

Schema = tuple[tuple[str, str], ...]

#: `Engine.stance_matrix` / `Client.stance_matrix` rows.
STANCE_MATRIX: Schema = (
    ("actor", "str"),
    ("issue", "str"),
    ("position", "float"),
    ("salience", "float"),
    ("label", "str"),
    ("confidence", "float"),
    ("sources", "int"),
    ("last_evidence", "date"),
    ("contested", "bool"),
    ("conditions", "str"),
)
#: `deadlocks` rows.
DEADLOCKS: Schema = (
    ("kind", "str"),
    ("issues", "list[str]"),
    ("cycle", "list[str]"),
    ("parties", "list[str]"),
    ("edges", "json"),
    ("conflicts", "json"),
)
#: `coalitions` rows.
COALITIONS: Schema = (("members", "list[str]"), ("cohesion", "float"))
#: `shifts` rows.
SHIFTS: Schema = (
    ("actor", "str"),
    ("issue", "str"),
    ("date", "date"),
    ("kind", "str"),
    ("delta", "float"),
    ("before", "json"),
    ("after", "json"),
)
#: `series` rows: one per actor pair.
SERIES: Schema = (
    ("a", "str"),
    ("b", "str"),
    ("granularity", "str"),
    ("buckets", "json"),
    ("trend", "json"),
)


def _json_default(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return str(value)


def arrow_table(rows: Sequence[Mapping[str, Any]], schema: Schema) -> _native.ArrowTable:
    """The rows as one Arrow record batch with ``schema`` (built in Rust)."""
    nested = [name for name, kind in schema if kind == "json"]
    prepared = []
    for row in rows:
        record = {name: row.get(name) for name, _ in schema}
        for name in nested:
            if record[name] is not None:
                record[name] = json.dumps(record[name], default=_json_default)
        prepared.append(record)
    columns = [(name, "str" if kind == "json" else kind) for name, kind in schema]
    return _native.ArrowTable(columns, prepared)


def to_pandas(rows: Sequence[Mapping[str, Any]], schema: Schema) -> Any:
    """A DataFrame with exactly the schema's columns and dtypes, also when ``rows`` is empty:
    floats ``float64``, ints ``Int64``, bools ``boolean``, dates ``datetime64``."""
    pd = require("pandas", "to_pandas()")
    data: dict[str, Any] = {}
    for name, kind in schema:
        values = [row.get(name) for row in rows]
        if kind == "float":
            data[name] = pd.Series(values, dtype="float64")
        elif kind == "int":
            data[name] = pd.Series(values, dtype="Int64")
        elif kind == "bool":
            data[name] = pd.Series(values, dtype="boolean")
        elif kind == "date":
            data[name] = pd.to_datetime(pd.Series(values, dtype=object)).astype("datetime64[ns]")
        else:
            data[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=[name for name, _ in schema])


def to_polars(rows: Sequence[Mapping[str, Any]], schema: Schema) -> Any:
    """A ``polars.DataFrame`` read from the Arrow stream (needs the ``polars`` extra)."""
    pl = require("polars", "to_polars()")
    return pl.DataFrame(arrow_table(rows, schema))


def to_arrow(rows: Sequence[Mapping[str, Any]], schema: Schema) -> Any:
    """A ``pyarrow.Table`` read from the Arrow stream (needs the ``arrow`` extra)."""
    pa = require("pyarrow", "to_arrow()")
    return pa.table(arrow_table(rows, schema))


def columns(schema: Schema) -> list[str]:
    return [name for name, _ in schema]




def infer(row: Mapping[str, Any]) -> Schema:
    """A schema from one row's values, for a table made by hand without one."""
    def kind(value: Any) -> str:
        if isinstance(value, bool):
            return "bool"
        if isinstance(value, int):
            return "int"
        if isinstance(value, float):
            return "float"
        if isinstance(value, str):
            return "str"
        if isinstance(value, _dt.date):
            return "date"
        return "json"

    return tuple((name, kind(value)) for name, value in row.items())
