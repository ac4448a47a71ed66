"""The name an evidence document is downloaded under: a pure module (no Django).

The uploaded name is the submitter's input, so it is never trusted: no path, no control or quoting
characters, no leading dot, a bounded length, and an extension that matches the type we sniffed at
upload (a text file uploaded as "report.html" is downloaded as "report.html.txt", so no browser or
desktop opens it as a page).
"""

from __future__ import annotations

import re
import unicodedata

EXTENSIONS = {
    "application/pdf": (".pdf",),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg"),
    "text/plain": (".txt",),
}
MAX_LENGTH = 100
_UNSAFE = re.compile(r"[^\w.\- ()]+")
_SPACES = re.compile(r"\s+")


def safe_filename(original: str, content_type: str, *, fallback: str = "document") -> str:
    """A download name from the uploaded one: letters, digits, space, ".-_()" only, the extension of
    the sniffed content type, at most MAX_LENGTH characters."""
    name = original.replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", name)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE.sub("_", name)
    name = _SPACES.sub(" ", name).strip(" ._")
    extensions = EXTENSIONS.get(content_type, (".bin",))
    stem = name
    if name.lower().endswith(extensions):
        stem, _, ext = name.rpartition(".")
        extension = f".{ext}"
    else:
        extension = extensions[0]
    stem = stem.strip(" ._") or fallback
    return stem[: MAX_LENGTH - len(extension)].rstrip(" ._") + extension
