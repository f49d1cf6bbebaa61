"""Output on a console that cannot show Vietnamese (a cp1252 or cp1258 Windows code page).

Rather than fail with ``UnicodeEncodeError``, letters the console's encoding lacks are written
without their marks (``Lai Khê`` as ``Lai Khe``, ``đ`` as ``d``), and one notice says how to
see them. Data formats (CSV, JSON) bypass this: `write_data` writes them as UTF-8 bytes.
"""

from __future__ import annotations

import codecs
import sys
import unicodedata
from typing import TextIO

from gender_plan._i18n import Language, msg, render

__all__ = ["ERRORS", "plain", "plain_console", "write_data"]

ERRORS = "gender_plan.plain"
"""The codec error handler that writes a letter without its marks, else '?'."""
_SAMPLE = "Kế hoạch Lai Khê, Đạt"


def plain(text: str) -> str:
    """`text` without diacritics: ``Hưng Đạo`` gives ``Hung Dao``."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _handler(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):  # pragma: no cover - only for encoding
        raise error
    part = error.object[error.start:error.end]
    text = "".join(c if _encodes(c, error.encoding) else "?" for c in plain(part))
    return text, error.end


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


codecs.register_error(ERRORS, _handler)


def plain_console(language: Language) -> None:
    """Make stdout and stderr write marks they cannot encode as plain letters; tell once."""
    lacking = []
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        if _encodes(_SAMPLE, encoding) or not hasattr(stream, "reconfigure"):
            continue
        stream.reconfigure(errors=ERRORS)
        lacking.append(encoding)
    if lacking:
        print(render(msg("note: the console's encoding ({encoding}) cannot show Vietnamese "
                         "letters, so they are shown without their marks; to see them set "
                         "PYTHONIOENCODING=utf-8 (on Windows also: chcp 65001), or write a file "
                         "(report --out, assess --format csv > file.csv)",
                         encoding=lacking[0]), language), file=sys.stderr)


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
