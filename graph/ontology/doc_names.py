"""Labels and links of the ontology's HTML pages: the English label of a node, its
values shown as text, a class expression read out in words, and a link to the page and
anchor where the node is documented (``graph.ontology.docs`` writes the pages)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDFS
from rdflib.term import Node

from graph.namespaces import DCTERMS, SKOS
from graph.ontology.checks_source import short_name


@dataclass(frozen=True)
class Link:
    text: str
    href: str | None = None
    title: str = ""


class Namer:
    """Labels and links for nodes: every documented node links to its page and anchor."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.targets: dict[Node, str] = {}

    def _pick(self, node: Node, prop: URIRef) -> Literal | None:
        """The English value if there is one, else an untagged one, else any."""
        values = [v for v in self.graph.objects(node, prop) if isinstance(v, Literal)]
        for wanted in ("en", None):
            for value in sorted(values):
                if value.language == wanted:
                    return value
        return min(values) if values else None

    def text(self, node: Node, prop: URIRef) -> str:
        value = self._pick(node, prop)
        return str(value) if value is not None else ""

    def label(self, node: Node) -> str:
        for prop in (RDFS.label, SKOS.prefLabel, DCTERMS.title):
            if text := self.text(node, prop):
                return text
        return short_name(node)

    def texts(self, node: Node, prop: URIRef) -> list[str]:
        values = [v for v in self.graph.objects(node, prop) if isinstance(v, Literal)]
        return sorted(show_literal(v) for v in values)

    def deprecated(self, node: Node) -> bool:
        flag = self.graph.value(node, OWL.deprecated)
        return flag is not None and str(flag).lower() in {"true", "1"}

    def link(self, node: Node) -> Link:
        if isinstance(node, BNode):
            return Link(text=self.expression(node))
        if isinstance(node, Literal):
            return Link(text=show_literal(node))
        href = self.targets.get(node) or str(node)
        return Link(text=self.label(node), href=href, title=short_name(node))

    def links(self, nodes: Iterable[Node]) -> list[Link]:
        return sorted((self.link(n) for n in nodes), key=lambda link: link.text.casefold())

    def values(self, node: Node, prop: URIRef) -> list[Link]:
        return self.links(self.graph.objects(node, prop))

    def expression(self, node: BNode) -> str:
        """A readable class expression: unions, intersections, simple restrictions."""
        g = self.graph
        for prop, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            members = g.value(node, prop)
            if members is not None:
                return word.join(self.link(m).text for m in Collection(g, members))
        on = g.value(node, OWL.onProperty)
        for prop, word in ((OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only")):
            target = g.value(node, prop)
            if on is not None and target is not None:
                return f"{self.label(on)} {word} {self.link(target).text}"
        return "an anonymous class"


def show_literal(value: Literal) -> str:
    return f"{value} @{value.language}" if value.language and value.language != "en" else str(value)
