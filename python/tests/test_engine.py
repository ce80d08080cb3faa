"""The in-process engine: importing, querying, exporting, persistence."""

from __future__ import annotations

import datetime as dt
import json
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import polemos
from conftest import KURIL_DOSSIER


def test_import_counts_every_entity_once_and_is_idempotent(kuril: dict[str, Any]) -> None:
    engine = polemos.Engine()
    total = sum(len(v) for v in kuril.values() if isinstance(v, list))
    first = engine.import_dossier(KURIL_DOSSIER)
    assert (first.created, first.updated, first.unchanged) == (total, 0, 0)
    assert first.revision == 1 == engine.revision
    again = engine.import_dossier(str(KURIL_DOSSIER))
    assert (again.created, again.unchanged, again.changed) == (0, total, 0)
    assert again.revision == 1


def test_import_accepts_text_dicts_and_resources(kuril: dict[str, Any]) -> None:
    from_text = polemos.Engine()
    from_text.import_dossier(KURIL_DOSSIER.read_text(encoding="utf-8"))
    from_dict = polemos.Engine()
    from_dict.import_dossier(kuril)
    assert from_text.export() == from_dict.export()
    # Resources read from one engine write into another unchanged (all kinds, in any order).
    copy = polemos.Engine()
    resources = [*from_dict.actors(), *from_dict.disputes(), *from_dict.issues(),
                 *from_dict.documents(), *from_dict.stances(), *from_dict.events()]
    result = copy.put(*resources)
    assert result.created == len(resources)
    assert copy.export() == from_dict.export()


def test_stances_filter_by_actor_issue_and_date(engine: polemos.Engine, kuril: dict[str, Any]) -> None:
    expected_jpn = sorted(s["name"] for s in kuril["stances"] if s["actor"] == "actors/JPN")
    jpn = engine.stances(dispute="kuril-islands", actor="JPN")
    assert sorted(s.name for s in jpn) == expected_jpn
    assert all(isinstance(s, polemos.Stance) for s in jpn)

    issue = "disputes/kuril-islands/issues/peace-treaty"
    on_issue = engine.stances(issue=issue)
    assert {s.issue for s in on_issue} == {issue}
    assert len(on_issue) == sum(1 for s in kuril["stances"] if s["issue"] == issue)
    # Short form "ISSUE" within a dispute names the same issue.
    assert [s.name for s in engine.stances(dispute="kuril-islands", issue="peace-treaty")] == [
        s.name for s in on_issue
    ]

    day = dt.date(2018, 9, 15)
    in_force = engine.stances(as_of=day)
    expected = {
        s["name"]
        for s in kuril["stances"]
        if s["valid_from"] <= day.isoformat()
        and (s.get("valid_to") is None or day.isoformat() < s["valid_to"])
    }
    assert {s.name for s in in_force} == expected
    # Strings, dates and datetimes are the same day.
    assert [s.name for s in engine.stances(as_of="2018-09-15")] == [s.name for s in in_force]
    assert [s.name for s in engine.stances(as_of=dt.datetime(2018, 9, 15, 12))] == [
        s.name for s in in_force
    ]


def test_typed_fields(engine: polemos.Engine, kuril: dict[str, Any]) -> None:
    raw = kuril["stances"][0]
    stance = engine.get(raw["name"])
    assert isinstance(stance, polemos.Stance)
    assert stance.position == float(raw["position"])
    assert stance.valid_from == dt.date.fromisoformat(raw["valid_from"])
    assert stance.valid_to is None
    assert stance.revision == 1
    assert stance.to_dict() == raw

    event = engine.get(kuril["events"][0]["name"])
    assert isinstance(event, polemos.Event)
    assert event.event_type == "AGREE" and event.quad_class == "verbal_cooperation"
    assert event.date == dt.date(2018, 9, 12)

    dispute = engine.disputes()[0]
    assert dispute.capabilities == {"actors/JPN": 0.45, "actors/RUS": 0.55}
    assert dispute.status == "active"
    issue = engine.get("disputes/kuril-islands/issues/peace-treaty")
    assert isinstance(issue, polemos.Issue) and issue.dispute == "disputes/kuril-islands"


def test_export_round_trips_through_a_new_engine(engine: polemos.Engine, tmp_path: Path) -> None:
    for fmt in ("json", "jsonl"):
        path = tmp_path / f"out.{fmt}"
        text = engine.export(path, format=fmt)  # type: ignore[arg-type]
        assert path.read_text(encoding="utf-8") == text
        other = polemos.Engine()
        other.import_dossier(path)
        assert other.export() == engine.export()
    only = json.loads(engine.export(dispute="kuril-islands"))
    assert [d["name"] for d in only["disputes"]] == ["disputes/kuril-islands"]


def test_history_revisions_and_change_feed(engine: polemos.Engine, kuril: dict[str, Any]) -> None:
    stance = engine.get("stances/jpn-peace-treaty-2018")
    changed = dict(stance.to_dict(), position=60)
    result = engine.put({"stance": changed})
    assert (result.updated, result.revision) == (1, 2)
    assert engine.get(stance.name).position == 60.0
    assert engine.get(stance.name, revision=1).position == stance.position
    assert [s.position for s in engine.stances(actor="JPN", revision=1) if s.name == stance.name] == [
        stance.position
    ]
    feed = engine.changes(after=1)
    assert [(c["revision"], c["kind"], c["name"]) for c in feed] == [(2, "stance", stance.name)]
    assert feed[0]["record"]["position"] == 60


def test_sqlite_file_persists_between_engines(tmp_path: Path) -> None:
    db = tmp_path / "polemos.db"
    first = polemos.Engine(db)
    first.import_dossier(KURIL_DOSSIER)
    assert first.location == str(db)
    del first
    second = polemos.Engine(str(db))
    assert second.revision == 1
    assert len(second.stances()) == 6


def test_threads_share_one_engine(engine: polemos.Engine) -> None:
    expected = engine.export()
    results: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(20):
                results.append(engine.export())
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 80 and all(r == expected for r in results)


def test_content_hash_is_sha256() -> None:
    assert polemos.content_hash("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


def _open_files(path: Any) -> int:
    """How many of this process's file descriptors point at ``path`` (Linux /proc)."""
    import os

    target = os.path.realpath(path)
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.path.realpath(f"/proc/self/fd/{fd}") == target:
                count += 1
        except OSError:
            continue
    return count


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_close_releases_the_store_file(tmp_path: Any) -> None:
    path = tmp_path / "polemos.db"
    with polemos.Engine(path) as engine:
        engine.import_dossier(KURIL_DOSSIER)
        assert _open_files(path) >= 1
    assert engine.closed and _open_files(path) == 0
    with pytest.raises(polemos.PolemosError, match="closed"):
        engine.stances()
    assert "closed" in repr(engine)
    engine.close()  # twice is harmless
    # What was written is there for the next engine.
    with polemos.Engine(path) as again:
        assert len(again.stances()) == 6
