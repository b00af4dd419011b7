"""The optional compiled fast paths (``newslib/_speedups.c``) and the switch that turns them off.

Why optional: a C compiler is not on every researcher's machine. Without one the install still
succeeds and newslib runs its pure-Python code, the reference the compiled functions are tested
against (same tokens, same offsets). ``NEWSLIB_PURE_PYTHON=1`` forces the pure-Python path, to
check a result or to time the difference. ``NEWSLIB_SPEEDUPS=/path/to/_speedups….so`` loads
another build of the same source instead of the installed one: ``make sanitize`` points it at a
build with AddressSanitizer, leaving the regular build in place.

>>> C is None or hasattr(C, "token_spans")
True
"""

from __future__ import annotations

import importlib.util
import os
import sys
from types import ModuleType


def _load_file(path: str) -> ModuleType:
    """The extension module built at ``path``, registered as ``newslib._speedups``."""
    spec = importlib.util.spec_from_file_location("newslib._speedups", path)
    if spec is None or spec.loader is None or not os.path.isfile(path):
        raise ImportError(f"NEWSLIB_SPEEDUPS={path!r} is not a built extension module: build it "
                          "(`make sanitize` does) or unset NEWSLIB_SPEEDUPS")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules[spec.name] = module
    return module


def load() -> ModuleType | None:
    """The compiled module, or None when it is not built or ``NEWSLIB_PURE_PYTHON`` is set."""
    if os.environ.get("NEWSLIB_PURE_PYTHON", "") not in ("", "0"):
        return None
    if os.environ.get("NEWSLIB_SPEEDUPS"):
        # asked for by name: a missing file is an error, not a quiet fall-back to another build
        return _load_file(os.environ["NEWSLIB_SPEEDUPS"])
    try:
        from . import _speedups
    except ImportError:
        return None
    return _speedups


#: The compiled module in use, or None (pure Python). Tests set it to None to compare paths.
C: ModuleType | None = load()
