"""Reading bullet lists by the section they stand in.

Bullets under a heading about sovereignty, jurisdiction, privacy or other
safeguards (cues on ``pg:Safeguard``), or introduced by a lead-in sentence
ending in a colon that names one, are safeguards, verbatim; so is each sentence
laying down a rule in the prose of such a section when it has no list. Elsewhere, a list
whose bullets read "Label: description" sets out pillars or strategies, one
commitment per bullet. Plain-sentence bullets outside safeguard sections
describe context and are not extracted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.documents.model import Block, BlockKind, Document, Span, pieces
from graph.extract.actors import SENTENCE_END
from graph.extract.facts import CommitmentFact, SafeguardFact
from graph.lexicon import Lexicon
from graph.namespaces import PG

_MAX_LABEL_WORDS = 9
_SAFEGUARD_SHARE = 0.6
# "Label: description", "Label — description" or "Label – description" (not a hyphen).
_LABEL_SEPARATOR = re.compile(r":|\s[—–-]\s")
_NUMBER_MARKER = re.compile(r"\d{1,2}[.)]\s")
_LAST_SENTENCE = re.compile(r"(?:^|(?<=[.!?])\s+)([^.!?]*:)\s*$")


@dataclass(frozen=True)
class ListInContext:
    """A bullet list with the heading of its section and the sentence that leads into it."""

    block: Block
    heading: Span | None
    lead_in: str | None


def lists_in_context(document: Document) -> list[ListInContext]:
    found = []
    heading: Span | None = None
    previous: Block | None = None
    for block in document.blocks:
        if _is_numbered_paragraph(block):
            heading = None  # '9. Differences of approach. …' opens a section of its own
        if block.kind is BlockKind.HEADING:
            heading = block.span
        elif block.kind is BlockKind.BULLET_LIST:
            lead_in = None
            if previous is not None and previous.kind is BlockKind.PARAGRAPH:
                match = _LAST_SENTENCE.search(previous.span.text)
                lead_in = match.group(1) if match else None
            found.append(ListInContext(block, heading, lead_in))
        previous = block
    return found


def _is_numbered_paragraph(block: Block) -> bool:
    """A numbered item standing alone, as communiqués number their paragraphs."""
    return (
        block.kind is BlockKind.BULLET_LIST
        and len(block.items) == 1
        and bool(_NUMBER_MARKER.match(block.span.text))
    )


def is_safeguard_list(lexicon: Lexicon, context: ListInContext) -> bool:
    """By its heading, by its lead-in, or by what most of its plain-sentence bullets say."""
    cues = lexicon.cue_index(PG.Safeguard)
    if context.heading is not None and cues.find(context.heading.text):
        return True
    if context.lead_in is not None and cues.find(context.lead_in):
        return True
    items = context.block.items
    if len(items) < 2 or _is_pillar_list(items):
        return False
    speaking = sum(bool(lexicon.safeguard_content.find(i.text) or cues.find(i.text)) for i in items)
    return speaking >= _SAFEGUARD_SHARE * len(items)


def _is_pillar_list(items: tuple[Span, ...]) -> bool:
    labelled = sum(label_and_description(item) is not None for item in items)
    return labelled * 2 > len(items)


def label_and_description(item: Span) -> tuple[Span, Span | None] | None:
    """'Joint Task Forces: Multidisciplinary teams ...' → (label, description)."""
    separator = _LABEL_SEPARATOR.search(item.text)
    if separator is None or separator.start() == 0:
        return None
    colon, after = separator.start(), separator.end()
    label_text = item.text[:colon].strip().strip("*").strip()
    if not label_text:
        return None
    words = label_text.split()
    if not words or len(words) > _MAX_LABEL_WORDS or not label_text[0].isupper():
        return None
    if label_text.endswith((".", ",", ";")):
        return None
    label_start = item.start + item.text.index(label_text)
    label = Span(label_start, label_start + len(label_text), label_text)
    rest = item.text[after:]
    stripped = rest.strip().lstrip("*").strip()
    if not stripped:
        return label, None
    start = item.start + after + rest.index(stripped)
    return label, Span(start, start + len(stripped), stripped)


def pillar_commitments(context: ListInContext) -> list[CommitmentFact]:
    """One commitment per 'Label: description' bullet, when most bullets read so."""
    items = context.block.items
    if not _is_pillar_list(items):
        return []
    pairs = [(item, label_and_description(item)) for item in items]
    labelled = [(item, pair) for item, pair in pairs if pair is not None]
    return [
        CommitmentFact(
            label=label.text,
            span=item,
            kind="area",
            description=description.text if description else None,
        )
        for item, (label, description) in labelled
    ]


def pillar_labels(document: Document) -> set[str]:
    """The 'Label' of every 'Label: description' bullet: names of commitments, never agencies."""
    return {
        pair[0].text
        for block in document.blocks
        if block.kind is BlockKind.BULLET_LIST
        for item in block.items
        if (pair := label_and_description(item)) is not None
    }


def safeguards(context: ListInContext) -> list[SafeguardFact]:
    return [SafeguardFact(item.text, item) for item in context.block.items if item.text]


def prose_safeguards(lexicon: Lexicon, document: Document) -> list[SafeguardFact]:
    """Each sentence that lays down a rule ('shall', 'nothing in this Plan', ``pg:ruleCue``)
    in the paragraphs of a section whose heading names safeguards and which holds no list:
    a statement may set its safeguards out in prose ('Safeguards. The Parties have agreed
    three safeguards. All exchange of personal data … shall comply with …'), where the
    sentences around them only introduce them."""
    found: list[SafeguardFact] = []
    for heading, blocks in _sections(document):
        if heading is None or not lexicon.cue_index(PG.Safeguard).find(heading.text):
            continue
        if any(block.kind is not BlockKind.PARAGRAPH for block in blocks):
            continue
        for block in blocks:
            found.extend(
                SafeguardFact(sentence.text, sentence)
                for sentence in pieces(
                    document.text, block.span.start, block.span.end, SENTENCE_END
                )
                if lexicon.rule_words.find(sentence.text)
            )
    return found


def _sections(document: Document) -> list[tuple[Span | None, list[Block]]]:
    """The blocks of ``document`` under each heading, in order."""
    found: list[tuple[Span | None, list[Block]]] = [(None, [])]
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            found.append((block.span, []))
        else:
            found[-1][1].append(block)
    return found
