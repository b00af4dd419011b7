"""Small file helpers shared by the writing modules (atomic writes)."""

from __future__ import annotations

import functools
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
            if hasattr(os, "fchmod"):   # mkstemp makes it 0600: give it what open() would
                os.fchmod(fh.fileno(), 0o666 & ~_umask())
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    """The process's umask (read once: reading it means setting it, which is not thread-safe).

    Why: a report or CSV written through a temporary file must get the permissions a plain
    ``open(path, "w")`` gives it (0644 under the usual umask 022), not mkstemp's 0600, or a
    report folder served to colleagues shows them nothing.
    """
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
