"""Proper names in running text: where a capitalized name starts and ends.

Names of bodies run over capitalized words joined by a few lower-case
connectors ("Bureau of Alcohol, Tobacco, Firearms and Explosives",
"Secretariat for the Prevention of Money Laundering", "Folha de S.Paulo").
A possessive ("Brazil's Polícia Federal") or a leading article is not part
of the name. The connectors are English and Romance grammar words, not a
domain lexicon.
"""

from __future__ import annotations

import re

from graph.documents.model import Span

_CONNECTORS = {
    "of", "for", "the", "and", "on", "against", "to", "in", "de", "da", "do", "dos", "das", "del",
    "la", "las", "los", "le", "les", "des", "du", "di", "y", "e", "et", "und", "für", "&",
    "pour", "par", "contre", "sur", "au", "aux", "con", "para", "por", "contra", "em", "à",
}  # fmt: skip
_ARTICLE_AFTER = {
    "of", "for", "on", "against", "to", "in", "de", "pour", "contre", "par", "sur", "para", "por",
    "contra", "con", "em", "et", "y", "e",
}  # fmt: skip
_MAX_CONNECTOR_RUN = 2
_TOKEN = re.compile(r"[^\W\d_][\w.’'\-]*|\d+|,|&|[^\w\s]")
_WINDOW = 250


def _is_capitalized(token: str) -> bool:
    return token[:1].isupper()


def _is_acronym(token: str) -> bool:
    return len(token) >= 2 and token.isalpha() and token.isupper()


def _ends_sentence(token: str) -> bool:
    """'Gendarmerie.' closes a sentence; 'U.S.' is an abbreviation."""
    return token.endswith(".") and token.count(".") == 1


def _is_possessive(token: str) -> bool:
    return token.endswith(("'s", "’s", "s'", "s’")) and len(token) > 2


def _tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, start, end))


def _crosses_line(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    return "\n" in text[left.end() : right.start()] or "|" in text[left.end() : right.start()]


def proper_name_before(text: str, position: int) -> Span | None:
    """The capitalized name that ends right before ``position`` (e.g. an acronym's '(')."""
    tokens = _tokens(text, max(0, position - _WINDOW), position)
    if not tokens or text[tokens[-1].end() : position].strip():
        return None
    kept: list[re.Match[str]] = []
    seen_and = False
    lower_run = 0  # connectors in a row: "pour la", "et des", "of the"
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        word = token.group()
        if kept and _crosses_line(text, token, kept[-1]):
            break
        if _is_capitalized(word) and word not in {"The", "A", "An"}:
            if _is_possessive(word) or (kept and _ends_sentence(word)):
                break
            kept.append(token)
            lower_run = 0
            continue
        previous = tokens[index - 1].group() if index > 0 else ""
        if not kept or lower_run >= _MAX_CONNECTOR_RUN:
            break
        lower_run += 1
        if word == "the" and previous not in _ARTICLE_AFTER:
            break
        if word == "and":
            if previous == "the" or not _is_capitalized(previous):
                break
            seen_and = True
        elif word == ",":
            if not seen_and or not _is_capitalized(previous):
                break
        elif word not in _CONNECTORS:
            break
        kept.append(token)
    while kept and not _is_capitalized(kept[-1].group()):
        kept.pop()
    if not kept:
        return None
    start, end = kept[-1].start(), kept[0].end()
    return Span(start, end, text[start:end])


def _leads_to_a_name(tokens: list[re.Match[str]], index: int) -> bool:
    """A connector run ('pour la', 'de') that a capitalized word follows within the name.

    'and' joins only capitalized words ("Customs and Border Protection"); "X and the Y"
    names two bodies.
    """
    runs = 1 if tokens[index].group() in {"and", "&", ","} else _MAX_CONNECTOR_RUN
    for step in range(1, runs + 1):
        if index + step >= len(tokens):
            return False
        word = tokens[index + step].group()
        if _is_capitalized(word):
            return True
        if word not in _CONNECTORS or word in {",", "and", "&"}:
            return False
    return False


def proper_name_after(text: str, position: int) -> Span | None:
    """The capitalized name that starts right after ``position`` (e.g. after 'according to')."""
    tokens = _tokens(text, position, min(len(text), position + _WINDOW))
    kept: list[re.Match[str]] = []
    for index, token in enumerate(tokens):
        word = token.group()
        if kept and _crosses_line(text, kept[-1], token):
            break
        if _is_capitalized(word):
            if _is_possessive(word):
                break
            kept.append(token)
            if _ends_sentence(word):
                break
            continue
        if kept and word in _CONNECTORS and _leads_to_a_name(tokens, index):
            kept.append(token)
            continue
        break
    while kept and not _is_capitalized(kept[-1].group()):
        kept.pop()
    if len(kept) > 2 and _is_acronym(kept[-1].group()) and not _is_capitalized(kept[-2].group()):
        # "Border Police Administration of the MUP": the acronym names the parent body.
        kept.pop()
        while kept and not _is_capitalized(kept[-1].group()):
            kept.pop()
    if not kept:
        return None
    start, end = kept[0].start(), kept[-1].end()
    last = kept[-1].group()
    if last.endswith(".") and last.count(".") == 1:
        end -= 1
    return Span(start, end, text[start:end])


def capitalized_runs(text: str, start: int, end: int) -> list[Span]:
    """Maximal runs of capitalized words (with inner connectors) in ``text[start:end]``."""
    runs: list[Span] = []
    position = start
    for token in _tokens(text, start, end):
        if token.start() < position or not _is_capitalized(token.group()):
            continue
        name = proper_name_after(text, token.start())
        if name is None:
            continue
        stop = min(name.end, end)
        runs.append(Span(name.start, stop, text[name.start : stop]))
        position = stop
    return runs
