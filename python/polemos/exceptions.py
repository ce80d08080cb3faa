"""The exceptions polemos raises.

Every error of the Rust core and store is mapped to one of these classes in one place
(``python/src/errors.rs``); messages name the field or resource that is wrong, and
:class:`ValidationError` carries every broken rule in ``.violations`` as ``(path, rule)`` pairs.
"""

from __future__ import annotations

from polemos._native import (
    ConflictError,
    NotFoundError,
    PolemosError,
    StorageError,
    ValidationError,
)


class MissingExtraError(PolemosError, ImportError):
    """An optional dependency is missing; the message names the extra that installs it."""


__all__ = [
    "ConflictError",
    "MissingExtraError",
    "NotFoundError",
    "PolemosError",
    "StorageError",
    "ValidationError",
]
