"""Safe file writing shared by the workbook and the plan files.

Saving is atomic: the new text goes to a temporary file in the same folder, is flushed
to disk, then renamed over the target, so a crash leaves either the old file or the new
one, never half of each. A file that cannot be read is moved aside, never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path


def atomic_write_text(path: Path, text: str, *, keep_backup: bool = False) -> Path | None:
    """Write ``text`` to ``path`` atomically (UTF-8, line endings as given).

    With ``keep_backup`` the previous version, if any, is kept as ``<name>.bak`` and its
    path returned. The folder is created if it is missing.
    """
    return atomic_write_chunks(path, [text], keep_backup=keep_backup)


def atomic_write_chunks(path: str | Path, chunks: Iterable[str | bytes], *, keep_backup: bool = False) -> Path | None:
    """Write ``chunks`` (text encoded as UTF-8, or bytes) to ``path`` atomically.

    For content made piece by piece (a large report) or as bytes (a Word file). The new
    file keeps the old one's permissions, or gets the usual ones for a new file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    backup: Path | None = None
    with _replacing(path) as (fd, tmp_name):
        os.chmod(tmp_name, _file_mode(path))  # mkstemp makes files private (0600)
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and path.exists():
            # Copy, not move: the target is never missing, even if we stop between the two steps;
            # and the copy is itself made atomically, so a half-written backup never replaces a whole one.
            backup = path.with_name(path.name + ".bak")
            copy_atomically(path, backup)
    return backup


def copy_atomically(source: str | Path, target: str | Path) -> Path:
    """Copy ``source`` to ``target`` so that ``target`` is always either the old file or a whole copy."""
    source, target = Path(source), Path(target)
    with _replacing(target) as (fd, tmp_name):
        os.close(fd)
        shutil.copy2(source, tmp_name)
        with open(tmp_name, "rb+") as handle:
            os.fsync(handle.fileno())
    return target


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[tuple[int, str]]:
    """A new temporary file beside ``target`` (its descriptor and name), renamed over ``target``
    when the block ends; removed instead if the block fails, leaving ``target`` as it was."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        yield fd, tmp_name
        os.replace(tmp_name, target)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise


@contextlib.contextmanager
def file_lock(path: str | Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (a small sidecar file, made if missing) while the block runs.

    Every process that saves the same file through this lock takes its turn: the second
    waits until the first has finished reading, changing and writing. On systems without
    ``fcntl`` (Windows) it does nothing, and saves rely on atomic replacement alone.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _file_mode(path: Path) -> int:
    """The existing file's permissions, or those an ordinary new file would get."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def set_aside(path: Path, reason: str = "unreadable") -> Path:
    """Rename a damaged file to ``<stem>.<reason>-<timestamp><suffix>`` and return the new path.

    The participant's data is never deleted: the damaged file stays next to the original.
    """
    path = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix}")
    os.replace(path, target)
    return target
