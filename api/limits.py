"""How big and how deep a SPARQL request may be before any parser sees it.

Two parsers read a client's text inside the server process, outside the
time limit that stops a running query: the reach check (rdflib's pyparsing
grammar, recursive, slow on long text) and pyoxigraph's parser (recursive,
in Rust, where a stack overflow ends the process). Ten thousand nested
braces make the first raise RecursionError and the second crash; a megabyte
of text keeps the first busy for seconds. Real queries are a few kilobytes
and a dozen brackets deep, so the limits here refuse only what no one writes
by hand, with a 400 that says which limit and by how much.
"""

from __future__ import annotations

from api.errors import ApiError
from api.sparql_text import tokens

#: Most characters of SPARQL text one request may carry (the named queries are under 4,000).
MAX_SPARQL_CHARS = 200_000
#: Most brackets ({, ( and [) open at once (the named queries reach 6).
MAX_SPARQL_DEPTH = 64


def check_sparql_text(
    text: str,
    kind: str,
    *,
    max_chars: int = MAX_SPARQL_CHARS,
    max_depth: int = MAX_SPARQL_DEPTH,
) -> None:
    """Refuse ``text`` (a SPARQL ``kind``: query or update) that is too long or too deep."""
    if len(text) > max_chars:
        raise ApiError(
            400,
            "too-long",
            f"the SPARQL {kind} is {len(text):,} characters long; this server reads at most "
            f"{max_chars:,}",
        )
    too_deep = next((t for t in tokens(text) if t.kind == "open" and t.depth >= max_depth), None)
    if too_deep is not None:
        raise ApiError(
            400,
            "too-deep",
            f"the SPARQL {kind} nests brackets more than {max_depth} deep (character "
            f"{too_deep.start}); this server reads at most {max_depth}",
        )
