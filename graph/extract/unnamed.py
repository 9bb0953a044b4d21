"""Pledges a sentence makes without a name, named by what they deliver.

Most commitments carry a name: a table row, a pillar, a capitalized body (``bodies``). Three
kinds of pledge are made in plain words again and again, and readers name them by what
they deliver:

- officers each party posts in the other's country ("Each country will also post two
  liaison officers in each of the other two capitals before the end of 2024"): an
  exchange, named by who is posted ("Liaison Officer Exchange");
- an instrument on the exchange of some information ("the UAF and UCREF will sign, within
  six months, a memorandum of understanding on the exchange of financial intelligence"),
  named by its topic and its kind ("Financial Intelligence Memorandum");
- training with a count of who is trained and what in ("The PDI will also train 200
  Bolivian police and migration officers in the investigation of migrant smuggling"),
  named by what is learnt ("Migrant Smuggling Investigation Training").

Like a thing to deliver pledged in prose, each is read only with a deadline: without one,
"will post an officer" is as often how the parties already work. A posting to one side
only ("will post a liaison officer to the Embassy in Moroni") is no exchange and is left,
as is an instrument whose topic is one word ("on the exchange of information"): too bare
to tell two memoranda apart; so is training with no count ("UNODC will train investigators"),
and any of them that a named commitment of the same sentence already is ("under the Mamoré
Training Programme, the Academy will train 300 officers"). The verbs, the posted, the words
of reciprocity, the kinds of instrument and the names' last words are cues of ``pg:Action``
in the ontology.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from graph.documents.model import Document, Span
from graph.extract.bodies import pledge_word, prose_clauses, without_deadlines
from graph.extract.facts import CommitmentFact, LabelledText
from graph.extract.values import deadline_in, parse_span
from graph.language import grammar
from graph.lexicon import Lexicon

#: Words a pledge may put between its auxiliary and the verb of posting ('will also post',
#: 'will each second').
_BETWEEN_AUXILIARY_AND_VERB = 2
#: Words a posting may put between its verb and who is posted ('post two police liaison').
_BEFORE_THE_POSTED = 4
#: The topic of an instrument: 'on the exchange of financial intelligence', up to the first
#: word that is no part of it.
_ON_THE_EXCHANGE_OF = re.compile(
    r"\bon\s+the\s+(?:exchange|sharing)\s+of\s+((?:[a-z][a-z-]*\s*){1,4})", re.IGNORECASE
)
#: Words that end an instrument's topic: prepositions, conjunctions, relative words.
_TOPIC_ENDS = frozenset({
    "about", "above", "against", "among", "and", "at", "between", "but", "by", "for", "from",
    "in", "into", "of", "on", "or", "so", "that", "through", "to", "towards", "under", "which",
    "who", "with", "within",
})  # fmt: skip
_TOPIC_WORDS = 2


def unnamed_pledges(
    lexicon: Lexicon, document: Document, since: date | None = None
) -> Iterator[CommitmentFact]:
    """The exchanges of officers, the instruments and the training each clause pledges
    without a name, with the deadline it gives (a span, or a date counted from ``since``)."""
    auxiliaries = grammar.words(grammar.PLEDGE_AUXILIARIES, lexicon.languages)
    for clause in prose_clauses(document):
        if pledge_word(clause, auxiliaries) is None:
            continue
        named = (
            _exchange_of_officers(lexicon, clause, auxiliaries)
            or _instrument(lexicon, clause)
            or _training(lexicon, clause, auxiliaries)
        )
        if named is None:
            continue
        # the span the pledge is given before a date its purpose is ('will sign, within six
        # months, a memorandum …, with the aim of opening 20 investigations by the end of 2025')
        timeline = parse_span(lexicon, clause.text, clause) or deadline_in(
            clause.text, clause, since
        )
        if timeline is None:
            continue
        label, outcome = named
        yield CommitmentFact(
            label=label, span=clause, kind="action", outcome=outcome, timeline=timeline
        )


def _exchange_of_officers(
    lexicon: Lexicon, clause: Span, auxiliaries: frozenset[str]
) -> tuple[str, LabelledText] | None:
    """'will also post two liaison officers in each of the other two capitals' →
    ('Liaison Officer Exchange', 'Two liaison officers in each of the other two capitals')."""
    text = clause.text
    numbers = grammar.numbers(lexicon.languages)
    for verb in lexicon.posting_words.find(text):
        if not _after_auxiliary(text, verb.start, auxiliaries):
            continue
        posted = next(iter(lexicon.posted_words.find(text, verb.end)), None)
        if posted is None:
            continue
        words = text[verb.end : posted.start].split()
        if len(words) > _BEFORE_THE_POSTED or not all(w.isalpha() for w in words):
            continue
        comma = text.find(",", posted.end)
        end = len(text) if comma < 0 else comma
        if not lexicon.reciprocity_words.find(text, posted.end, end):
            continue
        modifiers = [w for w in words if w.casefold() not in numbers]
        who = " ".join(w.capitalize() for w in [*modifiers, _singular(posted.text)])
        return f"{who} {lexicon.exchange_names[0]}", _outcome(
            clause, _after_spaces(text, verb.end), end
        )
    return None


def _singular(word: str) -> str:
    """'officers' → 'officer', 'cargoes' → 'cargo', 'activities' → 'activity'; 'smuggling',
    'process' and 'status' stay."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "oes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def _training(
    lexicon: Lexicon, clause: Span, auxiliaries: frozenset[str]
) -> tuple[str, LabelledText] | None:
    """'will train 100 officers in the detection of synthetic drugs and precursor chemicals
    within 18 months' → ('Synthetic Drug Detection Training', '100 officers trained in the
    detection of synthetic drugs and precursor chemicals')."""
    text = clause.text
    for verb in lexicon.training_words.find(text):
        if not _after_auxiliary(text, verb.start, auxiliaries):
            continue
        trained = _TRAINED.match(text, verb.end)
        if trained is None or not _is_a_count(lexicon, trained.group("count")):
            continue
        topic, spanned = without_deadlines(_TIME_AFTER.sub("", trained.group("topic")))
        topic = topic.strip().rstrip(",.")
        learnt = _what_is_learnt(topic)
        if not learnt:
            continue
        name = " ".join([*map(_title, learnt), lexicon.training_names[0]])
        start = trained.start("count")
        end = trained.start("topic") + spanned
        quote = text[start:end].rstrip().rstrip(",.")
        label = f"{trained.group('count')} {trained.group('who')} trained in {topic}"
        at = clause.start + start
        return name, LabelledText(label, Span(at, at + len(quote), quote))
    return None


#: After 'train': a count, who is trained, 'in', what they learn up to the clause's next
#: comma ('200 Bolivian police and migration officers in the investigation of …').
_TRAINED = re.compile(r"\s+(?P<count>[\w,]+)\s+(?P<who>[^.;,]+?)\s+in\s+(?P<topic>[^.;,]+)")
#: A span of time the deadline patterns leave: 'over the next 18 months'.
_TIME_AFTER = re.compile(r"\s+(?:over|during)\s+the\s+(?:next|coming|first)\b.*$", re.IGNORECASE)
#: 'the detection of synthetic drugs': a noun of the work and what it works on.
_WORK_OF = re.compile(r"^(?:the\s+)?([a-z-]+)\s+of\s+(.+)$", re.IGNORECASE)
#: Where what is worked on ends: a second thing joined to it, a participle, a preposition.
_OBJECT_ENDS = re.compile(
    r"\s+(?:and|or|for|from|in|at|on|to|with|by|across|between|[a-z]+ed)\b.*$", re.IGNORECASE
)


def _what_is_learnt(topic: str) -> list[str]:
    """The words that name what training teaches, the thing before the work done to it:
    'the investigation of migrant smuggling' → migrant smuggling investigation; 'tracing
    crypto-asset payments linked to drug sales' → crypto-asset payment tracing."""
    work_of = _WORK_OF.match(topic)
    if work_of is not None:
        work, thing = work_of.group(1), work_of.group(2)
    else:
        words = topic.split()
        if not words or not words[0].endswith("ing") or len(words) < 2:
            return topic.split() if 1 < len(topic.split()) <= 3 else []
        work, thing = words[0], " ".join(words[1:])
    thing_words = _OBJECT_ENDS.sub("", thing).split()
    if not thing_words:
        return []
    return [*thing_words[:-1], _singular(thing_words[-1]), work]


def _title(word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-"))


def _is_a_count(lexicon: Lexicon, word: str) -> bool:
    return word.replace(",", "").isdigit() or word.casefold() in grammar.numbers(lexicon.languages)


def _after_auxiliary(text: str, start: int, auxiliaries: frozenset[str]) -> bool:
    """Whether a verb at ``start`` is pledged: 'will train', 'will also post'."""
    before = text[:start].split()[-_BETWEEN_AUXILIARY_AND_VERB - 1 :]
    return any(word.casefold() in auxiliaries for word in before)


def _instrument(lexicon: Lexicon, clause: Span) -> tuple[str, LabelledText] | None:
    """'a memorandum of understanding on the exchange of financial intelligence, with …' →
    ('Financial Intelligence Memorandum', 'Memorandum of understanding on the exchange of
    financial intelligence')."""
    text = clause.text
    for kind in lexicon.instrument_words.find(text):
        topic = _ON_THE_EXCHANGE_OF.match(text, _after_spaces(text, kind.end))
        if topic is None:
            continue
        words = []
        for word in topic.group(1).split():
            if word.casefold() in _TOPIC_ENDS:
                break
            words.append(word)
        if len(words) < _TOPIC_WORDS:
            continue
        end = topic.start(1) + len(" ".join(words))
        name = " ".join(w.capitalize() for w in [*words, kind.text.split()[0]])
        return name, _outcome(clause, kind.start, end)
    return None


def _outcome(clause: Span, start: int, end: int) -> LabelledText:
    """What the pledge delivers, quoted from ``start`` to ``end`` of the clause without its
    deadline ('two liaison officers in each of the other two capitals')."""
    kept, spanned = without_deadlines(clause.text[start:end])
    quote = clause.text[start : start + spanned].rstrip().rstrip(",.")
    text = kept.strip().rstrip(",.")
    at = clause.start + start
    return LabelledText(text[:1].upper() + text[1:], Span(at, at + len(quote), quote))


def already_named(lexicon: Lexicon, label: str, labels: list[str]) -> bool:
    """Whether a commitment the text names already stands for this one: every word of its
    name, but the word of an exchange ('Liaison Officer' of 'Liaison Officer Exchange'),
    opens a word of one name ('Liaison Officers Network', 'Financial Intelligence
    Memoranda'). 'Financial intelligence liaison call' is another commitment."""
    words = label.split()
    wanted = [w.casefold() for w in words if w not in lexicon.exchange_names]
    for other in labels:
        words = re.findall(r"\w+", other.casefold())
        if all(any(w.startswith(key) for w in words) for key in wanted):
            return True
    return False


def is_exchange(lexicon: Lexicon, label: str) -> bool:
    """Whether a pledge read here is a mutual posting, which each party leads on its side."""
    return label.split()[-1] in lexicon.exchange_names


def _after_spaces(text: str, position: int) -> int:
    return position + len(text[position:]) - len(text[position:].lstrip())
