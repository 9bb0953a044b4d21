"""Reading a follow-up's lists: items sorted under a status heading, labelled entries
('Kidnap alert line: operational'), and entries a pledging introduction makes new."""

from __future__ import annotations

import dataclasses
import re

from graph.documents.model import Block, Span
from graph.extract.phrases import Hit
from graph.followup.additions import added_status, addition_cues, only_the_cue
from graph.followup.clauses import clause_item, clauses_of, counted
from graph.followup.facts import (
    IN_PROGRESS,
    PLEDGED,
)
from graph.followup.numerals import YEAR
from graph.followup.prose import prose_items
from graph.followup.values import (
    counts_work_done,
    reports_occasion,
    status_in,
)
from graph.lexicon import Lexicon
from graph.namespaces import PG

#: The end of a sentence of a list item.
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")
#: Words of a run-in heading that opens an item ('New measure.', 'A new area of work.').
_RUN_IN_HEADING_WORDS = 5


def _lead(text: str) -> str:
    """A list item's lead ('Joint Patrols: operating in four ports' → 'Joint Patrols')."""
    for separator in (":", " – ", " — ", " - "):
        head, found, _ = text.partition(separator)
        if found and 0 < len(head.split()) <= 12:
            return head.strip(" *_")
    return text.strip()


#: An item that opens on a quotation: the words of another text.
_QUOTE_OPENS = re.compile(r"\s*[–—-]?\s*[\"“]")


def _introduces_pledges(lex: Lexicon, text: str | None) -> bool:
    """'Building on the Roadmap, the Commission agreed to:' introduces what was agreed."""
    return bool(text and text.rstrip().endswith(":") and status_in(lex, text) == PLEDGED)


#: Words that join the verdicts of a label ('Changed or dropped').
_JOINING = frozenset({"or", "and", "/", "&"})


def _verdict_over_several(lex: Lexicon, text: str, label: str) -> bool:
    """Whether an item sorts several measures under a verdict ('Delivered in part: the site
    inventory, river patrols, transit tracking for cigarettes'): its lead is only words of
    status and what follows lists things. A summary of the items reported elsewhere."""
    if label == text.strip() or "," not in text[len(label) :]:
        return False
    rest = label
    for hit in sorted(lex.statuses.find(label), key=lambda h: h.start, reverse=True):
        rest = rest[: hit.start] + " " + rest[hit.end :]
    return rest != label and not set(rest.casefold().split()) - _JOINING


def _only_refers(lex: Lexicon, item: Span) -> bool:
    """Whether every clause of an unlabelled item that states a status names the earlier
    agreement with its year ('The Commission established under the Roadmap signed on 12
    March 2024 held its first session'): a reference, as in prose, not a report."""
    stating = [c for c in clauses_of(item) if status_in(lex, c.text)]
    return bool(stating) and all(
        lex.reference_cues.find(c.text) and YEAR.search(c.text) for c in stating
    )


def list_items(
    lex: Lexicon, block: Block, date: str | None, heading: str | None, intro: str | None = None
):
    """Items of a list that reports statuses.

    A list under a heading that states a status ('Delivered', 'Behind Schedule') reports
    that status for each item that states none itself: the writer sorted them. In a list
    where most items say a status, an item that says none ('Held every month since
    March') is reported as in progress, but only kept if it matches a commitment. An item
    is the report's own word on a commitment when it is labelled ('Kidnap alert line:
    operational') or pledges anew; an unlabelled remark ('Two of the five deliverables
    have been met') counts as prose, and like a sentence of prose it is no report when it
    only names the earlier agreement. The items after an introduction that pledges
    ('the Commission agreed to:') are pledges of the report's own. An item that states no
    status but counts what was done ('87 members of cross-border trafficking groups
    detained') or an occasion held is a count, as the same words in a sentence of prose
    are: work under way on the one commitment it clearly speaks of. A list whose last item
    asks ('?') is a question put to a government: it reports nothing.
    """
    if block.items and block.items[-1].text.rstrip().endswith("?"):
        return  # '(a) whether the Government has reviewed …; (e) the further steps …?'
    sorted_as = status_in(lex, heading) if heading else None
    if sorted_as == PLEDGED:
        sorted_as = None
    said = [status_in(lex, item.text) or sorted_as for item in block.items]
    progress_list = 2 * sum(1 for s in said if s and s != PLEDGED) >= len(said)
    pledging = _introduces_pledges(lex, intro)
    adding = bool(intro and intro.rstrip().endswith(":") and addition_cues(lex, intro))
    heading_cues = addition_cues(lex, heading) if heading else []
    if heading and heading_cues and only_the_cue(heading, heading_cues[0]):
        adding = True  # under 'ALSO NEW' or 'Measures not in the original Programme'
    quoting = False  # the items quote the agreement's own pledges
    for index, (item, status) in enumerate(zip(block.items, said, strict=True)):
        label = _lead(item.text)
        if _verdict_over_several(lex, item.text, label):
            continue  # 'Delivered in part: the site inventory, river patrols, …': a summary
        if _introduces_pledges(lex, item.text):
            following = block.items[index + 1].text if index + 1 < len(block.items) else ""
            quoting = bool(_QUOTE_OPENS.match(following))
            pledging = not quoting
            continue
        if quoting and _QUOTE_OPENS.match(item.text):
            continue  # 'Headline pledges as signed:' / '"Eight coordinated boardings" …'
        quoting = False
        if pledging:
            status = status or PLEDGED
        elif label == item.text.strip() and _only_refers(lex, item):
            if reports_occasion(item.text):
                # '1. The Commission established by the Compact … held its first session':
                # one occasion of the body, as a count of work done
                yield counted(item, date, occasion=True)
            continue
        cue = [c for c in addition_cues(lex, item.text) if not _decided_later(item.text, c)]
        if cue and only_the_cue(item.text, cue[0]):
            continue  # '7. A new measure': a numbered heading over the addition
        if adding or cue:
            found = clause_item(
                lex, item, date, strong=True, label=label, status=added_status(status)
            )
            yield dataclasses.replace(found, added=True)  # 'A dog team, not part of the original'
            continue
        if lex.exclusions.find(item.text):
            continue  # 'a separate arrangement, not assessed in this fact sheet'
        sentences = [c for c in clauses_of(item) if len(c.text.split()) > 3]
        if label == item.text.strip() and status == PLEDGED and not pledging and len(sentences) > 1:
            # '7. The Parties noted that … 14 percent … had been checked, below the level of
            # 25 percent. The Heads of State instructed … to reach the agreed level': a
            # numbered paragraph whose last word pledges anew, read sentence by sentence
            yield from prose_items(lex, item, date)
            continue
        if status is None and progress_list:
            found = clause_item(lex, item, date, strong=False, label=label, status=IN_PROGRESS)
        else:
            found = clause_item(lex, item, date, strong=True, label=label, status=status)
        if found is not None and label == item.text.strip():
            if found.status == PLEDGED and not pledging:
                continue  # 'The next session will be held in Maputo': an unlabelled plan
            found = dataclasses.replace(found, strong=found.status == PLEDGED)
        if found is not None:
            yield found
        elif (occasion := reports_occasion(item.text)) or counts_work_done(item.text):
            yield counted(item, date, occasion=occasion)


def _decided_later(text: str, cue: Hit) -> bool:
    """Whether a decision to create comes after the item's first sentence: a step taken for
    the measure the item reports ('The radar upgrade is running late. … The Government has
    asked the contractor to install a temporary generator'), not a measure added."""
    if cue.values[0] != str(PG.decisionCue):
        return False
    ends = [end.end() for end in _SENTENCE_END.finditer(text)]
    if ends and len(text[: ends[0]].split()) <= _RUN_IN_HEADING_WORDS:
        ends = ends[1:]  # 'New measure. Noting …, the Commission agreed that …'
    return bool(ends) and cue.start >= ends[0]
