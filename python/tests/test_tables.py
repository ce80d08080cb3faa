"""Result tables: one fixed schema per result type, also when empty, with dates as dates; their
Arrow form (built in Rust) is read by polars, pyarrow and duckdb through the PyCapsule
interface."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import polemos
from polemos import _native, _table
from polemos.resources import Table

from conftest import KURIL_ARTICLE, KURIL_DOSSIER

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")
duckdb = pytest.importorskip("duckdb")

AS_OF = "2018-10-01"


def results(engine: polemos.Engine) -> dict[str, Any]:
    """Every tabular result type of the engine, on the reference dossier."""
    return {
        "actors": engine.actors(),
        "disputes": engine.disputes(),
        "issues": engine.issues(),
        "stances": engine.stances(),
        "events": engine.events(),
        "documents": engine.documents(),
        "stance_matrix": engine.stance_matrix("kuril-islands", as_of=AS_OF),
        "deadlocks": engine.deadlocks("kuril-islands", as_of=AS_OF),
        "coalitions": engine.coalitions("kuril-islands", as_of=AS_OF),
        "shifts": engine.shifts("kuril-islands", as_of=AS_OF),
        "series": engine.series("kuril-islands", as_of=AS_OF),
    }


def empty_results() -> dict[str, Any]:
    """The same result types, empty: an empty store, and analyses of a dispute before anything
    was known about it."""
    engine = polemos.Engine()
    engine.import_dossier(KURIL_DOSSIER)
    before = "1900-01-01"
    return {
        "actors": engine.actors(revision=0),
        "disputes": engine.disputes(revision=0),
        "issues": engine.issues(revision=0),
        "stances": engine.stances(as_of=before),
        "events": engine.events(as_of=before),
        "documents": engine.documents(as_of=before),
        "stance_matrix": engine.stance_matrix("kuril-islands", as_of=before),
        "deadlocks": engine.deadlocks("kuril-islands", as_of=before),
        "coalitions": engine.coalitions("kuril-islands", as_of=before),
        "shifts": engine.shifts("kuril-islands", as_of=before),
        "series": engine.series("kuril-islands", as_of=before),
    }


ARROW_TYPES = {
    "str": pa.string(),
    "float": pa.float64(),
    "int": pa.int64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
    "list[str]": pa.list_(pa.string()),
    "json": pa.string(),
}


def test_full_and_empty_results_have_the_same_columns_and_types(engine: polemos.Engine) -> None:
    full, empty = results(engine), empty_results()
    for name, table in full.items():
        assert len(table) > 0 or name == "shifts", f"{name} has rows in the reference dossier"
        assert len(empty[name]) == 0, f"{name} is empty"
        schema = table.schema
        assert schema and schema == empty[name].schema, name
        for result in (table, empty[name]):
            arrow = result.to_arrow()
            assert arrow.schema.names == [c for c, _ in schema], name
            assert [f.type for f in arrow.schema] == [ARROW_TYPES[k] for _, k in schema], name
            frame = result.to_polars()
            assert frame.columns == [c for c, _ in schema], name
            df = result.to_pandas()
            assert list(df.columns) == [c for c, _ in schema], name
            for column, kind in schema:
                if kind == "date":
                    assert str(df[column].dtype).startswith("datetime64"), (name, column)
                    assert frame.schema[column] == pl.Date, (name, column)
                elif kind == "float":
                    assert df[column].dtype == "float64", (name, column)


def test_dates_are_dates(engine: polemos.Engine) -> None:
    stances = engine.stances(dispute="kuril-islands")
    frame = stances.to_polars()
    assert frame.schema["valid_from"] == pl.Date
    assert frame["valid_from"].min() == dt.date(2018, 9, 12)
    # valid_to is absent from the dossier: null dates, still of type date.
    assert frame["valid_to"].null_count() == len(frame)
    assert stances.to_arrow().schema.field("valid_to").type == pa.date32()
    events = engine.events().to_arrow()
    assert events.schema.field("date").type == pa.date32()


def test_arrow_native_tools_read_the_rust_batch(engine: polemos.Engine) -> None:
    matrix = engine.stance_matrix("kuril-islands", as_of=AS_OF)
    current = matrix.arrow()
    assert isinstance(current, _native.ArrowTable) and current.num_rows == len(matrix)
    rows = duckdb.sql(
        "SELECT actor, count(*) AS n, max(position) AS top FROM current GROUP BY actor ORDER BY actor"
    ).fetchall()
    assert rows == [("actors/JPN", 3, 100.0), ("actors/RUS", 3, 100.0)]
    assert pl.DataFrame(matrix.arrow()).equals(matrix.to_polars())
    assert pa.table(matrix.arrow()).equals(matrix.to_arrow())
    # The dunder itself, for consumers that look for it first.
    stances = engine.stances()
    assert pa.RecordBatchReader.from_stream(stances).read_all().num_rows == len(stances)
    assert hasattr(stances, "__arrow_c_stream__")


def test_nested_values_are_lists_or_json_text(engine: polemos.Engine) -> None:
    deadlocks = engine.deadlocks("kuril-islands", as_of=AS_OF).to_polars()
    assert deadlocks.schema["parties"] == pl.List(pl.String)
    assert sorted(deadlocks["parties"][0].to_list()) == ["actors/JPN", "actors/RUS"]
    edges = json.loads(deadlocks["edges"][0])
    assert {e["actor"] for e in edges} == {"actors/JPN", "actors/RUS"}


def test_a_value_of_the_wrong_type_names_its_row_and_column() -> None:
    with pytest.raises(TypeError, match="row 1, column `position`: expected a number, got str"):
        _table.arrow_table([{"position": 1.0}, {"position": "high"}], (("position", "float"),))
    with pytest.raises(TypeError, match="column `when`: expected a date"):
        _table.arrow_table([{"when": "not a date"}], (("when", "date"),))
    with pytest.raises(ValueError, match="column type `decimal`"):
        _native.ArrowTable([("x", "decimal")], [])


def test_a_hand_made_table_infers_its_schema() -> None:
    table = Table(
        [{"actor": "JPN", "score": 0.5, "n": 2, "when": dt.date(2020, 1, 2)}], title="mine"
    )
    assert table.schema == (("actor", "str"), ("score", "float"), ("n", "int"), ("when", "date"))
    assert table.to_polars().schema["when"] == pl.Date



def test_extraction_tables_keep_their_columns_when_empty() -> None:
    nothing = polemos.extract("The weather was mild.", published="2018-09-19")
    kuril = polemos.extract(KURIL_ARTICLE.read_text(encoding="utf-8"), published="2018-09-19")
    for what in ("stances", "events", "actors", "disputes", "dates"):
        empty, full = nothing.to_polars(what), kuril.to_polars(what)
        assert len(empty) == 0 and len(full) > 0, what
        assert empty.columns == full.columns[: len(empty.columns)], what
        for column in empty.columns:
            assert empty.schema[column] == full.schema[column], (what, column)
    events = kuril.to_arrow("events")
    assert events.schema.field("date").type == pa.date32()
    assert set(events.column("date_precision").to_pylist()) <= {"day", "week", "month", "year", None}
    assert nothing.to_pandas("events").dtypes["date"].kind == "M"
