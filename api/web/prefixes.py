"""Known prefixes declared for the query editor, as YASGUI does: write ``pg:Agreement`` and the
``PREFIX pg:`` line is added to the text (after its comment header), where the reader sees it.

Only prefixes the text uses and does not declare are added, so a query that
declares its own keeps them; the text run is the text shown, so an error's
line and column point into what is on the screen.
"""

from __future__ import annotations

from itertools import pairwise

from rdflib.namespace import OWL, RDF, RDFS, XSD

from api.sparql_text import tokens
from graph.namespaces import PREFIXES

#: Prefix → namespace: the store's own, then the W3C ones every query uses.
KNOWN: dict[str, str] = {
    **{prefix: str(namespace) for prefix, namespace in PREFIXES.items()},
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
}


def missing(text: str) -> list[str]:
    """Known prefixes that ``text`` uses but does not declare, in order of first use."""
    found = tokens(text)
    declared = {
        following.text[:-1]
        for token, following in pairwise(found)
        if token.upper == "PREFIX" and following.text.endswith(":")
    }
    used: list[str] = []
    for token in found:
        if token.kind != "word" or token.text.startswith(("?", "$", "_:")) or ":" not in token.text:
            continue
        prefix = token.text.split(":", 1)[0]
        if prefix in KNOWN and prefix not in declared and prefix not in used:
            used.append(prefix)
    return used


def _header_end(text: str) -> int:
    """Offset just past the leading comment and blank lines (a named query's header)."""
    position = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        position += len(line)
    return position


def declared(text: str) -> tuple[str, list[str]]:
    """``text`` with a PREFIX line for each known prefix it uses undeclared, and those prefixes."""
    added = missing(text)
    if not added:
        return text, []
    lines = "".join(f"PREFIX {prefix}: <{KNOWN[prefix]}>\n" for prefix in added)
    cut = _header_end(text)
    return text[:cut] + lines + text[cut:], added
