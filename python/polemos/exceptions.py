"""The exceptions polemos raises.

Every error of the Rust core and store is mapped to one of these classes in one place
(``python/src/errors.rs``), and every gRPC status of a :class:`polemos.client.Client` call in
another (``polemos/_client_transport.py``); messages name the field or resource that is wrong, and
:class:`ValidationError` carries every broken rule in ``.violations`` as ``(path, rule)`` pairs.

Each class that has a built-in counterpart also derives from it, so code that already catches
Python's own errors catches these: :class:`ValidationError` is a ``ValueError``,
:class:`NotFoundError` a ``LookupError``, :class:`AuthError` a ``PermissionError``,
:class:`UnavailableError` a ``ConnectionError`` and :class:`MissingExtraError` an ``ImportError``.
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


class AuthError(PolemosError, PermissionError):
    """The server refused the API key: missing or unknown (``UNAUTHENTICATED``) or its role may
    not do this (``PERMISSION_DENIED``)."""


class UnavailableError(PolemosError, ConnectionError):
    """The server could not be reached (refused connection, no route, shutting down:
    ``UNAVAILABLE``), after the retries of the client's service config. Nothing is wrong with
    the store or the request; try again later."""


__all__ = [
    "AuthError",
    "ConflictError",
    "MissingExtraError",
    "NotFoundError",
    "PolemosError",
    "StorageError",
    "UnavailableError",
    "ValidationError",
]
