"""Which serialization a query result is written in.

A caller (the API, the CLI) passes one media type or a whole HTTP ``Accept``
value without knowing whether the query is a SELECT, an ASK or a CONSTRUCT;
the store learns the result kind only when it runs the query, so the choice is
made here, once the kind is known, the same way for every store.
"""

from __future__ import annotations

from graph.store.base import NotAcceptableError

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
N_TRIPLES = "application/n-triples"
RDF_XML = "application/rdf+xml"
JSON_LD = "application/ld+json"
N_QUADS = "application/n-quads"
TRIG = "application/trig"

#: Media types each result kind can be written in; the first is the default.
MEDIA_TYPES: dict[str, tuple[str, ...]] = {
    "bindings": (SPARQL_JSON, SPARQL_XML, CSV, TSV),
    "boolean": (SPARQL_JSON, SPARQL_XML, CSV, TSV),
    "graph": (TURTLE, N_TRIPLES, RDF_XML, JSON_LD, N_QUADS, TRIG),
}

#: Common names clients send for the same serialization.
ALIASES: dict[str, dict[str, str]] = {
    "bindings": {"application/json": SPARQL_JSON, "application/xml": SPARQL_XML},
    "boolean": {"application/json": SPARQL_JSON, "application/xml": SPARQL_XML},
    "graph": {
        "application/x-turtle": TURTLE,
        "text/plain": N_TRIPLES,
        "application/json": JSON_LD,
        "application/xml": RDF_XML,
    },
}


def _preferences(accept: str) -> list[str]:
    """The media ranges of an Accept value, best first (stable for equal q), q=0 dropped."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        quality = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, position, fields[0].lower()))
    return [media for _, _, media in sorted(ranked)]


def _match(kind: str, media_range: str) -> str | None:
    """The served media type a single media range selects for ``kind``, if any."""
    offered = MEDIA_TYPES[kind]
    if media_range == "*/*":
        return offered[0]
    if media_range.endswith("/*"):
        major = media_range[:-1]
        return next((m for m in offered if m.startswith(major)), None)
    if media_range in offered:
        return media_range
    return ALIASES[kind].get(media_range)


def choose_media_type(kind: str, requested: str | None) -> str:
    """The media type to write a ``kind`` result in, given a media type or Accept value.

    Raises NotAcceptableError when nothing requested fits, so an HTTP layer can answer 406.
    """
    if kind not in MEDIA_TYPES:
        raise ValueError(f"unknown result kind {kind!r}")
    if not requested or not requested.strip():
        return MEDIA_TYPES[kind][0]
    for media_range in _preferences(requested):
        chosen = _match(kind, media_range)
        if chosen:
            return chosen
    offered = ", ".join(MEDIA_TYPES[kind])
    raise NotAcceptableError(
        f"a {kind} result cannot be written as {requested!r}; available: {offered}"
    )
