"""Python-side benchmarks of the polemos package; the Rust side is `benches/native.rs`.

Prints, for each operation, the time per call from Python (through the Pythonic layer and through
the raw native module), and the speed-up of 2 threads over 1 on calls that release the GIL.
Run after installing the package: `python python/benches/bench.py [--quick]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import polemos

ROOT = Path(__file__).resolve().parents[2]
KURIL = ROOT / "examples" / "dossiers" / "kuril-islands.json"
ARTICLE = ROOT / "tests" / "fixtures" / "kuril-2018.txt"


def per_call(fn: Callable[[], object], *, min_time: float) -> float:
    """Median seconds per call over 5 batches of at least `min_time` each."""
    n = 1
    while True:
        start = time.perf_counter()
        for _ in range(n):
            fn()
        if time.perf_counter() - start >= min_time / 5:
            break
        n *= 2
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        samples.append((time.perf_counter() - start) / n)
    return statistics.median(samples)


def threaded(fn: Callable[[], object], calls: int, threads: int) -> float:
    """Wall time of `calls` calls split evenly over `threads` threads."""
    per_thread = calls // threads

    def work() -> None:
        for _ in range(per_thread):
            fn()

    pool = [threading.Thread(target=work) for _ in range(threads)]
    start = time.perf_counter()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return time.perf_counter() - start


def fmt(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    return f"{seconds * 1e3:.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="shorter runs (noisier)")
    args = parser.parse_args()
    min_time = 0.5 if args.quick else 2.0

    engine = polemos.Engine()
    engine.import_dossier(KURIL)
    native = engine._native

    print(f"polemos {polemos.__version__}, Python {sys.version.split()[0]}")
    print("\n## per call (median)")
    cases: list[tuple[str, Callable[[], object]]] = [
        ("native get('actors/JPN')", lambda: native.get("actors/JPN")),
        ("Engine.get('actors/JPN')", lambda: engine.get("actors/JPN")),
        ("native query stances(dispute, actor)",
         lambda: native.query("stances", dispute="kuril-islands", actor="JPN")),
        ("Engine.stances(dispute, actor)",
         lambda: engine.stances(dispute="kuril-islands", actor="JPN")),
        ("Engine.export()", lambda: engine.export()),
    ]
    for label, fn in cases:
        print(f"{label:45s} {fmt(per_call(fn, min_time=min_time)):>12s}")

    corpus = [ARTICLE.read_text(encoding="utf-8") + f"\n\nUpdate {i}." for i in range(64)]
    mb = sum(len(t.encode("utf-8")) for t in corpus) / 1e6
    print(f"\n## extraction of the corpus ({len(corpus)} articles, {mb:.2f} MB), as in native.rs")

    def one_by_one() -> None:
        for t in corpus:
            polemos.extract(t, published="2018-09-19")

    def native_one_by_one() -> None:
        for t in corpus:
            native_extract(t, published="2018-09-19")

    native_extract = polemos._native.extract
    for label, fn in [
        ("polemos.extract one by one, 1 thread", one_by_one),
        ("_native.extract one by one, 1 thread", native_one_by_one),
        ("polemos.extract_many (all cores)",
         lambda: polemos.extract_many(corpus, published="2018-09-19")),
    ]:
        t = per_call(fn, min_time=min_time * 2)
        print(f"{label:45s} {fmt(t):>12s}  {mb / t:7.2f} MB/s")

    # A cheap model on many draws: what the call costs beyond the draws themselves (converting
    # the result) shows here. Each draw's forecasts stay in Rust (docs/benchmarks.md).
    rows = [
        {"actor": a, "dimension": d, "position": p, "salience": 0.5 + 0.1 * i, "capability": 1 + i}
        for i, a in enumerate("ABCD")
        for d, p in [("x", 10 * i), ("y", 90 - 20 * i), ("z", 50)]
    ]
    print("\n## Monte Carlo (4 actors, 3 dimensions)")
    for model, draws in [("median", 100_000), ("bdm", 2_000)]:
        t = per_call(
            lambda: polemos.forecast.monte_carlo(rows, model=model, draws=draws, seed=1),
            min_time=min_time,
        )
        print(f"{f'forecast.monte_carlo({model}, {draws} draws)':45s} {fmt(t):>12s}")

    print("\n## 2 threads vs 1 (same total work: the corpus, extracted article by article)")

    def extract_one() -> None:
        polemos.extract(corpus[0], published="2018-09-19")

    calls = len(corpus) * (2 if args.quick else 8)
    threaded(extract_one, 8, 1)  # warm up
    one = threaded(extract_one, calls, 1)
    two = threaded(extract_one, calls, 2)
    print(f"{'polemos.extract':45s} 1 thread {one:.3f} s, 2 threads {two:.3f} s, "
          f"speed-up {one / two:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
