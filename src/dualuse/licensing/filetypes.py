"""What an uploaded document really is, from its bytes (pure; no Django): PDF, PNG, JPEG, ODT, DOCX.

The name's extension must agree with the content, so a renamed executable is refused.
"""

from __future__ import annotations

import io
import zipfile
from typing import BinaryIO

ALLOWED: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg"),
    "application/vnd.oasis.opendocument.text": (".odt",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
}
ODT = "application/vnd.oasis.opendocument.text"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _zip_kind(stream: BinaryIO) -> str | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                return ODT
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return DOCX
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def sniff(stream: BinaryIO) -> str | None:
    """The content type of `stream` if it is one we accept, else None. Leaves the stream at 0."""
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    kind: str | None = None
    if head.startswith(b"%PDF-"):
        kind = "application/pdf"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "image/png"
    elif head.startswith(b"\xff\xd8\xff"):
        kind = "image/jpeg"
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(stream)
    stream.seek(0)
    return kind


def check(name: str, stream: BinaryIO, size: int, max_bytes: int) -> tuple[str | None, str]:
    """(content type, "") when acceptable, else (None, why)."""
    if size <= 0:
        return None, "the file is empty"
    if size > max_bytes:
        return None, f"the file is {size:,} bytes; the limit is {max_bytes:,} bytes"
    kind = sniff(stream)
    if kind is None:
        return None, "only PDF, PNG, JPEG, ODT and DOCX documents are accepted"
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in ALLOWED[kind]:
        return (
            None,
            f"the file's name ({suffix or 'no extension'}) does not match its content ({ALLOWED[kind][0]})",
        )
    return kind, ""


def sample(kind: str) -> bytes:
    """Small valid files of each kind, for tests and demo data."""
    if kind == "pdf":
        return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    if kind == "png":
        return b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
    if kind == "docx":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<document/>")
        return buffer.getvalue()
    raise ValueError(kind)
