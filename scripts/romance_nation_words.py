"""Demonyms and capitals of every nation in Spanish, French and Portuguese.

pycountry translates country names but not the adjectives a Romance text
names a nation by («les autorités maliennes», «la parte angolana») nor the
capitals its headlines use for governments («Tunis et Alger renforcent…»).
They are tabled in ``nation-words-romance.psv`` beside this module, one line
per nation and language: ``CODE | lang | capitals | demonyms``, the demonyms
in every inflection (masculine, feminine, singular, plural), items of a
cell separated by ``;``. ``build_nations.py`` turns them into language-tagged ``pg:demonym``
and ``pg:capital`` values, and into the official adjectival names
(«République tunisienne», «República Argentina»).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("nation-words-romance.psv")
LANGUAGES = ("es", "fr", "pt")
#: The word official names put before the feminine adjective, per language.
REPUBLIC = {"es": "República", "fr": "République", "pt": "República"}
CAPITALIZED_ADJECTIVE = {"es", "pt"}
FEMININE_ENDINGS = {"es": ("a", "e"), "fr": ("e",), "pt": ("a", "e")}


@dataclass
class NationWords:
    """One nation's words in one language."""

    capitals: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)

    def republic_names(self, language: str) -> list[str]:
        """«République tunisienne», «República Argentina»: 'Republic' and the feminine form.

        The feminine singular is the first form with a feminine ending ("tunecina",
        "belga", "tunisienne", "belge"); Spanish and Portuguese official names
        capitalize it, French ones do not.
        """
        endings = FEMININE_ENDINGS[language]
        feminine = next((form for form in self.demonyms if form.endswith(endings)), None)
        if feminine is None or " " in feminine or "-" in feminine:
            return []
        if language in CAPITALIZED_ADJECTIVE:
            feminine = feminine[:1].upper() + feminine[1:]
        return [f"{REPUBLIC[language]} {feminine}"]


def parse(text: str) -> dict[str, dict[str, NationWords]]:
    """{code: {language: words}}, refusing a malformed line with its number."""
    table: dict[str, dict[str, NationWords]] = defaultdict(dict)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) != 4 or cells[1] not in LANGUAGES or len(cells[0]) != 3:
            expected = "CODE | lang | capital | demonyms"
            raise ValueError(f"{TABLE_PATH.name} line {number}: expected {expected}")
        code, language, capital, demonyms = cells
        if language in table[code]:
            raise ValueError(f"{TABLE_PATH.name} line {number}: {code} {language} given twice")
        table[code][language] = NationWords(_items(capital), _items(demonyms))
    return dict(table)


def _items(cell: str) -> list[str]:
    return list(dict.fromkeys(item.strip() for item in cell.split(";") if item.strip()))


def read_table(path: Path = TABLE_PATH) -> dict[str, dict[str, NationWords]]:
    return parse(path.read_text(encoding="utf-8"))


def without_clashes(
    table: dict[str, dict[str, NationWords]], taken: dict[str, set[str]]
) -> dict[str, dict[str, NationWords]]:
    """The table less any demonym that would name two nations.

    ``taken`` maps a casefolded word to the nations already named by it (labels,
    aliases, translated names); a demonym shared by two nations («guinéen») or
    spelling another nation's name is left out for both, as translated names are.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for word, codes in taken.items():
        owners[word].update(codes)
    for code, by_language in table.items():
        for words in by_language.values():
            for form in words.demonyms:
                owners[form.casefold()].add(code)
    return {
        code: {
            language: NationWords(
                words.capitals,
                [form for form in words.demonyms if owners[form.casefold()] == {code}],
            )
            for language, words in by_language.items()
        }
        for code, by_language in table.items()
    }
