"""Parity: the table of questions in ``tests/parity/questions.json`` (the one the Rust test
``crates/polemos-cli/tests/parity.rs`` asks through the engine, the CLI and gRPC) asked
through the Python ``Engine`` and the ``Client`` on the same store must get the same answers and
the same error kinds, and the counts the table pins."""

from __future__ import annotations

import inspect
import json
import os
import pwd
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import polemos

try:
    from polemos.client import Client
except polemos.MissingExtraError:  # scripts/test-python.sh installs the grpc extra
    pytest.skip("the grpc extra is not installed", allow_module_level=True)

from test_client import _polemos_binary, _serve

ROOT = Path(__file__).resolve().parents[2]
TABLE = json.loads((ROOT / "tests" / "parity" / "questions.json").read_text(encoding="utf-8"))
FILTERS = ("dispute", "actor", "issue", "as_of", "revision")
NOISE = ("position_noise", "salience_noise", "capability_noise")


def _postgres() -> Iterator[str]:
    """A throwaway PostgreSQL cluster's URL, as crates/polemos-store-testkit/src/pg_harness.rs
    starts one (run as the `postgres` user when we are root); skips when none is installed."""
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    env_bin = os.environ.get("POLEMOS_PG_BIN")
    initdb = Path(env_bin) / "initdb" if env_bin else (bins[-1] if bins else None)
    if initdb is None or not initdb.is_file():
        why = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)"
        if os.environ.get("POLEMOS_REQUIRE_POSTGRES"):  # CI: a skip would hide the backend
            pytest.fail(why)
        pytest.skip(why)
    run_as: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        if os.geteuid() == 0:
            user = os.environ.get("POLEMOS_PG_USER", "postgres")
            try:
                pw = pwd.getpwnam(user)
            except KeyError:
                pytest.skip(f"running as root and there is no `{user}` user to run PostgreSQL as")
            os.chown(tmp, pw.pw_uid, pw.pw_gid)
            run_as = ["runuser", "-u", user, "--"]
        data = Path(tmp) / "data"
        subprocess.run(
            [*run_as, str(initdb), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
             "--locale=C", "--no-sync"],
            check=True, capture_output=True, cwd=tmp,
        )
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        pg_ctl = str(initdb.parent / "pg_ctl")
        subprocess.run(
            [*run_as, pg_ctl, "-D", str(data), "-l", str(Path(tmp) / "log"), "-w", "-o",
             f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={tmp} -c fsync=off",
             "start"],
            check=True, capture_output=True, cwd=tmp,
        )
        try:
            yield f"postgres://postgres@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run([*run_as, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                           capture_output=True, cwd=tmp)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def interfaces(request: pytest.FixtureRequest) -> Iterator[tuple[polemos.Engine, Any]]:
    """An Engine on a seeded store (an SQLite file, or a throwaway PostgreSQL cluster where one
    is installed, as the Rust runner asks both), and a Client of `polemos serve` on the same."""
    binary = _polemos_binary()
    with tempfile.TemporaryDirectory() as tmp:
        postgres = _postgres() if request.param == "postgres" else None
        db = next(postgres) if postgres else str(Path(tmp) / "parity.db")
        try:
            engine = polemos.Engine(db)
            for seed in TABLE["seed"]:
                engine.import_dossier((ROOT / seed).read_text(encoding="utf-8"))
            keys = str(Path(tmp) / "keys.json")
            reader = subprocess.run(
                [binary, "keys", "--keys-file", keys, "create", "--role", "reader"],
                check=True, capture_output=True, text=True,
            ).stdout.strip()
            proc, address = _serve(
                [binary, "--db", db, "serve", "--keys-file", keys, "--metrics-listen", "off"],
                Path(tmp) / "server.log",
            )
            try:
                with Client(address, api_key=reader) as client:
                    yield engine, client
            finally:
                proc.terminate()
                proc.wait(timeout=10)
        finally:
            if postgres:
                postgres.close()


def pages(interface: Any, q: dict[str, Any]) -> tuple[str, Any]:
    """A paging question through ``interface.page``, as crates/polemos-cli/tests/parity.rs
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


def _opt(x: float | None) -> str:
    return "-" if x is None else f"{float(x):.6f}"


def ask(interface: Any, q: dict[str, Any]) -> tuple[str, Any]:
    """One question through one interface: ("names", [...]), ("rows", [...]), ("outcome", [...])
    or ("error", kind)."""
    if "page_size" in q:
        return pages(interface, q)
    args = {k: q[k] for k in FILTERS if k in q}
    try:
        if "changes_after" in q:
            found = interface.changes(
                after=q["changes_after"], dispute=q.get("dispute"), actor=q.get("actor")
            )
            return "names", [f"{c['revision']} {c['name']}" for c in found]
        if "get" in q:
            r = interface.get(q["get"], revision=q.get("revision"))
            return "names", [r.name, str(r.revision)]
        if q.get("analysis") == "report":
            fmt = q.get("format", "json")
            if fmt != "default":
                args["format"] = fmt
            return "text", interface.report(args.pop("dispute"), **args)
        if q.get("analysis") == "agreement":
            found = interface.agreement(args.pop("dispute"), **args)
            m = found["agreement"]
            lines = [
                f"{a} {b} {_opt(cell)}"
                for a, row in zip(m["actors"], m["agreement"])
                for b, cell in zip(m["actors"], row)
            ]
            return "rows", [*lines, f"polarization {_opt(found['polarization']['index'])}"]
        if q.get("analysis") == "deadlocks":
            found = interface.deadlocks(args.pop("dispute"), **args)
            return "rows", [
                f"{d['kind']} {','.join(d['cycle'])} {','.join(d['parties'])}" for d in found
            ]
        if q.get("analysis") == "series":
            found = interface.series(args.pop("dispute", None), **args)
            lines = []
            for p in found:
                lines += [f"{p['a']} {p['b']} {b['start']} {b['total']}"
                          for b in p["buckets"] if b["total"] > 0]
                trend = p["trend"]["slope"] if p["trend"] else None
                lines.append(f"{p['a']} {p['b']} trend {_opt(trend)}")
            return "rows", lines
        if q.get("analysis") == "coalitions":
            if "max_distance" in q:
                args["max_distance"] = q["max_distance"]
            found = interface.coalitions(args.pop("dispute"), **args)
            return "rows", [f"{','.join(r['members'])} {float(r['cohesion']):.6f}" for r in found]
        if q.get("analysis") == "shifts":
            found = interface.shifts(args.pop("dispute"), **args)
            return "rows", sorted(
                f"{r['actor']} {r['issue']} {r['date']} {float(r['delta']):.6f}" for r in found
            )
        if "analysis" in q:
            dispute = args.pop("dispute")
            found = interface.stance_matrix(dispute, **args)
            return "rows", sorted(f"{r['actor']} {r['issue']} {float(r['position'])}" for r in found)
        if "range" in q:
            args["range"] = tuple(q["range"])
        if "forecast" in q and "draws" in q:
            dispute = args.pop("dispute")
            noise = {k: q[k] for k in NOISE if k in q}
            run = interface.forecast(
                dispute, model=q["forecast"], draws=q["draws"], seed=q.get("seed", 0),
                **noise, **args,
            )
            # A width asked as None is the engine's default, which both report.
            defaults = polemos._native.monte_carlo_defaults()
            assert all(
                run["params"][k] == (defaults[k] if v is None else v) for k, v in noise.items()
            ), run["params"]
            return "outcome", [
                pair
                for d in run["distributions"]
                for pair in ((f"{d['dimension']} mean", d["mean"]),
                             (f"{d['dimension']} std_dev", d["std_dev"]),
                             *([(f"{d['dimension']} in range", d["probability_in_range"])]
                               if "probability_in_range" in d else []))
            ]
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
    if kind == "text":
        if "starts_with" in q:
            assert answer.startswith(q["starts_with"]), answer[:40]
        if "count" in q:  # a report: the consolidated current stances it holds
            assert len(json.loads(answer)["stances"]) == q["count"]
    elif "count" in q:
        assert len(answer) == q["count"], answer
    if "written_at" in q:
        assert answer[1] == str(q["written_at"]), answer
    if "peace_treaty" in q:
        assert dict(answer)["peace-treaty"] == pytest.approx(q["peace_treaty"], abs=1e-9)
    if "spread" in q:
        spreads = [v for what, v in answer if what.endswith(" std_dev")]
        assert spreads and all(v == pytest.approx(q["spread"], abs=1e-12) for v in spreads)
    if "in_range" in q:
        assert dict(answer)["peace-treaty in range"] == pytest.approx(q["in_range"], abs=1e-12)


def _extract_answer(interface: Any, q: dict[str, Any]) -> tuple[str, Any]:
    """The document's name and how many stances and asserted events were read, or the error
    kind: the Engine's full extraction and the Client's records (the server's ``Extract``)."""
    try:
        x = interface.extract(q["text"], published=q["published"])
    except polemos.PolemosError as e:
        return "error", getattr(e, "kind", type(e).__name__)
    if isinstance(x, polemos.Extraction):
        events = [e for e in x.events if not e.get("negated")]
        return "facts", (x.document["name"], len(x.stances), len(events))
    return "facts", (x.document["name"], len(x.stances), len(x.events))


@pytest.mark.parametrize("q", TABLE["extract"], ids=[q["id"] for q in TABLE["extract"]])
def test_engine_and_client_extract_alike(
    interfaces: tuple[polemos.Engine, Any], q: dict[str, Any]
) -> None:
    """The table's `extract` (crates/polemos-cli/tests/parity_writes/extract.rs asks it through
    the Rust engine, the CLI and gRPC): one engine operation behind both, nothing stored."""
    engine, client = interfaces
    by_engine = _extract_answer(engine, q)
    assert _extract_answer(client, q) == by_engine
    if "error" in q:
        assert by_engine == ("error", q["error"])
    else:
        assert by_engine[1][1:] == (q["stances"], q["events"]), by_engine


@pytest.mark.parametrize(
    ("argument", "value"),
    [("seed", -1), ("seed", 2**64), ("seed", 1.5), ("draws", -1), ("draws", 2**40),
     ("draws", True), ("position_noise", float("nan")), ("capability_noise", 1.5)],
)
def test_monte_carlo_arguments_out_of_range_are_validation_errors_alike(
    interfaces: tuple[polemos.Engine, Any], argument: str, value: Any
) -> None:
    """What Python can pass and the engine's types cannot hold (a negative or huge seed) is the
    same ValidationError from the Engine and the Client, naming the argument, never a bare
    OverflowError or protobuf's ValueError."""
    asked = {"draws": 8, "seed": 0, argument: value}
    for interface in interfaces:
        with pytest.raises(polemos.ValidationError, match=argument) as caught:
            interface.forecast("kuril-islands", **asked)
        assert caught.value.kind == "invalid_argument"


def test_a_noise_width_out_of_range_is_refused_alike_without_draws(
    interfaces: tuple[polemos.Engine, Any],
) -> None:
    """A width given without draws is checked, not silently unused, by the Engine and the
    server alike."""
    for interface in interfaces:
        with pytest.raises(polemos.ValidationError, match="capability_noise") as caught:
            interface.forecast("kuril-islands", draws=0, capability_noise=1.5)
        assert caught.value.kind == "invalid_argument"


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
        ("report", "format", "report_format"),
    ]:
        default = inspect.signature(getattr(cls, method)).parameters[parameter].default
        assert default == defaults[key], f"{cls.__name__}.{method}({parameter}=...)"


@pytest.mark.parametrize("cls", [polemos.Engine, Client], ids=["Engine", "Client"])
def test_monte_carlo_defaults_are_the_engines(cls: type) -> None:
    """The noise widths in the signatures (for help()) are the engine's table's."""
    defaults = polemos._native.monte_carlo_defaults()
    parameters = inspect.signature(cls.forecast).parameters
    for name in ("seed", *NOISE):
        assert parameters[name].default == defaults[name], f"{cls.__name__}.forecast({name}=...)"


# ---------------------------------------------------------------- writes: ingest and curation
#
# Each question of the table's `ingest` and `curation` runs on a fresh store per interface (a
# write changes the store): an Engine on one SQLite file, a Client of `polemos serve` on another.
# crates/polemos-cli/tests/parity_writes asks the same questions through the Rust engine, the
# CLI and gRPC.


def _serve_fresh(tmp: Path, seeds: list[str]) -> tuple[polemos.Engine, Any, subprocess.Popen[bytes], Path]:
    binary = _polemos_binary()
    for name in ("engine.db", "served.db"):
        engine = polemos.Engine(tmp / name)
        for seed in seeds:
            engine.import_dossier((ROOT / seed).read_text(encoding="utf-8"))
    keys = str(tmp / "keys.json")
    writer = subprocess.run(
        [binary, "keys", "--keys-file", keys, "create", "--role", "writer"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    proc, address = _serve(
        [binary, "--db", str(tmp / "served.db"), "serve", "--keys-file", keys,
         "--metrics-listen", "off"],
        tmp / "server.log",
    )
    return polemos.Engine(tmp / "engine.db"), Client(address, api_key=writer), proc, tmp


def _ingest_answer(interface: Any, q: dict[str, Any]) -> list[str]:
    out = []
    for r in interface.ingest(q["texts"], published=q["published"]):
        if r.status == "stored":
            out.append(f"stored {r.document} {r.stances} stances {r.events} events")
        elif r.status == "already stored":
            out.append(f"already stored {r.document}")
        else:
            out.append(f"failed {r.kind}")
    return out


def _curation_answer(interface: Any, q: dict[str, Any]) -> tuple[str, Any]:
    try:
        if q["curate"] == "accept":
            done = interface.accept_dispute(q["dispute"])
        elif q["curate"] == "rename":
            done = interface.rename_dispute(q["dispute"], q.get("new_name"), title=q.get("title"))
        else:
            done = interface.merge_dispute(q["dispute"], q["into"])
    except polemos.PolemosError as e:
        return "error", getattr(e, "kind", type(e).__name__)
    lines = [
        f"dispute {done.dispute.name}",
        f"title {done.dispute.title}",
        f"proposed {str(done.dispute.proposed).lower()}",
        *(f"issue {i}" for i in done.issues),
        f"moved {done.stances} stances {done.events} events",
    ]
    lines += [f"stored {d.name}" for d in interface.disputes()]
    lines += [f"stored {i.name}" for i in interface.issues()]
    return "ok", lines


@pytest.mark.parametrize("q", TABLE["ingest"], ids=[q["id"] for q in TABLE["ingest"]])
def test_engine_and_client_ingest_alike(q: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine, client, proc, _ = _serve_fresh(Path(tmp), [])
        try:
            by_engine = _ingest_answer(engine, q)
            with client:
                assert _ingest_answer(client, q) == by_engine
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    statuses = [next(s for s in ("already stored", "stored", "failed") if a.startswith(s))
                for a in by_engine]
    assert statuses == q["status"]
    for answer, kind in zip(by_engine, q.get("errors", [])):
        if kind:
            assert answer == f"failed {kind}"


@pytest.mark.parametrize("q", TABLE["curation"], ids=[q["id"] for q in TABLE["curation"]])
def test_engine_and_client_curate_alike(q: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine, client, proc, _ = _serve_fresh(Path(tmp), TABLE["curation_seed"])
        try:
            by_engine = _curation_answer(engine, q)
            with client:
                assert _curation_answer(client, q) == by_engine
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    if "error" in q:
        assert by_engine == ("error", q["error"])
    else:
        kind, lines = by_engine
        assert kind == "ok", lines
        assert sum(1 for line in lines if line.startswith("issue ")) == q["issues"]


def test_a_single_text_that_fails_raises_alike() -> None:
    """Of many texts a bad one is reported `failed`; a single text that fails raises, with the
    same kind from the Engine and the Client."""
    with tempfile.TemporaryDirectory() as tmp:
        engine, client, proc, _ = _serve_fresh(Path(tmp), [])
        try:
            kinds = []
            with client:
                for interface in (engine, client):
                    with pytest.raises(polemos.ValidationError) as raised:
                        interface.ingest("   ", published="2019-01-22")
                    kinds.append(getattr(raised.value, "kind", None))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    assert kinds == ["invalid_argument", "invalid_argument"]


# ---------------------------------------------------------------- writes: create, update, delete
#
# The table's `edits` through Engine.create/update/delete and the Client's, which the server's
# engine answers (crates/polemos-cli/tests/parity_writes/edits.rs asks them through the Rust
# engine and gRPC). The answer is the error kind or the record as stored afterwards.


def _edit_answer(interface: Any, q: dict[str, Any]) -> tuple[str, Any]:
    etag = f"r{q['etag']}" if "etag" in q else ""
    try:
        if q["op"] == "create":
            interface.create({"name": q["name"], **q["changes"]})
        elif q["op"] == "update":
            interface.update(q["name"], q["changes"], mask=q.get("mask"), etag=etag)
        else:
            interface.delete(q["name"], etag=etag)
    except polemos.PolemosError as e:
        return "error", getattr(e, "kind", type(e).__name__)
    try:
        return "ok", interface.get(q["name"]).to_dict()
    except polemos.NotFoundError:
        return "ok", None


@pytest.mark.parametrize("q", TABLE["edits"], ids=[q["id"] for q in TABLE["edits"]])
def test_engine_and_client_edit_alike(q: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine, client, proc, _ = _serve_fresh(Path(tmp), TABLE["seed"])
        try:
            before = engine.get(q["name"]).to_dict() if q["op"] != "create" and "error" not in q else None
            by_engine = _edit_answer(engine, q)
            with client:
                assert _edit_answer(client, q) == by_engine
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    if "error" in q:
        assert by_engine == ("error", q["error"])
        return
    kind, after = by_engine
    assert kind == "ok", after
    if q["op"] == "delete":
        assert after is None
        return
    for field, value in q.get("expect", {}).items():
        assert after.get(field) == value, field
    for field in q.get("keeps", []):
        assert before is not None and after.get(field) == before.get(field), field
    for field in q.get("cleared", []):
        assert field not in after, field
