"""What the follow-up recogniser finds: the reported items and how the report names its pact."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from graph.documents.model import Span

#: Keys of the commitment-status scheme (ontology/commitment-status.ttl) the reader gives.
PLEDGED = "pledged"
IN_PROGRESS = "in-progress"
FULFILLED = "fulfilled"
PARTLY_FULFILLED = "partially-fulfilled"
DELAYED = "delayed"
REVISED = "revised"
ABANDONED = "abandoned"


@dataclass(frozen=True)
class Figure:
    """A figure reported against a target: '58 of 50' → reached 58, target 50; a time
    against a limit: '12 days against the 15 agreed' → reached 12, target 15, ceiling."""

    text: str
    reached: Decimal | None
    target: Decimal | None
    #: The target is a limit not to pass ('12 working days, against the 15 days agreed').
    ceiling: bool = False

    @property
    def short_of_target(self) -> bool:
        """Below its target ('1,100 of the 1,500 officials'), or past its limit."""
        if self.reached is None or not self.target:
            return False
        return self.reached > self.target if self.ceiling else self.reached < self.target

    @property
    def target_reached(self) -> bool:
        """At or past its target ('58 of 50'), or within its limit."""
        if self.reached is None or not self.target:
            return False
        return self.reached <= self.target if self.ceiling else self.reached >= self.target


@dataclass(frozen=True)
class ReportedItem:
    """One item a follow-up reports on, with the status it gives and the passage that says so.

    ``strong`` items come from a table row or a list item (the report's own list of
    commitments); prose clauses are weak: they are kept only when they match a commitment.
    """

    label: str
    status: str
    span: Span
    strong: bool
    as_of: str | None = None
    figure: Figure | None = None
    #: The follow-up says the parties added this commitment: it is always a new one.
    added: bool = False
    #: A clause that only counts what was done ('In 2025 the three services jointly traced
    #: 137 firearms'), read as work under way; it needs a clearer match than a status word.
    counted: bool = False
    #: A counted clause that reports an occasion held ('met in Riga on 14 October to carry
    #: out the first yearly review'): one occurrence of a recurring commitment.
    occasion: bool = False
    #: The judgement its status waits for ('running', 'shortfall'; ``graph.followup.judged``):
    #: the commitment it is matched to decides it, so ``status`` is only the reading's default.
    judged: str | None = None


@dataclass(frozen=True)
class FollowUpFacts:
    """A recognised follow-up: its items and the words by which it names the earlier agreement."""

    items: tuple[ReportedItem, ...]
    reference: str
    years: tuple[str, ...]
