"""Output on a console that cannot show Vietnamese (a cp1252 or cp1258 Windows code page).

Rather than fail with ``UnicodeEncodeError``, the text is written without its marks (``Lai Khê``
as ``Lai Khe``, ``đ`` as ``d``: how Vietnamese is typed where marks cannot be), all of it rather
than only the letters the code page lacks, so that words read evenly; one note says how to see
the marks. Data formats (CSV, JSON) bypass this: `write_data` writes them as UTF-8 bytes.
"""

from __future__ import annotations

import contextlib
import io
import sys
import unicodedata
from collections.abc import Iterator
from typing import TextIO

from gender_plan._i18n import Language, msg, render

__all__ = ["plain", "plain_console", "write_data"]

_SAMPLE = "Kế hoạch Lai Khê, Đạt ≥"
_SIGNS = str.maketrans({"≥": ">=", "≤": "<=", "≈": "~", "–": "-", "—": "-", "…": "...",
                        "“": '"', "”": '"', "‘": "'", "’": "'", "đ": "d", "Đ": "D"})


def plain(text: str) -> str:
    """`text` without diacritics: ``Hưng Đạo ≥ 60`` gives ``Hung Dao >= 60``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SIGNS))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if not unicodedata.combining(c)))


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


class _Plain(io.TextIOBase):
    """A text stream that writes through another one without marks, '?' for what still fails."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.buffer = getattr(stream, "buffer", None)

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._stream.encoding

    def write(self, text: str) -> int:
        encoded = plain(text).encode(self._stream.encoding, errors="replace")
        self._stream.write(encoded.decode(self._stream.encoding))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()


@contextlib.contextmanager
def plain_console(language: Language) -> Iterator[None]:
    """Within: stdout and stderr without marks where their encoding lacks them; told once."""
    saved = sys.stdout, sys.stderr
    lacking = [stream.encoding for stream in saved
               if not _encodes(_SAMPLE, getattr(stream, "encoding", None) or "utf-8")]
    if not lacking:
        yield
        return
    if not _encodes(_SAMPLE, sys.stdout.encoding or "utf-8"):
        sys.stdout = _Plain(saved[0])
    if not _encodes(_SAMPLE, sys.stderr.encoding or "utf-8"):
        sys.stderr = _Plain(saved[1])
    try:
        print(render(msg("note: the console's encoding ({encoding}) cannot show Vietnamese "
                         "letters, so they are shown without their marks; to see them set "
                         "PYTHONIOENCODING=utf-8 (on Windows also: chcp 65001), or write a file "
                         "(report --out, assess --format csv > file.csv)",
                         encoding=lacking[0]), language), file=sys.stderr)
        yield
    finally:
        sys.stdout.flush()
        sys.stdout, sys.stderr = saved


def write_data(text: str, *, bom: bool = False, stream: TextIO | None = None) -> None:
    """Write CSV or JSON `text` as UTF-8 whatever the console's encoding (with a BOM: Excel)."""
    stream = sys.stdout if stream is None else stream
    data = text.encode("utf-8-sig" if bom else "utf-8")
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text-only stream (io.StringIO): it holds text, not bytes
        stream.write(data.decode("utf-8"))
        return
    stream.flush()
    buffer.write(data)
    buffer.flush()
