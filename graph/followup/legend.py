"""A report's own key to its verdicts: 'GREEN = completed or on track; AMBER = at risk or
partially achieved', 'Key: ✔ done ◐ under way / partly achieved ○ not yet achieved ✖
discontinued'.

Dashboards and bulletins rate each measure with a colour or a mark and say once what each
means. The meaning is read with the scheme's own words (``speaking_phrases``), so a mark means in
this report what its key says, whatever another report means by it.
"""

from __future__ import annotations

import re

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


def legend(lex: Lexicon, text: str) -> dict[str, str]:
    """Each mark the report defines, casefolded, with the one status its meaning states; a
    mark that covers two ('GREEN = completed or on track') is left to the row's own words."""
    found: dict[str, str] = {}
    pairs = [(m.group("mark"), m.group("meaning")) for m in _DEFINED.finditer(text)]
    for line in _KEY_LINE.finditer(text):
        pairs += [(m.group("mark"), m.group("meaning")) for m in _MARKED.finditer(line.group())]
    for mark, meaning in pairs:
        said = {hit.values[0] for hit in speaking_phrases(lex, meaning)}
        if len(said) == 1:
            found.setdefault(mark.casefold(), said.pop())
    return found


def defines_a_mark(text: str) -> bool:
    """Whether a clause is part of the key ('RED = off track'), which reports nothing."""
    return bool(_DEFINED.search(text))
