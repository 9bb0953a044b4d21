"""HermiT, through owlready2, over the OWL reading of the model.

A disjointness axiom added to the core ontology can make a class empty
(unsatisfiable) or, with the gazetteers' individuals loaded, the whole model
inconsistent; neither shows up in SPARQL or SHACL. HermiT finds both.
owlready2 reads N-Triples, not Turtle, so the model is converted first.
Each run uses a fresh owlready2 World so runs never leak into each other.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from owlready2 import (
    OwlReadyError,
    OwlReadyInconsistentOntologyError,
    World,
    sync_reasoner,
)
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from graph.namespaces import PG

SCHEMA_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
}


@dataclass(frozen=True)
class Reasoning:
    """What HermiT concluded about one graph."""

    consistent: bool
    unsatisfiable: tuple[str, ...] = ()
    error: str | None = None
    seconds: float = 0.0


def _owl_reading(graph: Graph) -> Graph:
    """The graph without owl:imports: owlready2 would try to download each import."""
    copy = Graph()
    for triple in graph:
        if triple[1] != OWL.imports:
            copy.add(triple)
    return copy


def _first_lines(text: str, count: int = 3) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return " | ".join(lines[:count])


def reason(graph: Graph) -> Reasoning:
    """Classify ``graph`` with HermiT: is it consistent, and which classes are empty?

    Values of datatypes outside OWL 2's datatype map (xsd:date on a
    dcterms:date, say) are legal RDF in this project, so HermiT is told to
    ignore them rather than stop.
    """
    started = time.perf_counter()
    world = World()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.nt"
        _owl_reading(graph).serialize(path, format="nt", encoding="utf-8")
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                world.get_ontology(path.as_uri()).load()
                sync_reasoner(
                    world,
                    infer_property_values=False,
                    debug=0,
                    ignore_unsupported_datatypes=True,
                )
            empty = {c.iri for c in world.inconsistent_classes()} - {str(OWL.Nothing)}
            unsatisfiable = tuple(sorted(empty))
            outcome = Reasoning(consistent=True, unsatisfiable=unsatisfiable)
        except OwlReadyInconsistentOntologyError:
            outcome = Reasoning(consistent=False)
        except OwlReadyError as error:
            outcome = Reasoning(consistent=True, error=_first_lines(str(error)))
        finally:
            world.close()
    return Reasoning(
        outcome.consistent, outcome.unsatisfiable, outcome.error, time.perf_counter() - started
    )


def declares_schema(graph: Graph) -> bool:
    """True for files that declare pg: classes or properties (the core ontology)."""
    return any(
        str(subject).startswith(str(PG))
        for kind in SCHEMA_TYPES
        for subject in graph.subjects(RDF.type, kind)
    )


def blame(files: dict[str, Graph]) -> list[str]:
    """The files that make the model inconsistent, each tried alone with the schema.

    Called only once the whole model is known to be inconsistent: one HermiT
    run per non-schema file tells the curator where to look. Returns the
    schema files when they are inconsistent by themselves, and an empty list
    when only a combination of files is.
    """
    schema_names = [name for name, graph in files.items() if declares_schema(graph)]
    schema = Graph()
    for name in schema_names:
        schema += files[name]
    if not reason(schema).consistent:
        return schema_names
    guilty = []
    for name, graph in files.items():
        if name in schema_names:
            continue
        if not reason(schema + graph).consistent:
            guilty.append(name)
    return guilty
