"""Which commitment each of a follow-up's items speaks of (``graph.followup.linking`` finds
the agreement).

Pure functions over plain records, so the rules are tested without a store. An item is
matched by the words it shares with a commitment (its label above all, then its outcome,
description and agency), each word weighted by how rare it is among the agreement's
commitments: 'joint' or 'border', shared by half of them, tell little; 'ballistics' tells
which one. Words are compared by a crude stem so 'returns' meets 'returned'
(``graph.followup.stemming``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from graph.extract.phrases import alternatives
from graph.followup.stemming import is_number, label_words, stems
from graph.followup.words import CRIME_WORD
from graph.lexicon import lexicon

#: Letters from which a stem that begins another stands for the same word.
_PREFIX = 6

#: Weight of the label, of the other words of the commitment, and of a shared number.
LABEL_WEIGHT, CONTEXT_WEIGHT, NUMBER_BONUS = 0.7, 0.3, 0.15
#: Added when the item names the commitment's lead agency, divided among the commitments
#: that agency leads: 'the Minerals Commission says' tells the dredger operation when the
#: Commission leads nothing else.
AGENCY_BONUS = 0.2
#: A commitment matches an item from this score on, or from the lower one when it scores
#: at least MARGIN times the runner-up (one rare word shared, nothing else close).
MATCH_THRESHOLD, LOWER_THRESHOLD, MARGIN = 0.42, 0.25, 2.0
#: A clause of prose, of which only the clearest on each commitment is kept, needs only to
#: lead the runner-up by this much over the lower threshold.
PROSE_MARGIN = 1.2
#: ... or, below it, to score this much and twice the runner-up: 'But the wider effort to
#: screen and refer children has been only partly delivered' shares one word with its
#: commitment and none with the others.
PROSE_FLOOR, PROSE_FLOOR_MARGIN = 0.18, 2.0
#: A row of a status table speaks of some commitment: from this score on, when it scores
#: ROW_MARGIN times the runner-up ('Forged-documents unit' for 'Document Fraud Desk').
ROW_FLOOR, ROW_MARGIN = 0.2, 3.0
#: A clause that only counts what was done speaks of a commitment from this score on, when it
#: scores COUNT_MARGIN times the runner-up.
COUNT_FLOOR, COUNT_MARGIN = 0.3, 2.0
#: A row that matched nothing, read again against the commitments no item took, speaks of
#: the one scoring this much and ELIMINATION_MARGIN times the runner-up among them.
ELIMINATION_FLOOR, ELIMINATION_MARGIN = 0.2, 1.5


def _label_ratio(words: list[frozenset[str]], found: set[str], weights: dict[str, float]) -> float:
    """Share of the weight of a label's words that ``found`` meets."""
    weight = [max(weights.get(s, 1.0) for s in word) for word in words]
    total = sum(weight)
    met = sum(w for word, w in zip(words, weight, strict=True) if word & found)
    return met / total if total else 0.0


@dataclass(frozen=True)
class CommitmentRecord:
    """What the matcher knows of a commitment: its label and the words around it."""

    iri: str
    label: str
    context: str = ""
    agency: tuple[str, ...] = ()
    #: A line of work with no target, deadline or rhythm of its own ('Dismantling
    #: Trafficking Networks: operations against the groups that move cocaine …').
    broad: bool = False
    #: A measure to be set up once by a deadline, with no rhythm ('a joint cell in
    #: Burlington within six months'): a clause reporting it at work since a day fulfils it.
    set_up_once: bool = False
    #: The day it is due, ISO 8601: its agreement's date plus its timeline.
    deadline: str | None = None
    #: The share of cases, in per cent, its words ask to be handled within a time limit
    #: ('85% of requests answered within 20 working days'; 100 when they ask every case).
    standard: Decimal | None = None

    @property
    def crimes(self) -> frozenset[str]:
        """The crime categories its words name, as the words ``matchable`` adds."""
        return crimes_named(f"{self.label} {self.context}")


#: What the parties say, not do, in minutes of their meetings ('both sides recalled that the
#: apprehension of fishing vessels … remained a sensitive matter').
_SPOKE = (
    r"(?:recalled|noted|agreed|welcomed|expressed|stressed|reaffirmed|underlined|said|stated)\b"
)


@cache
def _joint_work(agreement_words: frozenset[str]) -> re.Pattern[str]:
    """Work the parties did together: 'joint operations', 'coordinated seizures', 'information
    shared through this channel', 'boardings carried out under the Compact' (the agreement
    named by one of ``agreement_words``, ``pg:nounCue``), 'the two police forces
    dismantled 9 networks'."""
    return re.compile(
        r"\b(?:joint|jointly|coordinated|combined|together)\b"
        r"|\b(?:information|intelligence|data|alerts?)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:shared|exchanged|pooled)\b"
        rf"|\bunder\s+the\s+(?:[\w-]+\s+){{0,3}}?(?:{alternatives(agreement_words)})\b"
        r"|\b(?:the\s+(?:two|three|four)|both)\s+(?:[\w-]+\s+)?(?:countries|police|forces"
        r"|services|sides|navies|agencies|units|bureaus|offices)\b(?!\s+(?:also\s+)?"
        + _SPOKE
        + r")",
        re.IGNORECASE,
    )


#: No result of that work: told apart from the agreement ('Separately, the Coast Guard
#: seized …', 'a national operation and was not carried out under the Compact', 'Elsewhere
#: in the region'), a trend ('seizures of synthetic drugs rose by 40 per cent'), or what is
#: pledged or proposed ('pledged to hunt down', 'endorsed a proposal to compile').
_NOT_RESULTS = re.compile(
    r"\b(?:separately|elsewhere|national\s+operation|not\s+(?:been\s+)?(?:carried\s+out\s+)?"
    r"under|no\s+link|rose|risen|rising|fell|fallen|trend|pledged|promised|propos\w*|will|shall)\b",
    re.IGNORECASE,
)


def crimes_named(text: str) -> frozenset[str]:
    """The crime-category words of a matchable text ('crimedrugtrafficking')."""
    return frozenset(word for word in text.split() if word.startswith(CRIME_WORD))


def crimes_counted(text: str) -> frozenset[str]:
    """The crime categories a count of results names, by name or by what it counts ('212
    rifles' → arms trafficking, through ``pg:resultCue``), as crime words."""
    hits = lexicon().result_words.find(text)
    return crimes_named(text) | {f"{CRIME_WORD}{h.values[0].replace('-', '')}" for h in hits}


def line_of_work(text: str, commitments: Sequence[CommitmentRecord]) -> CommitmentRecord | None:
    """The one line of work whose crimes a count of results names ('led to 39 arrests and
    the seizure of 1.1 tonnes of cocaine' → 'Dismantling Trafficking Networks', the only
    line against drug trafficking): results no measure of their own claims are the line's,
    when the count says the parties worked together ('joint operations', 'information
    exchanged between the FELCN and the PDI', 'under the Compact'), and gives results
    (see ``_NOT_RESULTS``)."""
    named = crimes_counted(text)
    joint_work = _joint_work(lexicon().agreement_words)
    if not named or not joint_work.search(text) or _NOT_RESULTS.search(text):
        return None
    broad = [c for c in commitments if c.broad]
    lines = [c for c in broad if named & c.crimes] or [
        c for c in broad if not c.crimes and named & crimes_counted(f"{c.label} {c.context}")
    ]
    return lines[0] if len(lines) == 1 else None


def _weights(commitments: Sequence[CommitmentRecord]) -> dict[str, float]:
    """Inverse frequency of each stem among the commitments' labels and contexts."""
    counts: Counter[str] = Counter()
    for commitment in commitments:
        counts.update(stems(commitment.label) | stems(commitment.context))
    total = max(len(commitments), 1)
    return {word: math.log(1 + total / count) for word, count in counts.items()}


def ratio(words: set[str], found: set[str], weights: dict[str, float]) -> float:
    """Share of the weight of ``words`` that ``found`` holds."""
    total = sum(weights.get(w, 1.0) for w in words)
    return sum(weights.get(w, 1.0) for w in words & found) / total if total else 0.0


def names_agency(item_text: str, commitment: CommitmentRecord) -> bool:
    """Whether the item names the commitment's lead agency, in full or by acronym."""
    return any(
        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", item_text) for name in commitment.agency
    )


def match_score(
    item_text: str,
    commitment: CommitmentRecord,
    weights: dict[str, float],
    led: int = 1,
    said_throughout: frozenset[str] = frozenset(),
) -> float:
    """How well an item's text speaks of ``commitment`` (0 to about 1.35); ``led`` is how
    many of the agreement's commitments its lead agency leads; ``said_throughout`` are
    words of the report that tell none of its items apart."""
    context_words = stems(commitment.context)
    label_stems = label_words(commitment.label)
    found = _extended(stems(item_text) - said_throughout, context_words.union(*label_stems))
    label = _label_ratio(label_stems, found, weights)
    context = ratio(context_words, found, weights)
    numbers = {w for w in found & context_words if is_number(w)}
    agency = AGENCY_BONUS / led if names_agency(item_text, commitment) else 0.0
    return (
        LABEL_WEIGHT * label
        + CONTEXT_WEIGHT * context
        + (NUMBER_BONUS if numbers else 0.0)
        + agency
    )


def _extended(found: set[str], words: set[str]) -> set[str]:
    """``found`` with each of ``words`` that one of its stems begins or that begins one of
    them, from six letters on: the crude stems of 'ministers' and 'ministerial', of
    'register' and 'registration', differ only by an ending."""
    return found | {
        word
        for word in words - found
        for stem_ in found
        if min(len(word), len(stem_)) >= _PREFIX
        and (word.startswith(stem_) or stem_.startswith(word))
    }


def said_throughout(item_texts: Sequence[str]) -> frozenset[str]:
    """Stems in more than half of a report's items, when it has five or more: a
    communiqué's 'the Committee noted …' names its speaker, not the Committee commitment,
    in every paragraph."""
    if len(item_texts) < 5:
        return frozenset()
    counts = Counter(word for text in item_texts for word in stems(text))
    return frozenset(word for word, n in counts.items() if 2 * n > len(item_texts))


def best_commitment(
    item_text: str,
    commitments: Sequence[CommitmentRecord],
    *,
    clear_only: bool = False,
    common: frozenset[str] = frozenset(),
    floor: float = LOWER_THRESHOLD,
    margin: float = MARGIN,
    by_name: bool = False,
) -> tuple[CommitmentRecord, float] | None:
    """The commitment the item speaks of, or None when none scores the threshold.

    ``clear_only``: only a commitment that stands out, scoring ``floor`` and at least
    ``margin`` times the runner-up. ``common``: words the report says throughout, which
    tell nothing here. ``by_name``: failing a clear winner, the commitment whose name the
    item writes out (for a clause of prose, which no row or list label names).
    """
    weights = _weights(commitments)
    led = Counter(c.agency for c in commitments if c.agency)
    scored = sorted(
        (
            (match_score(item_text, c, weights, led[c.agency] or 1, common), c.iri, c)
            for c in commitments
        ),
        key=lambda s: (s[0], s[1]),
        reverse=True,
    )
    if not scored:
        return None
    if len(scored) > 1 and _more_specific(item_text, scored[0][2], scored[1][2]):
        scored[0], scored[1] = scored[1], scored[0]
    score, _, commitment = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    clear = score >= floor and (
        score >= margin * runner_up
        or (len(scored) > 1 and _dominates(item_text, commitment, scored[1][2], common))
    )
    if clear or (not clear_only and score >= MATCH_THRESHOLD):
        return commitment, score
    named = _named_in_full(item_text, commitments) if by_name else None
    return next(((c, s) for s, _, c in scored if c is named), None)


def _named_in_full(
    item_text: str, commitments: Sequence[CommitmentRecord]
) -> CommitmentRecord | None:
    """The one commitment whose name of two words or more the item writes out as a name, in
    its capitals ('The fifth round of Operation Phakela … led to 34 arrests'): a name is the
    clearest match; of two named, the longer ('Joint Border Patrols' over 'Border Patrols')."""
    text = " ".join(item_text.split())
    named = [
        c
        for c in commitments
        if len(c.label.split()) >= 2 and c.label[:1].isupper() and " ".join(c.label.split()) in text
    ]
    if not named:
        return None
    longest = max(named, key=lambda c: len(c.label))
    others = [
        c for c in named if c is not longest and c.label.casefold() not in longest.label.casefold()
    ]
    return None if others else longest


def _more_specific(item_text: str, best: CommitmentRecord, runner_up: CommitmentRecord) -> bool:
    """Whether the item names the runner-up in full and the best only as a part of it: 'The
    Labour Migration Protection Working Group held three meetings' is the working group's,
    not the pillar 'Labour migration''s."""
    named = stems(item_text)
    best_words, runner_up_words = stems(best.label), stems(runner_up.label)
    return bool(best_words) and best_words < runner_up_words <= named


def best_for_clause(
    text: str, commitments: Sequence[CommitmentRecord], common: frozenset[str]
) -> tuple[CommitmentRecord, float] | None:
    """The commitment a clause of prose speaks of: one leading its runner-up a little over
    the lower threshold, or one far ahead of it below."""
    return best_commitment(text, commitments, common=common, margin=PROSE_MARGIN) or (
        best_commitment(
            text,
            commitments,
            common=common,
            clear_only=True,
            floor=PROSE_FLOOR,
            margin=PROSE_FLOOR_MARGIN,
            by_name=True,
        )
    )


def _shared(item_text: str, commitment: CommitmentRecord, common: frozenset[str]) -> set[str]:
    found = stems(item_text) - common
    return found & (stems(commitment.label) | stems(commitment.context))


def _dominates(
    item_text: str, best: CommitmentRecord, runner_up: CommitmentRecord, common: frozenset[str]
) -> bool:
    """Whether the item shares with ``best`` every word it shares with ``runner_up`` and
    more: 'Joint border patrols' meets 'Integrity at the Border' only by a word that
    'Mixed Patrols on the Green Border' has too, so nothing speaks for the runner-up."""
    with_best = _shared(item_text, best, common)
    with_runner_up = _shared(item_text, runner_up, common)
    return bool(with_runner_up) and with_runner_up < with_best
