"""Atomic writing for content made piece by piece, or as bytes (Word files, large reports).

The same rule as :func:`exercises.storage.atomic_write_text` (which handles one string):
write to a temporary file in the target's folder, flush it to disk, then rename it over
the target, so a reader sees the old file or the new one, never half of each.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def atomic_write_chunks(path: str | Path, chunks: Iterable[str | bytes]) -> None:
    """Write ``chunks`` (text is encoded as UTF-8) to ``path`` atomically; folders are created."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp_name, _file_mode(path))  # mkstemp makes files private (0600); keep the usual mode
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise


def _file_mode(path: Path) -> int:
    """The mode an ordinary new file would get (or the existing file's mode)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
