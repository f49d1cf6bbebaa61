"""A cache of loaded plans keyed by the file's content, so that thousands of plans load fast.

A plan file is parsed and validated once; the valid plan is kept in a cache entry named by the
SHA-256 of the file's bytes, its format and the code that reads it (the library's version, the
text of its model and reader modules and the unit definitions, ``units.txt``). A file that
changed has another key, so a stale plan is never served; a plan whose file has problems is
never cached, so its errors are reported on every load. Each entry carries the digest of its
own payload: an entry that is truncated, corrupt or written by another version is ignored and
written again.

A folder of plans (`gender_plan.io.plan_folder.load_plan_folder`) is kept in one entry, a
bundle named by the folder's path, holding each plan under the same content key: loading the
folder again reads one file instead of thousands. Every plan file is still read and hashed on
every load, so a file changed in place is never served stale, whatever its size and
modification time say (hashing the 3,356 files of a nation takes a fraction of a second; a
check by size and time alone could not see an edit that keeps both). SHA-256 is the content
key because it is the quickest of the hashes no two files will share: with the processor's SHA
instructions it takes 0.14 s for a nation's 236 MB, as long as SHA-1 and half as long as
BLAKE2b; CRC-32, three times quicker, is a checksum against damage, which two edits of a file
can share.

Entries are pickles of the library's own plan objects, written by this library into a folder
only the user can write (created with mode 0700). Do not point the cache at a folder other
people can write to: loading a pickle runs what it says. A plan is rebuilt from its pickle
without its checks being run again (`gender_plan.io._plan_pickle`): only validated plans are
kept, under keys that hold the text of the model's modules.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

import attrs

from gender_plan.io import _plan_pickle
from gender_plan.io._atomic import write_atomic
from gender_plan.io._limits import MAX_PLAN_BYTES
from gender_plan.model import Plan

__all__ = [
    "PlanCache",
    "content_key",
    "default_cache_dir",
    "file_key",
    "pickle_plan",
    "unpickle_plan",
]

_SIZE = 8
"""The bytes of a bundle's index size: the index (content key → where its plan lies) comes first."""


def _sha256(parts: Sequence[bytes | memoryview]) -> bytes:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.digest()


def _crc32(parts: Sequence[bytes | memoryview]) -> bytes:
    check = 0
    for part in parts:
        check = zlib.crc32(part, check)
    return check.to_bytes(4, "big")


_Kind = tuple[bytes, Callable[[Sequence[bytes | memoryview]], bytes], int]
"""What starts an entry of one kind, the checksum of its payload, and the checksum's size."""
_ENTRY: _Kind = (b"gender-plan plan cache 1\n", _sha256, 32)
# A bundle holds a nation's plans (200 MB for 3,356 plans of Lai Khê's size): CRC-32 finds a torn
# or zeroed write, the damage a cache must survive, at twice SHA-256's speed. (Nothing in the
# cache is meant to resist a person who can write to its folder: the entries are pickles.)
_BUNDLE: _Kind = (b"gender-plan plan folder cache 1\n", _crc32, 4)


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
    """A digest of what turns a file into a plan: version, reading modules, unit definitions."""
    from gender_plan import __version__  # noqa: PLC0415 - the package imports this module

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{__version__} {sys.version_info[:2]}".encode())
    for folder in ("model", "io"):
        for source in sorted((root / folder).glob("*.py")):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    for name in ("units.py", "units.txt"):  # a plan's units are checked against units.txt
        digest.update((root / name).read_bytes())
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
        payload = _read_entry(self.folder / f"{key}.plan", _ENTRY)
        return None if payload is None else unpickle_plan(payload)

    def put(self, key: str, plan: Plan) -> None:
        """Store `plan` under `key`, atomically; a cache that cannot be written is skipped."""
        self._write(self.folder / f"{key}.plan", _ENTRY, [pickle_plan(plan)])

    def get_folder(self, folder: Path) -> Mapping[str, memoryview]:
        """The pickled plans kept for the plan folder `folder`, by content key (maybe none).

        A bundle that is truncated, corrupt or written by another version gives nothing.
        """
        payload = _read_entry(self._bundle(folder), _BUNDLE)
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
        self._write(self._bundle(folder), _BUNDLE,
                    [len(head).to_bytes(_SIZE, "big"), head, *entries.values()])

    def _bundle(self, folder: Path) -> Path:
        name = hashlib.sha256(_code_tag() + os.fsencode(folder.resolve())).hexdigest()
        return self.folder / f"{name}.folder"

    def _write(self, path: Path, kind: _Kind, parts: Sequence[bytes | memoryview]) -> None:
        magic, check, _ = kind

        def write(stream: BinaryIO) -> None:
            stream.write(magic + check(parts))
            for part in parts:
                stream.write(part)

        # A cache is a convenience: a read-only or full disk must not stop the plan loading.
        with contextlib.suppress(OSError):
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomic(path, write, durable=False)


def content_key(data: bytes, format: str) -> str:
    """The cache key of a plan file with content `data` in `format` (see `PlanCache.key`)."""
    digest = _seeded(format).copy()
    digest.update(data)
    return digest.hexdigest()


def file_key(path: str, format: str) -> str | None:
    """`content_key` of the file at `path`; None if it cannot be read or is too large a plan.

    A folder's every file is hashed on every load: this reads it with no more system calls than
    it takes (`gender_plan.io.plan_files.load_plan` then says what is wrong with a file).
    """
    try:
        with open(path, "rb") as stream:  # noqa: PTH123 - one call less than Path.open
            data = stream.read(MAX_PLAN_BYTES + 1)
    except OSError:
        return None
    return None if len(data) > MAX_PLAN_BYTES else content_key(data, format)


@functools.cache
def _seeded(format: str) -> hashlib._Hash:
    """SHA-256 fed with the code tag and `format`, to copy for each file's key."""
    digest = hashlib.sha256(_code_tag())
    digest.update(format.encode())
    digest.update(b"\0")
    return digest


def pickle_plan(plan: Plan) -> bytes:
    """`plan` as a cache entry's payload (see `gender_plan.io._plan_pickle`)."""
    return _plan_pickle.dumps(plan)


def unpickle_plan(payload: bytes | memoryview) -> Plan | None:
    """The plan of a payload written by `pickle_plan`, or None when it is not one."""
    try:
        plan = _plan_pickle.loads(payload)
    except Exception:
        return None
    return plan if isinstance(plan, Plan) else None


def _read_entry(path: Path, kind: _Kind) -> memoryview | None:
    """The payload of the entry at `path`, or None when it is missing or fails its checksum."""
    magic, check, size = kind
    try:
        entry = path.read_bytes()
    except OSError:
        return None
    head = len(magic)
    if not entry.startswith(magic) or len(entry) <= head + size:
        return None
    payload = memoryview(entry)[head + size:]  # a view: a bundle can be large
    if check([payload]) != entry[head : head + size]:
        return None
    return payload
