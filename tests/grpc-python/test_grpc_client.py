"""A real Python gRPC client (grpcio, stubs generated from proto/ by scripts/test-grpc-python.sh)
against a running `polemos serve`. The script passes the address and keys in the environment."""

import hashlib
import os
import pathlib
import threading
import uuid

import grpc
import pytest
from google.protobuf import field_mask_pb2

from polemos.v1 import (
    change_service_pb2,
    change_service_pb2_grpc,
    dossier_service_pb2,
    dossier_service_pb2_grpc,
    extraction_service_pb2,
    extraction_service_pb2_grpc,
    resources_pb2,
)

ADDR = os.environ["POLEMOS_TEST_ADDR"]
ADMIN = os.environ["POLEMOS_TEST_ADMIN_KEY"]
READER = os.environ["POLEMOS_TEST_READER_KEY"]
ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTICLE = (ROOT / "tests/fixtures/kuril-2018.txt").read_text(encoding="utf-8")


def auth(key):
    return (("authorization", f"Bearer {key}"),)


@pytest.fixture(scope="module")
def channel():
    with grpc.insecure_channel(ADDR) as ch:
        grpc.channel_ready_future(ch).result(timeout=10)
        yield ch


def bad_request_field(err):
    """The first BadRequest field violation of an error, decoded from grpc-status-details-bin."""
    from google.rpc import error_details_pb2, status_pb2  # from googleapis-common-protos

    for key, value in err.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            status = status_pb2.Status.FromString(value)
            for detail in status.details:
                if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                    bad = error_details_pb2.BadRequest()
                    detail.Unpack(bad)
                    return bad.field_violations[0].field
    return None


def test_create_get_and_list_with_paging(channel):
    stub = dossier_service_pb2_grpc.DossierServiceStub(channel)
    prefix = "PY" + uuid.uuid4().hex[:6].upper()
    for i in range(5):
        actor = resources_pb2.Actor(kind=resources_pb2.ACTOR_KIND_STATE, display_name=f"Py {i}")
        made = stub.CreateActor(
            dossier_service_pb2.CreateActorRequest(actor=actor, actor_id=f"{prefix}{i}", request_id=str(uuid.uuid4())),
            metadata=auth(ADMIN),
        ).actor
        assert made.name == f"actors/{prefix}{i}"
        assert made.etag
    got = stub.GetActor(dossier_service_pb2.GetActorRequest(name=f"actors/{prefix}3"), metadata=auth(READER)).actor
    assert got.display_name == "Py 3"

    names, token = [], ""
    while True:
        page = stub.ListActors(
            dossier_service_pb2.ListActorsRequest(page_size=2, page_token=token), metadata=auth(READER)
        )
        assert len(page.actors) <= 2
        names += [a.name for a in page.actors]
        token = page.next_page_token
        if not token:
            break
    mine = [n for n in names if n.startswith(f"actors/{prefix}")]
    assert mine == [f"actors/{prefix}{i}" for i in range(5)]
    assert names == sorted(names) and len(names) == len(set(names))

    updated = stub.UpdateActor(
        dossier_service_pb2.UpdateActorRequest(
            actor=resources_pb2.Actor(name=f"actors/{prefix}0", display_name="Renamed"),
            update_mask=field_mask_pb2.FieldMask(paths=["display_name"]),
        ),
        metadata=auth(ADMIN),
    ).actor
    assert updated.display_name == "Renamed" and updated.kind == resources_pb2.ACTOR_KIND_STATE


def test_extract_reference_article(channel):
    stub = extraction_service_pb2_grpc.ExtractionServiceStub(channel)
    doc = resources_pb2.Document(text=ARTICLE, published="2018-11-15", outlet="The Japan Times")
    facts = stub.Extract(extraction_service_pb2.ExtractRequest(document=doc), metadata=auth(READER)).facts
    assert len(facts.documents) == 1
    assert facts.documents[0].content_hash == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert all(not d.etag for d in facts.documents), "extract stores nothing"


def test_streaming_ingest_is_seen_by_a_watch(channel):
    changes = change_service_pb2_grpc.ChangeServiceStub(channel)
    feed = changes.WatchChanges(change_service_pb2.WatchChangesRequest(), metadata=auth(READER))
    feed.initial_metadata()  # the server has fixed the stream's start once headers arrive
    seen = []
    done = threading.Event()

    def read():
        try:
            for change in feed:
                if change.kind == change_service_pb2.RESOURCE_KIND_DOCUMENT:
                    seen.append(change.name)
                    if len(seen) >= 2:
                        done.set()
                        return
        except grpc.RpcError:
            pass

    reader = threading.Thread(target=read, daemon=True)
    reader.start()

    ingest = extraction_service_pb2_grpc.ExtractionServiceStub(channel)
    tag = uuid.uuid4().hex
    texts = [f"Python article one {tag}.", f"Python article one {tag}.", f"Python article two {tag}."]
    requests = (extraction_service_pb2.IngestRequest(document=resources_pb2.Document(text=t)) for t in texts)
    results = list(ingest.Ingest(requests, metadata=auth(ADMIN)))
    assert [r.index for r in results] == [0, 1, 2]
    assert [r.outcome for r in results] == [
        extraction_service_pb2.INGEST_OUTCOME_CREATED,
        extraction_service_pb2.INGEST_OUTCOME_DUPLICATE,
        extraction_service_pb2.INGEST_OUTCOME_CREATED,
    ]
    assert results[1].document == results[0].document
    assert done.wait(10), f"watch saw {seen}"
    feed.cancel()
    assert seen == [results[0].document, results[2].document]


def test_auth_failures(channel):
    stub = dossier_service_pb2_grpc.DossierServiceStub(channel)
    with pytest.raises(grpc.RpcError) as e:
        stub.ListActors(dossier_service_pb2.ListActorsRequest())
    assert e.value.code() == grpc.StatusCode.UNAUTHENTICATED
    with pytest.raises(grpc.RpcError) as e:
        stub.ListActors(dossier_service_pb2.ListActorsRequest(), metadata=auth("pk_wrong"))
    assert e.value.code() == grpc.StatusCode.UNAUTHENTICATED
    with pytest.raises(grpc.RpcError) as e:
        actor = resources_pb2.Actor(kind=resources_pb2.ACTOR_KIND_STATE, display_name="x")
        stub.CreateActor(dossier_service_pb2.CreateActorRequest(actor=actor, actor_id="RDR"), metadata=auth(READER))
    assert e.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_bad_input(channel):
    stub = dossier_service_pb2_grpc.DossierServiceStub(channel)
    with pytest.raises(grpc.RpcError) as e:
        stub.ListStances(dossier_service_pb2.ListStancesRequest(page_size=-5), metadata=auth(READER))
    assert e.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert bad_request_field(e.value) == "page_size"
    with pytest.raises(grpc.RpcError) as e:
        stub.GetActor(dossier_service_pb2.GetActorRequest(name="actor/JPN"), metadata=auth(READER))
    assert e.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert bad_request_field(e.value) == "name"
    with pytest.raises(grpc.RpcError) as e:
        actor = resources_pb2.Actor(kind=99, display_name="x")  # a number no enum value has
        stub.CreateActor(dossier_service_pb2.CreateActorRequest(actor=actor, actor_id="ENUM"), metadata=auth(ADMIN))
    assert e.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert bad_request_field(e.value) == "actor.kind"
    with pytest.raises(grpc.RpcError) as e:
        stub.CreateActor(dossier_service_pb2.CreateActorRequest(), metadata=auth(ADMIN))
    assert bad_request_field(e.value) == "actor"
    # The server is still there.
    stub.ListActors(dossier_service_pb2.ListActorsRequest(page_size=1), metadata=auth(READER))
