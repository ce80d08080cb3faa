"""The Dask recipe of docs/distributed.md on a small corpus: Parquet in, extract_batch on a local
cluster of two workers (threads of this process here; the recipe's worker processes are measured
in docs/distributed.md), Parquet out, then `polemos import` of the records."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

import polemos

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("dask.distributed")

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))


def recipe():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "dask_extract", ROOT / "python" / "examples" / "dask_extract.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["dask_extract"] = module
    spec.loader.exec_module(module)
    # The workers cannot import the example by name: send its functions by value.
    import cloudpickle

    cloudpickle.register_pickle_by_value(module)
    return module


def test_dask_recipe_parquet_in_parquet_out_then_import(tmp_path: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    inputs = tmp_path / "articles"
    inputs.mkdir()
    files = []
    for part in range(3):  # three partitions, one task each
        rows = list(range(part, len(texts), 3))
        path = inputs / f"part-{part}.parquet"
        pq.write_table(
            pa.table(
                {
                    "id": [ARTICLES[i].stem for i in rows],
                    "text": [texts[i] for i in rows],
                    "date": ["2020-01-01"] * len(rows),
                }
            ),
            path,
        )
        files.append(str(path))

    r = recipe()
    out = tmp_path / "facts"
    # Two workers as threads of this process (extract_batch releases the GIL): worker processes
    # started from inside pytest did not come up in time on the shared CI machine.
    with r.start_cluster(2, processes=False) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        counts = r.run(client, files, str(out))
    assert [c["file"] for c in counts] == files
    assert sum(c["articles"] for c in counts) == len(texts)

    # The cluster's Parquet holds what extracting in-process gives.
    stances = pq.read_table(out / "stances")
    local = polemos.extract_batch(
        pa.concat_tables(pq.read_table(f) for f in files), records=True
    )
    assert sorted(stances.column("id").to_pylist()) == sorted(local.stances.column("id").to_pylist())
    assert stances.num_rows == sum(c["stances"] for c in counts) > 0
    assert pq.read_table(out / "errors").num_rows == 0

    dossier = tmp_path / "dossier.jsonl"
    r.write_dossier(str(out), str(dossier))
    engine = polemos.Engine()
    engine.import_dossier(dossier)
    assert len(engine.documents()) == len(texts)
    assert len(engine.stances()) == stances.num_rows

    # And through the command line, as the recipe says, when the tests have the binary.
    binary = os.environ.get("POLEMOS_BIN")
    if binary:
        db = tmp_path / "p.db"
        done = subprocess.run(
            [binary, "--db", str(db), "import", str(dossier)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        assert "imported" in done.stdout
