"""Derived per-follow-up graphs: which agreement a report is on, which commitment each item is.

For every pg:ProgressReport in the store, ``id/tracking/{key}`` holds ``pg:reportsOn`` its
agreement, ``pg:assertsStatusOf`` (and the inverse ``pg:hasStatus``) from each matched item
to its commitment, and a new pg:Commitment of the agreement for a table or list item that
matches none, or for an item the report says the parties added. The graphs are a function
of the documents in the store alone, recomputed for every report whenever a document is
loaded or removed: the result is the same in any loading order, and removing a report
removes its graph with it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from graph.followup.agreements import DOCUMENT_GRAPHS, agreements_in
from graph.followup.headed import opens_on_verdict
from graph.followup.judged import judge
from graph.followup.linking import AgreementRecord, best_agreement
from graph.followup.matching import (
    COUNT_FLOOR,
    COUNT_MARGIN,
    ELIMINATION_FLOOR,
    ELIMINATION_MARGIN,
    MATCH_THRESHOLD,
    ROW_FLOOR,
    ROW_MARGIN,
    CommitmentRecord,
    best_commitment,
    best_for_clause,
    line_of_work,
    said_throughout,
)
from graph.followup.recognise import days_named
from graph.followup.words import (
    acronyms_spelled_out,
    item_text,
    matchable,
    possible_parties,
)
from graph.lexicon import lexicon
from graph.namespaces import DCTERMS, ID, OA, PG, PROV
from graph.store.base import Store

#: How a kind of item is matched: its text → the commitment it speaks of and the score.
Match = Callable[[str], tuple[CommitmentRecord, float] | None]
_TRACKING = f"{ID}tracking/"
_PLEDGED = URIRef(f"{ID}status/pledged")

_REPORTS = f"""
PREFIX pg: <{PG}>
SELECT DISTINCT ?report WHERE {{
  GRAPH ?g {{ ?report a pg:ProgressReport }}
  FILTER (STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
}}"""


def tracking_graph_iri(key: str) -> URIRef:
    """The named graph of the derived links of follow-up ``key``."""
    return URIRef(f"{_TRACKING}{key}")


def _best_for_strong(
    report: Graph,
    item: URIRef,
    text: str,
    commitments: tuple[CommitmentRecord, ...],
    common: frozenset[str],
) -> tuple[CommitmentRecord, float] | None:
    """The commitment a row or labelled item speaks of: by all its words when one stands
    out; else by its own name when that alone is clear ('Referrals of unexplained wealth:
    … at the Ministerial Security Dialogue …' is about the referrals); else the best of all
    its words above the threshold. ``text`` is the item's matchable text."""
    label = matchable(str(report.value(item, RDFS.label) or ""))
    return (
        best_commitment(text, commitments, clear_only=True, common=common)
        or best_commitment(label, commitments, clear_only=True, common=common)
        or best_commitment(text, commitments, common=common)
        or best_commitment(
            text, commitments, clear_only=True, common=common, floor=ROW_FLOOR, margin=ROW_MARGIN
        )
    )


def _is_row(report: Graph, item: URIRef) -> bool:
    """Whether an item is one entry of the report's own run through the measures: a table's
    row, or a measure named in a heading and rated on a line of its own ('Status: …')."""
    quotes = [str(report.value(e, OA.exact) or "") for e in report.objects(item, PG.evidence)]
    return any(q.startswith("|") or opens_on_verdict(lexicon(), q) for q in quotes)


def _rows_by_elimination(
    report: Graph,
    found_for: dict[URIRef, tuple[CommitmentRecord, float] | None],
    texts: dict[URIRef, str],
    commitments: tuple[CommitmentRecord, ...],
    common: frozenset[str],
) -> None:
    """A row of a status table that matched nothing, or only a commitment another row speaks
    of more clearly, is read again against the commitments no item of the report took: the
    table goes through the agreement's commitments, one row each ('Ministers' annual
    meeting' is the Tripartite Ministerial Council once the other rows have theirs; 'Illegal
    gold and the money behind it' is the line of work on gold once 'Checks on the origin of
    gold' has the verification). A row that finds none there keeps what it had."""
    clearest: dict[str, tuple[URIRef, float]] = {}
    for item, found in found_for.items():
        if found is not None and _is_row(report, item):
            held = clearest.get(found[0].iri)
            if held is None or found[1] > held[1]:
                clearest[found[0].iri] = (item, found[1])
    outdone = {
        item: found
        for item, found in found_for.items()
        if found is not None and _is_row(report, item) and clearest[found[0].iri][0] != item
    }
    taken = {
        found[0].iri
        for item, found in found_for.items()
        if found is not None and item not in outdone
    }
    for item, found in found_for.items():
        if item not in outdone and (
            found is not None or not _is_row(report, item) or _pledges(report, item)
        ):
            continue
        if (item, RDF.type, PG.AdditionStatusAssertion) in report:
            continue
        remaining = tuple(c for c in commitments if c.iri not in taken)
        found = best_commitment(
            texts[item], remaining, clear_only=True, common=common,
            floor=ELIMINATION_FLOOR, margin=ELIMINATION_MARGIN,
        )  # fmt: skip
        if found is not None:
            found_for[item] = found
            taken.add(found[0].iri)


def _pledges(report: Graph, item: URIRef) -> bool:
    return report.value(item, PG.status) == _PLEDGED


def _new_commitment(
    graph: Graph, name: URIRef, agreement: URIRef, report: Graph, doc: URIRef, item: URIRef
) -> URIRef:
    """An item that matches no commitment is a new commitment of the agreement."""
    node = URIRef(f"{name}/commitment/{str(item).rsplit('/', 1)[-1]}")
    graph.add((node, RDF.type, PG.Commitment))
    graph.add((node, RDF.type, PG.Action))
    graph.add((node, RDFS.label, report.value(item, RDFS.label)))
    graph.add((node, PROV.wasDerivedFrom, doc))
    for evidence in report.objects(item, PG.evidence):
        graph.add((node, PG.evidence, evidence))
    graph.add((agreement, PG.hasCommitment, node))
    return node


def _document_order(item: URIRef) -> int:
    """Items are minted report-item/1, /2, ... in document order."""
    return int(str(item).rsplit("/", 1)[-1])


def _assert(graph: Graph, item: URIRef, commitment: URIRef) -> None:
    graph.add((item, PG.assertsStatusOf, commitment))
    graph.add((commitment, PG.hasStatus, item))


def tracking_graph(key: str, report: Graph, agreements: list[AgreementRecord]) -> Graph:
    """The derived links of one follow-up, given the agreements in the store."""
    doc = URIRef(f"{DOCUMENT_GRAPHS}{key}")
    name = tracking_graph_iri(key)
    graph = Graph()
    years = sorted(str(y) for y in report.objects(doc, PG.referencedYear))
    report_text = str(report.value(doc, PG.textContent) or "")
    date = report.value(doc, DCTERMS.date)
    agreement = best_agreement(
        agreements,
        possible_parties(report, doc),
        str(report.value(doc, PG.agreementReference) or ""),
        years,
        str(date) if date is not None else None,
        days_named(report_text),
    )
    if agreement is None:
        judge(graph, report, doc, ())
        return _derived(graph, name, doc)
    agreement_iri = URIRef(agreement.iri)
    graph.add((doc, PG.reportsOn, agreement_iri))
    items = sorted(report.objects(doc, PG.reportsStatus), key=_document_order)
    strong = [i for i in items if (i, RDF.type, PG.ProseStatusAssertion) not in report]
    # An acronym the announcement spells out ('Vessel Monitoring System (VMS)') is read in
    # a report that only uses it ('VMS exchange via FFA'); the report's own spelling first.
    spelled_out = {
        **acronyms_spelled_out(" ".join(f"{c.label}. {c.context}" for c in agreement.commitments)),
        **acronyms_spelled_out(report_text),
    }
    texts = {item: item_text(report, item, spelled_out, report_text) for item in items}
    counted = [i for i in items if (i, RDF.type, PG.CountStatusAssertion) in report]
    common = said_throughout([texts[i] for i in items if i not in counted])
    found_for: dict[URIRef, tuple[CommitmentRecord, float] | None] = {}
    for item in strong:
        added = (item, RDF.type, PG.AdditionStatusAssertion) in report
        found = (
            None
            if added
            else _best_for_strong(report, item, texts[item], agreement.commitments, common)
        )
        if found is not None and found[1] < MATCH_THRESHOLD and _pledges(report, item):
            found = None  # a pledge of the report's own that only shares a word is new
        found_for[item] = found
    _rows_by_elimination(report, found_for, texts, agreement.commitments, common)
    reported: set[URIRef] = set()
    for item in strong:
        found = found_for[item]
        commitment = (
            URIRef(found[0].iri)
            if found is not None
            else _new_commitment(graph, name, agreement_iri, report, doc, item)
        )
        reported.add(commitment)
        _assert(graph, item, commitment)
    # A prose clause on a commitment that a row or list item of the report already reports
    # on repeats or comments it; of several clauses on one commitment, the one that speaks
    # of it most clearly is the report's word on it. A clause that only counts what was done
    # speaks of a commitment no other item speaks of, and only of one it names clearly.
    commitments = agreement.commitments
    prose = [i for i in items if i not in strong and i not in counted]
    clauses = _clearest(
        prose, texts, partial(best_for_clause, commitments=commitments, common=common)
    )
    counted_match = partial(
        best_commitment, commitments=commitments, clear_only=True, common=common,
        floor=COUNT_FLOOR, margin=COUNT_MARGIN, by_name=True,
    )  # fmt: skip
    clauses.update(
        (commitment, found)
        for commitment, found in _clearest(counted, texts, counted_match).items()
        if commitment not in clauses
    )
    clauses = {c: found for c, found in clauses.items() if c not in reported}
    spoken = {item for _, item in clauses.values()}
    for item in counted:
        line = line_of_work(texts[item], commitments) if item not in spoken else None
        if line is not None and URIRef(line.iri) not in reported | clauses.keys():
            clauses[URIRef(line.iri)] = (0.0, item)
    for commitment, (_, item) in clauses.items():
        _assert(graph, item, commitment)
    judge(graph, report, doc, commitments)
    return _derived(graph, name, doc)


def _derived(graph: Graph, name: URIRef, doc: URIRef) -> Graph:
    """``graph`` marked as derived from the report, unless it holds nothing."""
    if len(graph):
        graph.add((name, PROV.wasDerivedFrom, doc))
        graph.add((name, RDFS.comment, Literal("derived: recomputed on every load and removal")))
    return graph


def _clearest(
    items: list[URIRef], texts: dict[URIRef, str], match: Match
) -> dict[URIRef, tuple[float, URIRef]]:
    """For each commitment some of ``items`` speak of, the one that scores highest on it; of
    two that score as high, the later ('The Committee postponed its March session' … 'The
    Committee has since met twice'): a report tells what became of a thing after what befell
    it."""
    best: dict[URIRef, tuple[float, URIRef]] = {}
    for item in items:
        found = match(texts[item])
        if found is None:
            continue
        commitment = URIRef(found[0].iri)
        if commitment not in best or found[1] >= best[commitment][0]:
            best[commitment] = (found[1], item)
    return best


def report_keys(store: Store) -> list[str]:
    """Keys of the follow-ups in the store."""
    return sorted(str(row["report"])[len(DOCUMENT_GRAPHS) :] for row in store.select(_REPORTS))


def refresh_tracking(store: Store) -> int:
    """Recompute every follow-up's tracking graph and drop those of removed ones; graphs written."""
    keys = report_keys(store)
    agreements = agreements_in(store) if keys else []
    written = 0
    for key in keys:
        graph = tracking_graph(key, store.get_graph(URIRef(f"{DOCUMENT_GRAPHS}{key}")), agreements)
        name = tracking_graph_iri(key)
        if _same(store.get_graph(name), graph):
            continue
        if len(graph):
            store.replace_graph(name, graph)
        else:
            store.remove_graph(name)
        written += 1
    wanted = {str(tracking_graph_iri(k)) for k in keys}
    for name in store.graph_names():
        if str(name).startswith(_TRACKING) and str(name) not in wanted:
            store.remove_graph(name)
            written += 1
    return written


def _same(stored: Graph, computed: Graph) -> bool:
    return set(stored) == set(computed)
