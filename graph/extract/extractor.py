"""One document in, its facts out: the recognisers run in order over a Document."""

from __future__ import annotations

import calendar
import dataclasses
import re
from datetime import date

from rdflib import URIRef

from graph.documents.model import Block, BlockKind, Document, Span
from graph.extract import bodies, comparisons, sections, tables, unnamed
from graph.extract.actors import first_sentence, media_mentions, nation_mentions, parties
from graph.extract.agencies import AgencyFindings, AgencyRecognizer
from graph.extract.facts import (
    ActorMention,
    AgreementFact,
    ApproachFact,
    CommitmentFact,
    DocumentFacts,
    SafeguardFact,
)
from graph.extract.leads import lead_agency
from graph.extract.values import MONTH_NAMES, due_in, parse_recurrence
from graph.language.detect import Languages, detect
from graph.lexicon import Lexicon, lexicon
from graph.namespaces import PG

_AGREEMENT_KINDS = (PG.MemorandumOfUnderstanding, PG.Treaty, PG.ActionPlan, PG.JointStatement)
_DATE = re.compile(
    rf"\b(?:(\d{{1,2}})\s+({MONTH_NAMES})\s+(\d{{4}})|({MONTH_NAMES})\s+(\d{{1,2}}),\s+(\d{{4}})"
    rf"|(\d{{4}})-(\d{{2}})-(\d{{2}}))\b"
)

#: A header line labelling the document's own date ('Date of report:', 'Dated:', 'Last
#: updated:'), within the first characters of the text.
_DATE_LINE = re.compile(
    r"^[ \t]*(?:[A-Z][a-z]+[ \t]+)?(?:[Dd]ated?|[Uu]pdated)\b[^:\n]{0,20}:", re.M
)
_HEADER = 2000


def _overlaps(span_start: int, span_end: int, spans: list[Span]) -> bool:
    return any(s.start < span_end and span_start < s.end for s in spans)


def _crimes(
    lex: Lexicon, document: Document, names: list[Span]
) -> tuple[tuple[str, ...], tuple[Span, ...]]:
    """Categories named in the text, outside agency and outlet names and excluding sentences."""
    text = document.text
    keys: dict[str, Span] = {}
    excluded: set[str] = set()
    for hit in lex.crimes.find(text):
        if _overlaps(hit.start, hit.end, names):
            continue
        if lex.exclusions.find(sentence_around(text, hit.start, hit.end)):
            excluded.add(hit.key)  # "Cybercrime ... is left to separate talks", everywhere
        elif hit.key not in keys:
            keys[hit.key] = Span(hit.start, hit.end, hit.text)
    kept = {key: span for key, span in keys.items() if key not in excluded}
    return tuple(kept), tuple(kept.values())


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) that holds ``text[start:end]``."""
    before = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "! ", "? ")))
    stops = [
        i
        for i in (text.find("\n", end), *(text.find(p, end) for p in (". ", "! ", "? ")))
        if i >= 0
    ]
    return text[before + 1 : min(stops, default=len(text))]


def _agreement_class(lex: Lexicon, places: list[Span]) -> URIRef | None:
    for place in places:
        for kind in _AGREEMENT_KINDS:
            if lex.cue_index(kind).find(place.text):
                return kind
    return None


def _iso_date(match: re.Match[str]) -> str | None:
    g = match.groups()
    months = {name: i for i, name in enumerate(calendar.month_name) if name}
    try:
        if g[0]:
            value = date(int(g[2]), months[g[1]], int(g[0]))
        elif g[3]:
            value = date(int(g[5]), months[g[3]], int(g[4]))
        else:
            value = date(int(g[6]), int(g[7]), int(g[8]))
    except ValueError:
        return None
    return value.isoformat()


def document_date(text: str) -> str | None:
    """The date the document gives itself, as ISO 8601: the one on a line its header labels
    so ('Date of report: 16 March 2026', 'Last updated: 16 January 2025'), else the first
    full date of the text. A report's header may name the period it covers first
    ('Implementation period: 1 April 2024 – 31 December 2025')."""
    labelled = _DATE_LINE.search(text, 0, _HEADER)
    if labelled is not None:
        line_end = text.find("\n", labelled.end())
        match = _DATE.search(text, labelled.end(), line_end if line_end >= 0 else len(text))
        if match is not None and (iso := _iso_date(match)) is not None:
            return iso
    match = _DATE.search(text)
    return _iso_date(match) if match else None


def dates_named(text: str) -> set[str]:
    """Every full date the text gives, as ISO 8601."""
    return {iso for match in _DATE.finditer(text) if (iso := _iso_date(match)) is not None}


def _with_cooperation_types(lex: Lexicon, commitment: CommitmentFact) -> CommitmentFact:
    text = " ".join(filter(None, [commitment.label, commitment.description]))
    keys = tuple(dict.fromkeys(hit.values[0] for hit in lex.cooperation_types.find(text)))
    return dataclasses.replace(commitment, cooperation_types=keys)


class _BlockReader:
    """Reads tables and lists, in document order, into commitments, safeguards, approaches."""

    def __init__(self, lex: Lexicon, document: Document, agencies: AgencyRecognizer) -> None:
        self.lex = lex
        self.document = document
        self.agencies = agencies
        self.lists = {id(c.block): c for c in sections.lists_in_context(document)}
        dated = document_date(document.text)
        self.since = date.fromisoformat(dated) if dated else None
        self.commitments: list[CommitmentFact] = []
        self.safeguards: list[SafeguardFact] = []
        self.approaches: list[ApproachFact] = []

    def read(self) -> None:
        for block in self.document.blocks:
            if block.kind is BlockKind.TABLE:
                self._table(block)
            elif block.kind is BlockKind.BULLET_LIST:
                self._list(block)
        self.safeguards.extend(sections.prose_safeguards(self.lex, self.document))

    def _table(self, block: Block) -> None:
        owners = tables.comparison_columns(self.lex, block, self.agencies.nations)
        if owners:
            self.approaches.extend(tables.read_comparison(block, owners))
        else:
            self.commitments.extend(
                tables.read_commitments(self.lex, block, self.agencies, self.since)
            )

    def _list(self, block: Block) -> None:
        context = self.lists[id(block)]
        compared = comparisons.list_approaches(self.lex, block)
        if compared:
            self.approaches.extend(compared)
        elif sections.is_safeguard_list(self.lex, context):
            self.safeguards.extend(sections.safeguards(context))
        else:
            self.commitments.extend(
                c for c in sections.pillar_commitments(context) if not self._is_a_nation(c.label)
            )

    def _is_a_nation(self, label: str) -> bool:
        """'- Egypt: the Egyptian Border Guard Forces; …' lists a party's agencies."""
        named = nation_mentions(self.lex, label, demonyms=False)
        return any(m.span.start == 0 and m.span.end == len(label.strip()) for m in named)


def _new_bodies(
    lex: Lexicon,
    document: Document,
    listed: list[CommitmentFact],
    since: date | None,
    agencies: list[ActorMention],
) -> list[CommitmentFact]:
    """Bodies pledged in prose that no table or list names and that are no agency, each
    with the agency its sentence puts in charge; then the pledges made without a name
    (``unnamed``) that no commitment found stands for, a mutual exchange led by neither."""
    seen = {_folded(c.label) for c in listed}
    found = []
    for body in bodies.prose_bodies(lex, document, since):
        if _folded(body.label) in seen or lex.agency_names.lookup(body.label):
            continue
        seen.add(_folded(body.label))
        lead = body.agency or lead_agency(lex, body.span, body.label, agencies)
        found.append(dataclasses.replace(body, agency=lead))
    named = [c.label for c in [*listed, *found]]
    for pledge in unnamed.unnamed_pledges(lex, document, since):
        if unnamed.already_named(lex, pledge.label, named) or _overlaps(
            pledge.span.start, pledge.span.end, [c.span for c in found]
        ):
            # 'Liaison Officers Network' in the table and 'will post … officers' below; 'under
            # the Mamoré Training Programme, the Academy will train 300 officers'
            continue
        named.append(pledge.label)
        mutual = unnamed.is_exchange(lex, pledge.label)
        lead = None if mutual else lead_agency(lex, pledge.span, pledge.label, agencies)
        found.append(dataclasses.replace(pledge, agency=lead))
    return found


def _described(
    lex: Lexicon, commitment: CommitmentFact, since: date | None, agencies: list[ActorMention]
) -> CommitmentFact:
    """A 'Label: description' bullet with the rhythm, deadline and lead agency its words
    give ('Joint Task Force on Online Fraud: the Cyber Crime Investigation Bureau (CCIB) …
    will form a task force, meeting quarterly'), as a table row gives them in its cells; a
    rhythm only, with an interval between occasions."""
    if commitment.description is None or commitment.kind != "area":
        return commitment
    span = commitment.span
    frequency = parse_recurrence(lex, span.text, span)
    if frequency is not None and frequency.key not in lex.rhythms:
        frequency = None  # 'permanent presence on the main rivers' says what, not how often
    start = span.start + span.text.find(commitment.description)
    described = Span(start, start + len(commitment.description), commitment.description)
    return dataclasses.replace(
        commitment,
        frequency=frequency,
        timeline=due_in(lex, span.text, span, since),
        agency=lead_agency(lex, described, commitment.label, agencies),
    )


def _folded(label: str) -> str:
    return " ".join(re.findall(r"\w+", label.casefold()))


def _mentions(
    nations: list[ActorMention], agencies: AgencyFindings, media: list[ActorMention]
) -> tuple[ActorMention, ...]:
    return tuple(nations + agencies.mentions + media)


def extract(document: Document, lex: Lexicon | None = None) -> DocumentFacts:
    """Every fact of ``document``: its agreement, actors, commitments, safeguards and approaches.

    The lexicon is the one of the languages the document is written in.
    """
    languages = detect(document)
    lex = lex or lexicon(languages.present)
    return _extract(document, lex, languages)


def _extract(document: Document, lex: Lexicon, languages: Languages) -> DocumentFacts:
    nations = nation_mentions(lex, document.text)
    the_parties = parties(lex, document, nations)
    excluded = {
        label
        for block in document.blocks
        if block.kind is BlockKind.TABLE
        for label in tables.item_labels(block)
    } | sections.pillar_labels(document)
    recognizer = AgencyRecognizer(lex, document, nations, the_parties)
    agencies = recognizer.run(excluded)
    agency_spans = agencies.name_spans()
    media = [
        m
        for m in media_mentions(lex, document)
        if not _overlaps(m.span.start, m.span.end, agency_spans)
    ]
    reader = _BlockReader(lex, document, recognizer)
    reader.read()
    listed = [_described(lex, c, reader.since, agencies.mentions) for c in reader.commitments]
    commitments = listed + _new_bodies(lex, document, listed, reader.since, agencies.mentions)
    crimes, crime_spans = _crimes(lex, document, agencies.name_spans() + [m.span for m in media])
    opening = first_sentence(document)
    places = [s for s in (document.title, opening) if s is not None]
    anchor = opening or document.title or Span(0, min(len(document.text), 200), document.text[:200])
    agreement = AgreementFact(
        title=(document.title or anchor).text,
        span=anchor,
        agreement_class=_agreement_class(lex, places),
        parties=the_parties,
        crimes=crimes,
        crime_evidence=crime_spans,
        commitments=tuple(_with_cooperation_types(lex, c) for c in commitments),
        safeguards=tuple(reader.safeguards),
        approaches=tuple(reader.approaches),
    )
    return DocumentFacts(
        document=document,
        agreements=(agreement,) if len(the_parties) >= 2 else (),
        mentions=_mentions(nations, agencies, media),
        new_agencies=tuple(agencies.new_agencies.values()),
        date=document_date(document.text),
        warnings=() if len(the_parties) >= 2 else ("fewer than two parties found: no agreement",),
        languages=languages,
    )
