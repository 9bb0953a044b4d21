"""Matching crime phrases with the inflections news text gives them.

The phrases are the SKOS labels of the crime scheme. Beyond the phrase as
written, the matcher accepts the forms English builds from it, so curators
list base phrases only:
- the last word inflected: "trafficking" → "traffickers", "trafficked";
  "homicide" → "homicides";
- an "-ing" phrase inverted: "arms trafficking" → "trafficking of arms",
  "trafficking in illicit arms", "smuggling of cattle and other goods";
- its verb: "migrant smuggling" → "smuggle migrants", "money laundering" →
  "laundered money";
- coordinated modifiers: "drug and arms trafficking" counts for both;
- a Romance phrase, head first, with a qualifier after its head and an
  article after its preposition: "tráfico de armas" → "tráfico ilícito de
  armas", "blanqueo de capitales" → "blanqueo de los capitales".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.phrases import GAP, folded, phrase_body, phrase_pattern
from graph.extract.scanning import required_words

_QUALIFIER = r"(?:(?:the|illegal|illicit|illegally|unlawful|small)\s+)*"
_ROMANCE_QUALIFIER = (
    r"(?:\s+(?:il[ií]cit[oa]s?|ilegal(?:es)?|ilegais|illicites?|ill[ée]ga(?:l|le|ux|les)"
    r"|clandestin[oae]s?|transnacional(?:es)?|transnationale?s?|international(?:e|es|aux)?))?"
)
_ROMANCE_PREPOSITIONS = ("de", "del", "do", "da", "dos", "das", "des", "du", "en", "em")
_ROMANCE_ARTICLE = r"(?:(?:el|la|los|las|le|les|o|a|os|as)\s+|l['’])?"


@dataclass(frozen=True)
class CrimeHit:
    start: int
    end: int
    text: str
    key: str


def _inflected_last_word(word: str) -> str:
    """A pattern for the last word with its plural and, for '-ing' nouns, agent/participle forms."""
    if word.endswith("ing") and len(word) > 5:
        stem = phrase_body(word[:-3])
        return rf"{stem}(?:ing|ings|ers?|ed)"
    if word.endswith("y") and len(word) > 3:
        return rf"{phrase_body(word[:-1])}(?:y|ies)"
    return rf"{phrase_body(word)}(?:s|es)?"


def _verb(word: str) -> str:
    """The verb of an '-ing' noun: 'smuggling' → smuggle(s/d), 'trafficking' → traffic(s/ked)."""
    stem = phrase_body(word[:-3])
    if word[:-3].endswith("ck"):
        return rf"(?:{stem}ed|{phrase_body(word[:-4])}s?)"
    return rf"{stem}(?:e|es|ed|s|ing)?"


def _romance_variant(words: list[str]) -> str | None:
    """'tráfico de armas' with a qualifier after the head and an article after 'de'."""
    if len(words) < 3 or words[1].lower() not in _ROMANCE_PREPOSITIONS:
        return None
    rest = GAP.join(phrase_body(w) for w in words[2:])
    return (
        rf"(?<![\w]){phrase_body(words[0])}{_ROMANCE_QUALIFIER}\s+{phrase_body(words[1])}"
        rf"\s+{_ROMANCE_ARTICLE}{rest}(?![\w])"
    )


def phrase_variants(phrase: str) -> list[str]:
    """Regular expressions for every form of ``phrase`` described in the module docstring."""
    words = phrase.split()
    romance = _romance_variant(words)
    if romance is not None:
        return [phrase_pattern(phrase), romance]
    if not words or not words[-1][-1:].isalpha() or len(words[-1]) < 4:
        return [phrase_pattern(phrase)]
    head = _inflected_last_word(words[-1])
    modifier = GAP.join(phrase_body(w) for w in words[:-1])
    start = r"(?<![\w])"
    end = r"(?![\w])"
    if len(words) == 1:
        return [start + head + end]
    variants = [start + modifier + GAP + head + end]
    if words[-1].endswith("ing"):
        between = rf"\s+{_QUALIFIER}(?:[\w\-]+\s+){{0,3}}?"
        plural = r"(?:s|es)?"
        variants.append(start + head + r"\s+(?:of|in)" + between + modifier + plural + end)
        variants.append(start + _verb(words[-1]) + between + modifier + plural + end)
        coordinated = r"(?:\s*,\s*[\w\-]+|\s+(?:and|or|&)\s+[\w\-]+)+"
        # Only the modifier is the hit ("drug" in "drug and arms trafficking"), so the
        # other category's own phrase is not swallowed by this one.
        variants.append(start + modifier + rf"(?={coordinated}{GAP}{head}{end})")
    return variants


def _required(phrase: str) -> tuple[str, ...]:
    """Words every variant of ``phrase`` spells out: the modifier, or the last word's stem."""
    words = phrase.split()
    if not words or not words[-1][-1:].isalpha() or len(words[-1]) < 4:
        return required_words(phrase)
    if len(words) > 1:
        return required_words(" ".join(words[:-1]))
    word = words[0]
    if word.endswith("ing") and len(word) > 5:
        return required_words(word[:-3])
    return required_words(word[:-1] if word.endswith("y") and len(word) > 3 else word)


class CrimeMatcher:
    """Finds every crime category named in a text span.

    Variants may overlap (the outermost wins), so each is scanned on its own — but only over
    text holding the words it cannot match without, which skips nearly all of them.
    """

    def __init__(self, phrases: list[tuple[str, str]]) -> None:
        #: (phrase, category key) as the vocabulary lists them, base forms only.
        self.phrases = tuple(phrases)
        self._patterns: list[tuple[re.Pattern[str], str, frozenset[str]]] = []
        seen: set[tuple[str, str]] = set()
        for phrase, key in phrases:
            words = frozenset(_plain(w) for w in _required(phrase.strip()))
            for variant in phrase_variants(phrase.strip()):
                if (variant, key) not in seen:
                    seen.add((variant, key))
                    self._patterns.append((re.compile(variant, re.IGNORECASE), key, words))
        #: Every word some variant needs: looked up once per span, not once per variant.
        self._words = tuple(sorted({word for _, _, words in self._patterns for word in words}))
        #: The variants (by position) each word can admit: a variant is tried only where
        #: its alphabetically first word is present, then only if the others are too
        #: (under "" a variant that needs no word, tried everywhere).
        self._needing: dict[str, list[int]] = {}
        for index, (_, _, words) in enumerate(self._patterns):
            self._needing.setdefault(min(words, default=""), []).append(index)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CrimeHit]:
        """Every category named in ``text[start:end]``, a paragraph at a time: a phrase
        never runs across a blank line, and a paragraph holds the words of few variants."""
        stop = len(text) if end is None else end
        whole = _plain(text[start:stop])
        in_text = [word for word in self._words if word in whole]
        hits: list[CrimeHit] = []
        for first, last in _paragraphs(text, start, stop):
            paragraph = _plain(text[first:last])
            present = {word for word in in_text if word in paragraph}
            for index in self._candidates(present):
                pattern, key, _ = self._patterns[index]
                hits += [
                    CrimeHit(m.start(), m.end(), m.group(), key)
                    for m in pattern.finditer(text, first, last)
                ]
        return sorted(_outermost(hits), key=lambda h: (h.start, -h.end))

    def _candidates(self, present: set[str]) -> list[int]:
        """The variants whose words are all ``present``, in the order they were listed
        (which orders hits on the same span)."""
        return sorted(
            index
            for word in ("", *present)
            for index in self._needing.get(word, ())
            if present.issuperset(self._patterns[index][2])
        )


def _plain(text: str) -> str:
    """Case and accents folded: the variants match either way ("extorsiones" is a form of
    "extorsión"), so the words that admit them are looked for either way too."""
    return folded(text).casefold()


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _paragraphs(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """(start, end) of each run of ``text[start:stop]`` between blank lines."""
    spans, first = [], start
    for blank in _BLANK_LINE.finditer(text, start, stop):
        spans.append((first, blank.start()))
        first = blank.end()
    spans.append((first, stop))
    return [(a, b) for a, b in spans if b > a]


#: What follows the first of two coordinated objects ('smuggling of weapons and contraband
#: cigarettes'): each object names its own category.
_COORDINATED = re.compile(r"\s*(?:,|and\b|or\b|&)")


def _outermost(hits: list[CrimeHit]) -> list[CrimeHit]:
    """Drop hits inside a longer one: "customs fraud" is smuggling, not also fraud; but in
    "the smuggling of weapons and contraband cigarettes" the weapons are arms trafficking as
    the cigarettes are smuggling of goods."""
    return [
        hit
        for hit in hits
        if not any(
            other.start <= hit.start
            and hit.end <= other.end
            and other.end - other.start > hit.end - hit.start
            and not (other.key != hit.key and _coordinated_in(other, hit))
            for other in hits
        )
    ]


def _coordinated_in(outer: CrimeHit, inner: CrimeHit) -> bool:
    """Whether ``inner`` opens ``outer`` and a coordination follows it inside."""
    after = outer.text[inner.end - outer.start :]
    return inner.start == outer.start and bool(_COORDINATED.match(after))
