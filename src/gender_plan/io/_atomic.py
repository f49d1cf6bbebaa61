"""Atomic file writes: a crash or a failing serialisation never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["write_atomic", "write_bytes_atomic"]


def write_atomic(path: str | os.PathLike[str], write: Callable[[BinaryIO], None], *,
                 durable: bool = True) -> None:
    """Call `write` on a new file beside `path`, then put it in `path`'s place in one step.

    The new file is flushed and synced to disk before `os.replace` swaps it in, so that `path`
    holds either its old content or the whole new one. If `write` raises, the temporary file is
    removed and `path` is left as it was. `durable=False` skips the syncs (for a cache, whose
    entries check themselves: the swap is still atomic, only a power cut may lose the entry).
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        # os.open with 0o666 lets the umask decide the mode, as for any new file one creates.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:  # a missing folder, no permission: named as the file asked for
        raise _named(error, temporary, target) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            write(stream)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        if target.exists():
            temporary.chmod(target.stat().st_mode & 0o7777)
        temporary.replace(target)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        if isinstance(error, OSError):
            raise _named(error, temporary, target) from None
        raise
    if durable:
        _sync_directory(target.parent)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, *,
                       durable: bool = True) -> None:
    """Write `data` to `path` atomically (see `write_atomic`)."""

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    write_atomic(path, write, durable=durable)


def _named(error: OSError, temporary: Path, target: Path) -> OSError:
    """`error` naming `target` where it names the temporary file (users never see that one)."""
    if error.filename == str(temporary):
        error.filename = str(target)
    if error.filename2 == str(target):  # os.replace's own pair: the file asked for once
        error.filename2 = None
    return error


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable where the system allows it (POSIX); best effort."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms that cannot open a directory (Windows)
        return
    try:
        os.fsync(descriptor)
    except OSError:  # pragma: no cover - file systems that refuse to sync a directory
        pass
    finally:
        os.close(descriptor)
