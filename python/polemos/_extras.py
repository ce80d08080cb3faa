"""Optional dependencies (pandas, pyarrow, matplotlib, grpcio), imported on first use so the core
package needs nothing but itself; a missing one raises an error naming the extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from polemos.exceptions import MissingExtraError

#: Which extra of the ``polemos`` package brings each optional module.
EXTRAS = {
    "pandas": "pandas",
    "pyarrow": "arrow",
    "matplotlib": "plot",
    "matplotlib.pyplot": "plot",
    "grpc": "grpc",
    "google.protobuf": "grpc",
    "grpc_status": "grpc",
    "google.rpc": "grpc",
    "polars": "polars",
}


def require(module: str, feature: str) -> ModuleType:
    """Imports ``module`` or raises :class:`MissingExtraError` naming the extra for ``feature``."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        extra = EXTRAS.get(module, module)
        raise MissingExtraError(
            f"{feature} needs the optional dependency `{module.split('.')[0]}`, which is not "
            f"installed: pip install 'polemos[{extra}]'"
        ) from e
