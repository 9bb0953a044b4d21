"""CLI command: query — run a named query of the catalog, or a .rq file, against the store."""

from __future__ import annotations

import json
import re
from contextlib import closing
from pathlib import Path
from typing import Annotated

import typer
from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseQuery
from rich.console import Console
from rich.table import Table

from cli.options import (
    AuthOption,
    EndpointOption,
    PasswordOption,
    StoreOption,
    UserOption,
    store_from_options,
)
from graph.catalog import CatalogError, NamedQuery, ParameterError, load_catalog, load_query_file
from graph.namespaces import PREFIXES
from graph.store import QuerySyntaxError, StoreError
from graph.store.media import CSV, JSON_LD, N_TRIPLES, SPARQL_JSON, TURTLE

console = Console(stderr=True, soft_wrap=True)
output = Console(soft_wrap=True)

#: What each --format asks the store for; graph results fall back to an RDF syntax.
_ACCEPT = {
    "table": f"{SPARQL_JSON}, {TURTLE}",
    "json": f"{SPARQL_JSON}, {JSON_LD}",
    "csv": f"{CSV}, {N_TRIPLES}",
}
_POSITION = re.compile(r"(?:error )?at (\d+):(\d+):?\s*")


def _fail(message: str, code: int = 2) -> typer.Exit:
    console.print(message, markup=False)
    return typer.Exit(code)


def _catalog_listing(catalog: dict[str, NamedQuery]) -> Table:
    table = Table(title="named queries")
    for column in ("name", "description", "parameters"):
        table.add_column(column, overflow="fold")
    for query in catalog.values():
        params = ", ".join(
            f"{p.name}:{p.type}" + ("" if p.required else f"={p.default or '*'}")
            for p in query.parameters
        )
        table.add_row(query.name, query.description, params)
    return table


def _resolve(target: str) -> NamedQuery:
    """A .rq file (by path) or a query of the catalog (by name); exits listing names otherwise."""
    try:
        if target.endswith(".rq") or Path(target).is_file():
            return load_query_file(Path(target), require_name=False)
        catalog = load_catalog()
    except (CatalogError, OSError) as error:
        raise _fail(f"error: {error}") from None
    if target not in catalog:
        names = "\n  ".join(catalog)
        raise _fail(f"error: no named query {target!r}; known names:\n  {names}")
    return catalog[target]


def _parameters(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(f"{pair!r}: write NAME=VALUE", param_hint="--param")
        values[name.strip()] = value
    return values


def _compact(term: dict[str, str]) -> str:
    """A result term as a reader wants it: prefixed IRIs, bare literal values."""
    value = term["value"]
    if term["type"] == "uri":
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
            if value.startswith(str(namespace)):
                return f"{prefix}:{value[len(str(namespace)) :]}"
    if term["type"] == "bnode":
        return f"_:{value}"
    return value


def _print_table(payload: bytes, title: str) -> None:
    results = json.loads(payload)
    if "boolean" in results:
        output.print("true" if results["boolean"] else "false")
        return
    variables = results["head"]["vars"]
    table = Table(title=title)
    for variable in variables:
        table.add_column(variable, overflow="fold")
    rows = results["results"]["bindings"]
    for row in rows:
        table.add_row(*(_compact(row[v]) if v in row else "" for v in variables))
    table.caption = f"{len(rows)} row(s)"
    output.print(table)


def _syntax_message(query: NamedQuery, error: QuerySyntaxError) -> str:
    """'file:line:column: ...' and the line with a caret, so people and editors find the spot.

    The store's parser reports where it gave up, often the end of the text; rdflib's
    parser, run on the file as written, points at the construct that failed.
    """
    source = str(query.path) if query.path else query.name
    said = _POSITION.sub("", str(error), count=1)
    try:
        parseQuery(query.text)
    except ParseBaseException as located:
        line = query.text.splitlines()[located.lineno - 1] if query.text else ""
        caret = " " * (located.col - 1) + "^"
        return f"{source}:{located.lineno}:{located.col}: syntax error ({said})\n{line}\n{caret}"
    return f"{source}: syntax error: {said}"


def query_command(
    target: Annotated[
        str | None,
        typer.Argument(help="A named query (see the list without arguments) or a .rq file."),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="NAME=VALUE for a parameter of the query (repeat)."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table (default), json or csv.")
    ] = "table",
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    auth: AuthOption = "basic",
) -> None:
    """Run a named query (or a SPARQL file) and print its results; without one, list the catalog."""
    if fmt not in _ACCEPT:
        raise typer.BadParameter(f"use one of {', '.join(_ACCEPT)}", param_hint="--format")
    if target is None:
        output.print(_catalog_listing(load_catalog()))
        return
    query = _resolve(target)
    try:
        text = query.bind(_parameters(param or []))
    except ParameterError as error:
        raise _fail(f"error: {error}") from None
    try:
        with closing(
            store_from_options(store, endpoint, None, None, user, password, auth)
        ) as source:
            result = source.query(text, media_type=_ACCEPT[fmt])
    except QuerySyntaxError as error:
        raise _fail(_syntax_message(query, error)) from None
    except StoreError as error:
        raise _fail(f"error: {error}", 1) from None
    if fmt == "table" and result.kind != "graph":
        _print_table(result.payload, query.name)
    else:
        typer.echo(result.payload.decode("utf-8"), nl=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("query")(query_command)
