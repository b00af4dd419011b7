"""Small file helpers shared by the writing modules (atomic writes)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write_text(path: str | os.PathLike, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` so that readers never see a half-written file.

    Why: a batch run interrupted mid-write must not leave a truncated CSV or index
    behind; writing to a temporary file in the same folder and renaming it is atomic
    on POSIX and Windows.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> atomic_write_text(p, "hi").read_text()
    'hi'
    """
    return atomic_write_bytes(path, text.encode(encoding))


def atomic_write_csv(frame, path: str | os.PathLike) -> Path:
    """Write a DataFrame as UTF-8 CSV atomically (see :func:`atomic_write_text`)."""
    return atomic_write_text(path, frame.to_csv(index=False))


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Binary twin of :func:`atomic_write_text` (figures)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
