"""What the ontology implies, materialised beside the documents so every query sees it.

A query for ``?agency pg:implements ?c``, ``?x a pg:Commitment`` (for a node
typed only ``pg:Action``), ``?x org:subOrganizationOf ?nation`` or ``?crime
skos:broaderTransitive crime:iccs-09`` finds only what is asserted unless
something derives the rest. Two ways were measured (``bench/bench_inference.py``,
``docs/inference.md``): rewriting each query into property paths and unions,
which every query author must get right and which costs at every query, or
materialising the OWL 2 RL entailments once, when a document arrives. We
materialise, with ``reasonable`` (a Rust OWL 2 RL reasoner; owlrl takes ~40x
longer on the same premises), in named graphs of their own:

- ``id/graph/inferred/model``: the entailments of the model (ontology,
  vocabularies, gazetteers) plus the SKOS and ORG axioms below, computed once
  per model version (the model's fingerprint is stored with them);
- ``id/graph/inferred/document/{key}``: the entailments that a document adds
  to the model, so removing the document removes exactly its entailments.

Why a document is reasoned with only part of the model: the entailments a
document adds need the schema (the model's classes, properties, restrictions
and axioms without annotations, ~370 triples) and the model's links of the
nodes the document names, closure included (so one hop reaches every
transitive ancestor). That keeps a document's reasoning at ~0.03 s instead of
~0.45 s for the whole model, and the tests check it gives the same entailments
as reasoning over the whole model. Since 2026-12-04 a document is pushed through
lookup tables of the schema's closure instead (``graph.entailment``, ~5 ms), and
reasonable stays the reference and the fallback where the tables would not be exact.

Measured on 1M triples (1 684 documents): refreshing a document's entailments
(read back, reason, store) takes ~0.11 s, 10x the storing of the document and a
few per cent of extracting it; the store grows by 5.4 %. Rewriting queries
instead costs up to 54x per query (subclass paths), 6-9x for transitive and
sub-property paths, nothing for inverses.
What is kept: triples neither asserted (in the model or the document) nor in
the model's entailments, without blank nodes (a blank node copied into another
graph would be a different node), without ``rdf:type owl:Thing`` and the
reflexive ``subClassOf``/``subPropertyOf``/``sameAs`` noise of OWL 2 RL.
Literals come back from ``reasonable`` typed ``xsd:string`` where the input was
plain; they are normalised, as RDF 1.1 says they are the same term.

Consistency: the document's graph and its entailments are two updates; a
reader may briefly see a new document without its entailments, never
entailments without their document (``drop_inferences`` runs first on removal).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

import reasonable
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, SKOS

from graph.entailment import DocumentReasoner, Line, split_lines, term
from graph.model_graph import model_fingerprint
from graph.namespaces import ID
from graph.ontology.files import model_graph
from graph.store.base import Store
from graph.store.terms import ntriples

Triple = tuple[object, object, object]

MODEL_INFERENCES = URIRef(f"{ID}graph/inferred/model")
_DOCUMENT_INFERENCES = f"{ID}graph/inferred/document/"
_DOCUMENTS = f"{ID}document/"
_BUILT_IN = (str(OWL), str(RDF), str(RDFS), str(XSD))
_ANNOTATIONS = {
    RDFS.label,
    RDFS.comment,
    RDFS.isDefinedBy,
    RDFS.seeAlso,
    OWL.versionInfo,
    OWL.versionIRI,
    OWL.deprecated,
}
_REFLEXIVE = {
    RDFS.subClassOf,
    RDFS.subPropertyOf,
    OWL.sameAs,
    OWL.equivalentClass,
    OWL.equivalentProperty,
}

#: The parts of the SKOS and ORG reference semantics that queries rely on: broaderTransitive
#: and transitive sub-organizations. (SKOS label properties are left out on purpose: making
#: altLabel a sub-property of rdfs:label would give every nation a dozen rdfs:labels.)
AXIOMS: tuple[Triple, ...] = (
    (SKOS.broader, RDFS.subPropertyOf, SKOS.broaderTransitive),
    (SKOS.narrower, RDFS.subPropertyOf, SKOS.narrowerTransitive),
    (SKOS.broaderTransitive, RDF.type, OWL.TransitiveProperty),
    (SKOS.narrowerTransitive, RDF.type, OWL.TransitiveProperty),
    (SKOS.broader, OWL.inverseOf, SKOS.narrower),
    (SKOS.broaderTransitive, OWL.inverseOf, SKOS.narrowerTransitive),
    (SKOS.topConceptOf, RDFS.subPropertyOf, SKOS.inScheme),
    (SKOS.topConceptOf, OWL.inverseOf, SKOS.hasTopConcept),
    (SKOS.related, RDF.type, OWL.SymmetricProperty),
    (SKOS.exactMatch, RDF.type, OWL.SymmetricProperty),
    (SKOS.exactMatch, RDF.type, OWL.TransitiveProperty),
    (SKOS.exactMatch, RDFS.subPropertyOf, SKOS.closeMatch),
    (SKOS.closeMatch, RDF.type, OWL.SymmetricProperty),
    (ORG.subOrganizationOf, RDFS.subPropertyOf, ORG.transitiveSubOrganizationOf),
    (ORG.transitiveSubOrganizationOf, RDF.type, OWL.TransitiveProperty),
    (ORG.subOrganizationOf, OWL.inverseOf, ORG.hasSubOrganization),
)


def inferred_graph_iri(key: str) -> URIRef:
    """The named graph holding the entailments of document ``key``."""
    return URIRef(f"{_DOCUMENT_INFERENCES}{key}")


def _normal(triple: Iterable[object]) -> Triple:
    s, p, o = triple
    if isinstance(o, Literal) and o.datatype == XSD.string:
        o = Literal(str(o))
    return s, p, o


def _useful(triple: Triple) -> bool:
    s, p, o = triple
    if any(isinstance(term, BNode) for term in triple) or str(s).startswith(_BUILT_IN):
        return False
    if p == RDF.type and o == OWL.Thing:
        return False
    return not (p in _REFLEXIVE and (s == o or o == OWL.Thing))


def entail(triples: Iterable[Triple]) -> set[Triple]:
    """The OWL 2 RL closure of ``triples`` (asserted ones included), literals normalised."""
    reasoner = reasonable.PyReasoner()
    reasoner.from_graph(list(triples))
    return {_normal(t) for t in reasoner.reason()}


@cache
def model_version() -> str:
    """The fingerprint of the model this process reasons with, read once like the model itself."""
    return model_fingerprint()


@cache
def _model_triples() -> frozenset[Triple]:
    return frozenset(_normal(t) for t in model_graph()) | frozenset(AXIOMS)


@cache
def model_entailments() -> frozenset[Triple]:
    """What the model and the axioms imply beyond what they assert (computed once per process)."""
    asserted = _model_triples()
    return frozenset(t for t in entail(asserted) if t not in asserted and _useful(t))


@cache
def _schema() -> tuple[Triple, ...]:
    """The model minus its instances and annotations: classes, properties, restrictions, axioms."""
    return tuple(
        t
        for t in _model_triples()
        if not str(t[0]).startswith(str(ID))
        and str(t[1]).startswith(_BUILT_IN)
        and t[1] not in _ANNOTATIONS
    )


@cache
def _descriptions() -> dict[object, list[Triple]]:
    """Every instance's links (not literals) in the model and its entailments, by subject."""
    found: dict[object, list[Triple]] = defaultdict(list)
    for triple in _model_triples() | model_entailments():
        if str(triple[0]).startswith(str(ID)) and not isinstance(triple[2], Literal):
            found[triple[0]].append(triple)
    return dict(found)


def document_premises(document: Graph) -> list[Triple]:
    """What a document is reasoned with: the schema, the model's links of the nodes it names,
    and its own triples."""
    asserted = [_normal(t) for t in document]
    descriptions = _descriptions()
    named = {term for t in asserted for term in (t[0], t[2]) if term in descriptions}
    return [*_schema(), *(t for node in named for t in descriptions[node]), *asserted]


def _lines(triples: Iterable[Triple]) -> list[Line]:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return split_lines(ntriples(graph))


@cache
def document_reasoner() -> DocumentReasoner | None:
    """The schema's closure as lookup tables (``graph.entailment``); None when the schema
    uses a construct they do not cover, and reasonable reasons over every document."""
    closure = Graph()
    for triple in entail(_schema()):
        closure.add(triple)
    descriptions: dict[str, list[Line]] = defaultdict(list)
    for line in _lines(t for triples in _descriptions().values() for t in triples):
        descriptions[line[0]].append(line)
    return DocumentReasoner.build(
        _schema(),
        closure,
        _lines(_model_triples() | model_entailments()),
        {node: tuple(lines) for node, lines in descriptions.items()},
    )


def infer_document(document: Graph) -> Graph:
    """The entailments ``document`` adds to the model, by reasonable: what its inferred graph
    should hold. The reference ``document_reasoner`` is held to, and its fallback."""
    asserted = {_normal(t) for t in document}
    known = _model_triples() | model_entailments()
    inferred = Graph()
    for triple in entail(document_premises(document)):
        if triple not in asserted and triple not in known and _useful(triple):
            inferred.add(triple)
    return inferred


def _version(store: Store, name: URIRef) -> str | None:
    rows = list(
        store.select(
            f"SELECT ?v WHERE {{ GRAPH <{name}> {{ <{name}> <{DCTERMS.hasVersion}> ?v }} }}"
        )
    )
    return str(rows[0]["v"]) if rows and rows[0].get("v") is not None else None


def _with_version(graph: Graph, name: URIRef, version: str) -> Graph:
    graph.add((name, DCTERMS.hasVersion, Literal(version)))
    return graph


def refresh_model_inferences(store: Store) -> bool:
    """Store the model's entailments unless the stored ones fit this model; True when written."""
    fingerprint = model_version()
    if _version(store, MODEL_INFERENCES) == fingerprint:
        return False
    graph = Graph()
    for triple in model_entailments() | frozenset(AXIOMS):
        graph.add(triple)
    store.replace_graph(MODEL_INFERENCES, _with_version(graph, MODEL_INFERENCES, fingerprint))
    return True


def _document_version(document: str, model: str) -> str:
    """Changes when the document's triples (N-Triples as stored) or the model do: then its
    entailments are stale."""
    digest = hashlib.sha256(model.encode())
    for line in sorted(line.strip() for line in document.splitlines()):
        if line:
            digest.update(line.encode())
    return digest.hexdigest()


def _entailed(document: str) -> str:
    """The entailments of N-Triples ``document`` as N-Triples: by the schema's tables, or by
    reasonable where the tables are not exact."""
    reasoner = document_reasoner()
    lines = reasoner.entailed(split_lines(document)) if reasoner is not None else None
    if lines is None:
        return ntriples(infer_document(Graph().parse(data=document, format="nt")))
    return "".join(f"{s} {p} {o} .\n" for s, p, o in lines)


def _stamped(key: str, document: str, version: str) -> str:
    """The N-Triples of document ``key``'s inferred graph: its entailments and ``version``."""
    stamp = f'{term(inferred_graph_iri(key))} {term(DCTERMS.hasVersion)} "{version}" .\n'
    return _entailed(document) + stamp


def document_inferences(key: str, document: str) -> tuple[str, str]:
    """The version of a document's entailments and the N-Triples of the graph that holds
    them (version included). ``document`` is its N-Triples as the store gives them back
    (``graph.store.embedded.stored_form``). Needs no store, so load workers compute it
    beside extraction."""
    version = _document_version(document, model_version())
    return version, _stamped(key, document, version)


def stored_inferences_version(store: Store, key: str) -> str | None:
    """The version of document ``key``'s stored entailments (None when there are none)."""
    return _version(store, inferred_graph_iri(key))


def _store_document_inferences(store: Store, key: str, document: Graph | None) -> int:
    graph_name = inferred_graph_iri(key)
    text = ntriples(document if document is not None else store.get_graph(URIRef(_DOCUMENTS + key)))
    if not text.strip():
        store.remove_graph(graph_name)
        return 0
    version = _document_version(text, model_version())
    if _version(store, graph_name) == version:
        return 0
    inferred = _stamped(key, text, version)
    store.replace_graphs({graph_name: inferred})
    return len(split_lines(inferred)) - 1


def document_keys(store: Store) -> list[str]:
    """Keys of the documents in ``store`` (graphs named id/document/{key})."""
    names = (str(n) for n in store.graph_names())
    return [n[len(_DOCUMENTS) :] for n in names if n.startswith(_DOCUMENTS)]


def refresh_inferences(store: Store, key: str, document: Graph | None = None) -> int:
    """Bring document ``key``'s entailments (and the model's) up to date; the number written.

    ``document`` is the document's graph when the caller has it (saves reading it back).
    A model that changed makes every document's entailments stale: all are recomputed.
    Up-to-date entailments are recognised by their version and left alone.
    """
    written = 0
    if refresh_model_inferences(store):
        for other in document_keys(store):
            if other != key:
                written += _store_document_inferences(store, other, None)
    return written + _store_document_inferences(store, key, document)


def refresh_model(store: Store) -> int:
    """Bring the model's entailments up to date; when they changed, every document's too."""
    if not refresh_model_inferences(store):
        return 0
    return sum(_store_document_inferences(store, key, None) for key in document_keys(store))


def refresh_all_inferences(store: Store) -> int:
    """Recompute what is stale for the model and every document in ``store``."""
    refresh_model_inferences(store)
    return sum(_store_document_inferences(store, key, None) for key in document_keys(store))


def drop_inferences(store: Store, key: str) -> bool:
    """Remove document ``key``'s entailments; True when there were some."""
    return store.remove_graph(inferred_graph_iri(key))
