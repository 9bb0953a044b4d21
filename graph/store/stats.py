"""What a store holds, counted in the core vocabulary (for `pactgraph stats` and health pages).

Counts come from SPARQL so they work on every store kind; agreements and
commitments are counted over the union of graphs, DISTINCT, so a node that
two graphs describe counts once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from graph.namespaces import ID, PG, SKOS
from graph.store.base import Store

DOCUMENT_PREFIX = f"{ID}document/"

_PREFIXES = f"PREFIX pg: <{PG}>\nPREFIX skos: <{SKOS}>\n"
_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_AGREEMENTS = _PREFIXES + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a pg:Agreement }"
_COMMITMENTS = _PREFIXES + "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a pg:Commitment }"
# A commitment counts for a category its agreement or the commitment itself addresses.
_BY_CRIME = (
    _PREFIXES
    + """SELECT ?crime (SAMPLE(?name) AS ?label) (COUNT(DISTINCT ?c) AS ?n) WHERE {
  { ?a pg:addresses ?crime ; pg:hasCommitment ?c . }
  UNION
  { ?c pg:addresses ?crime . ?c a pg:Commitment . }
  OPTIONAL { ?crime skos:prefLabel ?name FILTER(LANGMATCHES(LANG(?name), "en")) }
} GROUP BY ?crime ORDER BY DESC(?n) ?crime"""
)


@dataclass(frozen=True)
class CrimeCount:
    """Commitments addressing one criminal activity category."""

    crime: str
    label: str
    commitments: int


@dataclass(frozen=True)
class StoreStats:
    """Headline numbers of a store."""

    documents: int
    graphs: int
    triples: int
    agreements: int
    commitments: int
    by_crime: list[CrimeCount] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON output."""
        return asdict(self)


def _count(store: Store, sparql: str) -> int:
    rows = list(store.select(sparql))
    return int(str(rows[0]["n"])) if rows and rows[0]["n"] is not None else 0


def _label(crime: str, name: object) -> str:
    """The category's English label, else the key at the end of its IRI."""
    return str(name) if name is not None else crime.rstrip("/").rsplit("/", 1)[-1]


def store_stats(store: Store) -> StoreStats:
    """Count documents, triples, agreements, commitments and commitments per crime category."""
    names = store.graph_names()
    by_crime = [
        CrimeCount(str(row["crime"]), _label(str(row["crime"]), row["label"]), int(str(row["n"])))
        for row in store.select(_BY_CRIME)
        if row["crime"] is not None
    ]
    return StoreStats(
        documents=sum(str(name).startswith(DOCUMENT_PREFIX) for name in names),
        graphs=len(names),
        triples=_count(store, _TRIPLES),
        agreements=_count(store, _AGREEMENTS),
        commitments=_count(store, _COMMITMENTS),
        by_crime=by_crime,
    )
