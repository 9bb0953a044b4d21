"""How one API server is configured: which store, what it may do, how long a query may run.

The defaults are the safe ones: read-only, 30 s per query, no CORS. Writes
need ``allow_writes`` AND a token, checked in constant time on every write.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, Field, model_validator

TOKEN_ENV = "PACTGRAPH_TOKEN"


class Settings(BaseModel):
    """Settings of the web API (the `pactgraph serve` options)."""

    store: str | None = Field(
        None, description="embedded store directory, ':memory:' for none; default $PACTGRAPH_STORE"
    )
    endpoint: str | None = Field(None, description="SPARQL query URL of a remote store")
    update_endpoint: str | None = Field(None, description="SPARQL update URL of the remote store")
    store_endpoint: str | None = Field(None, description="Graph Store Protocol URL of the remote")
    allow_writes: bool = False
    token: str | None = Field(None, repr=False, description="bearer token required for every write")
    timeout: float = Field(30.0, gt=0, description="seconds a query may run before it is stopped")
    max_rows: int = Field(10_000, gt=0, description="most solutions or triples a query returns")
    query_workers: int = Field(4, gt=0, description="queries that may run at the same time")
    result_cache_mb: float = Field(
        64.0,
        ge=0,
        description="memory for the answers of repeated queries and for the responses to "
        "repeated reads, each, kept until the next write (embedded store only; 0 keeps none)",
    )
    memory_copy: bool = Field(
        True,
        description="answer queries from a copy of the embedded store held in memory, written "
        "after the disk on every write (some 350 MB per million triples)",
    )
    max_upload_bytes: int = Field(20_000_000, gt=0, description="largest request body accepted")
    body_timeout: float = Field(
        30.0, gt=0, description="seconds a request body may take to arrive in full"
    )
    document_timeout: float = Field(
        120.0, gt=0, description="seconds the extraction of one uploaded document may take"
    )
    upload_workers: int = Field(2, gt=0, description="uploads extracted at the same time")
    cors_origins: list[str] = Field(default_factory=list)
    queries_dir: Path | None = Field(None, description="folder of named .rq queries")
    load_model: bool = Field(
        True, description="put the current ontology and gazetteers into the store at start-up"
    )

    @model_validator(mode="after")
    def _writes_need_a_token(self) -> Settings:
        if self.allow_writes and not self.token:
            raise ValueError(
                f"writes need a bearer token: pass --token or set {TOKEN_ENV} with --allow-writes"
            )
        return self

    @classmethod
    def token_from_env(cls) -> str | None:
        """The write token from the environment (kept out of process listings)."""
        return os.environ.get(TOKEN_ENV) or None
