"""Where the web interface shows a node: the page for its IRI, and the page of its evidence.

The IRI scheme is stable (``id/nation/USA``, ``id/document/KEY/commitment/N``),
so a page address follows from the IRI alone, as the JSON API's links do.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

from api.resource_views import routed
from graph.namespaces import CRIME_SCHEME, ID, PREFIXES

_PAGES = (
    (re.compile(r"nation/([A-Z]{3})$"), "/ui/nations/{0}"),
    (re.compile(r"org/([A-Za-z0-9-]+)$"), "/ui/organizations/{0}"),
    (re.compile(r"agency/([A-Za-z0-9-]+)/([a-z0-9-]+)$"), "/ui/agencies/{0}/{1}"),
    (
        re.compile(r"document/([A-Za-z0-9._-]+)/agreement/([A-Za-z0-9-]+)$"),
        "/ui/agreements/{0}/{1}",
    ),
    (re.compile(r"document/([A-Za-z0-9._-]+)$"), "/ui/documents/{0}"),
)
_DOCUMENT_PART = re.compile(r"document/([A-Za-z0-9._-]+)/")


def page(iri: str | None) -> str | None:
    """The UI page of ``iri``: an actor, agreement, document or crime category; else None."""
    if not iri:
        return None
    if iri.startswith(str(CRIME_SCHEME)):
        return f"/ui/crimes#{quote(iri.removeprefix(str(CRIME_SCHEME)))}"
    return routed(iri, _PAGES)


def evidence(iri: str | None) -> str | None:
    """The document page with the quotes of ``iri`` highlighted (any node drawn from a document)."""
    if not iri or not iri.startswith(str(ID)):
        return None
    match = _DOCUMENT_PART.match(iri[len(str(ID)) :])
    if match is None:
        return None
    return f"/ui/documents/{match.group(1)}?{urlencode({'node': iri})}#quote-1"


def compact(iri: str) -> str:
    """``iri`` written with the store's prefixes (id:nation/USA), for tables of results."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
        if iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)) :]}"
    return iri
