"""The optional compiled fast paths (``newslib/_speedups.c``) and the switch that turns them off.

Why optional: a C compiler is not on every researcher's machine. Without one the install still
succeeds and newslib runs its pure-Python code, the reference the compiled functions are tested
against (same tokens, same offsets). ``NEWSLIB_PURE_PYTHON=1`` forces the pure-Python path, to
check a result or to time the difference.

>>> C is None or hasattr(C, "token_spans")
True
"""

from __future__ import annotations

import os
from types import ModuleType


def load() -> ModuleType | None:
    """The compiled module, or None when it is not built or ``NEWSLIB_PURE_PYTHON`` is set."""
    if os.environ.get("NEWSLIB_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        from . import _speedups
    except ImportError:
        return None
    return _speedups


#: The compiled module in use, or None (pure Python). Tests set it to None to compare paths.
C: ModuleType | None = load()
