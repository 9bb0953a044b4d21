"""Which agreement a follow-up speaks of: the one whose parties it names, then the one its
words, year and day of signing point to.

Pure functions over plain records, so the rules are tested without a store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from graph.followup.matching import CommitmentRecord, ratio
from graph.followup.stemming import stems


@dataclass(frozen=True)
class AgreementRecord:
    """What the linker knows of an agreement: its parties, title and year."""

    iri: str
    title: str
    parties: frozenset[str]
    date: str | None
    commitments: tuple[CommitmentRecord, ...]


def agreement_score(
    agreement: AgreementRecord,
    nations: frozenset[str],
    reference: str,
    years: Iterable[str],
    report_date: str | None,
    *,
    unnamed: int = 0,
    days: frozenset[str] = frozenset(),
) -> float | None:
    """How surely a report with this reference and these nations speaks of ``agreement``.

    None when it cannot: more than ``unnamed`` of its parties are not named, or the
    agreement is dated after the report.
    """
    if not agreement.parties or len(agreement.parties - nations) > unnamed:
        return None
    if agreement.date and report_date and agreement.date > report_date:
        return None
    title = ratio(stems(agreement.title), stems(reference), {})
    return 1.0 + 0.5 * title + _dated(agreement.date, years, days)


def _dated(signed: str | None, years: Iterable[str], days: frozenset[str]) -> float:
    """How closely the report dates the agreement: its day ('signed on 27 June 2024'), its
    month, its year. The day tells apart two agreements of the same parties."""
    if not signed:
        return 0.0
    if signed in days:
        return 0.6
    if signed[:7] in days:
        return 0.4
    return 0.3 if signed[:4] in set(years) else 0.0


def _unnamed_own_party(
    agreement: AgreementRecord, nations: frozenset[str], years: tuple[str, ...]
) -> bool:
    """Whether a report may speak of ``agreement`` without naming one of its parties: a
    parliament's answer on 'the agreement concluded with Algeria and Libya in May 2024'
    never names its own country. The others are named, at least two, and the year is."""
    return (
        len(agreement.parties & nations) >= 2
        and len(agreement.parties - nations) == 1
        and bool(agreement.date)
        and agreement.date[:4] in years
    )


def best_agreement(
    agreements: Sequence[AgreementRecord],
    nations: frozenset[str],
    reference: str,
    years: Iterable[str],
    report_date: str | None,
    days: frozenset[str] = frozenset(),
) -> AgreementRecord | None:
    """The agreement the report speaks of: all parties named, then title, year, IRI order;
    failing that, one whose own party the report leaves unnamed."""
    years = tuple(years)
    scored = []
    for agreement in agreements:
        score = agreement_score(agreement, nations, reference, years, report_date, days=days)
        if score is not None:
            scored.append((score, len(agreement.parties), agreement.iri, agreement))
    if not scored:
        for agreement in agreements:
            if not _unnamed_own_party(agreement, nations, years):
                continue
            score = agreement_score(
                agreement, nations, reference, years, report_date, unnamed=1, days=days
            )
            if score is not None:
                scored.append((score, len(agreement.parties), agreement.iri, agreement))
    return max(scored, key=lambda s: s[:3])[3] if scored else None
