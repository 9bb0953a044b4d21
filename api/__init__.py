"""The pactgraph web API: ``create_app(Settings(...), store)`` gives the FastAPI app.

Modules, one concern each: ``sparql`` (SPARQL 1.1 Protocol), ``graph_store``
(Graph Store HTTP Protocol), ``queries`` (named queries), ``resources``,
``pacts`` and ``documents`` (JSON/JSON-LD resources, uploads), ``ontology``,
``health``; ``execution`` runs queries under limits, ``guard`` keeps requests
inside the store.
"""

from api.app import create_app
from api.settings import Settings

__all__ = ["Settings", "create_app"]
