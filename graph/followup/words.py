"""The words the matcher compares: a text without the names of states (they tell the
agreement, not the commitment) and with its crimes named as words; an item's text with the
acronyms its report defines spelled out; the parties a report names."""

from __future__ import annotations

import re
import string

from rdflib import RDF, RDFS, Graph, URIRef

from graph.extract.names import acronym_long_form
from graph.followup.facts import ABANDONED, DELAYED, REVISED
from graph.lexicon import lexicon
from graph.namespaces import ID, OA, PG

#: An acronym defined in brackets after its long form: 'the Joint Border Security Committee
#: (JBSC)'; and one used.
_DEFINED_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")
_ACRONYM = re.compile(r"\b[A-Z]{2,8}\b")
#: The words of an item's label that may name what it reports on ('The JBSC has met'); an
#: acronym further on names who acted ('… the JBSC therefore decided that the cell …').
_SUBJECT_WORDS = 3


#: Who holds a view or gives a figure ('has, in the view of the Working Group, been good',
#: 'according to CENTIF Niger'): the source of the words, not what they speak of.
_ATTRIBUTION = re.compile(
    r"\b(?:in\s+the\s+(?:view|words|opinion|judgement|judgment)\s+of|according\s+to)\s+[^,;.]*",
    re.IGNORECASE,
)


#: The prefix of the word ``matchable`` adds for each crime category a text names.
CRIME_WORD = "crime"
#: The prefix of the word ``matchable`` adds for each rhythm of the frequency scheme a text
#: names, and ``rhythm_word`` for a commitment's own frequency.
RHYTHM_WORD = "rhythm"


def words_of(text: str) -> set[str]:
    """The words of ``text``, casefolded: 'Recommendation (2024)' → {'recommendation', '2024'}."""
    return {word.casefold() for word in re.findall(r"\w+", text)}


def matchable(text: str) -> str:
    """Text as the matcher compares it: names of states and organizations removed (they tell
    the agreement, not the commitment), and so who the words are attributed to; each crime
    category named added as a word, so 'weapons' and 'small arms' meet through the crime
    lexicon; each rhythm named added as a word, so 'Weekly joint patrols' meets the patrols
    pledged 'every week', and 'the Committee will in future meet once a year instead of every
    six months' the committee that meets 'twice a year'."""
    text = without_actors(_ATTRIBUTION.sub(" ", text))
    lex = lexicon()
    crimes = sorted({f"{CRIME_WORD}{hit.key.replace('-', '')}" for hit in lex.crimes.find(text)})
    rhythms = sorted({rhythm_word(hit.values[0]) for hit in lex.frequencies.find(text)} - {None})
    return " ".join([text, *crimes, *rhythms])


def rhythm_word(key: str) -> str | None:
    """The word that stands for a rhythm of the frequency scheme ('rhythmsemiannual'); none
    for a frequency with no interval between occasions ('continuous')."""
    return f"{RHYTHM_WORD}{key.replace('-', '')}" if key in lexicon().rhythms else None


def without_actors(text: str) -> str:
    """``text`` without the names of states and organizations, spaces squeezed."""
    lex = lexicon()
    hits = [*lex.nations.find(text), *lex.demonyms.find(text), *lex.organizations.find(text)]
    for hit in sorted(hits, key=lambda h: h.start, reverse=True):
        text = text[: hit.start] + " " + text[hit.end :]
    return " ".join(text.split())


def possible_parties(report: Graph, doc: URIRef) -> frozenset[str]:
    """The nations and international organizations a report names, and the nations whose
    agencies it names in full: an agreement's parties. A ministers' statement may name its
    country only through its police ('hosted by An Garda Síochána'); a parliament's record,
    only in its masthead in capitals."""
    lex = lexicon()
    named = {
        str(actor)
        for actor in report.objects(doc, PG.mentions)
        if (entry := lex.actors.get(actor)) is not None and entry.kind in {"nation", "organization"}
    }
    text = str(report.value(doc, PG.textContent) or "")
    for hit in lex.agency_names.find(text):
        owner = hit.values[0].owner
        if owner is not None and lex.actors.get(owner) is not None:
            named.add(str(owner))
    for line in text.splitlines():
        if line.isupper():  # a masthead: 'NATIONAL PARLIAMENT OF SOLOMON ISLANDS'
            named.update(str(hit.values[0].iri) for hit in lex.nations.find(string.capwords(line)))
    return frozenset(named)


def acronyms_spelled_out(text: str) -> dict[str, str]:
    """The acronyms a report defines and their long forms: 'the Joint Border Security
    Committee (JBSC)' lets 'The JBSC has met twice', whose subject it is, match the
    committee by its words."""
    spelled_out = {}
    for match in _DEFINED_ACRONYM.finditer(text):
        long_form = acronym_long_form(text, match.start(), match.group(1))
        if long_form is not None:
            spelled_out.setdefault(match.group(1), long_form.text)
    return spelled_out


#: The body that decided a change, named as who decided it or where ('was dropped at the
#: third meeting of the joint security committee', 'dropped by the Joint Security
#: Committee', 'the Joint Border Security Commission decided … to extend the time allowed'):
#: it acted, and the change is another measure's. Not where the body changed its own
#: meetings ('the Council decided that it would henceforth meet once a year').
_BODY = r"(?:committee|council|commission|board|group|conference|forum)"
_DECIDED_BY = re.compile(
    r"\b(?:by|at)\s+(?:the|its)\s+(?:[\w'-]+\s+){0,3}?(?:meeting|session)s?\s+of\s+the\s+"
    rf"(?:[\w'-]+\s+){{0,6}}?{_BODY}\b"
    rf"|\bby\s+the\s+(?:[\w'-]+\s+){{0,5}}?{_BODY}\b"
    rf"|\bthe\s+(?:[\w'-]+\s+){{0,5}}?{_BODY}\s+(?:therefore\s+|also\s+|has\s+|had\s+)?"
    r"(?=(?:decided|agreed|replaced|dropped|lowered|raised|extended|approved|endorsed)\b"
    r"(?!\s+(?:that\s+)?(?:it|its|to\s+meet)\b))",
    re.IGNORECASE,
)
#: The statuses a body's decision gives what it changed.
_DECIDED = frozenset(URIRef(f"{ID}status/{s}") for s in (REVISED, ABANDONED, DELAYED))


#: Words a row's label must have for the report's own section on it to be found by it.
_SECTION_LABEL_WORDS = 3
#: Characters of that section read with the row: its opening sentences.
_SECTION_OPENING = 300


def _section_on(text: str, label: str) -> str:
    """What a report says of a row of its summary table where it takes the row up again by
    its label, outside the table ('| I2 | Biometric checks at the crossing | Partly achieved |'
    and '5.2 Biometric checks at the crossing (I2). … only 61 per cent of travellers … are
    checked against both countries' alert lists'): the opening of that paragraph after the
    label."""
    if len(label.split()) < _SECTION_LABEL_WORDS:
        return ""
    for match in re.finditer(re.escape(label), text, re.IGNORECASE):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if text[line_start:].lstrip().startswith("|"):
            continue
        line_end = text.find("\n", match.end())
        return text[match.end() : line_end if line_end >= 0 else len(text)][:_SECTION_OPENING]
    return ""


#: A row's call to a note of the report: '(note 3)', '(see note 3)', '(notes 2)'.
_NOTE_CALLED = re.compile(r"\((?:see\s+)?notes?\s+(\d{1,2})\)", re.IGNORECASE)


def _notes_called(text: str, row: str) -> list[str]:
    """The notes a row of a report's table calls ('| Go-fast boats intercepted … | 187 boats
    (note 3) | ↻ |'), each the opening of the first line after the row numbered so ('3. At
    the October 2024 round the ministers extended the interdiction zone from the Gulf of
    Urabá …'): where a scorecard says which measure its row counts."""
    after = max(text.find(row), 0) + len(row)
    notes = []
    for number in _NOTE_CALLED.findall(row):
        note = re.compile(rf"^[ \t]*(?:[-*][ \t]+)?{number}[.)][ \t]+([^\n]+)", re.MULTILINE)
        found = note.search(text, after)
        if found is not None:
            notes.append(found.group(1)[:_SECTION_OPENING])
    return notes


def item_text(
    report: Graph, item: URIRef, spelled_out: dict[str, str], report_text: str = ""
) -> str:
    """The words an item is matched by: its label and quotes, without the body that decided
    the change a clause of prose reports (``_DECIDED_BY``), with the long form of an
    acronym its first words use; for a table row, with what the report's text says of it
    under its label (``_section_on``) and in the notes it calls (``_notes_called``)."""
    label = str(report.value(item, RDFS.label) or "")
    quotes = [str(report.value(e, OA.exact) or "") for e in report.objects(item, PG.evidence)]
    if any(quote.startswith("|") for quote in quotes):
        quotes.append(_section_on(report_text, label))
        quotes += [note for quote in quotes for note in _notes_called(report_text, quote)]
    if (item, RDF.type, PG.ProseStatusAssertion) in report and report.value(
        item, PG.status
    ) in _DECIDED:
        label = _DECIDED_BY.sub(" ", label)
        quotes = [_DECIDED_BY.sub(" ", quote) for quote in quotes]
    subject = " ".join(label.split()[:_SUBJECT_WORDS])
    long_forms = [spelled_out[a] for a in _ACRONYM.findall(subject) if a in spelled_out]
    return matchable(" ".join([label, *quotes, *long_forms]))
