"""extract_batch: an Arrow table of articles in, Arrow tables of facts out with each article's id
on every row, the same facts as extracting the articles one by one."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import polemos

pa = pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))[:6]
KURIL = (ROOT / "tests" / "fixtures" / "kuril-2018.txt").read_text(encoding="utf-8")


def corpus() -> pa.Table:
    texts = [KURIL] + [p.read_text(encoding="utf-8") for p in ARTICLES]
    return pa.table(
        {
            "article": [1000 + i for i in range(len(texts))],
            "body": texts,
            "day": [datetime.date(2018, 9, 19)] * len(texts),
        }
    )


def test_facts_carry_the_article_id_and_match_single_extraction() -> None:
    table = corpus()
    out = polemos.extract_batch(table, text="body", published="day", id="article")
    assert out.records is None
    assert out.errors.num_rows == 0
    for part in (out.actors, out.events, out.stances):
        assert isinstance(part, pa.Table)
        assert part.column_names[0] == "article"
        assert part.schema.field("article").type == pa.int64(), "the id keeps its type"
    by_id = {
        "actors": out.actors.to_pylist(),
        "events": out.events.to_pylist(),
        "stances": out.stances.to_pylist(),
    }
    for article, text in zip(table.column("article").to_pylist(), table.column("body").to_pylist()):
        one = polemos.extract(text, published="2018-09-19")
        assert sorted(
            (r["actor"], r["confidence"]) for r in by_id["actors"] if r["article"] == article
        ) == sorted((a["name"], a["confidence"]) for a in one.actors)
        assert [
            (r["actor"], r["issue"], r["label"], r["position"])
            for r in by_id["stances"]
            if r["article"] == article
        ] == [(s["actor"], s["issue"], s["label"], s["position"]) for s in one.stances]
        assert [
            (r["event_type"], r["sources"], r["targets"])
            for r in by_id["events"]
            if r["article"] == article
        ] == [(e["event_type"], e["sources"], e["targets"]) for e in one.events]
    # The reference article's conditional Japanese stance is there, under its id.
    assert any(
        r["article"] == 1000 and r["actor"] == "actors/JPN" and r["label"] == "conditional"
        for r in by_id["stances"]
    )
    # Events are dated from the publication date column.
    assert any(r["date"] == datetime.date(2018, 9, 24) for r in by_id["events"])


def test_any_arrow_stream_is_accepted() -> None:
    table = corpus().slice(0, 2)
    expected = polemos.extract_batch(table, text="body", published="day", id="article")

    class Stream:
        """Only the PyCapsule protocol, as a library other than pyarrow offers it."""

        def __arrow_c_stream__(self, requested_schema: object = None) -> object:
            return table.__arrow_c_stream__(requested_schema)

    got = polemos.extract_batch(Stream(), text="body", published="day", id="article")
    assert got.stances.equals(expected.stances)
    pl = pytest.importorskip("polars")
    got = polemos.extract_batch(pl.from_arrow(table), text="body", published="day", id="article")
    assert got.stances.to_pylist() == expected.stances.to_pylist()


def test_a_bad_article_is_an_error_row_not_an_exception() -> None:
    table = pa.table(
        {
            "id": ["a", "b", "c"],
            "text": [KURIL, None, KURIL + "\nAgain."],
            "date": ["2018-09-19", "2018-09-19", "19/09/2018"],
        }
    )
    out = polemos.extract_batch(table)
    errors = out.errors.to_pylist()
    assert [e["id"] for e in errors] == ["b", "c"]
    assert "no text" in errors[0]["error"] and "YYYY-MM-DD" in errors[1]["error"]
    assert set(out.stances.column("id").to_pylist()) == {"a"}


def test_missing_columns_are_named() -> None:
    with pytest.raises(KeyError, match="text column `body`"):
        polemos.extract_batch(pa.table({"id": [1], "text": ["x"]}), text="body", published=None)
    with pytest.raises(KeyError, match="published column `date`"):
        polemos.extract_batch(pa.table({"id": [1], "text": ["x"]}))


def test_records_import_into_a_store(tmp_path: Path) -> None:
    out = polemos.extract_batch(corpus(), text="body", published="day", id="article", records=True)
    assert out.records is not None and out.records.num_rows > 0
    path = tmp_path / "dossier.jsonl"
    polemos.records_to_jsonl(out.records, str(path))
    engine = polemos.Engine()
    engine.import_dossier(path)
    assert len(engine.stances()) == out.stances.num_rows
    assert len(engine.documents()) == corpus().num_rows
