"""Type stubs of the native module (checked against it by mypy's stubtest)."""

from os import PathLike
from typing import Any, Final, final

__all__ = [
    "Engine",
    "ConflictError",
    "NotFoundError",
    "PolemosError",
    "StorageError",
    "ValidationError",
    "content_hash",
    "plover_quad_classes",
    "__version__",
]

__version__: Final[str]

class PolemosError(Exception): ...
class ValidationError(PolemosError): ...
class NotFoundError(PolemosError): ...
class ConflictError(PolemosError): ...
class StorageError(PolemosError): ...

def content_hash(text: str) -> str: ...
def plover_quad_classes() -> dict[str, str]: ...

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
    def get(self, name: str, revision: int | None = None) -> tuple[dict[str, Any], int]: ...
    def changes(self, after: int = 0, limit: int = 1000) -> list[dict[str, Any]]: ...
