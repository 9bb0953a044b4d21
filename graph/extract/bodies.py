"""Bodies an agreement sets up to meet, pledged in a sentence rather than a table or a list.

Tables and pillar lists hold most commitments, but the body that steers an
agreement is often pledged in prose: "A Binational Security Committee, chaired
by the Vice-Ministers ..., will meet twice a year ... to monitor the plan", or
"the regional police commanders shall hold a Cross-Border Regional Commanders'
Meeting every three months". Such a clause pledges (an auxiliary of the future:
``grammar.PLEDGE_AUXILIARIES``), names a body (a capitalized name whose head word
is a cue ``pg:nameHeadCue`` of ``pg:Commitment``, or the acronym of one the text
spells out elsewhere) and says how often it meets (a frequency of the scheme).
The name is the commitment's label, the recurrence its frequency and a purpose
clause ("to monitor the plan") its outcome. A clause without a recurrence is
not read: a body "will be set up" with nothing to hold it to is too often
context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from graph.documents.model import BlockKind, Document, Span, pieces
from graph.extract.body_names import is_body_name
from graph.extract.facts import CommitmentFact, LabelledText, Timeline
from graph.extract.names import acronym_long_form, capitalized_runs
from graph.extract.occasions import occasion_held
from graph.extract.values import MONTH_NAMES, due_in, first_occasion_due, parse_recurrence
from graph.language import grammar
from graph.lexicon import Lexicon

# A sentence ends before a capital; a clause of its own starts after "; " or ", and".
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:and|while|whereas)\s+(?:that\s+)?|\s+and that\s+")
#: A name's last words naming the agreement it serves: ' of the Plan', ' of the Compact'.
_OF_THE_AGREEMENT = re.compile(r"\s+of\s+the\s+(\w+)$")
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An)\s+")
_PURPOSE = re.compile(r"\bto\s+(?:[a-z][\w-]*)\b[^.;]*")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,9}$")
#: 'a Course under which 120 officers of both countries are to be trained in …': what the
#: programme is to achieve, told with its subject.
_UNDER_WHICH = re.compile(r"\b(?:under|through)\s+which\s+([^.;]+?\s(?:are|is)\s+to\s+[^.;]+)")
#: The passive of that pledge, which readers leave out ('officers … trained in …').
_TO_BE = re.compile(r"\s(?:are|is)\s+to\s+be\s+(?=[a-z]+(?:ed|en)\b)")
#: English number words, longest first ('eighteen' before 'eight'), from the grammar.
_NUMBER_WORDS = "|".join(sorted(grammar.numbers(frozenset()), key=len, reverse=True))
#: A deadline: 'by 31 December 2025', 'by the end of 2026', 'within 18 months', 'by June
#: 2027', 'within twelve months of signature'.
_DEADLINE = re.compile(
    r",?\s+(?:by|before|within|no\s+later\s+than)\s+"
    r"(?:the\s+end\s+of\s+|end-|mid-|early\s+|late\s+)?"
    rf"(?:(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})(?:\s+\d{{4}})?|\d{{4}}|\d+\s+(?:days|weeks|months|years)"
    rf"|(?:{_NUMBER_WORDS})(?:[\s-]\w+)?\s+(?:days|weeks|months|years))\b"
    r"(?:\s+(?:of|after|from)\s+(?:the\s+|today's\s+)?(?:signature|signing|entry\s+into\s+force))?",
    re.IGNORECASE,
)
#: What follows a deadline when the phrase has ended: another clause or the sentence's end.
_CLAUSE_GOES_ON = re.compile(r"\s*(?:[,;:(]|so\s+that\b|in\s+order\b|and\s+(?:will|shall)\b)")
#: A sentence that opens on the first of something: 'The first operation is to take place …'.
_FIRST_OPENS = re.compile(r"^(?:The|Its)\s+first\s+[a-z]")
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
#: A clause that adds another named thing to the pledge before it: '; and a Joint Port
#: Security Exercise, led by …'.
_AND_ANOTHER = re.compile(r"^\s*and\s+(?:a|an)\s+[A-Z]")
#: A recurrence the frequency scheme has no concept for ('every two weeks'): still one.
_OTHER_RECURRENCE = re.compile(
    r"\b(?:every\s+(?:\w+\s+)?(?:days|weeks|months|years)|fortnightly)\b", re.IGNORECASE
)
#: A clause whose subject is the body the clause before named: 'It will meet twice a year',
#: '…; it is to meet every two months'.
_PRONOUN_SUBJECT = re.compile(r"^\s*[Ii]t\s+(?:will|shall|is\s+to)\b")
#: A body taken up again by its head word alone: 'The Committee will meet twice a year',
#: 'The committee will meet …' after 'a Qatar-Bahrain Joint Security Committee chaired by …',
#: 'The Working Group shall convene …' after 'a Joint Working Group on Maritime Security'.
_HEAD_AGAIN = re.compile(
    r"^\s*The\s+((?:[A-Za-z][\w-]*\s+)?[A-Za-z][\w-]*)\s+(?:will|shall|is\s+to)\b"
)
#: A body named as the one addressed ('to be shared with the Commission', 'report to the
#: Council'), not the one the clause pledges.
_ADDRESSED = re.compile(r"\b(?:with|to)\s+(?:the\s+)?$")
_LOWERCASE_TAIL = re.compile(r"(?:\s+[a-z][a-z-]+){1,2}\b")
#: A code name in quotes after the kind of thing it names: 'will conduct Operation "Dark
#: Route"', 'Exercise “Blue Shield”'.
_CODE_NAMED = re.compile(r"\b[A-Z][a-z]+\s+[\"“][A-Z][^\"”]{1,40}[\"”]")


def prose_clauses(document: Document) -> Iterator[Span]:
    """Every clause of every paragraph, in document order; a numbered paragraph standing
    alone ('6. Dialogue mechanisms. The two sides agreed that …') is one too."""
    text = document.text
    for block in document.blocks:
        if block.kind is BlockKind.BULLET_LIST and len(block.items) == 1:
            span = block.items[0]
        elif block.kind is BlockKind.PARAGRAPH:
            span = block.span
        else:
            continue
        for sentence in pieces(text, span.start, span.end, _SENTENCE_END):
            yield from pieces(text, sentence.start, sentence.end, _CLAUSE_BREAK)


def _is_agency_name(lexicon: Lexicon, name: str) -> bool:
    """'Border Service of the Committee for National Security': a government body's name,
    whose first head word is an agency's ('Service') and no body's ('Council of Security
    Ministers', 'Compact Secretariat' are bodies the agreement sets up)."""
    agency = lexicon.head_words.find(name)
    body = lexicon.body_heads.find(name)
    first_body = min((h.start for h in body), default=len(name))
    return any(h.start < first_body for h in agency) and is_body_name(
        lexicon, name, lexicon.head_words
    )


def _is_code_name(lexicon: Lexicon, name: str) -> bool:
    """'Exercise Palk Shield', 'Operation Amu Darya Barrier': a kind, then its code name."""
    words = name.split()
    return len(words) >= 2 and words[0] in lexicon.code_name_words and words[1][:1].isupper()


def _spelled_out(document: Document, acronym: str) -> str | None:
    """The long form the text gives an acronym: 'Joint Permanent Commission … (JPCDS)'."""
    position = document.text.find(f"({acronym})")
    if position < 0:
        return None
    long_form = acronym_long_form(document.text, position, acronym)
    return long_form.text if long_form is not None else None


def _with_lowercase_head(lexicon: Lexicon, text: str, run: Span) -> str | None:
    """A name whose head word is written in lower case after it: 'Home Secretary-level
    talks', 'Ministerial-level border talks' (at most one word between)."""
    if len(run.text.split()) < 2:
        return None  # 'Between meetings, …': a word that opens a sentence names nothing
    match = _LOWERCASE_TAIL.match(text, run.end)
    words = match.group().split() if match is not None else []
    for size in range(1, len(words) + 1):
        tail = words[:size]
        if is_body_name(lexicon, " ".join([run.text, tail[-1].capitalize()])):
            return " ".join([run.text, *tail])
    return None


def _opens_a_phrase(lexicon: Lexicon, run: Span) -> bool:
    """'Below the Council, a Joint Working Group will meet …': a word and then an article
    opens an adverbial phrase; a name has an article only after one of its prepositions."""
    words = run.text.split()
    return len(words) > 2 and words[1] in grammar.words(grammar.ARTICLES, lexicon.languages)


def _body_named(lexicon: Lexicon, document: Document, clause: Span) -> str | None:
    """The first body the clause names, spelled out in full."""
    inner = lexicon.inner_name_words
    for run in capitalized_runs(document.text, clause.start, clause.end, inner):
        addressed = _ADDRESSED.search(document.text, clause.start, run.start)
        if _opens_a_phrase(lexicon, run) or addressed:
            continue
        name = _LEADING_ARTICLE.sub("", run.text)
        if _ACRONYM.match(name):
            name = _spelled_out(document, name) or name
        if _is_agency_name(lexicon, name):
            continue  # 'the Border Service of the Committee for National Security will lead'
        if is_body_name(lexicon, name) or _is_code_name(lexicon, name):
            return _without_agreement(lexicon, name)
        headed = _with_lowercase_head(lexicon, document.text, run)
        if headed is not None:
            return _LEADING_ARTICLE.sub("", headed)
    return None


def pledge_word(clause: Span, auxiliaries: frozenset[str]) -> re.Match[str] | None:
    """The first auxiliary of a pledge in the clause ('will', 'shall'), if any."""
    return next((w for w in re.finditer(r"[a-z]+", clause.text) if w.group() in auxiliaries), None)


def _deliverable_named(
    lexicon: Lexicon, document: Document, clause: Span, auxiliaries: frozenset[str]
) -> str | None:
    """The first thing to deliver the clause names: 'will adopt a Child Victim Referral
    Protocol within twelve months', 'will set up a Joint Coordination Cell in Larnaca'."""
    inner = lexicon.inner_name_words
    places = grammar.words(grammar.PLACE_PREPOSITIONS, lexicon.languages)
    names = [
        (run.start, _without_place(_LEADING_ARTICLE.sub("", run.text), places))
        for run in capitalized_runs(document.text, clause.start, clause.end, inner)
    ]
    deliverables = [
        (start, name)
        for start, name in names
        if len(name.split()) >= 2 and is_body_name(lexicon, name, lexicon.deliverable_heads)
    ]
    # What the pledge delivers is its object: 'the DHS Office of Intelligence and Analysis …
    # will prepare a Joint Border Threat Assessment'; failing that, its subject.
    pledge = pledge_word(clause, auxiliaries)
    verb = clause.start + pledge.start() if pledge else clause.end
    after = [name for start, name in deliverables if start > verb]
    return (after or [name for _, name in deliverables] or [None])[0]


def _first_occasion_due(
    lexicon: Lexicon, recurring: CommitmentFact, clause: Span, since: date | None
) -> Timeline | None:
    """The deadline a sentence gives the first occasion of the recurring commitment just
    pledged, when it opens on it ('The first operation is to take place within nine months')."""
    if recurring.frequency is None or recurring.timeline is not None:
        return None
    if not _FIRST_OPENS.match(clause.text):
        return None
    return first_occasion_due(lexicon, clause.text, clause, since)


def _introduced(clause: Span, name: str) -> bool:
    """Whether the clause brings the body in as new ('will create a Joint Elder Fraud Task
    Force'), not as one already known ('The Ministerial Council will hold its first meeting
    before the end of 2024')."""
    position = clause.text.find(name)
    return position > 0 and bool(_INDEFINITE_BEFORE.search(clause.text[:position]))


def _without_agreement(lexicon: Lexicon, name: str) -> str:
    """'Annual Ministerial Review of the Plan' → 'Annual Ministerial Review': the agreement
    it serves (one of ``Lexicon.agreement_words``) is not part of its name."""
    match = _OF_THE_AGREEMENT.search(name)
    if match is None or match.group(1).casefold() not in lexicon.agreement_words:
        return name
    kept = name[: match.start()]
    return kept if len(kept.split()) >= 2 else name


def _without_place(name: str, places: frozenset[str]) -> str:
    """'Joint Coordination Cell in Larnaca' → 'Joint Coordination Cell': where it will be is
    not part of its name."""
    words = name.split()
    for index, word in enumerate(words[1:], start=1):
        if word in places:
            return " ".join(words[:index])
    return name


def _named_again(clause: Span, bodies_named: list[str]) -> str | None:
    """The body a clause takes up by its head word ('The Committee will meet twice a year',
    'The Working Group shall convene'): the last one named before it with those words."""
    match = _HEAD_AGAIN.match(clause.text)
    if match is None:
        return None
    head = match.group(1).casefold().split()
    for name in reversed(bodies_named):
        words = name.casefold().split()
        if len(words) > len(head) and any(
            words[i : i + len(head)] == head for i in range(len(words) - len(head) + 1)
        ):
            return name
    return None


def _purpose(clause: Span, after: int) -> LabelledText | None:
    """'to monitor the plan and to correct …' after the recurrence, as the outcome; what a
    programme is set up for ('under which 120 officers are to be trained in …'), subject and
    all. Its deadlines are the timeline's, not part of the outcome; the evidence quotes the
    document as it stands, from the outcome's first word to its last."""
    under = _UNDER_WHICH.search(clause.text)
    match = under or _PURPOSE.search(clause.text, after - clause.start)
    if match is None:
        return None
    group = 1 if under else 0
    kept, spanned = without_deadlines(match.group(group))
    kept = kept.strip().rstrip(",").rstrip()
    if not kept:
        return None
    quote = match.group(group)[:spanned].strip().rstrip(",").rstrip()
    text = _TO_BE.sub(" ", kept) if under else re.sub(r"^to\s+", "", kept)
    start = clause.start + match.start(group)
    return LabelledText(text[:1].upper() + text[1:], Span(start, start + len(quote), quote))


def without_deadlines(text: str) -> tuple[str, int]:
    """``text`` without its deadlines, and how much of ``text`` that spans: 'trained by 31
    December 2025 in detecting threats' → 'trained in detecting threats'; a deadline that
    ends the phrase ends the outcome ('trained in risk analysis within 18 months, by …')."""
    removed = 0
    while (deadline := _DEADLINE.search(text)) is not None:
        rest = text[deadline.end() :]
        if not rest.strip() or _CLAUSE_GOES_ON.match(rest):
            return text[: deadline.start()], deadline.start() + removed
        removed += deadline.end() - deadline.start()
        text = text[: deadline.start()] + rest
    return text, len(text) + removed


def prose_bodies(
    lexicon: Lexicon, document: Document, since: date | None = None
) -> list[CommitmentFact]:
    """Bodies pledged in prose to meet at a recurrence, one commitment each, and things to
    deliver by a deadline (a span, or a date counted from ``since``, the document's date)."""
    auxiliaries = grammar.words(grammar.PLEDGE_AUXILIARIES, lexicon.languages)
    found: list[CommitmentFact] = []
    named_before: str | None = None
    bodies_named: list[str] = []
    rhythm_pledged = None
    just_found = False
    for clause in prose_clauses(document):
        follows_one, just_found = just_found, False
        if follows_one and (due := _first_occasion_due(lexicon, found[-1], clause, since)):
            # '… Operations twice a year. The first operation is to take place within nine
            # months of signature.'
            found[-1] = replace(found[-1], timeline=due)
            continue
        pronoun = _PRONOUN_SUBJECT.match(clause.text)
        # '… will hold two exercises each year: a Cyber Exercise …; and a Port Exercise …'
        another = rhythm_pledged is not None and _AND_ANOTHER.match(clause.text)
        if not pronoun and not another and pledge_word(clause, auxiliaries) is None:
            # only a pledge names what 'It will meet' speaks of, or has things to continue
            named_before = rhythm_pledged = None
            continue
        frequency = parse_recurrence(lexicon, clause.text, clause) or (
            rhythm_pledged if another else None
        )
        rhythm_pledged = frequency
        again = _named_again(clause, bodies_named)
        code_named = _CODE_NAMED.search(clause.text)
        named = (
            again or (code_named and code_named.group()) or _body_named(lexicon, document, clause)
        )
        if named is not None and " " not in named:
            named = None  # 'The Committee will meet …' with no Committee named before
        name = named or occasion_held(lexicon, clause)
        if name is None and pronoun:
            name = named_before  # 'A Binational Security Committee … will oversee the
            # Compact. It will meet twice a year'
        named_before = named
        if named is not None:
            bodies_named.append(named)
        timeline = None
        if named is not None and again is None and frequency is None and _introduced(clause, named):
            # 'will create a Joint Elder Fraud Task Force … within 24 months'
            timeline = due_in(lexicon, clause.text, clause, since)
        if name is None:
            # 'will adopt a Child Victim Referral Protocol within twelve months'; 'will
            # coordinate a Joint Drug Market Assessment, to be drawn up every year'
            name = _deliverable_named(lexicon, document, clause, auxiliaries)
            timeline = due_in(lexicon, clause.text, clause, since) if name else None
            if name is None or (timeline is None and frequency is None):
                continue
            if timeline is not None:
                frequency = None  # delivered once by a deadline: '24/7' is how it will run
        if name is None or not (frequency or timeline or _OTHER_RECURRENCE.search(clause.text)):
            continue
        hits = lexicon.frequencies.find(clause.text)
        after = clause.start + (hits[0].end if hits else 0)
        if frequency is not None and timeline is None:
            # '… Exercise Palk Shield, once a year, the first edition to be hosted by India
            # before the end of 2025'
            timeline = first_occasion_due(
                lexicon, clause.text[after - clause.start :], clause, since
            )
        just_found = True
        found.append(
            CommitmentFact(
                label=name,
                span=clause,
                kind="action",
                outcome=_purpose(clause, after),
                frequency=frequency,
                timeline=timeline,
            )
        )
    return found
