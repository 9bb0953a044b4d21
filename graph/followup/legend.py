"""A report's own key to its verdicts: 'GREEN = completed or on track; AMBER = at risk or
partially achieved', 'Key: ✔ done ◐ under way / partly achieved ○ not yet achieved ✖
discontinued', a grade per line ('- A: delivered as promised, or better.', '▲ Late:
deadline missed').

Dashboards and bulletins rate each measure with a colour, a mark or a grade and say once
what each means. The meaning is read with the scheme's own words (``speaking_phrases``), so
a mark means in this report what its key says, whatever another report means by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.documents.model import BlockKind, Document
from graph.followup.additions import says_added
from graph.followup.facts import IN_PROGRESS
from graph.followup.speaking import speaking_phrases
from graph.followup.values import status_in
from graph.lexicon import Lexicon

#: 'GREEN = completed or on track', 'Red = not met, stalled or discontinued', a grade ('A =
#: delivered in full or exceeded; … F = failed or dropped').
_DEFINED = re.compile(
    r"(?<![\w=])(?P<mark>[A-Za-z][A-Za-z-]{1,15}|[A-F]|[^\w\s=;:,.()/|-])\s*=\s*"
    r"(?P<meaning>[^;=\n.|]+)"
)
#: A mark of two words, in a key set out with colons and bars ('Status key: Done = delivered
#: | On track = under way | Part met = deadline passed, only part delivered').
_DEFINED_IN_TWO_WORDS = re.compile(
    r"(?:(?<=\|)|(?<=:))[ \t]*(?P<mark>[A-Za-z][A-Za-z-]{1,15}[ \t][A-Za-z/][A-Za-z/-]{0,15})"
    r"\s*=\s*(?P<meaning>[^;=\n.|]+)"
)
#: 'Key: ✔ done   ◐ under way / partly achieved': marks, each before what it means.
_KEY_LINE = re.compile(r"^\s*(?:key|legend|symbols?)\b[^\n]*$", re.IGNORECASE | re.MULTILINE)
_MARKED = re.compile(
    r"(?P<mark>[^\w\s:;,.()/=-])\s+(?P<meaning>[a-z][^\n]*?)(?=\s+[^\w\s:;,.()/=-]\s|$)"
)
#: A line that defines one mark before a colon: '- B: on track, deadline not yet reached.',
#: '◑ On track: work under way', '✔  done: delivered in full', '- NR (not rated): outside
#: the scope', '- Green means the measure is in place'. It is the key only when a table rates
#: its rows by its marks.
_LINE_DEFINED = re.compile(
    r"^[ \t]*(?:[-*•][ \t]+)?(?=[^\s:])"
    r"(?P<mark>(?P<symbol>[^\w\s])?[ \t]*(?P<word>[A-Za-z][\w-]*(?:[ \t][A-Za-z][\w-]*)?)?)"
    r"(?:[ \t]*\([^)\n]*\))?(?:[ \t]*:|[ \t]+(?:means|stands\s+for|indicates))[ \t]*"
    r"(?P<meaning>[^\n]+)$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Legend:
    """What a report's key says: each mark's one status, the grades it says rate nothing ('NG:
    not graded, for lack of verifiable information'), and where its lines are."""

    verdicts: dict[str, str] = field(default_factory=dict)
    unrated: frozenset[str] = frozenset()
    #: The statuses a mark's meaning names when it names several ('AMBER: under way or partly
    #: delivered, but the target or the date is at risk'): the row's own words choose.
    alternatives: dict[str, frozenset[str]] = field(default_factory=dict)
    lines: tuple[tuple[int, int], ...] = ()
    #: Marks that rate no status but say a measure was added ('★ = item added after
    #: signature'): a row carrying one reports a new commitment.
    added: frozenset[str] = frozenset()

    def chosen(self, lex: Lexicon, mark: str, status: str, row_words: str) -> str:
        """The status a row rated ``mark`` reports: of the statuses the mark's meaning names,
        the one its own words say ('| F-1 | … | only partly achieved | AMBER |'), else
        ``status``. Work going on is no choice: a row at work ('has run around the clock
        since then | GREEN') is delivered as its mark says."""
        named = self.alternatives.get(mark.strip().casefold(), frozenset())
        said = status_in(lex, row_words) if named else None
        return said if said in named and said != IN_PROGRESS else status

    def holds(self, start: int, end: int) -> bool:
        """Whether a passage lies in the key's lines, which report nothing."""
        return any(first <= start and end <= last for first, last in self.lines)


def _table_cells(document: Document) -> set[str]:
    return {
        cell.span.text.strip().casefold()
        for block in document.blocks
        if block.kind is BlockKind.TABLE
        for row in block.rows
        for cell in row.cells
    }


def _marks(line: re.Match[str]) -> set[str]:
    """The ways a table may write the mark a line defines: as written ('✔ done'), and its
    symbol alone ('✔')."""
    written = " ".join(line.group("mark").split()).casefold()
    symbol = line.group("symbol")
    return {m for m in (written, symbol) if m}


def _runs(lines: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Definitions on consecutive lines, each run one key ('- A: …' to '- E: abandoned.'),
    though a table may use only some of its marks."""
    runs: list[list[re.Match[str]]] = []
    for line in lines:
        if runs and runs[-1][-1].end() + 1 == line.start():
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _first_said(lex: Lexicon, meaning: str) -> str | None:
    """The status a definition opens on: 'delivered, or running as planned' is delivery,
    what follows its comma a gloss."""
    hits = speaking_phrases(lex, meaning)
    return min(hits, key=lambda hit: (hit.start, -hit.end)).values[0] if hits else None


def _inline_definitions(text: str) -> list[tuple[str, str]]:
    """Marks defined in a run of text ('GREEN = completed', 'Key: ✔ done ◐ under way'), each
    with its meaning."""
    two_words = list(_DEFINED_IN_TWO_WORDS.finditer(text))
    ones = [
        m
        for m in _DEFINED.finditer(text)
        if not any(t.start() < m.end() <= t.end() for t in two_words)
    ]
    pairs = [(m.group("mark"), m.group("meaning")) for m in (*two_words, *ones)]
    for line in _KEY_LINE.finditer(text):
        pairs += [(m.group("mark"), m.group("meaning")) for m in _MARKED.finditer(line.group())]
    return pairs


def _inline_verdicts(lex: Lexicon, pairs: list[tuple[str, str]]) -> dict[str, str]:
    """The marks of ``pairs`` whose meaning states one status, each with that status."""
    found: dict[str, str] = {}
    for mark, meaning in pairs:
        said = {hit.values[0] for hit in speaking_phrases(lex, meaning)}
        if len(said) == 1:
            found.setdefault(mark.casefold(), said.pop())
    return found


def legend(lex: Lexicon, document: Document) -> Legend:
    """Each mark the report defines, casefolded, with the one status its meaning states; a
    mark that covers two ('GREEN = completed or on track') is left to the row's own words. A
    mark defined on its own line is read only in a run of such lines one of whose marks a
    table's cells are, by the words of the mark first ('◔ Partly: only part of what was due
    has been delivered'), else by the status its meaning opens on."""
    pairs = _inline_definitions(document.text)
    found = _inline_verdicts(lex, pairs)
    added = {
        mark.casefold()
        for mark, meaning in pairs
        if not speaking_phrases(lex, meaning) and says_added(lex, meaning)
    }
    cells = _table_cells(document)
    unrated: set[str] = set()
    alternatives: dict[str, frozenset[str]] = {}
    lines = []
    for run in _runs(list(_LINE_DEFINED.finditer(document.text))):
        if not cells & {mark for line in run for mark in _marks(line)}:
            continue
        for line in run:
            lines.append(line.span())
            marks = _marks(line)
            status = _first_said(lex, line.group("mark")) or _first_said(lex, line.group("meaning"))
            named = frozenset(h.values[0] for h in speaking_phrases(lex, line.group("meaning")))
            for mark in marks:
                if len(named) > 1:
                    alternatives.setdefault(mark, named)
                if status is not None:
                    found.setdefault(mark, status)
                elif says_added(lex, line.group("meaning")):
                    added.add(mark)
                elif line.group("symbol") is None:
                    unrated.add(mark)  # 'NG: not graded'; '★ added: not in the text' is a kind
    return Legend(found, frozenset(unrated), alternatives, tuple(lines), frozenset(added))


def defines_a_mark(text: str) -> bool:
    """Whether a clause is part of the key ('RED = off track'), which reports nothing."""
    return bool(_DEFINED.search(text))
