"""Inline SVG charts (no JavaScript, no external assets): horizontal bars and a line chart.
Every label and number is also in the SVG as text, so the counts survive printing."""

from __future__ import annotations

from html import escape

PALETTE = ("#1f5fa8", "#c0392b", "#2e8b57", "#d68910", "#7d3c98", "#566573")
_FONT = 'font-family="sans-serif" font-size="12"'


def _nice_step(value: float) -> int:
    """The smallest 1, 2 or 5 × 10^k that is ≥ value (at least 1: counts are integers)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def bar_chart(title: str, rows: list[tuple[str, int]], width: int = 640) -> str:
    """Horizontal bars, one row per (label, count), in the given order."""
    label_w, row_h, top = 170, 26, 30
    height = top + row_h * max(len(rows), 1) + 10
    plot_w = width - label_w - 60
    peak = max((count for _, count in rows), default=0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="18" {_FONT} font-weight="bold">{escape(title)}</text>',
    ]
    if not rows:
        parts.append(f'<text x="0" y="{top + 16}" {_FONT} fill="#777">（无数据）</text>')
    for i, (label, count) in enumerate(rows):
        y = top + i * row_h
        bar = 0 if peak == 0 else round(plot_w * count / peak)
        colour = PALETTE[i % len(PALETTE)]
        short = label if len(label) <= 12 else label[:11] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 17}" text-anchor="end" {_FONT}>'
            f"<title>{escape(label)}</title>{escape(short)}</text>"
            f'<rect x="{label_w}" y="{y + 4}" width="{max(bar, 1)}" height="{row_h - 8}" '
            f'fill="{colour}"/>'
            f'<text x="{label_w + bar + 6}" y="{y + 17}" {_FONT}>{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def line_chart(
    title: str,
    labels: list[str],
    series: dict[str, list[int]],
    width: int = 640,
    height: int = 260,
) -> str:
    """One line per series over the ``labels`` (periods) on the x axis."""
    left, right, top, bottom = 48, 16, 44, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    step = _nice_step(max((v for values in series.values() for v in values), default=0) / 4)
    peak = 4 * step  # four integer gridline steps
    n = len(labels)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="18" {_FONT} font-weight="bold">{escape(title)}</text>',
    ]
    for k, name in enumerate(series):
        x = left + k * 110
        colour = PALETTE[k % len(PALETTE)]
        parts.append(
            f'<rect x="{x}" y="26" width="12" height="4" fill="{colour}"/>'
            f'<text x="{x + 16}" y="32" {_FONT}>{escape(name)}</text>'
        )
    for tick in range(5):
        value = step * tick
        y = top + plot_h - plot_h * tick / 4
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" {_FONT}>{value}</text>'
        )
    if n == 0:
        parts.append(f'<text x="{left + 8}" y="{top + 20}" {_FONT} fill="#777">（无数据）</text>')

    def x_at(i: int) -> float:
        return left + (plot_w / 2 if n == 1 else plot_w * i / (n - 1))

    every = max(1, -(-n // max(1, plot_w // 84)))  # x labels ~84 px apart at least
    for i, label in enumerate(labels):
        if i % every == 0:
            parts.append(
                f'<text x="{x_at(i):.1f}" y="{height - bottom + 18}" text-anchor="middle" '
                f"{_FONT}>{escape(label)}</text>"
            )
    for k, values in enumerate(series.values()):
        colour = PALETTE[k % len(PALETTE)]
        points = " ".join(
            f"{x_at(i):.1f},{top + plot_h - plot_h * v / peak:.1f}" for i, v in enumerate(values)
        )
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
        )
        for i, v in enumerate(values):
            y = top + plot_h - plot_h * v / peak
            parts.append(
                f'<circle cx="{x_at(i):.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                f"<title>{escape(labels[i])}: {v}</title></circle>"
            )
    parts.append("</svg>")
    return "".join(parts)
