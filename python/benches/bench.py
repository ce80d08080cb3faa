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
    extra = getattr(sys.modules[__name__], "extra_cases", None)
    if callable(extra):
        cases += extra(engine)
    for label, fn in cases:
        print(f"{label:45s} {fmt(per_call(fn, min_time=min_time)):>12s}")

    print("\n## 2 threads vs 1 (same total work)")
    heavy: list[tuple[str, Callable[[], object], int]] = [
        ("Engine.export()", lambda: engine.export(), 4000 if not args.quick else 1000),
    ]
    for label, fn, calls in heavy:
        one = threaded(fn, calls, 1)
        two = threaded(fn, calls, 2)
        print(f"{label:45s} 1 thread {one:.3f} s, 2 threads {two:.3f} s, speed-up {one / two:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
