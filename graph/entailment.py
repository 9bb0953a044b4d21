"""A document's OWL 2 RL entailments, pushed through lookup tables of the schema's closure.

``reasonable`` re-derives the schema's own closure for every document it is given (~14 ms
before it reads a triple of the document), and the Python around it (rdflib terms in,
terms out, normalised, filtered) doubles that: reasoning was the largest share of a load.
The schema changes only with the model, so here its closure is computed once, by
reasonable, and read into tables: each class's superclasses, each property's
super-properties, inverses, domains and ranges, which properties are transitive or
symmetric. A document's triples, with the model's links of the nodes it names, are pushed
through the tables to a fixed point: the OWL 2 RL rules this schema can fire on instances
(cax-sco, cls-uni, prp-spo1, prp-inv1/2, prp-dom, prp-rng, prp-symp, prp-trp).

It works on N-Triples text, a term per string, since that is how a document leaves a load
worker and enters the store: no rdflib term is made on the way.

Where the tables would not be exact they are not used, and ``graph.inference`` asks
reasonable as before:

- the schema uses a construct the tables do not cover (a someValuesFrom, a property
  chain, a functional property…): a curator's new axiom is never silently ignored
  (``DocumentReasoner.build`` gives None);
- a document gives two values to a property that a restriction caps at one (OWL 2 RL then
  equates the values and copies every triple of one to the other), or types a node with
  two disjoint classes (``DocumentReasoner.entailed`` gives None).

``tests/test_entailment.py`` holds both engines to the same entailments over every
document of the corpus and the fixtures and over generated ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef

Term = str
Line = tuple[Term, Term, Term]

_TYPE = f"<{RDF.type}>"
_THING = f"<{OWL.Thing}>"
_BUILT_IN = tuple(f"<{ns}" for ns in (OWL, RDF, RDFS, "http://www.w3.org/2001/XMLSchema#"))
_REFLEXIVE = frozenset(
    f"<{p}>"
    for p in (
        RDFS.subClassOf,
        RDFS.subPropertyOf,
        OWL.sameAs,
        OWL.equivalentClass,
        OWL.equivalentProperty,
    )
)

#: The predicates and the types of schema statements the tables account for. Anything else
#: in the schema (owl:someValuesFrom, owl:propertyChainAxiom, owl:FunctionalProperty…)
#: leaves every document to reasonable.
_SUPPORTED_PREDICATES = frozenset(
    {
        RDF.type,
        RDF.first,
        RDF.rest,
        RDFS.subClassOf,
        RDFS.subPropertyOf,
        RDFS.domain,
        RDFS.range,
        OWL.inverseOf,
        OWL.unionOf,
        OWL.members,
        OWL.onProperty,
        OWL.onClass,
        OWL.onDataRange,
        OWL.cardinality,
        OWL.maxCardinality,
        OWL.qualifiedCardinality,
        OWL.maxQualifiedCardinality,
        OWL.minCardinality,
        OWL.minQualifiedCardinality,
    }
)
_SUPPORTED_TYPES = frozenset(
    {
        OWL.Class,
        RDFS.Class,
        RDFS.Datatype,
        OWL.Ontology,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        OWL.AnnotationProperty,
        OWL.Restriction,
        OWL.AllDisjointClasses,
        OWL.TransitiveProperty,
        OWL.SymmetricProperty,
    }
)
#: Restrictions whose number, when 0 or 1, caps how many values a node may have.
_CAPS = (OWL.cardinality, OWL.maxCardinality, OWL.qualifiedCardinality, OWL.maxQualifiedCardinality)


def term(node: object) -> Term:
    """An rdflib IRI or blank node spelled as in N-Triples (the schema holds no other kind
    a table is keyed by)."""
    if isinstance(node, BNode):
        return f"_:{node}"
    return f"<{node}>"


def split_lines(ntriples: str) -> list[Line]:
    """N-Triples text as (subject, predicate, object) strings; an IRI or blank node holds no
    space, so the object is all that follows the predicate up to the closing ' .'."""
    found = []
    for line in ntriples.splitlines():
        line = line.strip()
        if line:
            s, p, o = line[:-1].rstrip().split(" ", 2)
            found.append((s, p, o))
    return found


def _supported(schema: Iterable[tuple[object, object, object]]) -> bool:
    return all(
        p in _SUPPORTED_PREDICATES and (p != RDF.type or o in _SUPPORTED_TYPES)
        for _, p, o in schema
    )


def _list_members(closure: Graph, head: object) -> list[object]:
    members = []
    while head is not None and head != RDF.nil:
        members.append(closure.value(head, RDF.first))
        head = closure.value(head, RDF.rest)
    return members


def _by_subject(closure: Graph, predicate: URIRef) -> dict[Term, set[Term]]:
    found: dict[Term, set[Term]] = defaultdict(set)
    for s, o in closure.subject_objects(predicate):
        if s != o:
            found[term(s)].add(term(o))
    return found


def _frozen(table: Mapping[Term, set[Term]]) -> dict[Term, frozenset[Term]]:
    return {key: frozenset(values) for key, values in table.items()}


def _superclasses(closure: Graph) -> dict[Term, frozenset[Term]]:
    """Each class's superclasses, a union counting as the superclass of its members."""
    up = _by_subject(closure, RDFS.subClassOf)
    for union, head in closure.subject_objects(OWL.unionOf):
        for member in _list_members(closure, head):
            up[term(member)].add(term(union))
    return _ancestors(up)


def _ancestors(up: Mapping[Term, set[Term]]) -> dict[Term, frozenset[Term]]:
    """Everything above each key, however many steps up (the closure may not spell it)."""
    return {key: frozenset(_reachable(key, up)) for key in up}


def _reachable(start: Term, edges: Mapping[Term, set[Term]]) -> set[Term]:
    seen: set[Term] = set()
    stack = list(edges.get(start, ()))
    while stack:
        node = stack.pop()
        if node not in seen and node != start:
            seen.add(node)
            stack.extend(edges.get(node, ()))
    return seen


def _capped(closure: Graph) -> dict[Term, frozenset[Term]]:
    """Restriction classes and the properties they allow one value at most."""
    found: dict[Term, set[Term]] = defaultdict(set)
    for cap in _CAPS:
        for restriction, number in closure.subject_objects(cap):
            prop = closure.value(restriction, OWL.onProperty)
            if prop is not None and str(number) in {"0", "1"}:
                found[term(restriction)].add(term(prop))
    return _frozen(found)


def _typed(closure: Graph, kind: URIRef) -> frozenset[Term]:
    return frozenset(term(node) for node in closure.subjects(RDF.type, kind))


def _disjoint_groups(closure: Graph) -> tuple[frozenset[Term], ...]:
    """The schema's AllDisjointClasses groups, in a fixed order (by their sorted members)."""
    groups = (
        frozenset(term(m) for m in _list_members(closure, head))
        for _, head in closure.subject_objects(OWL.members)
    )
    return tuple(sorted(groups, key=sorted))


@dataclass(frozen=True)
class DocumentReasoner:
    """The schema's closure as tables, and what the model already holds, as N-Triples terms."""

    superclasses: Mapping[Term, frozenset[Term]]
    superproperties: Mapping[Term, frozenset[Term]]
    inverses: Mapping[Term, frozenset[Term]]
    domains: Mapping[Term, frozenset[Term]]
    ranges: Mapping[Term, frozenset[Term]]
    transitive: frozenset[Term]
    symmetric: frozenset[Term]
    capped: Mapping[Term, frozenset[Term]]
    disjoint: tuple[frozenset[Term], ...]
    known: frozenset[Line]
    descriptions: Mapping[Term, tuple[Line, ...]]

    @classmethod
    def build(
        cls,
        schema: Iterable[tuple[object, object, object]],
        closure: Graph,
        known: Iterable[Line],
        descriptions: Mapping[Term, tuple[Line, ...]],
    ) -> DocumentReasoner | None:
        """Tables from the schema and its closure; None when the schema uses a construct
        they do not cover. ``known`` is every triple of the model and of its entailments,
        ``descriptions`` each model node's links (closure included)."""
        if not _supported(schema):
            return None
        inverses: dict[Term, set[Term]] = defaultdict(set)
        for a, b in closure.subject_objects(OWL.inverseOf):
            inverses[term(a)].add(term(b))
            inverses[term(b)].add(term(a))
        return cls(
            superclasses=_superclasses(closure),
            superproperties=_ancestors(_by_subject(closure, RDFS.subPropertyOf)),
            inverses=_frozen(inverses),
            domains=_frozen(_by_subject(closure, RDFS.domain)),
            ranges=_frozen(_by_subject(closure, RDFS.range)),
            transitive=_typed(closure, OWL.TransitiveProperty),
            symmetric=_typed(closure, OWL.SymmetricProperty),
            capped=_capped(closure),
            disjoint=_disjoint_groups(closure),
            known=frozenset(known),
            descriptions=descriptions,
        )

    def entailed(self, document: list[Line]) -> list[Line] | None:
        """What ``document`` adds to the model: neither asserted nor known, without blank
        nodes and OWL 2 RL's reflexive noise. None when a cap or a disjointness is met, where
        OWL 2 RL equates nodes or finds a clash: reasonable must judge those."""
        named = {t for s, _, o in document for t in (s, o) if t in self.descriptions}
        premises = [*document, *(line for node in named for line in self.descriptions[node])]
        closure = self._fixed_point(premises)
        if self._equates_or_clashes(closure):
            return None
        asserted = set(document)
        return sorted(
            line
            for line in closure
            if line not in asserted and line not in self.known and _useful(line)
        )

    def _fixed_point(self, premises: list[Line]) -> set[Line]:
        closure: set[Line] = set()
        after: dict[tuple[Term, Term], set[Term]] = defaultdict(set)
        before: dict[tuple[Term, Term], set[Term]] = defaultdict(set)
        queue = list(premises)
        while queue:
            line = queue.pop()
            if line in closure:
                continue
            closure.add(line)
            s, p, o = line
            if p == _TYPE:
                queue.extend((s, _TYPE, c) for c in self.superclasses.get(o, ()))
                continue
            queue.extend((s, q, o) for q in self.superproperties.get(p, ()))
            queue.extend((s, _TYPE, c) for c in self.domains.get(p, ()))
            if o.startswith('"'):
                continue
            queue.extend((o, _TYPE, c) for c in self.ranges.get(p, ()))
            queue.extend((o, q, s) for q in self.inverses.get(p, ()))
            if p in self.symmetric:
                queue.append((o, p, s))
            if p in self.transitive:
                after[(p, s)].add(o)
                before[(p, o)].add(s)
                queue.extend((s, p, z) for z in after.get((p, o), ()))
                queue.extend((w, p, o) for w in before.get((p, s), ()))
        return closure

    def _equates_or_clashes(self, closure: set[Line]) -> bool:
        types: dict[Term, set[Term]] = defaultdict(set)
        values: dict[tuple[Term, Term], set[Term]] = defaultdict(set)
        for s, p, o in closure:
            if p == _TYPE:
                types[s].add(o)
            else:
                values[(s, p)].add(o)
        for node, classes in types.items():
            for restriction in classes & self.capped.keys():
                if any(len(values.get((node, p), ())) > 1 for p in self.capped[restriction]):
                    return True
            if any(len(classes & group) > 1 for group in self.disjoint):
                return True
        return False


def _useful(line: Line) -> bool:
    s, p, o = line
    if any(t.startswith("_:") for t in line) or s.startswith(_BUILT_IN):
        return False
    if p == _TYPE and o == _THING:
        return False
    return not (p in _REFLEXIVE and (s == o or o == _THING))
