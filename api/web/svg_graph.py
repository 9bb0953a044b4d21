"""The graph picture: commitments on the left, linked to what they aim at, who leads them and
which crime categories they address on the right.

Each node is a link (to the evidence of a commitment or outcome, to an
agency's or category's page), so the picture is navigable by keyboard too.
Targets shared by several commitments appear once, which is what makes a
picture worth more than the table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from api.resource_models import Commitment, Ref
from api.web import links

WIDTH = 960
ROW = 24
TOP = 34
LEFT_X = 10
NODE_WIDTH = 300
RIGHT_X = WIDTH - NODE_WIDTH - 10
MAX_LABEL = 44

#: Kinds of target, in drawing order: (field of the commitment, heading, colour).
KINDS = (
    ("outcomes", "Outcomes", "#0b5cad"),
    ("implementedBy", "Lead agencies", "#8a4b08"),
    ("addresses", "Crime categories", "#6b2c91"),
)


@dataclass
class Target:
    ref: Ref
    kind: str
    sources: list[int] = field(default_factory=list)


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def targets(commitments: list[Commitment]) -> list[Target]:
    """Every outcome, agency and category the commitments link to, once each, by kind."""
    found: dict[tuple[str, str], Target] = {}
    for index, commitment in enumerate(commitments):
        for kind, _, _ in KINDS:
            for ref in getattr(commitment, kind):
                found.setdefault((kind, ref.iri), Target(ref, kind)).sources.append(index)
    order = {kind: position for position, (kind, _, _) in enumerate(KINDS)}
    return sorted(found.values(), key=lambda t: (order[t.kind], (t.ref.label or t.ref.iri).lower()))


def _node(x: float, y: float, label: str, href: str | None, colour: str, iri: str) -> str:
    box = (
        f'<rect x="{x}" y="{y - 9:.1f}" width="{NODE_WIDTH}" height="18" rx="4" '
        f'fill="#fff" stroke="{colour}"/>'
        f'<text x="{x + 6}" y="{y + 4:.1f}" data-iri={quoteattr(iri)}>'
        f"{escape(_short(label))}</text>"
    )
    inner = f"<title>{escape(label)}</title>{box}"
    if href:
        return f"<a href={quoteattr(href)}>{inner}</a>"
    return f"<g>{inner}</g>"


def draw(commitments: list[Commitment], title: str) -> str | None:
    """The SVG, or None when no commitment links to an outcome, agency or category."""
    right = targets(commitments)
    if not right:
        return None
    headings = {t.kind for t in right}
    right_rows = len(right) + len(headings)
    height = TOP + ROW * max(len(commitments), right_rows) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="graph-title">',
        f'<title id="graph-title">{escape(title)}</title>',
        "<style>text{font:12px system-ui,sans-serif;fill:#1b1f24}.head{font-weight:700}"
        "path{fill:none;stroke-width:1.5;opacity:.7}a:focus rect{stroke-width:3}</style>",
        f'<text class="head" x="{LEFT_X}" y="{TOP - 14}">Commitments</text>',
    ]
    left_y = [TOP + ROW * index + ROW / 2 for index in range(len(commitments))]
    edges, nodes = [], []
    row = 0
    colours = {kind: colour for kind, _, colour in KINDS}
    for kind, heading, colour in KINDS:
        group = [t for t in right if t.kind == kind]
        if not group:
            continue
        y_head = TOP + ROW * row + ROW / 2 + 4
        nodes.append(
            f'<text class="head" x="{RIGHT_X}" y="{y_head:.1f}" fill="{colour}">'
            f"{escape(heading)}</text>"
        )
        row += 1
        for target in group:
            y = TOP + ROW * row + ROW / 2
            row += 1
            href = links.page(target.ref.iri) or links.evidence(target.ref.iri)
            nodes.append(
                _node(
                    RIGHT_X,
                    y,
                    target.ref.label or target.ref.iri,
                    href,
                    colours[kind],
                    target.ref.iri,
                )
            )
            for source in target.sources:
                x1, y1 = LEFT_X + NODE_WIDTH, left_y[source]
                middle = (x1 + RIGHT_X) / 2
                edges.append(
                    f'<path d="M{x1} {y1:.1f} C{middle:.1f} {y1:.1f} {middle:.1f} '
                    f'{y:.1f} {RIGHT_X} {y:.1f}" stroke="{colour}"/>'
                )
    for index, commitment in enumerate(commitments):
        label = commitment.label or commitment.iri
        nodes.append(
            _node(
                LEFT_X,
                left_y[index],
                label,
                links.evidence(commitment.iri),
                "#4a5560",
                commitment.iri,
            )
        )
    parts.extend(edges)
    parts.extend(nodes)
    parts.append("</svg>")
    return "".join(parts)
