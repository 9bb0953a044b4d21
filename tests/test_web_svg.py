"""The SVG pictures drawn for the agreement page, from commitments built by hand.

Each case states what a reader must see: a diamond where a commitment is
due, one tick per occurrence of a recurring one, a bar for a continuous one,
and in the graph one box per distinct target with one edge per link.
"""

from __future__ import annotations

from lxml import etree

from api.resource_models import Commitment, Frequency, Ref, Timeline
from api.web import svg_graph, svg_timeline

SVG = {"svg": "http://www.w3.org/2000/svg"}
ID = "https://w3id.org/pactgraph/id/"


def commitment(number: int, label: str, **fields: object) -> Commitment:
    return Commitment(iri=f"{ID}document/d/commitment/1-{number}", label=label, **fields)


def frequency(key: str, interval: float | None) -> Frequency:
    return Frequency(iri=f"{ID}frequency/{key}", label=key.title(), intervalMonths=interval)


def parse(svg: str | None) -> etree._Element:
    assert svg is not None
    return etree.fromstring(svg.encode("utf-8"))


def lane(tree: etree._Element, label: str) -> etree._Element:
    return tree.xpath(f"./svg:g[svg:title='{label}']", namespaces=SVG)[0]


def test_due_dates_recurrences_and_continuous_work_are_drawn_apart() -> None:
    commitments = [
        commitment(1, "Quarterly review", frequency=frequency("quarterly", 3.0),
                   timeline=Timeline(iri=f"{ID}t/1", months=12.0)),
        commitment(2, "Standing patrols", frequency=frequency("continuous", None)),
        commitment(3, "Joint database", timeline=Timeline(iri=f"{ID}t/3", months=18.0)),
        commitment(4, "No timing stated"),
    ]  # fmt: skip
    tree = parse(svg_timeline.draw(commitments, "Timing"))
    lanes = tree.xpath("./svg:g/svg:title/text()", namespaces=SVG)
    assert lanes == ["Quarterly review", "Joint database", "Standing patrols"]
    quarterly = lane(tree, "Quarterly review")
    assert len(quarterly.xpath("./svg:line[@class='recurrence']", namespaces=SVG)) == 4
    assert len(quarterly.xpath("./svg:path[@class='due']", namespaces=SVG)) == 1
    assert (
        len(lane(tree, "Standing patrols").xpath("./svg:rect[@class='continuous']", namespaces=SVG))
        == 1
    )
    assert svg_timeline.horizon(svg_timeline.lanes(commitments)) == 21


def test_no_timing_no_timeline() -> None:
    assert svg_timeline.draw([commitment(1, "Talks")], "Timing") is None


def test_shared_targets_are_one_box_with_an_edge_per_link() -> None:
    police = Ref(iri=f"{ID}agency/AUS/australian-federal-police", label="Australian Federal Police")
    fraud = Ref(iri=f"{ID}crime/fraud", label="Fraud")
    outcome = Ref(iri=f"{ID}document/d/outcome/1", label="Fewer scams")
    commitments = [
        commitment(1, "Team", implementedBy=[police], addresses=[fraud], outcomes=[outcome]),
        commitment(2, "Alerts", implementedBy=[police], addresses=[fraud]),
    ]
    tree = parse(svg_graph.draw(commitments, "Links"))
    hrefs = tree.xpath("./svg:a/@href", namespaces=SVG)
    assert hrefs.count("/ui/agencies/AUS/australian-federal-police") == 1
    assert hrefs.count("/ui/crimes#fraud") == 1
    assert len(tree.xpath("./svg:path", namespaces=SVG)) == 5
    heads = tree.xpath("./svg:text[@class='head']/text()", namespaces=SVG)
    assert heads == ["Commitments", "Outcomes", "Lead agencies", "Crime categories"]
    assert svg_graph.draw([commitment(3, "Alone")], "Links") is None


def test_reported_statuses_are_dots_at_their_month() -> None:
    commitments = [commitment(1, "Radar link", timeline=Timeline(iri=f"{ID}t/1", months=6.0))]
    months = svg_timeline.months_between("2024-03-14", "2025-03-14")
    assert months == 12
    marks = {
        commitments[0].iri: [
            svg_timeline.StatusMark(months, "delayed", "Delayed", "2025-03-14"),
            svg_timeline.StatusMark(18.0, "fulfilled", "Fulfilled", "2025-09-14", current=True),
        ]
    }
    tree = parse(svg_timeline.draw(commitments, "t", marks))
    dots = lane(tree, "Radar link").xpath("./svg:circle", namespaces=SVG)
    due = lane(tree, "Radar link").xpath("./svg:path[@class='due']", namespaces=SVG)[0]
    xs = [float(dot.get("cx")) for dot in dots]
    classes = [dot.get("class") for dot in dots]
    assert classes == ["status status-delayed", "status status-fulfilled"]
    # six months after the due date, then six more: evenly spaced past the diamond
    due_x = float(due.get("d").split()[0][1:])
    assert xs[0] > due_x and abs((xs[1] - xs[0]) - (xs[0] - due_x)) < 0.5
    assert [bool(dot.get("stroke")) for dot in dots] == [False, True]
    assert "Fulfilled, 2025-09-14 (current)" in dots[1].xpath("string(./svg:title)", namespaces=SVG)
