"""Reading tables: what each column holds, decided by its header and its cells.

A table either compares the parties (two or more columns headed by a
nation: "U.S. Approach", "How Canada Does It", "Brazilian Practice") or lists
commitments, one per row. For a commitment table each column gets a role —
item, focus area, outcome, timeline, frequency, agency — from the cues in
``ontology/extraction-cues.ttl`` that its header contains, and where the
header says nothing, from what its cells state.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache

from rdflib import URIRef

from graph.documents.model import Block, Row, Span
from graph.extract.actors import capital_mentions, nation_mentions
from graph.extract.agencies import AgencyRecognizer
from graph.extract.facts import (
    ActorMention,
    ApproachFact,
    CommitmentFact,
    Frequency,
    LabelledText,
    Timeline,
)
from graph.extract.phrases import unaccented
from graph.extract.values import (
    names_deadline,
    parse_recurrence,
    parse_span,
    read_value,
    span_beside_recurrence,
)
from graph.lexicon import Lexicon
from graph.namespaces import PG

ITEM, FOCUS, OUTCOME, TIMELINE, FREQUENCY, AGENCY, OTHER = (
    "item", "focus", "outcome", "timeline", "frequency", "agency", "other",
)  # fmt: skip
_ROLE_TERMS = {
    ITEM: PG.Commitment,
    FOCUS: PG.FocusArea,
    OUTCOME: PG.aimsAt,
    TIMELINE: PG.hasTimeline,
    FREQUENCY: PG.hasFrequency,
    AGENCY: PG.implementedBy,
}
_MIN_STEM, _STEM_SHARE = 4, 0.6
_EMPTY_CELLS = {"", "-", "—", "–", "n/a", "na", "none", "tbd", "tbc", "…", "..."}


@dataclass(frozen=True)
class Column:
    index: int
    role: str


def _cell_text(row: Row, index: int) -> Span | None:
    if index >= len(row.cells):
        return None
    span = row.cells[index].span
    return None if span.text.strip().lower() in _EMPTY_CELLS else span


def header_role(lexicon: Lexicon, header: str) -> str | None:
    """The role whose cue covers most of the header ('Implementation Timeline' → timeline);
    failing any cue, the role of a one-word cue that a word of the header inflects ('What
    It Should Deliver' → outcome, as 'delivers' is)."""
    best: tuple[int, str] | None = None
    for role, term in _ROLE_TERMS.items():
        for hit in lexicon.cue_index(term).find(header):
            score = hit.end - hit.start
            if best is None or score > best[0]:
                best = (score, role)
    if best is not None:
        return best[1]
    return _inflected_role(lexicon, header)


#: Endings of English inflection ('delivers', 'achieved', 'leading'), longest first.
_INFLECTION = re.compile(r"(?:ing|es|ed|s|e)$")
_MIN_BASE = 4


def _base(word: str) -> str:
    """A word without its inflection, when enough of it remains to mean the same word."""
    base = _INFLECTION.sub("", word)
    return base if len(base) >= _MIN_BASE else word


@cache
def _cue_bases(lexicon: Lexicon) -> tuple[tuple[str, str], ...]:
    """(base, role) of every one-word cue of a column role: read once per lexicon, not
    once per header."""
    return tuple(
        (_base(unaccented(cue).casefold()), role)
        for role, term in _ROLE_TERMS.items()
        for cue in lexicon.cues.get(term, ())
        if " " not in cue
    )


def _inflected_role(lexicon: Lexicon, header: str) -> str | None:
    """The role of the one-word cues a header's words share a base with; None when none
    does, or when words of the header lead to two roles."""
    words = {_base(w) for w in re.findall(r"[^\W\d_]+", unaccented(header).casefold())}
    roles = {role for base, role in _cue_bases(lexicon) if base in words}
    return roles.pop() if len(roles) == 1 else None


def _content_role(
    lexicon: Lexicon, cells: list[Span], agencies: AgencyRecognizer, *, headed: bool
) -> str:
    """What most cells of a column state, for a header without cues.

    Recurrences and spans count whatever the column is called; a column of
    agency names leads only when nothing else is said of it ("Partners" names
    bodies that take part, not the lead).
    """
    if not cells:
        return OTHER
    recurrences = sum(parse_recurrence(lexicon, c.text, c) is not None for c in cells)
    spans = sum(parse_span(lexicon, c.text, c) is not None or names_deadline(c.text) for c in cells)
    if (recurrences + spans) * 2 > len(cells):
        return FREQUENCY if recurrences >= spans else TIMELINE
    named = sum(agencies.resolve_cell(c, create=False) is not None for c in cells)
    if not headed and named * 2 > len(cells):
        return AGENCY
    return OTHER


def _shared_prefix(first: str, second: str) -> int:
    return next(
        (i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b),
        min(len(first), len(second)),
    )


def _adjective_of(header: str, named: list[ActorMention]) -> set[URIRef]:
    """Nations of the document whose name a lower-case adjective of ``header`` derives from.

    Romance headers name a party by its adjective ("Approche marocaine",
    "Abordagem angolana"), which no gazetteer lists: the adjective shares
    most of its stem with a word of a name the document uses ("Royaume du
    Maroc", "République française", "Angola").
    """
    found = set()
    for word in re.findall(r"[^\W\d_]{4,}", header):
        if not word[:1].islower():
            continue
        stem = unaccented(word).casefold()
        for mention in named:
            for name in unaccented(mention.span.text).casefold().split():
                shared = _shared_prefix(name, stem)
                if shared >= _MIN_STEM and shared >= _STEM_SHARE * len(name):
                    found.add(mention.iri)
    return found


def comparison_columns(
    lexicon: Lexicon, block: Block, named: list[ActorMention] = ()
) -> dict[int, URIRef] | None:
    """Columns headed by distinct parties, when the table compares two or more of them.

    ``named`` are the nations the document names, for headers that use an adjective.
    """
    if block.header is None:
        return None
    owners: dict[int, URIRef] = {}
    for index, cell in enumerate(block.header.cells[1:], start=1):
        header = cell.span.text
        named_here = nation_mentions(lexicon, header) + capital_mentions(lexicon, header)
        actors = {m.iri for m in named_here}
        actors = actors or _adjective_of(header, [m for m in named if m.kind == "nation"])
        if len(actors) == 1:
            owners[index] = actors.pop()
    others = len(block.header.cells) - 1
    if len(set(owners.values())) >= 2 and len(owners) * 2 >= others:
        return owners
    return None


def read_comparison(block: Block, owners: dict[int, URIRef]) -> list[ApproachFact]:
    approaches = []
    for row in block.rows:
        aspect = _cell_text(row, 0)
        if aspect is None:
            continue
        for index, actor in owners.items():
            cell = _cell_text(row, index)
            if cell is not None:
                approaches.append(
                    ApproachFact(actor, LabelledText(aspect.text, aspect), cell.text, cell)
                )
    return approaches


_ROW_NUMBER = re.compile(r"^\(?(?:\d{1,3}|[A-Za-z])[.)]?$")


def _numbers_rows(block: Block, index: int) -> bool:
    """Whether a column only numbers the rows ('1', '2.', 'a)')."""
    cells = [c.text.strip() for r in block.rows if (c := _cell_text(r, index)) is not None]
    return bool(cells) and all(_ROW_NUMBER.match(text) for text in cells)


def column_roles(lexicon: Lexicon, block: Block, agencies: AgencyRecognizer) -> list[Column]:
    width = max(
        [len(block.header.cells) if block.header else 0] + [len(r.cells) for r in block.rows]
    )
    if width == 0:
        return []  # '|' alone: a table with no cell says nothing
    headers = [c.span.text for c in block.header.cells] if block.header else []
    roles: list[str | None] = [
        header_role(lexicon, headers[i]) if i < len(headers) else None for i in range(width)
    ]
    item = next((i for i, r in enumerate(roles) if r == ITEM), 0)
    if item + 1 < width and _numbers_rows(block, item):
        roles[item] = OTHER  # '| No. | Deliverable | …': the item is named after its number
        item += 1
    roles[item] = ITEM
    described_by = None  # a later column headed as an item: 'Task' beside 'Forum'
    for index in range(width):
        if index != item and roles[index] in (None, ITEM):
            if roles[index] == ITEM and index > item and described_by is None:
                described_by = index
            cells = [c for r in block.rows if (c := _cell_text(r, index)) is not None]
            headed = bool(headers[index : index + 1] and headers[index].strip())
            roles[index] = _content_role(lexicon, cells, agencies, headed=headed)
    if OUTCOME not in roles and described_by is not None and roles[described_by] == OTHER:
        # '| Forum | Who Takes Part | Task | Meets |': the item is the first column named
        # as one; a later one says what the item is there to do, its purpose
        roles[described_by] = OUTCOME
    if OUTCOME not in roles:
        # A column with no header at all may hold the outcome; a named one ("Notes") does not.
        first_text = next(
            (i for i, r in enumerate(roles) if r == OTHER and not (headers[i : i + 1] or [""])[0]),
            None,
        )
        if first_text is not None:
            roles[first_text] = OUTCOME
    return [Column(i, r or OTHER) for i, r in enumerate(roles)]


#: The recurrence of work that never stops, which a more exact one in the row refines.
_ONGOING = "continuous"


def _values(lexicon: Lexicon, row: Row, columns: list[Column], since: datetime.date | None):
    timeline: Timeline | None = None
    frequency: Frequency | None = None
    for column in columns:
        if column.role not in (TIMELINE, FREQUENCY):
            continue
        cell = _cell_text(row, column.index)
        if cell is None:
            continue
        value = read_value(lexicon, cell.text, cell, since if column.role == TIMELINE else None)
        if isinstance(value, Frequency) and frequency is None:
            frequency = value
            value = span_beside_recurrence(lexicon, cell.text, cell)
        if isinstance(value, Timeline) and timeline is None:
            timeline = value
    return timeline, frequency


def read_commitments(
    lexicon: Lexicon, block: Block, agencies: AgencyRecognizer, since: datetime.date | None = None
) -> list[CommitmentFact]:
    """One commitment per row with a non-empty item cell; a deadline the calendar names
    counts from ``since``, the document's date."""
    columns = column_roles(lexicon, block, agencies)
    if not columns:
        return []
    by_role = {c.role: c.index for c in reversed(columns)}
    commitments = []
    for row in block.rows:
        label = _cell_text(row, by_role[ITEM])
        if label is None:
            continue
        timeline, frequency = _values(lexicon, row, columns, since)
        outcome = _cell_text(row, by_role[OUTCOME]) if OUTCOME in by_role else None
        if outcome is not None and frequency is not None and frequency.key == _ONGOING:
            # 'Ongoing' beside 'Lists exchanged every month': the outcome says how often
            frequency = parse_recurrence(lexicon, outcome.text, outcome) or frequency
        focus = _cell_text(row, by_role[FOCUS]) if FOCUS in by_role else None
        agency_cell = _cell_text(row, by_role[AGENCY]) if AGENCY in by_role else None
        commitments.append(
            CommitmentFact(
                label=label.text,
                span=row.span,
                kind="action",
                outcome=LabelledText(outcome.text, outcome) if outcome else None,
                timeline=timeline,
                frequency=frequency,
                agency=agencies.resolve_cell(agency_cell) if agency_cell else None,
                focus_area=LabelledText(focus.text, focus) if focus else None,
            )
        )
    return commitments


def item_labels(block: Block) -> set[str]:
    """First-column texts of a table: names of commitments, never agencies."""
    return {c.text for r in block.rows if (c := _cell_text(r, 0)) is not None}
