"""Safe file writing shared by the workbook and the plan files.

Saving is atomic: the new text goes to a temporary file in the same folder, is flushed
to disk, then renamed over the target, so a crash leaves either the old file or the new
one, never half of each. A file that cannot be read is moved aside, never overwritten.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path


def atomic_write_text(path: Path, text: str, *, keep_backup: bool = False) -> Path | None:
    """Write ``text`` to ``path`` atomically (UTF-8).

    With ``keep_backup`` the previous version, if any, is kept as ``<name>.bak`` and its
    path returned. The folder is created if it is missing.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    backup: Path | None = None
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o666 & ~_umask())  # mkstemp makes files private; keep the usual mode
        if keep_backup and path.exists():
            # Copy, not move: the target is never missing, even if we stop between the two steps.
            backup = path.with_name(path.name + ".bak")
            shutil.copy2(path, backup)
        os.replace(tmp_name, path)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return backup


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def set_aside(path: Path, reason: str = "unreadable") -> Path:
    """Rename a damaged file to ``<stem>.<reason>-<timestamp><suffix>`` and return the new path.

    The participant's data is never deleted: the damaged file stays next to the original.
    """
    path = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix}")
    os.replace(path, target)
    return target
