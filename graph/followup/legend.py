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
from graph.followup.speaking import speaking_phrases
from graph.lexicon import Lexicon

#: 'GREEN = completed or on track', 'Red = not met, stalled or discontinued', a grade ('A =
#: delivered in full or exceeded; … F = failed or dropped').
_DEFINED = re.compile(
    r"(?<![\w=])(?P<mark>[A-Za-z][A-Za-z-]{1,15}|[A-F]|[^\w\s=;:,.()/-])\s*=\s*"
    r"(?P<meaning>[^;=\n.]+)"
)
#: 'Key: ✔ done   ◐ under way / partly achieved': marks, each before what it means.
_KEY_LINE = re.compile(r"^\s*(?:key|legend|symbols?)\b[^\n]*$", re.IGNORECASE | re.MULTILINE)
_MARKED = re.compile(
    r"(?P<mark>[^\w\s:;,.()/=-])\s+(?P<meaning>[a-z][^\n]*?)(?=\s+[^\w\s:;,.()/=-]\s|$)"
)
#: A line that defines one mark before a colon: '- B: on track, deadline not yet reached.',
#: '◑ On track: work under way'. It is the key only when a table rates its rows by that mark.
_LINE_DEFINED = re.compile(
    r"^[ \t]*(?:[-*•][ \t]+)?(?P<mark>(?:[^\w\s][ \t]*)?[A-Za-z][\w-]*(?:[ \t][A-Za-z][\w-]*)?"
    r"|[^\w\s])[ \t]*:[ \t]*(?P<meaning>[^\n]+)$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Legend:
    """What a report's key says: each mark's one status, the marks it says rate nothing ('NG:
    not graded, for lack of verifiable information'), and where its lines are."""

    verdicts: dict[str, str] = field(default_factory=dict)
    unrated: frozenset[str] = frozenset()
    lines: tuple[tuple[int, int], ...] = ()

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


def _inline_verdicts(lex: Lexicon, text: str) -> dict[str, str]:
    """Marks defined in a run of text ('GREEN = completed', 'Key: ✔ done ◐ under way'), each
    with the one status its meaning states."""
    pairs = [(m.group("mark"), m.group("meaning")) for m in _DEFINED.finditer(text)]
    for line in _KEY_LINE.finditer(text):
        pairs += [(m.group("mark"), m.group("meaning")) for m in _MARKED.finditer(line.group())]
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
    found = _inline_verdicts(lex, document.text)
    cells = _table_cells(document)
    unrated: set[str] = set()
    lines = []
    for run in _runs(list(_LINE_DEFINED.finditer(document.text))):
        if not cells & {line.group("mark").casefold() for line in run}:
            continue
        for line in run:
            mark = line.group("mark").casefold()
            lines.append(line.span())
            status = _first_said(lex, mark) or _first_said(lex, line.group("meaning"))
            if status is None:
                unrated.add(mark)
            else:
                found.setdefault(mark, status)
    return Legend(found, frozenset(unrated), tuple(lines))


def defines_a_mark(text: str) -> bool:
    """Whether a clause is part of the key ('RED = off track'), which reports nothing."""
    return bool(_DEFINED.search(text))
