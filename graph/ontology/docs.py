"""`pactgraph ontology docs`: browsable HTML pages of the ontology and its vocabularies.

pyLODE was the first choice, but its 3.4.1 wheel cannot be imported from an
installed package (its version module reads a pyproject.toml the wheel does
not ship), so the pages come from small Jinja2 templates instead: one page
for the core ontology, one per SKOS concept scheme (a tree along
skos:broader, with notations), one per gazetteer of actors, the agencies
grouped by the nation or organization they serve, and an index linking them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from graph.namespaces import DCTERMS, ID, PG, SKOS, slug
from graph.ontology.checks_source import short_name
from graph.ontology.doc_names import Link, Namer
from graph.ontology.files import model_files, ontology_dir, parse_files

ONTOLOGY_PAGE = "ontology.html"
# Gazetteer pages: class, file, title, and the property whose value groups the rows.
GAZETTEERS: list[tuple[URIRef, str, str, URIRef | None]] = [
    (PG.Nation, "nations.html", "Nations", None),
    (PG.InternationalOrganization, "organizations.html", "International organizations", None),
    (PG.MediaOutlet, "media-outlets.html", "Media outlets", None),
    (PG.Agency, "agencies.html", "Agencies", PG.agencyOf),
]
TERM_KINDS = [
    (OWL.Class, "Classes"),
    (OWL.ObjectProperty, "Object properties"),
    (OWL.DatatypeProperty, "Datatype properties"),
    (OWL.AnnotationProperty, "Annotation properties"),
]
# Shown elsewhere on a gazetteer row (its heading, its group) or noise to a reader.
HIDDEN_ON_ROWS = {RDF.type, SKOS.prefLabel, RDFS.label, RDFS.isDefinedBy, SKOS.inScheme}
FIRST_COLUMNS = [DCTERMS.identifier, PG.acronym, PG.alpha2, PG.officialName, PG.agencyType]
# Headers for external properties, which the model declares without a label.
COLUMN_NAMES = {
    DCTERMS.identifier: "code",
    SKOS.altLabel: "also known as",
    SKOS.hiddenLabel: "variant spellings",
    SKOS.definition: "definition",
    SKOS.exactMatch: "same as",
    SKOS.notation: "notation",
}


@dataclass
class TermView:
    """A class or property as the core page shows it."""

    anchor: str
    curie: str
    iri: str
    label: str
    definition: str
    deprecated: bool
    facts: list[tuple[str, list[Link]]]
    notes: list[str]


@dataclass
class ConceptNode:
    anchor: str
    iri: str
    label: str
    notations: list[str]
    definition: str
    alt_labels: list[str]
    matches: list[tuple[str, Link]]
    deprecated: bool
    children: list[ConceptNode] = field(default_factory=list)


@dataclass
class Row:
    anchor: str
    iri: str
    label: str
    cells: list[list[Link]]


@dataclass
class Group:
    heading: str
    link: Link | None
    rows: list[Row]


@dataclass
class Page:
    """One written page, as the index lists it."""

    filename: str
    title: str
    kind: str
    count: int
    description: str = ""


def instance_anchor(iri: Node) -> str:
    text = str(iri)
    return slug(text[len(str(ID)) :] if text.startswith(str(ID)) else text)


def _term_facts(
    graph: Graph, namer: Namer, term: Node, kind: URIRef
) -> list[tuple[str, list[Link]]]:
    def both(prop: URIRef) -> set[Node]:
        return {*graph.objects(term, prop), *graph.subjects(prop, term)}

    if kind == OWL.Class:
        facts = [
            ("Subclass of", namer.values(term, RDFS.subClassOf)),
            ("Superclass of", namer.links(graph.subjects(RDFS.subClassOf, term))),
            ("Equivalent to", namer.links(both(OWL.equivalentClass))),
            ("Disjoint with", namer.links(both(OWL.disjointWith))),
            ("In the domain of", namer.links(graph.subjects(RDFS.domain, term))),
            ("In the range of", namer.links(graph.subjects(RDFS.range, term))),
        ]
    else:
        traits = namer.links(t for t in graph.objects(term, RDF.type) if t != kind)
        facts = [
            ("Domain", namer.values(term, RDFS.domain)),
            ("Range", namer.values(term, RDFS.range)),
            ("Subproperty of", namer.values(term, RDFS.subPropertyOf)),
            ("Superproperty of", namer.links(graph.subjects(RDFS.subPropertyOf, term))),
            ("Inverse of", namer.links(both(OWL.inverseOf))),
            ("Characteristics", traits),
        ]
    facts.append(("Replaced by", namer.values(term, DCTERMS.isReplacedBy)))
    return [(name, links) for name, links in facts if links]


def term_views(graph: Graph, namer: Namer) -> list[tuple[str, list[TermView]]]:
    """The pg: classes and properties by kind, each with its facts, in label order."""
    sections = []
    for kind, title in TERM_KINDS:
        terms = [t for t in graph.subjects(RDF.type, kind) if str(t).startswith(str(PG))]
        views = [
            TermView(
                anchor=str(term)[len(str(PG)) :],
                curie=short_name(term),
                iri=str(term),
                label=namer.label(term),
                definition=namer.text(term, SKOS.definition),
                deprecated=namer.deprecated(term),
                facts=_term_facts(graph, namer, term, kind),
                notes=[
                    namer.text(term, p)
                    for p in (RDFS.comment, SKOS.scopeNote, SKOS.example)
                    if namer.text(term, p)
                ],
            )
            for term in set(terms)
        ]
        if views:
            sections.append((title, sorted(views, key=lambda v: v.label.casefold())))
    return sections


def _members(graph: Graph, scheme: Node) -> set[Node]:
    return (
        set(graph.subjects(SKOS.inScheme, scheme))
        | set(graph.subjects(SKOS.topConceptOf, scheme))
        | set(graph.objects(scheme, SKOS.hasTopConcept))
    )


def concept_tree(graph: Graph, namer: Namer, scheme: Node) -> list[ConceptNode]:
    """The scheme's concepts as a forest along skos:broader (or narrower), in notation order."""
    members = _members(graph, scheme)
    parents: dict[Node, set[Node]] = {m: set() for m in members}
    for concept in members:
        parents[concept] |= {b for b in graph.objects(concept, SKOS.broader) if b in members}
        for narrower in graph.objects(concept, SKOS.narrower):
            if narrower in members:
                parents[narrower].add(concept)
    nodes = {
        concept: ConceptNode(
            anchor=instance_anchor(concept),
            iri=str(concept),
            label=namer.label(concept),
            notations=sorted(str(n) for n in graph.objects(concept, SKOS.notation)),
            definition=namer.text(concept, SKOS.definition),
            alt_labels=namer.texts(concept, SKOS.altLabel),
            matches=[
                (word, namer.link(target))
                for prop, word in (
                    (SKOS.exactMatch, "exact match"),
                    (SKOS.closeMatch, "close match"),
                )
                for target in sorted(graph.objects(concept, prop))
            ],
            deprecated=namer.deprecated(concept),
        )
        for concept in members
    }

    def order(concept: Node) -> tuple[str, str]:
        return (min(nodes[concept].notations, default="~"), nodes[concept].label.casefold())

    placed: set[Node] = set()

    def grow(concept: Node) -> ConceptNode:
        placed.add(concept)
        children = sorted((c for c, ps in parents.items() if concept in ps), key=order)
        nodes[concept].children = [grow(c) for c in children if c not in placed]
        return nodes[concept]

    forest = [grow(root) for root in sorted((c for c, ps in parents.items() if not ps), key=order)]
    forest += [grow(c) for c in sorted(members, key=order) if c not in placed]  # broader cycles
    return forest


def _columns(graph: Graph, members: list[Node]) -> list[URIRef]:
    used = {p for m in members for p in graph.predicates(m, None) if p not in HIDDEN_ON_ROWS}
    rest = sorted(p for p in used if p not in FIRST_COLUMNS)
    return [p for p in FIRST_COLUMNS if p in used] + rest  # type: ignore[return-value]


def _rows(namer: Namer, members: list[Node], columns: list[URIRef]) -> list[Row]:
    rows = [
        Row(instance_anchor(m), str(m), namer.label(m), [namer.values(m, c) for c in columns])
        for m in members
    ]
    return sorted(rows, key=lambda row: row.label.casefold())


def _groups(
    graph: Graph, namer: Namer, members: list[Node], group_by: URIRef | None
) -> list[Group]:
    """Rows under the value of ``group_by`` (agencies under the nation they serve), by name."""
    columns = [c for c in _columns(graph, members) if c != group_by]
    if group_by is None:
        return [Group("", None, _rows(namer, members, columns))]
    owners: dict[Node | None, list[Node]] = {}
    for member in members:
        owners.setdefault(graph.value(member, group_by), []).append(member)
    groups = [
        Group(
            heading=namer.label(owner) if owner is not None else "Ungrouped",
            link=namer.link(owner) if owner is not None else None,
            rows=_rows(namer, rows, columns),
        )
        for owner, rows in owners.items()
    ]
    return sorted(groups, key=lambda group: group.heading.casefold())


def _scheme_filename(scheme: Node, taken: set[str]) -> str:
    tail = slug(str(scheme).rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1])
    name, counter = f"scheme-{tail}.html", 2
    while name in taken:
        name, counter = f"scheme-{tail}-{counter}.html", counter + 1
    taken.add(name)
    return name


def _ontologies(graph: Graph, namer: Namer) -> list[dict[str, str]]:
    return [
        {
            "iri": str(onto),
            "title": namer.text(onto, DCTERMS.title) or str(onto),
            "description": namer.text(onto, DCTERMS.description),
            "version_iri": str(graph.value(onto, OWL.versionIRI) or ""),
            "version": str(graph.value(onto, OWL.versionInfo) or ""),
        }
        for onto in sorted(graph.subjects(RDF.type, OWL.Ontology))
    ]


def _count(forest: list[ConceptNode]) -> int:
    return sum(1 + _count(node.children) for node in forest)


class _Writer:
    """Renders templates into the output folder and remembers each page for the index."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.pages: list[Page] = []
        self.env = Environment(
            loader=PackageLoader("graph.ontology", "templates"),
            autoescape=select_autoescape(["html", "j2"]),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def write(self, page: Page, template: str, **context: object) -> None:
        html = self.env.get_template(template).render(page=page, **context)
        (self.output / page.filename).write_text(html, encoding="utf-8")
        self.pages.append(page)


def _link_targets(graph: Graph, namer: Namer, schemes: dict[Node, str]) -> None:
    """Point every documented node at its page and anchor, before any page is rendered."""
    for kind, _ in TERM_KINDS:
        for term in graph.subjects(RDF.type, kind):
            if str(term).startswith(str(PG)):
                namer.targets[term] = f"{ONTOLOGY_PAGE}#{str(term)[len(str(PG)) :]}"
    for scheme, filename in schemes.items():
        namer.targets[scheme] = filename
        for concept in _members(graph, scheme):
            namer.targets.setdefault(concept, f"{filename}#{instance_anchor(concept)}")
    for cls, filename, _, _ in GAZETTEERS:
        for member in graph.subjects(RDF.type, cls):
            namer.targets.setdefault(member, f"{filename}#{instance_anchor(member)}")


def write_docs(output: Path, directory: Path | None = None) -> list[Page]:
    """Render every page into ``output`` (created if missing); returns the pages, index last."""
    graph = parse_files(model_files(directory or ontology_dir()))
    output.mkdir(parents=True, exist_ok=True)
    namer, writer = Namer(graph), _Writer(output)
    taken: set[str] = set()
    schemes = {
        s: _scheme_filename(s, taken) for s in sorted(graph.subjects(RDF.type, SKOS.ConceptScheme))
    }
    _link_targets(graph, namer, schemes)

    sections = term_views(graph, namer)
    ontologies = _ontologies(graph, namer)
    size = sum(len(views) for _, views in sections)
    page = Page(ONTOLOGY_PAGE, "Core ontology", "ontology", size, "Classes and properties")
    writer.write(page, "ontology.html.j2", ontologies=ontologies, sections=sections)

    for scheme, filename in schemes.items():
        forest = concept_tree(graph, namer, scheme)
        note = namer.text(scheme, SKOS.definition) or namer.text(scheme, DCTERMS.description)
        page = Page(filename, namer.label(scheme), "concept scheme", _count(forest), note)
        writer.write(page, "scheme.html.j2", iri=str(scheme), forest=forest)

    for cls, filename, title, group_by in GAZETTEERS:
        members = sorted(graph.subjects(RDF.type, cls))
        if not members:
            continue
        note = namer.text(cls, SKOS.definition)
        groups = _groups(graph, namer, members, group_by)
        columns = [c for c in _columns(graph, members) if c != group_by]
        headers = [COLUMN_NAMES.get(c) or namer.label(c) for c in columns]
        page = Page(filename, title, "gazetteer", len(members), note)
        writer.write(page, "gazetteer.html.j2", cls=namer.link(cls), headers=headers, groups=groups)

    listed = list(writer.pages)
    index = Page("index.html", "pactgraph ontology", "index", len(listed))
    writer.write(index, "index.html.j2", pages=listed, ontologies=ontologies)
    return writer.pages
