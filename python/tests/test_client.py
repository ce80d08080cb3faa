"""`polemos.client.Client` against a live `polemos serve` started by the `server` fixture: the same
flow as the Engine tests (import, list with filters, extract, ingest, watch), auth and bad input,
and one function that runs unchanged on an Engine and on a Client."""

from __future__ import annotations

import copy
import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import polemos

try:
    from polemos.client import AuthError, Client
except polemos.MissingExtraError:  # scripts/test-python.sh installs the grpc extra
    pytest.skip("the grpc extra is not installed", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[2]
KURIL_DOSSIER = ROOT / "examples" / "dossiers" / "kuril-islands.json"
ARTICLE = (ROOT / "tests" / "fixtures" / "kuril-2018.txt").read_text(encoding="utf-8")
PEACE_TREATY = "disputes/kuril-islands/issues/peace-treaty"


def _polemos_binary() -> Path:
    """`$POLEMOS_BIN`, else the debug binary cargo builds (as scripts/polemos-bin.sh)."""
    if os.environ.get("POLEMOS_BIN"):
        return Path(os.environ["POLEMOS_BIN"])
    subprocess.run(
        ["cargo", "build", "--locked", "-q", "-p", "polemos-cli"], cwd=ROOT, check=True
    )
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "debug" / "polemos"


def _free_port() -> int:
    """A loopback port nothing listens on right now (for a client that must find no server; a
    server is started with :func:`_serve`, which cannot lose its port to another process)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(args: list[str], log_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Starts ``polemos ... serve`` (``args``, without ``--listen``) on ``127.0.0.1:0`` with its
    log in ``log_path``, and returns the process and the address it bound, read from the line
    it logs once it listens (``polemos gRPC serving addr=...``)."""
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [*args, "--listen", "127.0.0.1:0"], stdout=log, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 30
    while True:
        for line in log_path.read_text(errors="replace").splitlines():
            if "polemos gRPC serving" in line:
                words = (w for w in line.split() if w.startswith("addr="))
                address = next(words, "")
                if address:
                    return proc, address.removeprefix("addr=")
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"polemos serve did not start:\n{log_path.read_text()}")
        time.sleep(0.05)


class Server:
    def __init__(self, address: str, admin: str, reader: str) -> None:
        self.address, self.admin, self.reader = address, admin, reader


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """`polemos serve` on a free loopback port over a temporary SQLite file, with an admin and a
    reader key; stopped (SIGTERM) after the module."""
    binary = _polemos_binary()
    with tempfile.TemporaryDirectory() as tmp:
        keys = str(Path(tmp) / "keys.json")

        def key(role: str) -> str:
            out = subprocess.run(
                [binary, "keys", "--keys-file", keys, "create", "--role", role],
                check=True, capture_output=True, text=True,
            )
            return out.stdout.strip()

        admin, reader = key("admin"), key("reader")
        proc, address = _serve(
            [binary, "--db", str(Path(tmp) / "polemos.db"), "serve", "--keys-file", keys,
             "--metrics-listen", "off", "--poll-interval-ms", "100"],
            Path(tmp) / "server.log",
        )
        try:
            yield Server(address, admin, reader)
        finally:
            proc.terminate()
            proc.wait(timeout=10)


@pytest.fixture
def client(server: Server) -> Iterator[Any]:
    with Client(server.address, api_key=server.admin) as c:
        yield c


@pytest.fixture
def loaded(client: Any) -> Any:
    client.import_dossier(KURIL_DOSSIER)
    return client


def test_import_is_complete_then_idempotent(client: Any, kuril: dict[str, Any]) -> None:
    first = client.import_dossier(KURIL_DOSSIER)
    total = sum(len(kuril[k]) for k in ("actors", "disputes", "issues", "stances", "events", "documents"))
    assert total == 22  # 8 actors, 1 dispute, 3 issues, 6 stances, 3 events, 1 document
    # Another test of this module may have imported it first.
    assert first.created + first.unchanged == total and first.updated == 0
    again = client.import_dossier(str(KURIL_DOSSIER))
    assert (again.created, again.updated, again.unchanged) == (0, 0, total)
    assert again.revision >= 1


def test_a_bad_dossier_leaves_the_server_unchanged(client: Any, kuril: dict[str, Any]) -> None:
    """One bad record fails the whole import: the valid records before it are not written."""
    # validate_only reports the store's current revision and writes nothing.
    before = client.import_dossier(KURIL_DOSSIER, validate_only=True).revision
    tag = os.urandom(4).hex()
    bad = copy.deepcopy(kuril)
    bad["actors"].append({"name": f"actors/new-{tag}", "kind": "state", "display_name": "New"})
    bad["stances"][1]["actor"] = f"actors/missing-{tag}"
    with pytest.raises(polemos.ValidationError) as info:
        client.import_dossier(bad)
    assert info.value.field == "stances[1].actor"  # type: ignore[attr-defined]
    # The ErrorInfo detail, decoded by grpcio-status beside the BadRequest.
    assert info.value.reason == "VALIDATION_FAILED"  # type: ignore[attr-defined]
    with pytest.raises(polemos.NotFoundError):
        client.get(f"actors/new-{tag}")
    assert client.import_dossier(KURIL_DOSSIER, validate_only=True).revision == before


def test_reads_match_the_engine(loaded: Any, engine: polemos.Engine) -> None:
    """Every record read through the service equals the one the Engine reads from the dossier."""
    for method, kwargs in [
        ("actors", {}),
        ("disputes", {}),
        ("issues", {"dispute": "kuril-islands"}),
        ("stances", {"dispute": "kuril-islands"}),
        ("events", {"dispute": "kuril-islands"}),
    ]:
        remote = getattr(loaded, method)(**kwargs)
        local = getattr(engine, method)(**kwargs)
        assert isinstance(remote, polemos.ResourceList)
        assert sorted(map(_key, remote)) == sorted(map(_key, local)), method
    jpn = loaded.get("actors/JPN")
    assert isinstance(jpn, polemos.Actor)
    assert jpn.to_dict() == engine.get("actors/JPN").to_dict()
    assert jpn.display_name == "Japan" and jpn.revision is not None


def _key(r: polemos.Resource) -> str:
    import json

    return json.dumps(r.to_dict(), sort_keys=True)


def test_list_filters(loaded: Any, kuril: dict[str, Any]) -> None:
    jpn = loaded.stances(dispute="kuril-islands", actor="JPN")
    want = sorted(s["name"] for s in kuril["stances"] if s["actor"] == "actors/JPN")
    assert sorted(s.name for s in jpn) == want and want
    treaty = loaded.stances(issue=PEACE_TREATY)
    assert {(s.actor, s.label) for s in treaty} >= {("actors/RUS", "support")}
    assert all(s.issue == PEACE_TREATY for s in treaty)
    # A day before any stance of the dossier was in force.
    assert len(loaded.stances(dispute="kuril-islands", as_of="1900-01-01")) == 0
    df = loaded.stances(dispute="kuril-islands").to_pandas()
    assert set(df["actor"]) == {"actors/JPN", "actors/RUS"}


def test_extract_reference_article(client: Any) -> None:
    before = len(client.documents())
    x = client.extract(ARTICLE, published="2018-11-15", outlet="The Japan Times")
    assert x.document["content_hash"] == hashlib.sha256(ARTICLE.encode()).hexdigest()
    # Checked against the article by hand: Russia supports a peace treaty, Japan conditionally.
    labels = {(s.actor, s.issue): s.label for s in x.stances}
    assert labels[("actors/RUS", PEACE_TREATY)] == "support"
    assert labels[("actors/JPN", PEACE_TREATY)] == "conditional"
    assert any(e.event_type == "CONSULT" and e.targets == ["actors/sergei-lavrov"] for e in x.events)
    assert len(client.documents()) == before, "extract stores nothing"


def test_ingest_is_seen_by_a_watch(loaded: Any) -> None:
    start = loaded.import_dossier(KURIL_DOSSIER).revision
    tag = os.urandom(6).hex()
    one, two = f"Python client article one {tag}.", f"Python client article two {tag}."
    results = loaded.ingest([one, one, two], published="2018-11-15")
    assert [r.status for r in results] == ["stored", "already stored", "stored"]
    assert results[1].document == results[0].document != results[2].document
    single = loaded.ingest(two, published="2018-11-15")
    assert isinstance(single, polemos.IngestResult) and single.status == "already stored"

    seen = [
        c["name"] for c in loaded.watch(after=start, timeout=5)
        if c["kind"] == "document" and c["name"] in (results[0].document, results[2].document)
    ]
    assert seen == [results[0].document, results[2].document]
    feed = loaded.changes(after=start)
    doc = next(c for c in feed if c["name"] == results[0].document)
    assert doc["record"]["text"] == one and doc["revision"] > start
    assert {"revision", "committed_at", "kind", "name", "record"} == set(doc)


def test_changes_reads_up_to_the_head_without_waiting(loaded: Any) -> None:
    # The stream, cut off by its timeout, and the unary read give the same changes in order.
    streamed = [c for c in loaded.watch(after=0, timeout=5)]
    for c in streamed:
        c.pop("token")
    listed = loaded.changes(after=0, limit=len(streamed) + 10)
    assert len(listed) >= len(streamed) > 3
    assert listed[: len(streamed)] == streamed
    assert loaded.changes(after=0, limit=3) == listed[:3]
    assert loaded.changes(after=0, limit=0) == []
    with pytest.warns(DeprecationWarning, match="wait"):
        assert loaded.changes(after=0, limit=2, wait=0.1) == listed[:2]


def test_auth_failures(server: Server) -> None:
    for key in (None, "pk_wrong"):
        with Client(server.address, api_key=key) as c, pytest.raises(AuthError):
            c.actors()
    with Client(server.address, api_key=server.reader) as reader:
        reader.actors()  # readers read
        with pytest.raises(AuthError) as e:
            reader.create({"actor": {"name": "actors/RDR", "kind": "state", "display_name": "x"}})
        assert isinstance(e.value, polemos.PolemosError)


def test_bad_input_maps_to_the_engines_errors(loaded: Any) -> None:
    with pytest.raises(polemos.NotFoundError):
        loaded.get("actors/NOWHERE")
    # Rejected by the server, which names the field in its BadRequest details.
    with pytest.raises(polemos.ValidationError) as e:
        loaded.create({"actor": {"name": "actors/ENUM", "kind": 99, "display_name": "x"}})
    assert e.value.field == "actor.kind"
    # Rejected by the client before sending: not a value of the enum.
    with pytest.raises(polemos.ValidationError, match="actor.kind") as e:
        loaded.create({"actor": {"name": "actors/ENUM", "kind": "spaceship"}})
    assert e.value.field == "actor.kind" and "spaceship" in e.value.violations[0][1]
    with pytest.raises(polemos.ValidationError) as e:  # past the head, as the Engine says
        loaded.stances(revision=10**9)
    assert e.value.field == "revision" and e.value.kind == "invalid_argument"
    with pytest.raises(polemos.ConflictError):
        loaded.create(loaded.get("actors/JPN"))
    with pytest.raises(polemos.ConflictError):  # ABORTED: stale etag
        loaded.delete("actors/nhk", etag="r1")
    loaded.actors()  # the server is still there


def stance_summary(db: Any) -> tuple[list[tuple[str, str, str]], dict[str, float]]:
    """Code written for an Engine; runs unchanged on a Client."""
    db.import_dossier(KURIL_DOSSIER)
    stances = sorted(
        (s.actor, s.issue.rsplit("/", 1)[-1], s.label) for s in db.stances(dispute="kuril-islands")
    )
    return stances, db.get("disputes/kuril-islands").capabilities


def test_same_function_on_engine_and_client(client: Any) -> None:
    local = stance_summary(polemos.Engine())
    assert stance_summary(client) == local
    # From the dossier by hand: the parties' capabilities and Russia's treaty stance.
    assert local[1] == {"actors/JPN": 0.45, "actors/RUS": 0.55}
    assert ("actors/RUS", "peace-treaty", "support") in local[0]


def test_report_from_the_server(loaded: Any, engine: polemos.Engine) -> None:
    md = loaded.report("kuril-islands", format="markdown")
    assert "Kuril Islands" in md and "Japan" in md
    with pytest.raises(polemos.NotFoundError):
        loaded.report("no-such-dispute")


def test_forecast_on_the_server(loaded: Any) -> None:
    fc = loaded.forecast("kuril-islands", model="median")
    assert isinstance(fc, polemos.forecast.Forecast) and fc.model == "median"
    assert set(fc.actors) == {"actors/JPN", "actors/RUS"}  # the dispute's parties
    progress: list[tuple[int, int]] = []
    mc = loaded.forecast(
        "kuril-islands", model="compromise", draws=40, seed=7,
        on_progress=lambda done, total: progress.append((done, total)),
    )
    assert isinstance(mc["baseline"], polemos.forecast.Forecast)
    # The server may skip progress messages when the stream is busy, never reorder them.
    assert progress and all(total == 40 for _, total in progress)
    assert [d for d, _ in progress] == sorted({d for d, _ in progress})
    with pytest.raises(polemos.ValidationError):
        loaded.forecast("kuril-islands", model="oracle")  # type: ignore[arg-type]


def test_import_without_grpcio_names_the_extra() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'grpc' or name.startswith('grpc.'): raise ImportError('blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import polemos\n"
        "try:\n"
        "    import polemos.client\n"
        "except polemos.MissingExtraError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'polemos[grpc]'" in out.stdout, out.stderr


# ---------------------------------------------------------------- typed analyses

AS_OF = "2018-10-01"  # after the reference article (2018-09-19) made every stance known
ISSUES = "disputes/kuril-islands/issues/"
#: Japan–Russia distance by hand: per issue the mean salience times |Δposition|/100, over the
#: sum of those weights: treaty 0.75·0.25, sovereignty 0.6·0.9, joint activities 0.5·0.
JPN_RUS_DISTANCE = (0.75 * 0.25 + 0.6 * 0.9) / (0.75 + 0.6 + 0.5)


@pytest.mark.parametrize(
    ("method", "kwargs"),
    [
        ("stance_matrix", {}),
        ("stance_matrix", {"conflict_gap": 0.0, "half_life_days": 30.0}),
        ("deadlocks", {}),
        ("agreement", {}),
        ("coalitions", {}),
        ("coalitions", {"max_distance": 0.4}),
        ("shifts", {"threshold": 0.0}),
        ("series", {}),
        ("series", {"granularity": "week", "roll_up": False}),
    ],
)
def test_analyses_match_the_engine(
    loaded: Any, engine: polemos.Engine, method: str, kwargs: dict[str, Any]
) -> None:
    """The typed analyses of the service give the Engine's records, field for field."""
    remote = getattr(loaded, method)("kuril-islands", as_of=AS_OF, **kwargs)
    local = getattr(engine, method)("kuril-islands", as_of=AS_OF, **kwargs)
    assert remote == local
    assert type(remote) is type(local)
    if method == "stance_matrix":
        assert remote.raw == local.raw


def test_analyses_on_the_server_by_hand(loaded: Any) -> None:
    matrix = loaded.stance_matrix("kuril-islands", as_of=AS_OF)
    rows = {(r["actor"], r["issue"].rsplit("/", 1)[-1]): r for r in matrix}
    assert len(rows) == 6  # two parties × three issues, one record each
    jpn = rows[("actors/JPN", "peace-treaty")]
    assert (jpn["position"], jpn["label"], jpn["conditions"]) == (75.0, "conditional", "sovereignty resolved")
    assert jpn["confidence"] == pytest.approx(0.85)  # one record, one source
    quote = matrix.raw[[r["issue"] for r in matrix].index(ISSUES + "peace-treaty")]["evidence"][0]["quote"]
    assert quote.startswith("Tokyo, meanwhile")
    only = loaded.stance_matrix("kuril-islands", as_of=AS_OF, actor="RUS", issue=ISSUES + "sovereignty")
    assert [(r["position"], r["label"]) for r in only] == [(10.0, "conditional")]

    (lock,) = loaded.deadlocks("kuril-islands", as_of=AS_OF)
    assert lock["kind"] == "between_actors" and lock["parties"] == ["actors/JPN", "actors/RUS"]
    texts = {e["actor"]: e["condition_text"] for e in lock["edges"]}
    assert "only after the long territorial dispute" in texts["actors/JPN"]
    assert "before any territorial settlement" in texts["actors/RUS"]
    assert loaded.deadlocks("kuril-islands", as_of="2018-09-18") == []

    agreement = loaded.agreement("kuril-islands", as_of=AS_OF)
    m = agreement["agreement"]
    assert m["actors"] == ["actors/JPN", "actors/RUS"]
    assert m["agreement"][0][1] == m["agreement"][1][0] == pytest.approx(1 - JPN_RUS_DISTANCE)
    assert agreement["polarization"]["index"] == pytest.approx(JPN_RUS_DISTANCE)

    assert [c["members"] for c in loaded.coalitions("kuril-islands", as_of=AS_OF)] == [
        ["actors/JPN"], ["actors/RUS"]
    ]
    (both,) = loaded.coalitions("kuril-islands", as_of=AS_OF, max_distance=0.4)
    assert both["cohesion"] == pytest.approx(1 - JPN_RUS_DISTANCE)

    # Consultations in 2018 (+1, counted in January) and Putin's proposal in September (+4).
    (series,) = loaded.series("kuril-islands", as_of=AS_OF)
    assert (series["a"], series["b"]) == ("actors/JPN", "actors/RUS")
    assert [b["mean_intensity"] for b in series["buckets"]] == [1.0] + [None] * 7 + [4.0]
    assert series["trend"]["slope"] == pytest.approx(3 / 8)
    assert loaded.series("kuril-islands", as_of=AS_OF, since="2018-09-01", granularity="week")[0][
        "buckets"
    ][0]["start"] == "2018-09-10"
    assert loaded.shifts("kuril-islands", as_of=AS_OF) == []  # one record per pair: no change


def test_analyses_errors_and_roles(server: Server, loaded: Any) -> None:
    with pytest.raises(polemos.NotFoundError):
        loaded.deadlocks("atlantis")
    with pytest.raises(polemos.ValidationError) as e:
        loaded.stance_matrix("kuril-islands", as_of="2018-13-01")
    assert e.value.field == "as_of"
    with pytest.raises(polemos.ValidationError) as e:
        loaded.stance_matrix("kuril-islands", half_life_days=0)
    assert e.value.field == "consolidation.half_life_days"
    with pytest.raises(polemos.ValidationError) as e:
        loaded.shifts("kuril-islands", since="2018-12-01", as_of="2018-11-01")
    assert e.value.field == "since"
    with pytest.raises(polemos.ValidationError) as e:
        loaded.series("kuril-islands", granularity="year")  # type: ignore[arg-type]
    assert e.value.field == "granularity"
    with pytest.raises(polemos.ValidationError) as e:  # the server's `until` is `as_of` here
        loaded.series("kuril-islands", as_of="2018-10-32")
    assert e.value.field == "as_of"
    with Client(server.address, api_key=server.reader) as reader:
        assert len(reader.deadlocks("kuril-islands", as_of=AS_OF)) == 1
    with Client(server.address) as anonymous, pytest.raises(AuthError):
        anonymous.coalitions("kuril-islands")


def test_a_refused_connection_is_unavailable_not_storage() -> None:
    """Nothing listens on the port: after the service config's retries the call fails with
    UnavailableError, a ConnectionError, not a StorageError."""
    from polemos.client import SERVICE_CONFIG

    policy = SERVICE_CONFIG["methodConfig"][0]["retryPolicy"]
    assert policy["retryableStatusCodes"] == ["UNAVAILABLE"] and policy["maxAttempts"] > 1
    address = f"127.0.0.1:{_free_port()}"
    with Client(address, api_key="pk_any", timeout=10) as c:
        with pytest.raises(polemos.UnavailableError) as e:
            c.actors()
    assert isinstance(e.value, ConnectionError)
    assert not isinstance(e.value, polemos.StorageError)
    assert address in str(e.value)


def test_auth_error_is_a_permission_error(server: Server) -> None:
    with Client(server.address, api_key="pk_wrong") as c, pytest.raises(PermissionError):
        c.actors()
