"""Proper names in running text: where a capitalized name starts and ends.

Names of bodies run over capitalized words joined by a few lower-case
connectors ("Bureau of Alcohol, Tobacco, Firearms and Explosives",
"Secretariat for the Prevention of Money Laundering", "Folha de S.Paulo").
A possessive ("Brazil's Polícia Federal") or a leading article is not part
of the name. The connectors are English and Romance grammar words, not a
domain lexicon (graph/language/grammar.py). French writes the adjectives of
a body's name in lower case ("Police nationale", "Direction générale"): the
caller passes those words (the lexicon's lower-case name modifiers) as
``inner``, words that continue a name although not capitalized.
"""

from __future__ import annotations

import re

from graph.documents.model import Span
from graph.extract.phrases import unaccented
from graph.language import grammar

_CONNECTORS = grammar.all_words(grammar.CONNECTORS)
_ARTICLE_AFTER = grammar.all_words(grammar.ARTICLE_AFTER)
_PREPOSITIONS = grammar.all_words(grammar.PREPOSITIONS)
_AND = grammar.all_words(grammar.COORDINATORS) | {","}
_ARTICLES = grammar.all_words(grammar.ARTICLES) - {"a"}  # English "a" is no article inside names
_MAX_CONNECTOR_RUN = 2
_TOKEN = re.compile(r"[^\W\d_][\w.’'\-]*|\d+|,|&|[^\w\s]")
_WINDOW = 250
_ELIDED_ARTICLE = re.compile(r"^[ldLD]['’](?=\w)")


def _is_capitalized(token: str) -> bool:
    """'Ministère', and "l'Intérieur" or "d'Ivoire": an elided article keeps the capital."""
    return _ELIDED_ARTICLE.sub("", token)[:1].isupper()


def _is_acronym(token: str) -> bool:
    return len(token) >= 2 and token.isalpha() and token.isupper()


def _ends_sentence(token: str) -> bool:
    """'Gendarmerie.' closes a sentence; 'U.S.' is an abbreviation."""
    return token.endswith(".") and token.count(".") == 1


def _is_possessive(token: str) -> bool:
    return token.endswith(("'s", "’s", "s'", "s’")) and len(token) > 2


#: Plurals not made with -s, in their possessive: "Fishermen's Dialogue", "People's Police".
_IRREGULAR_PLURAL_POSSESSIVE = re.compile(r"(?:men|[Cc]hildren|[Pp]eople)['’]s$")


def _plural_possessive_inside(text: str, tokens: list[re.Match[str]], index: int) -> bool:
    """ "Commanders' Meeting", "Farmers' Union", "Fishermen's Dialogue": a plural possessive
    before a capitalized word on the same line is inside the name; "Brazil's Polícia
    Federal" is not one name."""
    word = tokens[index].group()
    plural = word.endswith(("s'", "s’")) or bool(_IRREGULAR_PLURAL_POSSESSIVE.search(word))
    if not plural or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    adjacent = text[tokens[index].end() : following.start()] == " "
    return adjacent and _is_capitalized(following.group())


def _tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, start, end))


def _crosses_line(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    return "\n" in text[left.end() : right.start()] or "|" in text[left.end() : right.start()]


def proper_name_before(
    text: str, position: int, inner: frozenset[str] = frozenset()
) -> Span | None:
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
        if (_is_capitalized(word) and word not in {"The", "A", "An"}) or (
            word in inner and (kept or not text[token.end() : position].strip())
        ):
            if _is_possessive(word) or (kept and _ends_sentence(word)):
                break
            kept.append(token)
            lower_run = 0
            continue
        previous = tokens[index - 1].group() if index > 0 else ""
        if not kept or lower_run >= _MAX_CONNECTOR_RUN:
            break
        lower_run += 1
        if word in _ARTICLES and previous not in _ARTICLE_AFTER:
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
    runs = _MAX_CONNECTOR_RUN
    if tokens[index].group() in _AND:
        # "Intérieur et de la Sécurité": a repeated preposition continues the name; an
        # article alone opens another body, and so does anything after a whole body's
        # acronym ("Commission de la CEDEAO et du Groupe ...").
        following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
        after_acronym = index > 0 and _is_acronym(tokens[index - 1].group())
        continues = following.lower() in _PREPOSITIONS and not after_acronym
        runs = _MAX_CONNECTOR_RUN + 1 if continues else 1
    for step in range(1, runs + 1):
        if index + step >= len(tokens):
            return False
        word = tokens[index + step].group()
        if _is_capitalized(word):
            return True
        if word not in _CONNECTORS or word in _AND:
            return False
    return False


def proper_name_after(text: str, position: int, inner: frozenset[str] = frozenset()) -> Span | None:
    """The capitalized name that starts right after ``position`` (e.g. after 'according to')."""
    tokens = _tokens(text, position, min(len(text), position + _WINDOW))
    kept: list[re.Match[str]] = []
    for index, token in enumerate(tokens):
        word = token.group()
        if kept and _crosses_line(text, kept[-1], token):
            break
        if _is_capitalized(word):
            if _is_possessive(word) and not _plural_possessive_inside(text, tokens, index):
                break
            kept.append(token)
            if _ends_sentence(word):
                break
            continue
        if kept and word in inner:
            kept.append(token)
            continue
        if kept and word in _CONNECTORS and _leads_to_a_name(tokens, index):
            kept.append(token)
            continue
        break
    while kept and not (_is_capitalized(kept[-1].group()) or kept[-1].group() in inner):
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


def capitalized_runs(
    text: str, start: int, end: int, inner: frozenset[str] = frozenset()
) -> list[Span]:
    """Maximal runs of capitalized words (with inner connectors) in ``text[start:end]``."""
    runs: list[Span] = []
    position = start
    for token in _tokens(text, start, end):
        if token.start() < position or not _is_capitalized(token.group()):
            continue
        name = proper_name_after(text, token.start(), inner)
        if name is None:
            continue
        stop = min(name.end, end)
        runs.append(Span(name.start, stop, text[name.start : stop]))
        position = stop
    return runs


def _initials_long_form(words: list[re.Match[str]], letters: list[str]) -> int | None:
    """Index of the word that starts the long form when each letter is a word's initial.

    Connectors are passed over first ("Direction des Eaux et Forêts (DEFCCS)"
    spells no "e" with "et"); only an acronym that spells them is read with them.
    """
    for skip_connectors in (True, False):
        first = _initials_from(words, letters, skip_connectors)
        if first is not None:
            return first
    return None


def _initials_from(
    words: list[re.Match[str]], letters: list[str], skip_connectors: bool
) -> int | None:
    index = len(words) - 1
    for letter in reversed(letters):
        while index >= 0 and (
            _initial(words[index].group()) != letter
            or (skip_connectors and words[index].group().lower() in _CONNECTORS)
        ):
            index -= 1
        if index < 0:
            return None
        index -= 1
    return index + 1


def _initial(word: str) -> str:
    """'l’enrichissement' → 'e', 'Forces' → 'f'."""
    bare = re.sub(r"^[ldLD]['’](?=\w)", "", word)
    return unaccented(bare[:1]).lower()


def acronym_long_form(text: str, position: int, acronym: str) -> Span | None:
    """The words before ``position`` that ``acronym`` abbreviates.

    First each letter of the acronym is the initial of a word, right to left,
    skipping connectors; failing that, Schwartz and Hearst (2003): each
    letter is found in the words before it, its first letter at the start of
    a word. French and Portuguese names keep lower-case nouns ("Direction
    nationale de la police aux frontières (DNPAF)"), which no capitalized run
    can follow.
    """
    letters = [c for c in unaccented(acronym).lower() if c.isalnum()]
    if not letters:
        return None
    line_start = max(text.rfind("\n", 0, position), text.rfind(". ", 0, position)) + 1
    words = list(re.finditer(r"\S+", text[line_start:position]))
    window = _long_form_window(words, min(len(letters) + 5, len(letters) * 2))
    if not window:
        return None
    start = line_start + window[0].start()
    first = _initials_long_form(window, letters)
    if first is not None:
        begin = line_start + window[first].start()
    else:
        begin = _letters_long_form(text, start, position, letters)
        if begin is None:
            return None
    elided = re.match(r"[ldLD]['’](?=\w)", text[begin:position])  # "l'Agence", "d'Action"
    begin += elided.end() if elided else 0
    end = begin + len(text[begin:position].rstrip())
    return Span(begin, end, text[begin:end])


def _long_form_window(words: list[re.Match[str]], limit: int) -> list[re.Match[str]]:
    """The last words before an acronym holding at most ``limit`` words that are not connectors.

    Schwartz and Hearst bound the long form by its word count; French and
    Portuguese names spend many words on connectors ("Division nationale de
    lutte contre le trafic de migrants"), so only the other words count.
    """
    counted = 0
    for index in range(len(words) - 1, -1, -1):
        word = words[index].group().lower()
        if ")" in word:  # a long form never runs back over another parenthesis
            return words[index + 1 :]
        if re.sub(r"^[ld]['’]", "", word) and word not in _CONNECTORS:
            counted += 1
        if counted > limit:
            return words[index + 1 :]
    return words


def _letters_long_form(text: str, start: int, position: int, letters: list[str]) -> int | None:
    """Schwartz and Hearst's search: where the long form starts, or None."""
    candidate = unaccented(text[start:position]).lower().rstrip()
    index = len(candidate) - 1
    for number, letter in enumerate(reversed(letters)):
        first = number == len(letters) - 1
        while index >= 0 and (
            candidate[index] != letter or (first and index > 0 and candidate[index - 1].isalnum())
        ):
            index -= 1
        if index < 0:
            return None
        index -= 1
    return start + candidate.rfind(" ", 0, index + 2) + 1
