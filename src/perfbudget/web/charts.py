"""Charts drawn on the server as inline SVG (no JavaScript, no CDN, readable without colour)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

PALETTE = {
    "优": "#2f855a", "良": "#68a357", "中": "#d69e2e", "差": "#c53030", "未审核": "#a0aec0", "未自评": "#a0aec0",
    "draft": "#a0aec0", "submitted": "#3182ce", "returned": "#dd6b20", "approved": "#2f855a",
    "error": "#c53030", "warning": "#d69e2e", "info": "#4a90c2",
}
DEFAULT_COLOUR = "#4a6fa5"


def bar_chart(items: Sequence[tuple[str, int, str]], title: str, width: int = 360,
              links: Sequence[str] | None = None) -> Markup:
    """Horizontal bars: (label, value, colour key) each; the value is written at the bar's end.
    With ``links``, each bar (label, bar and value) is a link to its own URL."""
    bar_height, gap, label_width = 22, 8, 92
    height = len(items) * (bar_height + gap) + gap
    top = max((value for _, value, _ in items), default=0) or 1
    room = width - label_width - 48
    parts = [f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{escape(title)}</title>"]
    for i, (label, value, key) in enumerate(items):
        y = gap + i * (bar_height + gap)
        length = round(room * value / top) if value else 0
        colour = PALETTE.get(key, DEFAULT_COLOUR)
        if links:
            parts.append(f'<a href="{escape(links[i])}" class="bar-link">')
        parts.append(f'<text x="{label_width - 6}" y="{y + 16}" text-anchor="end" font-size="13">'
                     f"{escape(label)}</text>")
        parts.append(f'<rect x="{label_width}" y="{y}" width="{max(length, 1)}" height="{bar_height}" rx="3" '
                     f'fill="{colour}"><title>{escape(label)}：{value}</title></rect>')
        parts.append(f'<text x="{label_width + length + 6}" y="{y + 16}" font-size="13">{value}</text>')
        if links:
            parts.append("</a>")
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_bars(rows: Sequence[tuple[str, Sequence[tuple[str, int]]]], title: str, width: int = 360,
                 links: Sequence[str] | None = None, key_labels: dict[str, str] | None = None) -> Markup:
    """One horizontal stacked bar per row: (label, [(key, value) …]); the total is written at the end.
    With ``links``, each row (label, bar and total, titled 「label：total」) is a link to its own URL;
    ``key_labels`` name the keys in the segments' titles."""
    bar_height, gap, label_width = 22, 8, 92
    height = len(rows) * (bar_height + gap) + gap
    top = max((sum(v for _, v in parts) for _, parts in rows), default=0) or 1
    room = width - label_width - 48
    out = [f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
           f"<title>{escape(title)}</title>"]
    for i, (label, parts) in enumerate(rows):
        y = gap + i * (bar_height + gap)
        x = float(label_width)
        total = sum(v for _, v in parts)
        if links:
            out.append(f'<a href="{escape(links[i])}" class="bar-link"><title>{escape(label)}：{total}</title>')
        out.append(f'<text x="{label_width - 6}" y="{y + 16}" text-anchor="end" font-size="13">{escape(label)}</text>')
        for key, value in parts:
            if not value:
                continue
            length = room * value / top
            name = (key_labels or {}).get(key, key)
            out.append(f'<rect x="{x:.1f}" y="{y}" width="{length:.1f}" height="{bar_height}" '
                       f'fill="{PALETTE.get(key, DEFAULT_COLOUR)}"><title>{escape(label)} {escape(name)}：{value}'
                       f"</title></rect>")
            x += length
        if links and not total:  # an empty row still has something to click
            out.append(f'<rect x="{label_width}" y="{y}" width="1" height="{bar_height}" fill="{DEFAULT_COLOUR}"/>')
        out.append(f'<text x="{x + 6:.1f}" y="{y + 16}" font-size="13">{total}</text>')
        if links:
            out.append("</a>")
    out.append("</svg>")
    return Markup("".join(out))
