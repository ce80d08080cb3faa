"""The transport under :class:`polemos.client.Client`: the gRPC channel and service stubs, the
retry policy, and the one mapping of a failed call to the :class:`polemos.PolemosError` the
Engine raises for the same failure (with the server's ``ErrorInfo`` reason and ``BadRequest``
field violations)."""

from __future__ import annotations

import json
from typing import Any

from polemos._extras import require

grpc = require("grpc", "polemos.client")
require("google.protobuf", "polemos.client")
require("grpc_status", "polemos.client")
require("google.rpc", "polemos.client")

from google.protobuf.message import Message  # noqa: E402

from polemos._grpc import (  # noqa: E402
    analysis_service_pb2_grpc as _analysis_grpc,
    change_service_pb2_grpc as _change_grpc,
    curation_service_pb2_grpc as _curation_grpc,
    dossier_service_pb2_grpc as _dossier_grpc,
    extraction_service_pb2_grpc as _extraction_grpc,
    import_service_pb2_grpc as _import_grpc,
)
from polemos.exceptions import (  # noqa: E402
    AuthError,
    ConflictError,
    NotFoundError,
    PolemosError,
    StorageError,
    UnavailableError,
    ValidationError,
)


# ---------------------------------------------------------------- errors


def _status_details(err: Any) -> tuple[list[tuple[str, str]], str | None]:
    """The ``google.rpc.BadRequest`` field violations and the ``google.rpc.ErrorInfo`` reason of
    a failed call, decoded from its ``grpc-status-details-bin`` trailer by grpcio-status."""
    from google.rpc import error_details_pb2
    from grpc_status import rpc_status

    try:
        status = rpc_status.from_call(err)
    except ValueError:  # the trailer disagrees with the call's own code or message
        status = None
    if status is None:
        return [], None
    pairs: list[tuple[str, str]] = []
    reason = None
    for detail in status.details:
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            pairs.extend((v.field, v.description) for v in bad.field_violations)
        elif detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            reason = info.reason
    return pairs, reason


def _invalid(field: str, rule: str) -> ValidationError:
    """A ValidationError shaped like the Engine's: ``.violations`` and ``.field`` set."""
    e = ValidationError(f"invalid `{field}`: {rule}")
    e.violations = [(field, rule)]  # type: ignore[attr-defined]
    e.field = field  # type: ignore[attr-defined]
    # The engine's kind, as on every error the Engine raises or the server returns: a refusal
    # made here must compare equal to the same refusal made there.
    e.kind = "invalid_argument"  # type: ignore[attr-defined]
    return e


def _error(err: Any, address: str = "") -> PolemosError:
    """The :class:`polemos.PolemosError` subclass for a failed call, as the Engine raises it;
    ``.reason`` is the server's ``ErrorInfo`` reason (``VALIDATION_FAILED``, …) when it sent one."""
    code = err.code() if hasattr(err, "code") else None
    message = (err.details() if hasattr(err, "details") else None) or str(err)
    pairs, reason = _status_details(err)
    c = grpc.StatusCode
    e: PolemosError
    if code in (c.UNAUTHENTICATED, c.PERMISSION_DENIED):
        e = AuthError(message)
    elif code == c.UNAVAILABLE:
        e = UnavailableError(f"cannot reach the polemos server {address}: {message}")
    elif code == c.NOT_FOUND:
        e = NotFoundError(message)
    elif code in (c.ABORTED, c.ALREADY_EXISTS, c.FAILED_PRECONDITION):
        e = ConflictError(message)
    elif code in (c.INVALID_ARGUMENT, c.OUT_OF_RANGE):
        e = ValidationError(message)
        e.violations = pairs  # type: ignore[attr-defined]
        e.field = pairs[0][0] if pairs else None  # type: ignore[attr-defined]
    else:
        e = StorageError(f"{code.name if code else 'error'}: {message}")
    e.reason = reason  # type: ignore[union-attr,attr-defined]
    # The engine's error kind: the status code's name in lower case (`not_found`), the same word
    # the Engine puts on its exceptions.
    setattr(e, "kind", code.name.lower() if code else "unknown")  # noqa: B010
    return e


#: Retries for calls that failed before the server did anything (``UNAVAILABLE``: a refused
#: connection, a server restarting), applied by gRPC itself to every polemos.v1 method
#: (https://github.com/grpc/grpc/blob/master/doc/service_config.md). Other failures are answers
#: and are not retried.
SERVICE_CONFIG: dict[str, Any] = {
    "methodConfig": [
        {
            "name": [
                {"service": f"polemos.v1.{service}"}
                for service in (
                    "DossierService",
                    "ImportService",
                    "ChangeService",
                    "ExtractionService",
                    "AnalysisService",
                )
            ],
            "retryPolicy": {
                "maxAttempts": 4,
                "initialBackoff": "0.1s",
                "maxBackoff": "2s",
                "backoffMultiplier": 2,
                "retryableStatusCodes": ["UNAVAILABLE"],
            },
        }
    ]
}


class _Failure:
    """A failed text of an ingest stream, shaped like a grpc.RpcError for :func:`_error`."""

    def __init__(self, code: int, message: str) -> None:
        self._code = next((c for c in grpc.StatusCode if c.value[0] == code), grpc.StatusCode.UNKNOWN)
        self._message = message

    def code(self) -> Any:
        return self._code

    def details(self) -> str:
        return self._message

    def trailing_metadata(self) -> tuple[()]:
        return ()


class _Channel:
    """A channel to one server with a stub per service, and the unary call that maps its
    failures; :class:`polemos.client.Client` is built on it."""

    def __init__(
        self,
        address: str,
        *,
        api_key: str | None = None,
        secure: bool = False,
        timeout: float | None = 30.0,
    ) -> None:
        self.address = address
        self._metadata = (("authorization", f"Bearer {api_key}"),) if api_key else ()
        self._timeout = timeout
        options = [
            ("grpc.enable_retries", 1),
            ("grpc.service_config", json.dumps(SERVICE_CONFIG)),
        ]
        self._channel = (
            grpc.secure_channel(address, grpc.ssl_channel_credentials(), options=options)
            if secure
            else grpc.insecure_channel(address, options=options)
        )
        self._dossier = _dossier_grpc.DossierServiceStub(self._channel)
        self._extraction = _extraction_grpc.ExtractionServiceStub(self._channel)
        self._changes = _change_grpc.ChangeServiceStub(self._channel)
        self._analysis = _analysis_grpc.AnalysisServiceStub(self._channel)
        self._import = _import_grpc.ImportServiceStub(self._channel)
        self._curation = _curation_grpc.CurationServiceStub(self._channel)

    def close(self) -> None:
        self._channel.close()

    def _call(self, stub: Any, method: str, request: Message) -> Any:
        try:
            return getattr(stub, method)(request, metadata=self._metadata, timeout=self._timeout)
        except grpc.RpcError as e:
            raise _error(e, self.address) from None
