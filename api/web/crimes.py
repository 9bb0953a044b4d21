"""The crime category page: the ICCS tree with the commitments that address each category.

A commitment addresses a category when it names it or its agreement does
(the rule of ``GET /commitments?crime=``); each branch counts the distinct
commitments beneath it, so a section shows at a glance where the cooperation
goes. Categories open by anchor (``/ui/crimes#drug-trafficking``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.deps import ServicesDep
from api.resource_models import Agreement, Commitment, CrimeCategory
from api.resources import crime_tree
from api.web import data
from api.web.render import PageRoute, render

router = APIRouter(route_class=PageRoute)


@dataclass
class Branch:
    """A category with the commitments addressing it and its narrower categories."""

    category: CrimeCategory
    anchor: bool
    commitments: list[tuple[Commitment, Agreement | None]]
    children: list[Branch] = field(default_factory=list)
    under: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return len(self.under)


def addressed(
    commitments: list[Commitment], agreements: list[Agreement]
) -> dict[str, list[tuple[Commitment, Agreement | None]]]:
    """Category IRI → the commitments addressing it, themselves or through their agreement."""
    by_iri = {agreement.iri: agreement for agreement in agreements}
    found: dict[str, list[tuple[Commitment, Agreement | None]]] = {}
    for commitment in commitments:
        agreement = by_iri.get(commitment.agreement.iri) if commitment.agreement else None
        categories = {ref.iri for ref in commitment.addresses}
        if agreement is not None:
            categories |= {ref.iri for ref in agreement.addresses}
        for iri in sorted(categories):
            found.setdefault(iri, []).append((commitment, agreement))
    return found


def branches(
    tree: list[CrimeCategory], found: dict[str, list[tuple[Commitment, Agreement | None]]]
) -> list[Branch]:
    """The tree with its commitments; a category under two parents is anchored once."""
    anchored: set[str] = set()

    def build(category: CrimeCategory) -> Branch:
        first = category.code not in anchored
        anchored.add(category.code)
        own = sorted(found.get(category.iri, []), key=lambda pair: pair[0].label or "")
        branch = Branch(category, first, own)
        branch.children = [build(child) for child in category.narrower]
        branch.under = {commitment.iri for commitment, _ in own}
        for child in branch.children:
            branch.under |= child.under
        return branch

    return [build(category) for category in tree]


@router.get("/ui/crimes", response_class=HTMLResponse)
async def crimes_page(request: Request, services: ServicesDep) -> HTMLResponse:
    base = str(request.base_url).rstrip("/")
    tree = await crime_tree(services, base)
    found = addressed(await data.commitments(services, base), await data.agreements(services, base))
    return render(
        request,
        "crimes.html",
        nav="crimes",
        title="Crime categories",
        branches=branches(tree, found),
    )
