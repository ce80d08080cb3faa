"""Type stubs of the native module (checked against it by mypy's stubtest)."""

from collections.abc import Callable, Sequence
from os import PathLike
from typing import Any, Final, final

__all__ = [
    "ArrowTable",
    "Engine",
    "ExtractionResult",
    "FactTable",
    "ConflictError",
    "agreement",
    "analysis_defaults",
    "coalitions",
    "current_stances",
    "deadlocks",
    "report",
    "series",
    "shifts",
    "NotFoundError",
    "PolemosError",
    "StorageError",
    "ValidationError",
    "content_hash",
    "extract",
    "extract_batch",
    "extract_many",
    "forecast",
    "forecast_dispute",
    "ingest",
    "accept_dispute",
    "rename_dispute",
    "merge_dispute",
    "monte_carlo",
    "monte_carlo_defaults",
    "monte_carlo_dispute",
    "parse",
    "parse_scenario",
    "plover_quad_classes",
    "__version__",
]

__version__: Final[str]

class PolemosError(Exception): ...
class ValidationError(PolemosError, ValueError): ...
class NotFoundError(PolemosError, LookupError): ...
class ConflictError(PolemosError): ...
class StorageError(PolemosError): ...

def content_hash(text: str) -> str: ...
@final
class ArrowTable:
    """A result table as one Arrow record batch with a fixed schema."""

    def __new__(
        cls, columns: Sequence[tuple[str, str]], rows: Sequence[dict[str, Any]]
    ) -> ArrowTable: ...
    @property
    def num_rows(self) -> int: ...
    @property
    def column_names(self) -> list[str]: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

@final
class ExtractionResult:
    """One article's extraction, converted to Python objects part by part on request."""

    def to_dict(self) -> dict[str, Any]: ...
    def part(self, name: str) -> Any: ...
    def counts(self) -> tuple[int, int, int, int]: ...
    @property
    def document_name(self) -> str: ...

def plover_quad_classes() -> dict[str, str]: ...
@final
class FactTable:
    """One result table of ``extract_batch``, read through the Arrow PyCapsule interface."""

    @property
    def num_rows(self) -> int: ...
    @property
    def column_names(self) -> list[str]: ...
    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any: ...

def extract_batch(
    texts: Sequence[str | None],
    *,
    published: Sequence[str | None] | None = None,
    records: bool = False,
) -> tuple[FactTable, FactTable, FactTable, FactTable, FactTable | None]: ...
def extract(
    text: str,
    *,
    published: Any = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> ExtractionResult: ...
def extract_many(texts: Sequence[str], *, published: Any = None) -> list[ExtractionResult]: ...
def ingest(
    engine: Engine,
    texts: Sequence[str],
    *,
    published: Any,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    strict: bool = False,
) -> list[dict[str, Any]]: ...
def accept_dispute(engine: Engine, dispute: str) -> dict[str, Any]: ...
def rename_dispute(
    engine: Engine, dispute: str, new_name: str | None = None, title: str | None = None
) -> dict[str, Any]: ...
def merge_dispute(engine: Engine, dispute: str, into: str) -> dict[str, Any]: ...
def forecast(scenario: str, spec: str) -> dict[str, Any]: ...
def monte_carlo(
    scenario: str,
    spec: str,
    draws: int,
    seed: int,
    *,
    position_noise: float | None = None,
    salience_noise: float | None = None,
    capability_noise: float | None = None,
    range: tuple[float, float] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]: ...
def analysis_defaults() -> dict[str, Any]: ...
def monte_carlo_defaults() -> dict[str, Any]: ...
def forecast_dispute(
    engine: Engine,
    dispute: str,
    spec: str,
    *,
    as_of: Any = None,
    revision: int | None = None,
    position_noise: float | None = None,
    salience_noise: float | None = None,
    capability_noise: float | None = None,
    range: tuple[float, float] | None = None,
) -> dict[str, Any]: ...
def monte_carlo_dispute(
    engine: Engine,
    dispute: str,
    spec: str,
    draws: int,
    seed: int,
    *,
    as_of: Any = None,
    revision: int | None = None,
    position_noise: float | None = None,
    salience_noise: float | None = None,
    capability_noise: float | None = None,
    range: tuple[float, float] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]: ...
def parse_scenario(name: str, text: str) -> dict[str, Any]: ...
def parse(text: str) -> list[dict[str, Any]]: ...

@final
class Engine:
    """An in-process polemos engine over one store."""

    def __new__(cls, path: str | PathLike[str] | None = None) -> Engine: ...
    @property
    def location(self) -> str: ...
    def head(self) -> int: ...
    def import_dossier(self, text: str, message: str = "import from Python") -> dict[str, int]: ...
    def export(
        self, dispute: str | None = None, format: str = "json", revision: int | None = None
    ) -> str: ...
    def query(
        self,
        collection: str,
        *,
        dispute: str | None = None,
        actor: str | None = None,
        issue: str | None = None,
        as_of: Any = None,
        revision: int | None = None,
    ) -> list[dict[str, Any]]: ...
    def page(
        self,
        collection: str,
        *,
        page_size: int = 0,
        page_token: str = "",
        dispute: str | None = None,
        actor: str | None = None,
        issue: str | None = None,
        as_of: Any = None,
        revision: int | None = None,
    ) -> tuple[list[dict[str, Any]], str]: ...
    def get(self, name: str, revision: int | None = None) -> tuple[dict[str, Any], int]: ...
    def changes(
        self,
        after: int = 0,
        limit: int = 1000,
        dispute: str | None = None,
        actor: str | None = None,
    ) -> list[dict[str, Any]]: ...
    def create(
        self, kind: str, record: str, request_id: str | None = None
    ) -> tuple[dict[str, Any], int]: ...
    def update(
        self, name: str, changes: str, mask: list[str] | None = None, etag: str | None = None
    ) -> tuple[dict[str, Any], int]: ...
    def delete(self, name: str, etag: str | None = None) -> int: ...

def current_stances(
    engine: Engine,
    dispute: str,
    *,
    as_of: Any = None,
    revision: int | None = None,
    half_life_days: float | None = None,
    conflict_gap: float | None = None,
) -> list[dict[str, Any]]: ...
def deadlocks(
    engine: Engine, dispute: str, *, as_of: Any = None, revision: int | None = None
) -> list[dict[str, Any]]: ...
def agreement(
    engine: Engine, dispute: str, *, as_of: Any = None, revision: int | None = None
) -> dict[str, Any]: ...
def coalitions(
    engine: Engine,
    dispute: str,
    *,
    as_of: Any = None,
    revision: int | None = None,
    max_distance: float | None = None,
) -> list[dict[str, Any]]: ...
def shifts(
    engine: Engine,
    dispute: str,
    *,
    as_of: Any = None,
    revision: int | None = None,
    threshold: float | None = None,
) -> list[dict[str, Any]]: ...
def series(
    engine: Engine,
    dispute: str | None = None,
    *,
    as_of: Any = None,
    revision: int | None = None,
    granularity: str | None = None,
    roll_up: bool = True,
) -> list[dict[str, Any]]: ...
def report(
    engine: Engine,
    dispute: str,
    *,
    as_of: Any = None,
    revision: int | None = None,
    format: str | None = None,
) -> str: ...
