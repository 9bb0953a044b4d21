"""The top-level structure of SPARQL text, found without a full parser.

The API must change a request in a few places that the SPARQL 1.1 Protocol
defines in terms of the text: put the protocol's dataset (default-graph-uri,
named-graph-uri) in place of the query's FROM clauses, add USING clauses to
an update's DELETE/INSERT ... WHERE operations, cap a SELECT with LIMIT, and
bind a named query's parameters with a VALUES block. All of those sit at
brace depth 0 (or just inside the first WHERE brace), so a tokenizer that
knows strings, IRIs and comments finds them exactly; everything else is left
to the engine, which reports any syntax error itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
              | \"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
              | '(?:[^'\\\n\r]|\\.)*'
              | "(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<word>[^\s{}()\[\]<>"'\#,;^|&=!+*/]+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_WORDS = (
    "INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH",
)  # fmt: skip
_MODIFIERS = ("GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES")


class Token(NamedTuple):
    kind: str
    text: str
    start: int
    end: int
    depth: int  # nesting of (), {} and [] before this token
    #: A word in capitals, to compare with keywords; "" for any other token. Kept, not
    #: computed on each use: finding a query's shape compares every token several times.
    upper: str


#: Texts up to this long keep their tokens: one request reads its text four times (size,
#: form, pragmas, row cap) and a client often repeats a query; longer ones are rare.
_KEPT_CHARS = 16_384


def tokens(text: str) -> tuple[Token, ...]:
    """The significant tokens of ``text`` (no spaces or comments), with their depth."""
    if len(text) <= _KEPT_CHARS:
        return _kept_tokens(text)
    return _tokens(text)


@lru_cache(maxsize=256)
def _kept_tokens(text: str) -> tuple[Token, ...]:
    return _tokens(text)


def _tokens(text: str) -> tuple[Token, ...]:
    found: list[Token] = []
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind == "space" or kind == "comment":
            continue
        if kind == "close":
            depth = max(depth - 1, 0)
        word = match.group()
        upper = word.upper() if kind == "word" else ""
        found.append(Token(kind, word, match.start(), match.end(), depth, upper))
        if kind == "open":
            depth += 1
    return tuple(found)


@dataclass
class QueryShape:
    """Where the parts of a query that the API rewrites are."""

    form: str | None = None
    prologue_words: list[str] = field(default_factory=list)
    dataset_spans: list[tuple[int, int]] = field(default_factory=list)
    dataset_at: int | None = None  # where dataset clauses go
    where_open: int | None = None  # offset just after the WHERE clause's opening brace
    limit: tuple[int, int, int] | None = None  # (value, start, end) of the top-level LIMIT
    modifiers_end: int | None = None  # where a LIMIT may be appended (before a final VALUES)


def _matching_close(toks: Sequence[Token], index: int) -> int:
    """Index of the token closing the bracket opened at ``index`` (last token if unbalanced)."""
    depth = toks[index].depth
    for position in range(index + 1, len(toks)):
        if toks[position].kind == "close" and toks[position].depth == depth:
            return position
    return len(toks) - 1


def shape(text: str) -> QueryShape:
    """The query form, dataset clauses, WHERE brace and top-level LIMIT of a query."""
    toks = tokens(text)
    found = QueryShape()
    index = next((i for i, t in enumerate(toks) if t.depth == 0 and t.upper in QUERY_FORMS), None)
    first_form = next((t.upper for t in toks if t.upper in QUERY_FORMS + UPDATE_WORDS), None)
    found.prologue_words = [t.upper for t in toks[: index or 0] if t.kind == "word"]
    if index is None or first_form in UPDATE_WORDS:
        found.form = first_form if first_form in UPDATE_WORDS else None
        return found
    found.form = toks[index].upper
    position = index + 1
    if found.form == "CONSTRUCT" and position < len(toks) and toks[position].text == "{":
        position = _matching_close(toks, position) + 1
    where_index = _dataset_clauses(toks, position, found)
    if where_index is None:
        _describe_end(toks, position, found, len(text))
        return found
    brace = where_index if toks[where_index].text == "{" else where_index + 1
    if brace < len(toks) and toks[brace].text == "{":
        found.where_open = toks[brace].end
        _modifiers(toks, _matching_close(toks, brace) + 1, found, len(text))
    return found


def _dataset_clauses(toks: Sequence[Token], position: int, found: QueryShape) -> int | None:
    """Record FROM clauses from ``position`` on; the index of WHERE (or its brace), if any."""
    while position < len(toks):
        token = toks[position]
        if token.depth == 0 and (token.upper == "WHERE" or token.text == "{"):
            found.dataset_at = token.start
            return position
        if token.depth == 0 and token.upper == "FROM":
            last = position + 1
            if last < len(toks) and toks[last].upper == "NAMED":
                last += 1
            last = min(last, len(toks) - 1)
            found.dataset_spans.append((token.start, toks[last].end))
            position = last
        position += 1
    return None


def _describe_end(toks: Sequence[Token], position: int, found: QueryShape, size: int) -> None:
    """DESCRIBE without WHERE: dataset clauses go before the solution modifiers."""
    for index in range(position, len(toks)):
        if toks[index].depth == 0 and toks[index].upper in _MODIFIERS:
            found.dataset_at = toks[index].start
            _modifiers(toks, index, found, size)
            return
    found.dataset_at = size
    found.modifiers_end = size


def _modifiers(toks: Sequence[Token], position: int, found: QueryShape, size: int) -> None:
    found.modifiers_end = size
    for index in range(position, len(toks)):
        token = toks[index]
        if token.depth != 0:
            continue
        if token.upper == "VALUES":
            found.modifiers_end = token.start
            return
        if token.upper == "LIMIT" and index + 1 < len(toks) and toks[index + 1].text.isdigit():
            number = toks[index + 1]
            found.limit = (int(number.text), number.start, number.end)


def _iri(iri: str) -> str:
    return f"<{iri}>"


def with_dataset(text: str, default: list[str], named: list[str]) -> str:
    """``text`` with its FROM clauses replaced by the protocol's dataset (IRIs already checked)."""
    found = shape(text)
    if found.dataset_at is None:
        return text
    clauses = [f"FROM {_iri(g)}" for g in default] + [f"FROM NAMED {_iri(g)}" for g in named]
    edits = [(start, end, "") for start, end in found.dataset_spans]
    edits.append((found.dataset_at, found.dataset_at, f" {' '.join(clauses)} "))
    return _apply(text, edits)


def with_row_cap(text: str, cap: int) -> str:
    """``text`` asking for at most ``cap`` solutions at its top level."""
    found = shape(text)
    if found.modifiers_end is None:
        return text
    if found.limit is not None:
        value, start, end = found.limit
        return text if value <= cap else _apply(text, [(start, end, str(cap))])
    return _apply(text, [(found.modifiers_end, found.modifiers_end, f"\nLIMIT {cap}\n")])


def with_values(text: str, bindings: dict[str, str]) -> str:
    """``text`` with ``VALUES (?a ?b) { (t1 t2) }`` opening its WHERE clause.

    ``bindings`` maps variable names to terms already serialized by an RDF library.
    """
    if not bindings:
        return text
    found = shape(text)
    if found.where_open is None:
        raise ValueError("the query has no WHERE clause to bind parameters in")
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(bindings.values())
    block = f" VALUES ({names}) {{ ({values}) }} "
    return _apply(text, [(found.where_open, found.where_open, block)])


def update_names_dataset(text: str) -> bool:
    """True when an update has USING, USING NAMED or WITH clauses of its own."""
    return any(t.depth == 0 and t.upper in ("USING", "WITH") for t in tokens(text))


def with_using(text: str, default: list[str], named: list[str]) -> str:
    """An update with USING clauses before each DELETE/INSERT ... WHERE (not DELETE WHERE)."""
    clauses = [f"USING {_iri(g)}" for g in default] + [f"USING NAMED {_iri(g)}" for g in named]
    if not clauses:
        return text
    toks = tokens(text)
    edits = []
    for index, token in enumerate(toks):
        if token.depth == 0 and token.upper == "WHERE" and index and toks[index - 1].text == "}":
            edits.append((token.start, token.start, " ".join(clauses) + " "))
    return _apply(text, edits)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace each (start, end) span by its text; spans do not overlap."""
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text
