"""Parity: the table of questions in ``tests/parity/questions.json`` (the one the Rust test
``crates/polemos-server/tests/parity.rs`` asks through the engine, the CLI and gRPC) asked
through the Python ``Engine`` and the ``Client`` on the same store must get the same answers and
the same error kinds, and the counts the table pins."""

from __future__ import annotations

import inspect
import json
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import polemos

try:
    from polemos.client import Client
except polemos.MissingExtraError:  # scripts/test-python.sh installs the grpc extra
    pytest.skip("the grpc extra is not installed", allow_module_level=True)

from test_client import _free_port, _polemos_binary

ROOT = Path(__file__).resolve().parents[2]
TABLE = json.loads((ROOT / "tests" / "parity" / "questions.json").read_text(encoding="utf-8"))
FILTERS = ("dispute", "actor", "issue", "as_of", "revision")


@pytest.fixture(scope="module")
def interfaces() -> Iterator[tuple[polemos.Engine, Any]]:
    """An Engine on a seeded SQLite file, and a Client of `polemos serve` on the same file."""
    binary = _polemos_binary()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "parity.db"
        engine = polemos.Engine(db)
        for seed in TABLE["seed"]:
            engine.import_dossier((ROOT / seed).read_text(encoding="utf-8"))
        keys = str(Path(tmp) / "keys.json")
        reader = subprocess.run(
            [binary, "keys", "--keys-file", keys, "create", "--role", "reader"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
        address = f"127.0.0.1:{_free_port()}"
        log_path = Path(tmp) / "server.log"
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(
                [binary, "--db", str(db), "serve", "--listen", address, "--keys-file", keys,
                 "--metrics-listen", "off"],
                stdout=log, stderr=subprocess.STDOUT,
            )
        try:
            deadline = time.monotonic() + 30
            while "polemos gRPC serving" not in log_path.read_text(errors="replace"):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"polemos serve did not start:\n{log_path.read_text()}")
                time.sleep(0.05)
            with Client(address, api_key=reader) as client:
                yield engine, client
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def pages(interface: Any, q: dict[str, Any]) -> tuple[str, Any]:
    """A paging question through ``interface.page``, as crates/polemos-server/tests/parity.rs
    asks it: every page no longer than ``page_size``, or an altered or moved token."""
    args = {k: q[k] for k in FILTERS if k in q}
    size = q["page_size"]
    limit = 50 if size == 0 else size
    try:
        if "token" in q:
            first = dict(args)
            if q["token"] == "other":
                if "other_actor" in q:
                    first["actor"] = q["other_actor"]
                if "other_revision" in q:
                    first["revision"] = q["other_revision"]
            _, token = interface.page(q["list"], page_size=size, **first)
            assert token, q["id"]
            if q["token"] == "forged":
                token = token[:-1] + ("1" if token.endswith("0") else "0")
            found, _ = interface.page(q["list"], page_size=size, page_token=token, **args)
            return "names", [r.name for r in found]
        names: list[str] = []
        token = ""
        while True:
            found, token = interface.page(q["list"], page_size=size, page_token=token, **args)
            assert len(found) <= limit, q["id"]
            names.extend(r.name for r in found)
            if not token:
                return "names", names
    except polemos.PolemosError as e:
        return "error", getattr(e, "kind", type(e).__name__)


def ask(interface: Any, q: dict[str, Any]) -> tuple[str, Any]:
    """One question through one interface: ("names", [...]), ("rows", [...]), ("outcome", [...])
    or ("error", kind)."""
    if "page_size" in q:
        return pages(interface, q)
    args = {k: q[k] for k in FILTERS if k in q}
    try:
        if "analysis" in q:
            dispute = args.pop("dispute")
            found = interface.stance_matrix(dispute, **args)
            return "rows", sorted(f"{r['actor']} {r['issue']} {float(r['position'])}" for r in found)
        if "forecast" in q:
            dispute = args.pop("dispute")
            f = interface.forecast(dispute, model=q["forecast"], **args)
            return "outcome", [(o["dimension"], o["forecast"]) for o in f.to_dict()["outcome"]]
        found = getattr(interface, q["list"])(**args)
        return "names", [r.name for r in found]
    except polemos.PolemosError as e:
        return "error", getattr(e, "kind", type(e).__name__)


@pytest.mark.parametrize("q", TABLE["questions"], ids=[q["id"] for q in TABLE["questions"]])
def test_engine_and_client_answer_alike(
    interfaces: tuple[polemos.Engine, Any], q: dict[str, Any]
) -> None:
    engine, client = interfaces
    by_engine = ask(engine, q)
    assert ask(client, q) == by_engine
    if "error" in q:
        assert by_engine == ("error", q["error"])
        return
    kind, answer = by_engine
    assert kind != "error", answer
    if "count" in q:
        assert len(answer) == q["count"], answer
    if "peace_treaty" in q:
        assert dict(answer)["peace-treaty"] == pytest.approx(q["peace_treaty"], abs=1e-9)


@pytest.mark.parametrize("cls", [polemos.Engine, Client], ids=["Engine", "Client"])
def test_analysis_defaults_are_the_engines(cls: type) -> None:
    """The Python signatures repeat the defaults for help(); they must be the engine's table."""
    defaults = polemos._native.analysis_defaults()
    for method, parameter, key in [
        ("stance_matrix", "half_life_days", "half_life_days"),
        ("stance_matrix", "conflict_gap", "conflict_gap"),
        ("coalitions", "max_distance", "max_distance"),
        ("shifts", "threshold", "shift_threshold"),
        ("series", "granularity", "granularity"),
    ]:
        default = inspect.signature(getattr(cls, method)).parameters[parameter].default
        assert default == defaults[key], f"{cls.__name__}.{method}({parameter}=...)"
