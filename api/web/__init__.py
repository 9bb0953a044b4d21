"""The web interface: server-rendered pages beside the JSON API, over the same queries.

``install(app, catalog)`` adds the pages (the overview at ``/``, the rest
under ``/ui/``) and their static files (``/ui/static/``). Pages read their
data through ``api.web.data``, which goes through the JSON API's own query
builders and views; pictures are SVG drawn in Python; the little JavaScript
there is (the query editor) only improves a page that works without it.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api.web import pages
from api.web.render import HERE
from graph.catalog import NamedQuery


def install(app: FastAPI, catalog: dict[str, NamedQuery]) -> None:
    """Add the pages and their static files to ``app``."""
    app.include_router(pages.build_router(catalog))
    app.mount("/ui/static", StaticFiles(directory=HERE / "static"), name="ui-static")
