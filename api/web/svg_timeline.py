"""The timeline picture: each commitment on a line of months counted from the announcement.

A commitment due within N months gets a diamond at N; a recurring one gets a
tick at every occurrence (its frequency's ``intervalMonths``) up to its due
date or the end of the axis, and a continuous one a bar across it, so a
reader sees at a glance what is due when and what keeps coming back. Each
status a follow-up reported is a dot at its date, coloured by status, so a
delay or a fulfilment shows against the due date it answers. Drawn
server-side as SVG, so it needs no script and prints as it shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from api.resource_models import Commitment

LABEL_WIDTH = 250
ROW = 26
TOP = 40
RIGHT = 30
WIDTH = 900
MAX_LABEL = 34
STATUS_COLOURS = {
    "in-progress": "#0b5cad", "fulfilled": "#1e6b34", "partially-fulfilled": "#6b8e23",
    "delayed": "#b35c00", "revised": "#6a3d9a", "abandoned": "#b00020",
}  # fmt: skip


@dataclass(frozen=True)
class StatusMark:
    """A status a follow-up reported, placed at its month from the announcement."""

    months: float
    status: str
    label: str
    date: str
    current: bool = False


@dataclass(frozen=True)
class Lane:
    """One commitment's marks: when it is due, and how often it recurs (None: once)."""

    iri: str
    label: str
    due: float | None
    interval: float | None
    recurring: bool
    statuses: tuple[StatusMark, ...] = ()


def lanes(
    commitments: list[Commitment], statuses: dict[str, list[StatusMark]] | None = None
) -> list[Lane]:
    """The commitments that state a timeline or a frequency or were reported on, due first."""
    statuses = statuses or {}
    found = []
    for commitment in commitments:
        due = commitment.timeline.months if commitment.timeline else None
        frequency = commitment.frequency
        reported = tuple(statuses.get(commitment.iri, ()))
        if due is None and frequency is None and not reported:
            continue
        found.append(
            Lane(
                iri=commitment.iri,
                label=commitment.label or commitment.iri,
                due=due,
                interval=frequency.intervalMonths if frequency else None,
                recurring=frequency is not None,
                statuses=reported,
            )
        )
    return sorted(found, key=lambda lane: (lane.due is None, lane.due or 0, lane.label))


def horizon(rows: list[Lane]) -> int:
    """Months the axis spans: past the latest due date, at least a year, in whole quarters."""
    latest = max(
        (max([lane.due or 0, *(mark.months for mark in lane.statuses)]) for lane in rows),
        default=0,
    )
    return max(12, math.ceil((latest + 1) / 3) * 3)


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _ticks(span: int) -> list[int]:
    step = 3 if span <= 24 else 6 if span <= 48 else 12
    return list(range(0, span + 1, step))


def _lane_marks(lane: Lane, y: float, x_of, span: int) -> list[str]:
    marks = []
    end = lane.due if lane.due is not None else span
    if lane.recurring and lane.interval is None:
        marks.append(
            f'<rect class="continuous" x="{x_of(0):.1f}" y="{y - 4:.1f}" '
            f'width="{x_of(end) - x_of(0):.1f}" height="8" rx="3"/>'
        )
    elif lane.recurring and lane.interval:
        count = int(end / lane.interval + 1e-9)
        for step in range(1, count + 1):
            x = x_of(step * lane.interval)
            marks.append(
                f'<line class="recurrence" x1="{x:.1f}" y1="{y - 7:.1f}" '
                f'x2="{x:.1f}" y2="{y + 7:.1f}"/>'
            )
    if lane.due is not None:
        x = x_of(lane.due)
        marks.append(f'<path class="due" d="M{x:.1f} {y - 8:.1f} l8 8 l-8 8 l-8 -8 z"/>')
    for mark in lane.statuses:
        ring = ' stroke="#1b1f24" stroke-width="2"' if mark.current else ""
        colour = STATUS_COLOURS.get(mark.status, "#4a5560")
        x = x_of(max(mark.months, 0))
        marks.append(
            f'<circle class="status status-{escape(mark.status)}" cx="{x:.1f}"'
            f' cy="{y:.1f}" r="5" fill="{colour}"{ring}>'
            f"<title>{escape(mark.label)}, {escape(mark.date)}"
            f"{' (current)' if mark.current else ''}</title></circle>"
        )
    return marks


def months_between(start: str, end: str) -> float:
    """Months from one ISO date to another, days as thirtieths: where a report falls."""
    (y1, m1, d1), (y2, m2, d2) = (map(int, d[:10].split("-")) for d in (start, end))
    return (y2 - y1) * 12 + (m2 - m1) + (d2 - d1) / 30


def draw(
    commitments: list[Commitment],
    title: str,
    statuses: dict[str, list[StatusMark]] | None = None,
) -> str | None:
    """The SVG of the commitments' timing and reported statuses, or None when there is none."""
    rows = lanes(commitments, statuses)
    if not rows:
        return None
    span = horizon(rows)
    height = TOP + ROW * len(rows) + 30
    plot = WIDTH - LABEL_WIDTH - RIGHT

    def x_of(months: float) -> float:
        return LABEL_WIDTH + plot * months / span

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="timeline-title">',
        f'<title id="timeline-title">{escape(title)}</title>',
        "<style>text{font:12px system-ui,sans-serif;fill:#1b1f24}.axis{stroke:#4a5560}"
        ".grid{stroke:#d5dbe1}.due{fill:#0b5cad}.recurrence{stroke:#1e6b34;stroke-width:3}"
        ".continuous{fill:#1e6b34;opacity:.55}.legend{fill:#4a5560}</style>",
    ]
    for tick in _ticks(span):
        x = x_of(tick)
        parts.append(
            f'<line class="grid" x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{height - 26}"/>'
        )
        parts.append(f'<text x="{x:.1f}" y="{TOP - 14}" text-anchor="middle">{tick}</text>')
    parts.append(
        f'<text class="legend" x="{LABEL_WIDTH - 10}" y="{TOP - 14}" '
        'text-anchor="end">months from announcement</text>'
    )
    for index, lane in enumerate(rows):
        y = TOP + ROW * index + ROW / 2
        parts.append(
            f"<g><title>{escape(lane.label)}</title>"
            f'<text x="{LABEL_WIDTH - 10}" y="{y + 4:.1f}" text-anchor="end" '
            f"data-iri={quoteattr(lane.iri)}>{escape(_short(lane.label))}</text>"
            f'<line class="axis" x1="{LABEL_WIDTH}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            'stroke-dasharray="2 4"/>' + "".join(_lane_marks(lane, y, x_of, span)) + "</g>"
        )
    legend_y = height - 8
    parts.append(
        f'<path class="due" d="M{LABEL_WIDTH} {legend_y - 8} l6 6 l-6 6 l-6 -6 z"/>'
        f'<text x="{LABEL_WIDTH + 10}" y="{legend_y + 2}">due</text>'
        f'<line class="recurrence" x1="{LABEL_WIDTH + 60}" y1="{legend_y - 8}" '
        f'x2="{LABEL_WIDTH + 60}" y2="{legend_y + 4}"/>'
        f'<text x="{LABEL_WIDTH + 68}" y="{legend_y + 2}">each occurrence</text>'
        f'<rect class="continuous" x="{LABEL_WIDTH + 180}" y="{legend_y - 6}" width="24" '
        'height="8" rx="3"/>'
        f'<text x="{LABEL_WIDTH + 210}" y="{legend_y + 2}">continuous</text>'
    )
    if any(lane.statuses for lane in rows):
        parts.append(
            f'<circle cx="{LABEL_WIDTH + 300}" cy="{legend_y - 2}" r="5" fill="#4a5560"/>'
            f'<text x="{LABEL_WIDTH + 310}" y="{legend_y + 2}">status reported '
            "(colour: status; ringed: current)</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
