"""Extract a news corpus on a Dask cluster: Parquet files of articles in, Parquet files of facts
out, then one JSON Lines dossier that ``polemos import`` loads. The recipe of docs/distributed.md.

    python python/examples/dask_extract.py ARTICLES_DIR OUT_DIR [--workers 2] [--db polemos.db]

Each input Parquet file (columns ``id``, ``text``, ``date``) is one task: a worker reads it,
calls :func:`polemos.extract_batch` (every core of the worker, without the GIL) and writes
``OUT_DIR/{actors,events,stances,errors,records}/<file>.parquet``. Nothing but file names and
counts travels between the client and the workers.
"""

from __future__ import annotations

import argparse
import subprocess
import time
from pathlib import Path
from typing import Any

PARTS = ("actors", "events", "stances", "errors", "records")


def extract_file(
    path: str, out_dir: str, text: str = "text", published: str = "date", id: str = "id"
) -> dict[str, Any]:
    """One task: one Parquet file of articles to one Parquet file per table of facts."""
    import pyarrow.parquet as pq

    import polemos

    table = pq.read_table(path)
    result = polemos.extract_batch(table, text=text, published=published, id=id, records=True)
    stem = Path(path).stem
    for part in PARTS:
        target = Path(out_dir) / part
        target.mkdir(parents=True, exist_ok=True)
        pq.write_table(getattr(result, part), target / f"{stem}.parquet")
    return {
        "file": path,
        "articles": table.num_rows,
        "actors": result.actors.num_rows,
        "events": result.events.num_rows,
        "stances": result.stances.num_rows,
        "errors": result.errors.num_rows,
    }


def start_cluster(workers: int, threads_per_worker: int = 1, processes: bool = True) -> Any:
    """A local Dask cluster of ``workers`` processes. ``RAYON_NUM_THREADS`` gives each worker
    process as many extraction threads as it has Dask threads, so workers map onto cores."""
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=threads_per_worker,
        processes=processes,
        dashboard_address=None,
        # Worker processes only (a thread worker shares this process's extraction threads).
        **({"env": {"RAYON_NUM_THREADS": str(threads_per_worker)}} if processes else {}),
    )
    return Client(cluster)


def run(client: Any, inputs: list[str], out_dir: str) -> list[dict[str, Any]]:
    """Extracts every input file on the cluster; returns each file's counts, in input order."""
    futures = client.map(extract_file, inputs, out_dir=out_dir, pure=False)
    return list(client.gather(futures))


def write_dossier(out_dir: str, path: str) -> int:
    """Gathers every ``records`` file into one JSON Lines dossier for ``polemos import``."""
    import pyarrow.parquet as pq

    import polemos

    records = pq.read_table(Path(out_dir) / "records")
    return polemos.records_to_jsonl(records, path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", help="a directory of Parquet files (id, text, date)")
    ap.add_argument("out", help="where the Parquet files of facts go")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--db", help="import the facts into this store with `polemos import`")
    ap.add_argument("--polemos", default="polemos", help="the polemos command")
    args = ap.parse_args()

    inputs = sorted(str(p) for p in Path(args.articles).glob("*.parquet"))
    with start_cluster(args.workers) as client:
        started = time.perf_counter()
        counts = run(client, inputs, args.out)
        seconds = time.perf_counter() - started
    articles = sum(c["articles"] for c in counts)
    print(
        f"{articles} articles in {seconds:.1f} s on {args.workers} workers: "
        f"{articles / seconds:.0f} articles/s; "
        f"{sum(c['stances'] for c in counts)} stances, {sum(c['errors'] for c in counts)} errors"
    )
    if args.db:
        dossier = str(Path(args.out) / "dossier.jsonl")
        write_dossier(args.out, dossier)
        subprocess.run([args.polemos, "--db", args.db, "import", dossier], check=True)


if __name__ == "__main__":
    main()
