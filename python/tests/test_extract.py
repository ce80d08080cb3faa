"""Extraction and ingest of the reference article, from Python."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from typing import Any

import pytest

import polemos
from conftest import KURIL_ARTICLE

ARTICLE = KURIL_ARTICLE.read_text(encoding="utf-8")
PUBLISHED = "2018-09-19"


def test_extract_finds_the_parties_and_the_ministers() -> None:
    x = polemos.extract(ARTICLE, published=PUBLISHED)
    names = {a["name"] for a in x.actors}
    # Read off the article: the two states, both foreign ministers and Putin are all named.
    assert {"actors/JPN", "actors/RUS"} <= names
    assert any("kono" in n for n in names) and any("lavrov" in n for n in names)
    assert any("putin" in n for n in names)
    assert x.stances, "the article states positions (Tokyo signs only after the dispute is resolved)"
    # The Kono–Lavrov meeting is a CONSULT.
    assert "CONSULT" in {e["event_type"] for e in x.events}
    assert x.document["content_hash"] == polemos.content_hash(ARTICLE)
    assert "Extraction(" in repr(x) and "<script>" not in x._repr_html_()


def test_actors_and_dates_carry_their_calibrated_confidence() -> None:
    x = polemos.extract(ARTICLE, published=PUBLISHED)
    assert x.actors and x.dates
    for fact in x.actors + x.dates:
        assert 0.0 <= fact["confidence"] <= 1.0
    # Japan is named by its name, which the built-in actor table rates above the 0.5 of a basis
    # without evidence.
    jpn = next(a for a in x.actors if a["name"] == "actors/JPN")
    assert jpn["confidence"] > 0.5
    actors = x.to_records("actors")
    assert [r["confidence"] for r in actors] == [a["confidence"] for a in x.actors]


def test_the_data_directory_in_the_environment_replaces_the_calibration(tmp_path: Any) -> None:
    """POLEMOS_DATA_DIR is read as the CLI and `polemos serve --data-dir` read it: a calibration
    table there sets the confidences (the variable is read once per process, hence a child)."""
    (tmp_path / "actor-calibration.tsv").write_text(
        "".join(f"{basis}\t1\t1\t0.05\n" for basis in
                ("name", "demonym", "surname", "title", "metonym", "reference", "pronoun")),
        encoding="utf-8",
    )
    script = (
        "import sys, polemos\n"
        "x = polemos.extract(sys.stdin.read())\n"
        "print(sorted({a['confidence'] for a in x.actors}))\n"
    )

    def confidences(env: dict[str, str]) -> str:
        run = subprocess.run(
            [sys.executable, "-c", script], input=ARTICLE, capture_output=True, text=True,
            env={**os.environ, **env}, check=False,
        )
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    assert confidences({"POLEMOS_DATA_DIR": str(tmp_path)}) == "[0.05]"
    assert confidences({"POLEMOS_DATA_DIR": ""}) != "[0.05]"
    missing = subprocess.run(
        [sys.executable, "-c", script], input=ARTICLE, capture_output=True, text=True,
        env={**os.environ, "POLEMOS_DATA_DIR": str(tmp_path / "nowhere")}, check=False,
    )
    assert missing.returncode != 0 and "nowhere" in missing.stderr, missing.stderr


def test_evidence_spans_point_into_the_text() -> None:
    x = polemos.extract(ARTICLE, published=dt.date(2018, 9, 19))
    raw = ARTICLE.encode("utf-8")
    checked = 0
    for fact in x.stances + x.events:
        for ev in fact["evidence"]:
            span = ev["span"]
            assert 0 <= span["start"] < span["end"] <= len(raw)
            raw[span["start"] : span["end"]].decode("utf-8")  # on character boundaries
            assert ev["quote"] in ARTICLE
            checked += 1
    assert checked > 0


def test_extract_many_keeps_order_and_matches_single_calls() -> None:
    texts = [ARTICLE, "Nothing political here.", ARTICLE.replace("Kono", "Kōno", 1)]
    many = polemos.extract_many(texts, published=PUBLISHED)
    assert [m.to_dict() for m in many] == [
        polemos.extract(t, published=PUBLISHED).to_dict() for t in texts
    ]
    assert not many[1].stances


def test_to_pandas_tables() -> None:
    pd = pytest.importorskip("pandas")
    x = polemos.extract(ARTICLE, published=PUBLISHED)
    df = x.to_pandas("stances")
    assert len(df) == len(x.stances)
    assert isinstance(df, pd.DataFrame)
    with pytest.raises(ValueError, match="what"):
        x.to_records("nonsense")


def test_ingest_is_idempotent_by_content() -> None:
    engine = polemos.Engine()
    first = engine.ingest(ARTICLE, published=PUBLISHED)
    assert first.status == "stored" and first.created > 0
    assert engine.get(first.document).content_hash == polemos.content_hash(ARTICLE)
    assert len(engine.stances()) == first.stances
    again = engine.ingest([ARTICLE], published=PUBLISHED)
    assert [(r.status, r.document, r.created) for r in again] == [
        ("already stored", first.document, 0)
    ]
    assert engine.revision == first.revision


def test_ingest_needs_a_date() -> None:
    with pytest.raises(polemos.ValidationError, match="`published`"):
        polemos.Engine().ingest(ARTICLE, published="19 Sept 2018")
    with pytest.raises(polemos.ValidationError, match="`published`"):
        polemos.Engine().ingest(ARTICLE, published=None)


def test_threads_extract_concurrently() -> None:
    expected = polemos.extract(ARTICLE, published=PUBLISHED).to_dict()
    out: list[dict[str, Any]] = []

    def work() -> None:
        for _ in range(10):
            out.append(polemos.extract(ARTICLE, published=PUBLISHED).to_dict())

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(out) == 30 and all(o == expected for o in out)
