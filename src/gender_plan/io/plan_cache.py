"""A cache of loaded plans keyed by the file's content, so that thousands of plans load fast.

A plan file is parsed and validated once; the valid plan is kept in a cache entry named by the
SHA-256 of the file's bytes, its format and the code that reads it (the library's version and
the text of its model and reader modules). A file that changed has another key, so a stale plan
is never served; a plan whose file has problems is never cached, so its errors are reported on
every load. Each entry carries the digest of its own payload: an entry that is truncated,
corrupt or written by another version is ignored and written again.

A folder of plans (`gender_plan.io.plan_folder.load_plan_folder`) is kept in one entry, a
bundle named by the folder's path, holding each plan under the same content key: loading the
folder again reads one file instead of thousands. Every plan file is still read and hashed on
every load, so a file changed in place is never served stale, whatever its size and
modification time say (hashing the 3,356 files of a nation takes a fraction of a second; a
check by size and time alone could not see an edit that keeps both).

Entries are pickles of the library's own plan objects, written by this library into a folder
only the user can write (created with mode 0700). Do not point the cache at a folder other
people can write to: loading a pickle runs what it says.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

import attrs

from gender_plan.io._atomic import write_atomic
from gender_plan.model import Plan

__all__ = ["PlanCache", "content_key", "default_cache_dir", "pickle_plan", "unpickle_plan"]

_MAGIC = b"gender-plan plan cache 1\n"
_BUNDLE_MAGIC = b"gender-plan plan folder cache 1\n"
_DIGEST = 32
_SIZE = 8
"""The bytes of a bundle's index size: the index (content key → where its plan lies) comes first."""


def default_cache_dir() -> Path:
    r"""The user's cache folder for gender-plan (``$XDG_CACHE_HOME/gender-plan`` on Linux).

    ``GENDER_PLAN_CACHE`` overrides it; on macOS it is ``~/Library/Caches/gender-plan``, on
    Windows ``%LOCALAPPDATA%\\gender-plan\\Cache``.
    """
    chosen = os.environ.get("GENDER_PLAN_CACHE")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":  # pragma: no cover - depends on the platform
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "gender-plan" / "Cache"
    if sys.platform == "darwin":  # pragma: no cover - depends on the platform
        return Path.home() / "Library" / "Caches" / "gender-plan"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gender-plan"


@functools.cache
def _code_tag() -> bytes:
    """A digest of what turns a file into a plan: the version and the reading modules' text."""
    from gender_plan import __version__  # noqa: PLC0415 - the package imports this module

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{__version__} {sys.version_info[:2]}".encode())
    for folder in ("model", "io"):
        for source in sorted((root / folder).glob("*.py")):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    digest.update((root / "units.py").read_bytes())
    return digest.digest()


@attrs.frozen(kw_only=True)
class PlanCache:
    """Where loaded plans are kept between runs, one entry per distinct file content."""

    folder: Path = attrs.field(converter=Path, factory=lambda: default_cache_dir() / "plans")
    """The cache folder (default: `default_cache_dir()` / ``plans``); created when needed."""

    def key(self, data: bytes, format: str) -> str:
        """The entry name for a file with content `data` in `format`."""
        return content_key(data, format)

    def get(self, key: str) -> Plan | None:
        """The plan stored under `key`, or None when there is none or it cannot be trusted."""
        payload = _read_entry(self.folder / f"{key}.plan", _MAGIC)
        return None if payload is None else unpickle_plan(payload)

    def put(self, key: str, plan: Plan) -> None:
        """Store `plan` under `key`, atomically; a cache that cannot be written is skipped."""
        self._write(self.folder / f"{key}.plan", _MAGIC, [pickle_plan(plan)])

    def get_folder(self, folder: Path) -> Mapping[str, memoryview]:
        """The pickled plans kept for the plan folder `folder`, by content key (maybe none).

        A bundle that is truncated, corrupt or written by another version gives nothing.
        """
        payload = _read_entry(self._bundle(folder), _BUNDLE_MAGIC)
        if payload is None or len(payload) < _SIZE:
            return {}
        size = int.from_bytes(payload[:_SIZE], "big")
        try:
            index = pickle.loads(payload[_SIZE : _SIZE + size])
        except Exception:
            return {}
        blob = payload[_SIZE + size:]
        if not isinstance(index, dict) or not all(
            isinstance(key, str) and isinstance(where, tuple) and len(where) == 2
            and all(isinstance(end, int) and 0 <= end <= len(blob) for end in where)
            for key, where in index.items()
        ):
            return {}
        # Views into the one buffer read: no plan's bytes are copied until it is unpickled.
        return {key: blob[start:end] for key, (start, end) in index.items()}

    def put_folder(self, folder: Path, entries: Mapping[str, bytes | memoryview]) -> None:
        """Keep `entries` (pickled plans by content key) as the bundle of `folder`, replacing it."""
        index: dict[str, tuple[int, int]] = {}
        end = 0
        for key, payload in entries.items():
            index[key] = (end, end + len(payload))
            end += len(payload)
        head = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
        self._write(self._bundle(folder), _BUNDLE_MAGIC,
                    [len(head).to_bytes(_SIZE, "big"), head, *entries.values()])

    def _bundle(self, folder: Path) -> Path:
        name = hashlib.sha256(_code_tag() + os.fsencode(folder.resolve())).hexdigest()
        return self.folder / f"{name}.folder"

    def _write(self, path: Path, magic: bytes, parts: Sequence[bytes | memoryview]) -> None:
        digest = hashlib.sha256()
        for part in parts:
            digest.update(part)

        def write(stream: BinaryIO) -> None:
            stream.write(magic + digest.digest())
            for part in parts:
                stream.write(part)

        # A cache is a convenience: a read-only or full disk must not stop the plan loading.
        with contextlib.suppress(OSError):
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomic(path, write, durable=False)


def content_key(data: bytes, format: str) -> str:
    """The cache key of a plan file with content `data` in `format` (see `PlanCache.key`)."""
    digest = hashlib.sha256(_code_tag())
    digest.update(format.encode())
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def pickle_plan(plan: Plan) -> bytes:
    """`plan` as a cache entry's payload."""
    return pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL)


def unpickle_plan(payload: bytes | memoryview) -> Plan | None:
    """The plan of a payload written by `pickle_plan`, or None when it is not one."""
    try:
        plan = pickle.loads(payload)
    except Exception:
        return None
    return plan if isinstance(plan, Plan) else None


def _read_entry(path: Path, magic: bytes) -> memoryview | None:
    """The payload of the entry at `path`, or None when it is missing or fails its digest."""
    try:
        entry = path.read_bytes()
    except OSError:
        return None
    head = len(magic)
    if not entry.startswith(magic) or len(entry) <= head + _DIGEST:
        return None
    payload = memoryview(entry)[head + _DIGEST:]  # a view: a bundle can be large
    if hashlib.sha256(payload).digest() != entry[head : head + _DIGEST]:
        return None
    return payload
