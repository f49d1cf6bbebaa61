"""A cache of loaded plans keyed by the file's content, so that thousands of plans load fast.

A plan file is parsed and validated once; the valid plan is kept in a cache entry named by the
SHA-256 of the file's bytes, its format and the code that reads it (the library's version and
the text of its model and reader modules). A file that changed has another key, so a stale plan
is never served; a plan whose file has problems is never cached, so its errors are reported on
every load. Each entry carries the digest of its own payload: an entry that is truncated,
corrupt or written by another version is ignored and written again.

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
from pathlib import Path

import attrs

from gender_plan.io._atomic import write_bytes_atomic
from gender_plan.model import Plan

__all__ = ["PlanCache", "default_cache_dir"]

_MAGIC = b"gender-plan plan cache 1\n"
_DIGEST = 32


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
        digest = hashlib.sha256(_code_tag())
        digest.update(format.encode())
        digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> Plan | None:
        """The plan stored under `key`, or None when there is none or it cannot be trusted."""
        try:
            entry = (self.folder / f"{key}.plan").read_bytes()
        except OSError:
            return None
        head = len(_MAGIC)
        if not entry.startswith(_MAGIC) or len(entry) <= head + _DIGEST:
            return None
        payload = entry[head + _DIGEST:]
        if hashlib.sha256(payload).digest() != entry[head : head + _DIGEST]:
            return None
        try:
            plan = pickle.loads(payload)
        except Exception:
            return None
        return plan if isinstance(plan, Plan) else None

    def put(self, key: str, plan: Plan) -> None:
        """Store `plan` under `key`, atomically; a cache that cannot be written is skipped."""
        payload = pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL)
        entry = _MAGIC + hashlib.sha256(payload).digest() + payload
        # A cache is a convenience: a read-only or full disk must not stop the plan loading.
        with contextlib.suppress(OSError):
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_bytes_atomic(self.folder / f"{key}.plan", entry, durable=False)
