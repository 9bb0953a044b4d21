"""Scoring follow-ups against gold: links to agreements, item → commitment matches, statuses.

Gold files ``NAME.followup.json`` sit beside the documents: ``{document, reports_on, date,
items: [{label, commitment, status, as_of, figure, evidence}]}``, where ``commitment`` is
the exact gold label of the announcement's commitment, or null for a new one. Every
document of the folder is loaded into one fresh store, as a user would load them, and the
derived links are read back with SPARQL.

A matched item counts as (follow-up, commitment label), where the label of an extracted
commitment is first read as the announcement's gold label it is paired with by the extraction
scorer's rule (``aligned_labels``); a new commitment counts as
(follow-up, the gold item whose evidence it overlaps), so a new commitment found in the
wrong place is wrong. Statuses are those pairs with the status added (a gold item with
no status, a pledge made in the follow-up, is 'pledged'). Each is a set:
one commitment reported twice in one document counts once.

    python -m graph.followup.scoring DIR
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from rdflib import RDFS

from graph.extract.phrases import unaccented
from graph.namespaces import DCTERMS, OA, PG, PROV
from graph.pipeline import load_paths
from graph.store.base import Store
from graph.store.embedded import EmbeddedStore

_PREDICTED = f"""
PREFIX pg: <{PG}> PREFIX prov: <{PROV}> PREFIX oa: <{OA}> PREFIX rdfs: <{RDFS}>
PREFIX dcterms: <{DCTERMS}>
SELECT ?report ?source ?agreementSource ?commitmentLabel ?commitmentSource ?status ?start ?end
WHERE {{
  ?report pg:sourceName ?source ; pg:reportsOn ?agreement .
  ?agreement prov:wasDerivedFrom/pg:sourceName ?agreementSource .
  OPTIONAL {{
    ?report pg:reportsStatus ?item .
    ?item pg:assertsStatusOf ?commitment ; pg:status ?status ;
          pg:evidence [ oa:start ?start ; oa:end ?end ] .
    ?commitment rdfs:label ?commitmentLabel ; prov:wasDerivedFrom/pg:sourceName ?commitmentSource .
  }}
}}"""


_EXTRACTED = f"""
PREFIX pg: <{PG}> PREFIX prov: <{PROV}> PREFIX rdfs: <{RDFS}>
SELECT DISTINCT ?source ?label
WHERE {{ ?commitment a pg:Commitment ; rdfs:label ?label ;
                     prov:wasDerivedFrom/pg:sourceName ?source . }}"""

#: How alike two commitment labels must be to name the same commitment: the extraction
#: scorer's rule (``../shared/eval/score_extraction.py``), so that a commitment counts as
#: the gold one here exactly when the extraction's evaluation counts it so.
SAME_LABEL = 0.85


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one kind of prediction."""

    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return (
            f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} "
            f"({self.true_positives}/{self.predicted} predicted, {self.gold} gold)"
        )


@dataclass(frozen=True)
class FollowUpScores:
    links: Score
    matches: Score
    statuses: Score


#: A gold item with no status is a commitment newly made in the follow-up: pledged.
_NEW_PLEDGE = "pledged"


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _alphanumeric(text: str) -> str:
    """A label as the extraction scorer compares it: accents off, lower case, words only."""
    return " ".join(re.findall(r"[a-z0-9]+", unaccented(text).lower()))


def _likeness(a: str, b: str) -> float:
    a, b = _alphanumeric(a), _alphanumeric(b)
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def aligned_labels(gold_labels: list[str], extracted: list[str]) -> dict[str, str]:
    """Each extracted commitment label → the gold label it stands for, one to one.

    Pairs are taken most alike first and kept from ``SAME_LABEL`` up, as the extraction
    scorer pairs them; an extracted commitment left unpaired is none of the gold ones.
    """
    pairs = sorted(
        (
            (_likeness(g, e), i, j)
            for i, g in enumerate(gold_labels)
            for j, e in enumerate(extracted)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    aligned: dict[str, str] = {}
    for likeness, i, j in pairs:
        if likeness < SAME_LABEL:
            break
        if i in used_gold or extracted[j] in aligned:
            continue
        used_gold.add(i)
        aligned[extracted[j]] = gold_labels[i]
    return aligned


def _alignments(folder: Path, store: Store) -> dict[tuple[str, str], str]:
    """(source, extracted label) → gold label, for every announcement with extraction gold."""
    extracted: dict[str, list[str]] = {}
    for row in store.select(_EXTRACTED):
        extracted.setdefault(str(row["source"]), []).append(str(row["label"]))
    found = {}
    for path in folder.glob("*.gold.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        labels = [c["label"] for c in gold["commitments"]]
        source = gold["document"]
        for label, gold_label in aligned_labels(labels, extracted.get(source, [])).items():
            found[(source, label)] = gold_label
    return found


def _spans(text: str, gold: dict) -> list[tuple[int, int] | None]:
    """Where each gold item's evidence is in the document (None when it cannot be found)."""
    found = []
    for item in gold["items"]:
        evidence = item.get("evidence") or ""
        start = text.find(evidence) if evidence else -1
        found.append((start, start + len(evidence)) if start >= 0 else None)
    return found


def _gold_sets(gold: dict) -> tuple[set, set]:
    doc = gold["document"]
    matches, statuses = set(), set()
    for index, item in enumerate(gold["items"]):
        key = _norm(item["commitment"]) if item["commitment"] else ("new", index)
        matches.add((doc, key))
        statuses.add((doc, key, item["status"] or _NEW_PLEDGE))
    return matches, statuses


def _new_key(gold: dict, spans: list, start: int, end: int, label: str) -> object:
    """The gold new-commitment item a predicted new commitment stands for, by evidence overlap."""
    for index, (item, span) in enumerate(zip(gold["items"], spans, strict=True)):
        if item["commitment"] is None and span and span[0] < end and start < span[1]:
            return ("new", index)
    return ("unaligned", label)


def _score(found: set, gold: set) -> Score:
    return Score(len(found & gold), len(found), len(gold))


def predicted_rows(store: Store) -> list[dict[str, str]]:
    return [
        {k: str(v) for k, v in row.items() if v is not None} for row in store.select(_PREDICTED)
    ]


def score_folder(folder: Path, store: Store | None = None) -> FollowUpScores:
    """Load every document of ``folder`` into a fresh store and score it against the gold."""
    store = store or EmbeddedStore()
    load_paths(store, sorted(folder.glob("*.txt")), workers=1)
    golds = {
        g["document"]: g
        for g in (json.loads(p.read_text()) for p in folder.glob("*.followup.json"))
    }
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in golds}
    gold_links = {(doc, g["reports_on"]) for doc, g in golds.items()}
    gold_matches, gold_statuses = set(), set()
    for g in golds.values():
        matches, statuses = _gold_sets(g)
        gold_matches |= matches
        gold_statuses |= statuses
    alignments = _alignments(folder, store)
    links, matches, statuses = set(), set(), set()
    for row in predicted_rows(store):
        doc = row["source"]
        links.add((doc, row["agreementSource"]))
        if "commitmentLabel" not in row:
            continue
        if row["commitmentSource"] == doc and doc in golds:
            start, end = int(row["start"]), int(row["end"])
            spans = _spans(texts[doc], golds[doc])
            key = _new_key(golds[doc], spans, start, end, row["commitmentLabel"])
        else:
            label = row["commitmentLabel"]
            key = _norm(alignments.get((row["commitmentSource"], label), label))
        matches.add((doc, key))
        statuses.add((doc, key, row["status"].rsplit("/", 1)[-1]))
    return FollowUpScores(
        _score(links, gold_links), _score(matches, gold_matches), _score(statuses, gold_statuses)
    )


def main(argv: list[str]) -> int:
    for folder in argv or ["tests/fixtures/followup"]:
        scores = score_folder(Path(folder))
        print(f"{folder}\n  links    {scores.links}\n  matches  {scores.matches}")
        print(f"  statuses {scores.statuses}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
