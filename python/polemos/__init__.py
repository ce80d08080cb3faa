"""polemos: model international disputes and the stances actors take in them.

The same Rust engine as the ``polemos`` command and server, in-process::

    import polemos
    engine = polemos.Engine()                      # or polemos.Engine("polemos.db")
    engine.import_dossier("examples/dossiers/kuril-islands.json")
    engine.stances(dispute="kuril-islands").to_pandas()

Result tables have one fixed schema per result type and turn into pandas (``to_pandas()``),
polars (``to_polars()``) or Arrow (``to_arrow()``, or ``arrow()``: the record batch built in Rust,
which polars, pyarrow and duckdb read without a copy).

Optional extras: ``pandas``, ``polars``, ``arrow`` (pyarrow), ``plot`` (matplotlib), ``grpc`` (the
client for a ``polemos serve`` server, :mod:`polemos.client`).
"""

from __future__ import annotations

from polemos._native import __version__, content_hash, parse
from polemos import forecast, plot
from polemos.batch import BatchExtraction, extract_batch, records_to_jsonl
from polemos.engine import CommitResult, Curation, Engine, IngestResult
from polemos.extraction import Extraction, extract, extract_many
from polemos.exceptions import (
    AuthError,
    ConflictError,
    MissingExtraError,
    NotFoundError,
    PolemosError,
    StorageError,
    UnavailableError,
    ValidationError,
)
from polemos.resources import (
    Actor,
    Dispute,
    Document,
    Event,
    Issue,
    Resource,
    ResourceList,
    Stance,
)

__all__ = [
    "Actor",
    "AuthError",
    "BatchExtraction",
    "CommitResult",
    "Curation",
    "ConflictError",
    "Dispute",
    "Document",
    "Engine",
    "Extraction",
    "IngestResult",
    "Event",
    "Issue",
    "MissingExtraError",
    "NotFoundError",
    "PolemosError",
    "Resource",
    "ResourceList",
    "Stance",
    "StorageError",
    "UnavailableError",
    "ValidationError",
    "__version__",
    "content_hash",
    "extract",
    "extract_batch",
    "extract_many",
    "forecast",
    "parse",
    "plot",
    "records_to_jsonl",
]
