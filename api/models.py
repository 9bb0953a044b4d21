"""The JSON shapes at the edges of the API (what OpenAPI promises clients)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    """Every error: a short code, a message that says what was wrong, and where when known."""

    error: str = Field(description="short machine-readable code, e.g. syntax-error, refused")
    message: str = Field(description="what was wrong, in words")
    line: int | None = Field(None, description="line of a SPARQL syntax error (1-based)")
    column: int | None = Field(None, description="column of a SPARQL syntax error (1-based)")
    detail: list[dict[str, Any]] | None = Field(
        None, description="per-field problems of an invalid request (422)"
    )
    report: dict[str, Any] | None = Field(
        None, description="the SHACL validation report of a refused document (422)"
    )


class Health(BaseModel):
    status: str = Field(description="'ok' when the store answers")
    store: str = Field(description="which store the API serves")
    writable: bool = Field(description="whether writes are enabled (with a token)")


class Version(BaseModel):
    name: str
    version: str
    ontology: str = Field(description="the ontology namespace")
    api: str = Field(description="version of this HTTP API")
