"""Every `polemos … --json` output matches its documented JSON Schema in docs/schemas/.

The command line is run for real (the binary `$POLEMOS_BIN`, as the client tests use) on the
reference dossier and article; each command's output is validated against its schema, so a
change of shape fails here until the schema (the documentation) changes with it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "docs" / "schemas"
DOSSIER = ROOT / "examples" / "dossiers" / "kuril-islands.json"
ARTICLE = ROOT / "tests" / "fixtures" / "kuril-2018.txt"
SCENARIO = ROOT / "examples" / "scenarios" / "ec-emissions.csv"
LATER_STANCE = {
    "name": "stances/jpn-peace-treaty-later",
    "actor": "actors/JPN",
    "issue": "disputes/kuril-islands/issues/peace-treaty",
    "position": 20,
    "salience": 0.7,
    "confidence": 0.9,
    "label": "oppose",
    "valid_from": "2018-09-28",
}


def _binary() -> Path:
    if os.environ.get("POLEMOS_BIN"):
        return Path(os.environ["POLEMOS_BIN"])
    subprocess.run(
        ["cargo", "build", "--locked", "-q", "-p", "polemos-cli"], cwd=ROOT, check=True
    )
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "debug" / "polemos"


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Runs `polemos --json ARGS` on a store holding the reference dossier; returns stdout."""
    work = tmp_path_factory.mktemp("cli-json")
    binary = _binary()
    env = dict(os.environ)

    def run(*args: str, db: str = "polemos.db") -> str:
        done = subprocess.run(
            [str(binary), "--json", "--db", str(work / db), *args],
            cwd=work, env=env, capture_output=True, text=True, timeout=300,
        )
        assert done.returncode == 0, f"polemos {' '.join(args)} failed:\n{done.stderr}"
        return done.stdout

    run.work = work  # type: ignore[attr-defined]
    run("import", str(DOSSIER))
    # A second store with a later, opposite stance of Japan's: gives `analyze shifts` a shift
    # and `analyze stances` conflicting evidence, so their schemas are checked on more than
    # empty lists.
    later = work / "later.jsonl"
    later.write_text(json.dumps({"stance": LATER_STANCE}) + "\n", encoding="utf-8")
    run("import", str(DOSSIER), db="shifted.db")
    run("import", str(later), db="shifted.db")
    return run


def validate(schema_name: str, value: Any) -> None:
    schema = json.loads((SCHEMAS / f"{schema_name}.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        value
    )


def test_every_schema_is_a_valid_json_schema_with_a_title() -> None:
    names = sorted(p.stem for p in SCHEMAS.glob("*.json"))
    assert len(names) >= 19, names
    for name in names:
        schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["title"].startswith("polemos "), name


def test_import(cli: Any) -> None:
    validate("import", json.loads(cli("import", str(DOSSIER))))


@pytest.mark.parametrize("what", ["disputes", "actors", "issues", "stances", "events", "documents"])
def test_show(cli: Any, what: str) -> None:
    out = json.loads(cli("show", what))
    assert out, f"the reference dossier has {what}"
    validate(f"show-{what}", out)


@pytest.mark.parametrize(
    "what", ["stances", "shifts", "agreement", "coalitions", "deadlocks", "series"]
)
def test_analyze(cli: Any, what: str) -> None:
    db = "shifted.db" if what in ("stances", "shifts") else "polemos.db"
    out = json.loads(
        cli("analyze", what, "--dispute", "kuril-islands", "--as-of", "2018-10-01", db=db)
    )
    assert out, f"analyze {what} found something in the reference dossier"
    validate(f"analyze-{what}", out)


def test_report(cli: Any) -> None:
    validate("report", json.loads(cli("report", "kuril-islands", "--as-of", "2018-10-01")))


@pytest.mark.parametrize("model", ["bdm", "median"])
def test_forecast_of_a_stored_dispute(cli: Any, model: str) -> None:
    validate("forecast", json.loads(cli("forecast", "--dispute", "kuril-islands", "--model", model)))


def test_forecast_of_a_scenario_file(cli: Any) -> None:
    validate("forecast", json.loads(cli("forecast", str(SCENARIO), "--model", "smp")))


def _lines(out: str) -> list[Any]:
    """`extract --json` is JSON Lines, one object per file. (Before issue 21 lands, main printed a
    pretty array of the same objects for several files; both are read as a list of objects.)"""
    try:
        return [json.loads(line) for line in out.splitlines() if line.strip()]
    except json.JSONDecodeError:
        value = json.loads(out)
        assert isinstance(value, list), "several files give one object per file"
        return value


def test_extract_prints_one_object_per_file(cli: Any) -> None:
    missing = cli.work / "missing.txt"
    other = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))[0]
    done = subprocess.run(
        [str(_binary()), "--json", "extract", "--published", "2018-09-19", str(ARTICLE),
         str(other), str(missing)],
        capture_output=True, text=True, timeout=300,
    )
    records = _lines(done.stdout)
    files = [r["file"] for r in records]
    assert files[:2] == [str(ARTICLE), str(other)], files
    for record in records:
        validate("extract", record)
    assert any(r["extraction"]["stances"] for r in records if "extraction" in r)


def test_ingest_prints_one_object_per_file(cli: Any) -> None:
    """JSON Lines, one object per file in input order, as each is committed; a second copy of
    a text is `already stored`."""
    article = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))[0]
    out = cli("ingest", "--published", "2018-09-19", str(article), str(article), db="ingest.db")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["status"] for r in records] == ["stored", "already stored"]
    assert [r["file"] for r in records] == [str(article)] * 2
    for record in records:
        validate("ingest", record)


def test_ingest_failure_line_has_kind_and_error() -> None:
    """A failed file's line, as `ingest --json` prints it, is valid; a line without its kind is
    not."""
    failed = {"file": "a.txt", "status": "failed", "created": 0, "stances": 0, "events": 0,
              "kind": "invalid_argument", "error": "invalid argument `text`: is empty"}
    validate("ingest", failed)
    with pytest.raises(jsonschema.ValidationError):
        validate("ingest", {k: v for k, v in failed.items() if k != "kind"})


def test_evaluate(cli: Any) -> None:
    gold = ROOT / "eval" / "news"
    validate("evaluate", json.loads(cli("evaluate", str(gold), "--split", "dev")))


def test_keys(cli: Any) -> None:
    keys = str(cli.work / "keys.json")
    validate("keys-create", json.loads(cli("keys", "--keys-file", keys, "create", "--role", "reader")))
    validate("keys-list", json.loads(cli("keys", "--keys-file", keys, "list")))


def test_changes(cli: Any) -> None:
    page = json.loads(cli("changes", "--limit", "3"))
    validate("changes", page)
    assert len(page["changes"]) == 3 and page["next_page_token"]
    validate("changes", json.loads(cli("changes", "--after", page["next_page_token"])))


def test_a_schema_rejects_a_changed_shape() -> None:
    """The schemas are strict enough to catch a renamed or retyped field."""
    good = {"revision": 1, "created": 22, "updated": 0, "deleted": 0, "unchanged": 0}
    validate("import", good)
    with pytest.raises(jsonschema.ValidationError):
        validate("import", {**good, "revision": "1"})
    with pytest.raises(jsonschema.ValidationError):
        validate("import", {k: v for k, v in good.items() if k != "created"})
