"""Where the model lives and how to read it.

The Turtle files under ``ontology/`` ship inside the wheel as the data package
``pactgraph_ontology``; an installed pactgraph reads them from there and a
source checkout from the folder itself (an editable install maps one onto
the other).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import Graph

SHAPES_FILE = "shapes.ttl"


def ontology_dir() -> Path:
    """The folder holding the ontology, vocabularies, gazetteers and shapes."""
    return Path(str(resources.files("pactgraph_ontology")))


def queries_dir() -> Path:
    """The folder holding the named SPARQL queries."""
    return Path(str(resources.files("pactgraph_queries")))


def model_files(directory: Path | None = None) -> list[Path]:
    """Every Turtle file of the model except the SHACL shapes, in a stable order."""
    folder = directory or ontology_dir()
    return sorted(p for p in folder.glob("*.ttl") if p.name != SHAPES_FILE)


def parse_files(paths: list[Path]) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


@cache
def model_graph() -> Graph:
    """The whole model (ontology, vocabularies, gazetteers) as one graph, parsed once per process.

    Callers must treat it as read-only: it is shared.
    """
    return parse_files(model_files())


@cache
def shapes_graph() -> Graph:
    """The SHACL shapes every document graph must pass, parsed once per process."""
    return parse_files([ontology_dir() / SHAPES_FILE])
