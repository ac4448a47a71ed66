"""Server-rendered SVG charts: a pure module (no Django, no JavaScript). Presentation attributes
only (no `style`), so the strict Content-Security-Policy holds. Every chart has a title and a
description for screen readers; pages show the same figures as a table next to it."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from itertools import count

BAR = "#0b4f9c"
LINE = "#6b1d87"
INK = "#1b1f24"
GRID = "#d6dbe1"
_ids = count(1)


def _fmt(value: float) -> str:
    if value >= 1_000_000_000:
        return f"{value / 1_000_000_000:.1f} bn"
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f} m"
    if value >= 10_000:
        return f"{value / 1_000:.0f} k"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _frame(width: int, height: int, title: str, description: str, body: list[str]) -> str:
    n = next(_ids)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="chart-t{n} chart-d{n}">'
        f'<title id="chart-t{n}">{escape(title)}</title><desc id="chart-d{n}">{escape(description)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def bar_chart(
    title: str, items: Sequence[tuple[str, float]], *, width: int = 640, label_width: int = 170
) -> str:
    """Horizontal bars, one per (label, value), in the order given."""
    row, top = 24, 8
    height = top * 2 + max(1, len(items)) * row
    peak = max((v for _, v in items), default=0) or 1
    plot = width - label_width - 70
    body = [f'<line x1="{label_width}" y1="{top}" x2="{label_width}" y2="{height - top}" stroke="{GRID}"/>']
    for i, (label, value) in enumerate(items):
        y = top + i * row
        bar = max(1.0, plot * value / peak) if value else 0.0
        body.append(
            f'<text x="{label_width - 6}" y="{y + 16}" text-anchor="end" font-size="13" fill="{INK}">'
            f"{escape(label[:28])}</text>"
            f'<rect x="{label_width}" y="{y + 4}" width="{bar:.1f}" height="{row - 8}" fill="{BAR}"/>'
            f'<text x="{label_width + bar + 6:.1f}" y="{y + 16}" font-size="12" fill="{INK}">{_fmt(value)}</text>'
        )
    if not items:
        body.append(f'<text x="{label_width + 8}" y="{top + 16}" font-size="13" fill="{INK}">no data</text>')
    description = "; ".join(f"{label}: {_fmt(value)}" for label, value in items) or "no data"
    return _frame(width, height, title, description, body)


def line_chart(
    title: str, points: Sequence[tuple[str, float]], *, width: int = 640, height: int = 220
) -> str:
    """A line over ordered categories (years), with a dot and a label per point."""
    left, right, top, bottom = 50, 20, 16, 36
    peak = max((v for _, v in points), default=0) or 1
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(points) - 1)
    coords = [(left + i * step, top + plot_h * (1 - v / peak)) for i, (_, v) in enumerate(points)]
    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="{GRID}"/>',
        f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" font-size="11" fill="{INK}">{_fmt(peak)}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" font-size="11" fill="{INK}">0</text>',
    ]
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        body.append(f'<polyline points="{path}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    for (x, y), (label, value) in zip(coords, points, strict=True):
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{LINE}"/>'
            f'<text x="{x:.1f}" y="{height - 14}" text-anchor="middle" font-size="12" fill="{INK}">{escape(label)}</text>'
            f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle" font-size="11" fill="{INK}">{_fmt(value)}</text>'
        )
    if not points:
        body.append(f'<text x="{left + 8}" y="{top + 16}" font-size="13" fill="{INK}">no data</text>')
    description = "; ".join(f"{label}: {_fmt(value)}" for label, value in points) or "no data"
    return _frame(width, height, title, description, body)
