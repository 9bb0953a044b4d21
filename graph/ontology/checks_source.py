"""The parsed Turtle files a check reads, and where in them each term is written.

Curators fix problems in a text editor, so every problem the checks report
carries the file and line of the term it is about, not just the term's IRI.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Node

from graph.namespaces import PREFIXES

_PREFIX_LINE = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)
# Characters a prefixed name must escape with a backslash: 'agency:USA\/dea', say.
_PN_LOCAL_RESERVED = re.compile(r"[~!$&'()*+,;=/?#@%]")
_SHORT_NAMES = {
    **{prefix: str(ns) for prefix, ns in PREFIXES.items()},
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "sh": str(SH),
}


def _shorten(text: str, names: dict[str, str]) -> str | None:
    best = max(
        (item for item in names.items() if text.startswith(item[1]) and len(text) > len(item[1])),
        key=lambda item: len(item[1]),
        default=None,
    )
    return f"{best[0]}:{text[len(best[1]) :]}" if best else None


def short_name(node: Node, names: dict[str, str] | None = None) -> str:
    """A short, readable name for a node in a message: 'pg:Agency', 'id:crime/fraud'.

    The project's own prefixes come first, so one term reads the same in
    every message; ``names`` (a file's own prefixes) only fill the gaps.
    """
    if isinstance(node, BNode):
        return "a blank node"
    text = str(node)
    return _shorten(text, _SHORT_NAMES) or _shorten(text, names or {}) or f"<{text}>"


@dataclass(frozen=True)
class Problem:
    """One thing a curator has to fix: what is wrong, and where."""

    message: str
    file: str | None = None
    line: int | None = None
    term: str | None = None

    @property
    def where(self) -> str:
        """'file:line', 'file' or '' — the prefix of the problem's line in the report."""
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file or ""

    def to_dict(self) -> dict[str, str | int | None]:
        return asdict(self)


@dataclass
class Source:
    """One parsed Turtle file with its text, kept to point at lines."""

    path: Path
    graph: Graph
    text: str

    @property
    def name(self) -> str:
        return self.path.name

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @cached_property
    def prefixes(self) -> dict[str, str]:
        """The prefixes the file itself declares (not rdflib's defaults)."""
        found = (_PREFIX_LINE.match(line) for line in self.lines)
        return {m.group(1): m.group(2) for m in found if m}

    def mentions(self, node: Node, role: Literal["subject", "any"] = "any") -> bool:
        g = self.graph
        if (node, None, None) in g:
            return True
        return role == "any" and ((None, node, None) in g or (None, None, node) in g)

    def line_of(self, iri: URIRef, prefer_subject: bool = True) -> int | None:
        """The first line that starts with the IRI (its description), else the first using it."""
        patterns = [re.compile(re.escape(f"<{iri}>"))]
        for prefix, namespace in self.prefixes.items():
            local = str(iri)[len(namespace) :]
            if str(iri).startswith(namespace) and local:
                for spelling in {local, _PN_LOCAL_RESERVED.sub(r"\\\g<0>", local)}:
                    name = re.escape(f"{prefix}:{spelling}")
                    patterns.append(re.compile(rf"(?<![\w:.-]){name}(?![\w:-])"))
        first_use = None
        for number, line in enumerate(self.lines, 1):
            if line.lstrip().startswith("#"):
                continue
            for pattern in patterns:
                hit = pattern.search(line)
                if hit is None:
                    continue
                if not prefer_subject or not line[: hit.start()].strip():
                    return number
                first_use = first_use or number
        return first_use


@dataclass
class Sources:
    """The model files and the shapes file of one ontology folder, all parsed."""

    directory: Path
    model: list[Source]
    shapes: Source | None

    @cached_property
    def union(self) -> Graph:
        """Every triple of the model files (not the shapes): what the checks reason over."""
        graph = Graph()
        for source in self.model:
            graph += source.graph
        for prefix, namespace in _SHORT_NAMES.items():
            graph.bind(prefix, namespace, override=True)
        return graph

    @property
    def everything(self) -> list[Source]:
        return [*self.model, *([self.shapes] if self.shapes else [])]

    @cached_property
    def names(self) -> dict[str, str]:
        """Prefixes the files declare beyond the project's (pgs: of the shapes, say)."""
        names: dict[str, str] = {}
        for source in self.everything:
            for prefix, namespace in source.prefixes.items():
                if prefix and prefix not in _SHORT_NAMES:
                    names.setdefault(prefix, namespace)
        return names

    def curie(self, node: Node) -> str:
        return short_name(node, self.names)

    def locate(
        self, node: Node, sources: list[Source] | None = None, *, prefer_subject: bool = True
    ) -> tuple[str | None, int | None]:
        """The file and line where a curator should look for ``node``."""
        candidates = sources if sources is not None else self.everything
        role: Literal["subject", "any"] = "subject" if prefer_subject else "any"
        holders = [s for s in candidates if s.mentions(node, role)] or [
            s for s in candidates if s.mentions(node)
        ]
        if not holders:
            return None, None
        line = holders[0].line_of(node, prefer_subject) if isinstance(node, URIRef) else None
        return holders[0].name, line

    def problem(
        self,
        message: str,
        node: Node,
        sources: list[Source] | None = None,
        *,
        prefer_subject: bool = True,
    ) -> Problem:
        """A problem about ``node``, pointing at the file and line that describe (or use) it."""
        file, line = self.locate(node, sources, prefer_subject=prefer_subject)
        term = str(node) if isinstance(node, URIRef) else None
        return Problem(message=message, file=file, line=line, term=term)
