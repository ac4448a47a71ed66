"""HTML to PDF with WeasyPrint (the annual report). Fonts and CSS come from the page itself; nothing
is fetched from the network (a url_fetcher that refuses every URL)."""

from __future__ import annotations

from typing import Any

from weasyprint import HTML


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"the report does not load external resources ({url})")


def render_pdf(html: str) -> bytes:
    document = HTML(string=html, url_fetcher=_no_fetch)
    result = document.write_pdf()
    assert result is not None  # noqa: S101 - write_pdf without a target returns the bytes
    return bytes(result)
