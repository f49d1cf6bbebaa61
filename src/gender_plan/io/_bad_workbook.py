"""Why a file cannot be read as an Excel workbook, in the reader's words.

The zip and XML libraries say ``BadZipFile: File is not a zip file`` for an empty file, a CSV
file named ``.xlsx``, a workbook protected by a password and one copied only in part alike.
The file's first bytes tell these apart: an ``.xlsx`` file is a zip archive (``PK``); a
workbook encrypted with a password to open it, and an Excel 97-2003 workbook, are OLE2
compound files (``D0 CF 11 E0``, Microsoft's [MS-CFB]), the encrypted one with an
``EncryptionInfo`` stream (Microsoft's [MS-OFFCRYPTO]), the old workbook with a ``Workbook``
stream. The exception's class stays in the message as a technical detail, for whoever reports
the problem; its English text does not.
"""

from __future__ import annotations

from gender_plan._i18n import Msg, msg
from gender_plan.errors import FileFormatError, Problem

__all__ = ["not_a_workbook"]

_OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
"""The signature that opens an OLE2 compound file's header ([MS-CFB])."""
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
"""The name of the stream an encrypted Office file holds, as its directory writes it."""
_XLS = "Workbook".encode("utf-16-le")
"""The name of the stream that holds an Excel 97-2003 workbook ([MS-XLS])."""
_SAVE_AS = msg("save it from Excel as 'Excel Workbook (.xlsx)'")


def not_a_workbook(name: str, data: bytes, error: Exception, *,
                   subject: str) -> FileFormatError:
    """The error for `data` (the file `name`), which the readers failed on with `error`."""
    reason, hint = _why(data, error)
    return FileFormatError([Problem(file=name, message=msg(
        "cannot be read as an Excel workbook: {reason} [{kind}]", reason=reason,
        kind=type(error).__name__), hint=hint)], subject=subject)


def _why(data: bytes, error: Exception) -> tuple[Msg, Msg]:
    """What the file is instead of a workbook, and what to do."""
    if not data:
        return msg("the file is empty"), _SAVE_AS
    if data.startswith(_OLE2):
        if _ENCRYPTED in data:
            return (msg("the workbook is protected by a password to open it"),
                    msg("in Excel, clear the password (File > Info > Protect Workbook > "
                        "Encrypt with Password), save, and give the file again"))
        if _XLS in data:
            return (msg("it is an Excel 97-2003 workbook (.xls), not an .xlsx workbook"),
                    _SAVE_AS)
    if data.startswith(b"PK"):
        if isinstance(error, KeyError):  # a zip archive without a workbook's parts
            return (msg("it is a zip archive without the parts of a workbook (another kind of "
                        "file named .xlsx?)"), _SAVE_AS)
        return (msg("the file is damaged: a part of the workbook is missing or broken (was it "
                    "copied or downloaded only in part?)"),
                msg("copy the file again from where it came, or open it in Excel and save it "
                    "again"))
    if _is_text(data):
        return (msg("it is a text file, not a workbook (a CSV file named .xlsx?)"),
                msg("give it a name ending in .csv, or open it in Excel and save it as 'Excel "
                    "Workbook (.xlsx)'"))
    return msg("it is another kind of file named .xlsx, not an Excel workbook"), _SAVE_AS


def _is_text(data: bytes) -> bool:
    """Whether the file's start reads as UTF-8 text without control characters (a CSV file)."""
    head = data[:4096]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # not a character cut at the end of the sample
            return False
        text = head[: error.start].decode("utf-8")
    return all(c.isprintable() or c in "\t\r\n" for c in text.lstrip("\ufeff"))
