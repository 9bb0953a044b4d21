"""pactgraph: documents about security cooperation → a validated RDF knowledge graph."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pactgraph")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
