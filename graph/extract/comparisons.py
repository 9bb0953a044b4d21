"""Comparisons of the parties written as a list: one aspect per bullet, one clause per nation.

Most documents compare how each party works in a table with a column per
nation (``graph.extract.tables``); some write the same comparison as bullets:

    - Wildlife protection: in Tanzania, TAWA is a paramilitary authority ...;
      in Mozambique, ANAC relies on rangers employed ...

Such a bullet is an aspect (the label before the colon) and clauses, split at
semicolons, each naming one nation and a different one each. The clause is
that nation's approach, without the words that only name the nation ("in
Tanzania,"). A list most of whose bullets read so is a comparison, never a
list of commitments.
"""

from __future__ import annotations

import re

from rdflib import URIRef

from graph.documents.model import Block, Span
from graph.extract.actors import nation_mentions
from graph.extract.facts import ApproachFact, LabelledText
from graph.extract.sections import label_and_description
from graph.language import grammar
from graph.lexicon import Lexicon

_MIN_CLAUSES = 2
_CLAUSE = re.compile(r"[^;]+")
#: A conjunction of contrast between two nations' ways in one clause ('Pakistan relies on a
#: specialised force, while in Turkmenistan drug cases are investigated by the ministry').
_CONTRAST = re.compile(r",?\s+(?:while|whereas)\s+")
#: Words a clause may put before the nation that owns it ('in Pakistan', none in "Pakistan's").
_WORDS_BEFORE_OWNER = 1


def _clauses(description: Span) -> list[Span]:
    spans = []
    for match in _CLAUSE.finditer(description.text):
        text = match.group().strip().rstrip(".").strip()
        if text:
            start = description.start + match.start() + match.group().index(text)
            spans.append(Span(start, start + len(text), text))
    return spans


def _owned_parts(lexicon: Lexicon, clause: Span) -> list[tuple[Span, URIRef | None]]:
    """A clause with the nation it belongs to, or its two sides with theirs when it sets one
    nation's way against another's; a contrast within one nation's clause stays in it ('in
    the UAE, the Council coordinates, while police units investigate' is the UAE's)."""
    for match in _CONTRAST.finditer(clause.text):
        left = Span(clause.start, clause.start + match.start(), clause.text[: match.start()])
        right = Span(clause.start + match.end(), clause.end, clause.text[match.end() :])
        owners = (_owner(lexicon, left), _owner(lexicon, right))
        if None not in owners and owners[0] != owners[1]:
            return [(left, owners[0]), (right, owners[1])]
    return [(clause, _owner(lexicon, clause))]


def _owner(lexicon: Lexicon, clause: Span) -> URIRef | None:
    """The one nation a clause names, None when it names none or several. A nation named
    outranks one described by adjective ('Bolivia has held legalisation campaigns …, which
    Chilean officials regard as an incentive to theft' is Bolivia's)."""
    for demonyms in (False, True):
        mentions = [
            m
            for m in nation_mentions(lexicon, clause.text, demonyms=demonyms)
            if m.kind == "nation"
        ]
        named = {m.iri for m in mentions}
        if len(named) > 1 and _opens_the_clause(clause.text, mentions[0].span.start):
            return mentions[0].iri  # "Turkmenistan's service guards the border with Afghanistan"
        if named:
            return named.pop() if len(named) == 1 else None
    return None


def _opens_the_clause(text: str, start: int) -> bool:
    return len(text[:start].split()) <= _WORDS_BEFORE_OWNER


def _without_the_nation(lexicon: Lexicon, clause: str) -> str:
    """'in Tanzania, TAWA is …' → 'TAWA is …'; "Tanzania's coast is …" → 'The coast is …'."""
    mentions = [m for m in nation_mentions(lexicon, clause) if m.kind == "nation"]
    if not mentions:
        return clause
    first = mentions[0].span
    lead = clause[: first.start].strip().lower()
    rest = clause[first.end :]
    prepositions = grammar.words(grammar.ARTICLE_AFTER, lexicon.languages) | {"the"}
    if all(word in prepositions for word in lead.split()):
        possessive = re.match(r"['’]s\s+", rest)
        if possessive and not lead:
            return "The " + rest[possessive.end() :]
        separated = re.match(r"\s*[,:—–]\s*|\s+-\s+", rest)
        if separated is None and lead:
            separated = re.match(r"\s+", rest)  # 'in Pakistan the FIA investigates …'
        if separated:
            text = rest[separated.end() :]
            return text[:1].upper() + text[1:]
    return clause


def _bullet_approaches(lexicon: Lexicon, item: Span) -> list[ApproachFact]:
    """The approaches of one bullet, or none when it is no comparison."""
    pair = label_and_description(item)
    if pair is None or pair[1] is None:
        return []
    aspect, description = pair
    parts = [part for clause in _clauses(description) for part in _owned_parts(lexicon, clause)]
    clauses = [clause for clause, _ in parts]
    owners = [owner for _, owner in parts]
    if len(clauses) < _MIN_CLAUSES or None in owners or len(set(owners)) < len(owners):
        return []
    return [
        ApproachFact(
            owner,
            LabelledText(aspect.text, aspect),
            _without_the_nation(lexicon, clause.text),
            clause,
        )
        for owner, clause in zip(owners, clauses, strict=True)
        if owner is not None
    ]


def list_approaches(lexicon: Lexicon, block: Block) -> list[ApproachFact]:
    """The approaches a bullet list compares, when most of its bullets compare nations."""
    per_bullet = [_bullet_approaches(lexicon, item) for item in block.items]
    comparing = sum(bool(found) for found in per_bullet)
    if comparing * 2 <= len(block.items):
        return []
    return [approach for found in per_bullet for approach in found]
