"""Grammar words of English, Spanish, French and Portuguese, in one place.

These are closed classes of each language (articles, conjunctions, the
prepositions inside proper names, number words), not domain knowledge: the
words of the domain are labels in ``ontology/``. Each table is keyed by
language, so a recogniser asks for the words of the languages a document is
written in and an English "a" (one) never meets a Portuguese "a" (the).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cache

ENGLISH = "en"

# Words that join two parties named together: "México y Guatemala", "le Mali et le Niger".
COORDINATORS = {
    "en": ("and", "&"), "es": ("y", "e", "&"), "fr": ("et", "&"), "pt": ("e", "&"),
}  # fmt: skip
# Articles that may stand before a name without being part of it.
ARTICLES = {
    "en": ("the",),
    "es": ("el", "la", "los", "las"),
    "fr": ("le", "la", "les", "l'", "l’"),
    "pt": ("o", "a", "os", "as"),
}
# Prepositions (with their contractions) before a party: "de Cabo Verde, do Senegal e de Portugal".
PREPOSITIONS = {
    "es": ("de", "del"),
    "fr": ("de", "du", "des", "d'", "d’"),
    "pt": ("de", "do", "da", "dos", "das"),
}  # fmt: skip
# Lower-case words inside names of bodies: "Secretaría de Seguridad y Protección Ciudadana".
CONNECTORS = {
    "en": ("of", "for", "the", "and", "on", "against", "to", "in", "&"),
    "es": ("de", "del", "la", "las", "los", "y", "e", "para", "por", "contra", "con", "en"),
    "fr": ("de", "du", "des", "la", "le", "les", "et", "pour", "par", "contre", "sur", "au",
           "aux", "à", "en"),
    "pt": ("de", "da", "do", "dos", "das", "e", "para", "por", "contra", "em", "ao", "aos", "à",
           "o", "os"),
    "other": ("di", "und", "für"),
}  # fmt: skip
# Prepositions that open the complement of a body's head word: "Ministry of", "Ministério do".
NAME_PREPOSITIONS = {
    "en": ("of", "for", "on"),
    "es": ("de", "del", "para", "contra"),
    "fr": ("de", "du", "des", "d'", "d’", "pour", "contre"),
    "pt": ("de", "da", "do", "das", "dos", "para", "contra"),
}
# Prepositions that, after a name's head word, say where the thing is rather than continue its
# name: "a Joint Coordination Cell in Larnaca".
PLACE_PREPOSITIONS = {
    "en": ("in", "at"),
    "es": ("en",),
    "fr": ("à", "en"),
    "pt": ("em", "no", "na"),
}
# Connectors after which an article may follow inside a name ("Ministry of the Interior"); after
# a conjunction it opens another name ("la Police nationale et la Gendarmerie nationale").
ARTICLE_AFTER = {
    "en": ("of", "for", "on", "against", "to", "in"),
    "es": ("de", "para", "por", "contra", "con"),
    "fr": ("de", "pour", "contre", "par", "sur"),
    "pt": ("para", "por", "contra", "em"),
}

_EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
_ES_NUMBERS = {
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintiún": 21, "veintidós": 22,
    "veintitrés": 23, "veinticuatro": 24, "treinta": 30, "treinta y seis": 36,
    "cuarenta": 40, "cuarenta y ocho": 48, "cincuenta": 50, "sesenta": 60, "noventa": 90,
    "cien": 100, "ciento": 100,
}  # fmt: skip
_FR_NUMBERS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20,
    "vingt-quatre": 24, "trente": 30, "trente-six": 36, "quarante": 40, "quarante-huit": 48,
    "cinquante": 50, "soixante": 60, "quatre-vingt-dix": 90, "cent": 100,
}  # fmt: skip
_PT_NUMBERS = {
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6,
    "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "treze": 13,
    "catorze": 14, "quatorze": 14, "quinze": 15, "dezasseis": 16, "dezesseis": 16,
    "dezassete": 17, "dezessete": 17, "dezoito": 18, "dezanove": 19, "dezenove": 19,
    "vinte": 20, "vinte e quatro": 24, "trinta": 30, "trinta e seis": 36, "quarenta": 40,
    "quarenta e oito": 48, "cinquenta": 50, "sessenta": 60, "noventa": 90, "cem": 100,
}  # fmt: skip
NUMBERS = {"en": _EN_NUMBERS, "es": _ES_NUMBERS, "fr": _FR_NUMBERS, "pt": _PT_NUMBERS}

ORDINALS = {
    "en": {
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
        "eighth": 8, "ninth": 9, "tenth": 10,
    },
    "es": {
        "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3,
        "tercero": 3, "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5,
    },
    "fr": {
        "premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2,
        "troisième": 3, "quatrième": 4, "cinquième": 5,
    },
    "pt": {
        "primeiro": 1, "primeira": 1, "segundo": 2, "segunda": 2, "terceiro": 3,
        "terceira": 3, "quarto": 4, "quarta": 4, "quinto": 5, "quinta": 5,
    },
}  # fmt: skip
# "two and a half years", "dos años y medio", "deux ans et demi", "dois anos e meio".
HALF_AFTER = {
    "en": ("and a half",),
    "es": ("y medio", "y media"),
    "fr": ("et demi", "et demie"),
    "pt": ("e meio", "e meia"),
}
# Words after a comma by which a lead agency's cell names the bodies that work with it
# ("Philippine Navy, with the Indonesian Navy (TNI AL)"): the lead is named before them.
PARTNERS = {
    "en": ("with", "together with", "supported by", "assisted by", "backed by", "working with",
           "in coordination with", "in cooperation with", "in liaison with"),
    "es": ("con", "junto con", "apoyado por", "apoyada por", "en coordinación con"),
    "fr": ("avec", "appuyé par", "appuyée par", "en coordination avec", "en liaison avec"),
    "pt": ("com", "junto com", "apoiado por", "apoiada por", "em coordenação com"),
}  # fmt: skip
# Auxiliaries that make a clause pledge what will be done ("will meet", "shall hold"). The
# Romance languages inflect their future instead: they have none to list.
PLEDGE_AUXILIARIES = {"en": ("will", "shall", "agreed")}
# Pronouns that stress who acts ("the two ministers themselves will hold"), no part of a name.
REFLEXIVES = {"en": ("themselves", "ourselves", "itself")}
# Words by which a text names the parties themselves ("the two sides"), not a group of people.
PARTY_WORDS = {"en": ("sides", "parties", "countries", "states", "governments", "nations")}


def words(table: dict[str, tuple[str, ...]], languages: Iterable[str]) -> frozenset[str]:
    """The words of ``table`` in English and ``languages``."""
    return frozenset(w for lang in {ENGLISH, *languages} for w in table.get(lang, ()))


def all_words(table: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The words of ``table`` in every language: for names, which mix languages freely."""
    return frozenset(w for group in table.values() for w in group)


@cache
def numbers(languages: frozenset[str]) -> dict[str, Decimal]:
    """Number words of English and ``languages``, the document's own languages winning clashes."""
    found: dict[str, Decimal] = {}
    for language in [ENGLISH, *sorted(languages - {ENGLISH})]:
        found.update({w: Decimal(v) for w, v in NUMBERS.get(language, {}).items()})
    return found


@cache
def ordinals(languages: frozenset[str]) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    for language in [ENGLISH, *sorted(languages - {ENGLISH})]:
        found.update({w: Decimal(v) for w, v in ORDINALS.get(language, {}).items()})
    return found
