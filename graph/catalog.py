"""The catalog of named SPARQL queries: ``queries/*.rq`` with their headers, and safe binding.

Each query file opens with comment lines that describe it::

    # name: commitments-by-crime
    # description: Commitments whose agreement addresses a crime category ...
    # param: crime | iri | https://w3id.org/pactgraph/id/crime/organized-crime | The category
    # param: limit | integer | 100 | Maximum number of rows

A parameter is ``name | type | default | description``; the type is one of
``PARAMETER_TYPES``; an empty default makes it required, ``*`` makes it
optional with no value (the variable stays free, so it matches anything, and
``BOUND(?x)`` tells a filter whether it was given). Other header comments
are free text, but an unknown lower-case ``key:`` is an error (a typo).

Why VALUES rather than pasting text: a parameter appears in the body as the
variable ``?name``, and ``bind`` adds ``VALUES ?name { term }`` at the start
of the top-level WHERE block, the value written as an RDF term by rdflib
after validation for its type. User input therefore never becomes SPARQL
syntax. ``limit`` and ``offset`` are the exception: they change the query's
trailing LIMIT/OFFSET clause, which must be written in the file with its
default (so every file stays a runnable query). VALUES joins at the top
level: a parameter may appear in triple patterns anywhere, but a FILTER or
BIND that reads it belongs in the top-level group (a nested group is
evaluated before the join, a subquery never sees it). Binding keeps line
numbers: comments are blanked and VALUES go on the line of the brace, so a
line in an error message is a line of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from graph.namespaces import PREFIXES
from graph.ontology.files import queries_dir

PARAMETER_TYPES = ("iri", "string", "integer", "decimal", "date", "boolean")
#: Parameters that set solution modifiers instead of binding a variable.
MODIFIERS = ("limit", "offset")
#: Default meaning "optional, no value".
ANY = "*"

_HEADER_KEYS = ("name", "description", "param")
_HEADER_LINE = re.compile(r"#\s*([a-z]+)\s*:\s?(.*)$")
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*$")
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*$")
_PREFIXED = re.compile(r"([A-Za-z][A-Za-z0-9_-]*):([^\s<>\"{}|^`\\]*)$")
_BOOLEANS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}

# One SPARQL token at a time: enough to tell comments, strings and IRIs from
# the braces and keywords that binding needs to find.
_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
    |(?P<string>\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
        |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<brace>[{}])
    |(?P<word>[?$]?[A-Za-z0-9_][A-Za-z0-9_.-]*)
    |(?P<space>\s+)
    |(?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)


class CatalogError(ValueError):
    """A query file's header or body cannot be used; the message names the file and line."""


class ParameterError(ValueError):
    """A value given for a parameter is missing or not of the parameter's type."""


@dataclass(frozen=True)
class Parameter:
    """One declared parameter of a named query."""

    name: str
    type: str
    default: str | None
    description: str
    required: bool

    def term(self, value: str) -> str:
        """``value`` as a SPARQL term of this type (strings kept verbatim); else ParameterError."""
        try:
            return _TERM_WRITERS[self.type](value if self.type == "string" else value.strip())
        except (ValueError, InvalidOperation) as error:
            raise ParameterError(
                f"parameter {self.name!r} expects {_EXPECTED[self.type]}, got {value!r}"
            ) from error


@dataclass(frozen=True)
class NamedQuery:
    """A query of the catalog: its header and its text."""

    name: str
    description: str
    parameters: list[Parameter]
    text: str
    path: Path | None = None
    where_brace: int | None = field(default=None, repr=False, compare=False)

    def parameter(self, name: str) -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        raise ParameterError(
            f"{self.name}: unknown parameter {name!r}; "
            f"expected one of {[p.name for p in self.parameters] or 'none'}"
        )

    def bind(self, values: dict[str, str] | None = None) -> str:
        """The query text with ``values`` (and defaults) bound; ParameterError on a bad value."""
        given = {k: str(v) for k, v in (values or {}).items() if str(v).strip() != ""}
        for name in given:
            self.parameter(name)
        bindings: list[str] = []
        modifiers: dict[str, int] = {}
        for parameter in self.parameters:
            raw = given.get(parameter.name, parameter.default)
            if raw is None:
                if parameter.required:
                    raise ParameterError(
                        f"{self.name}: parameter {parameter.name!r} is required "
                        f"({_EXPECTED[parameter.type]}: {parameter.description})"
                    )
                continue
            term = parameter.term(raw)
            if parameter.name in MODIFIERS:
                modifiers[parameter.name] = int(term)
                if modifiers[parameter.name] < 0:
                    raise ParameterError(
                        f"parameter {parameter.name!r} expects a non-negative integer, got {raw!r}"
                    )
            else:
                bindings.append(f"VALUES ?{parameter.name} {{ {term} }}")
        text = _set_modifiers(_blank_comments(self.text), modifiers)
        if not bindings or self.where_brace is None:
            return text
        cut = self.where_brace + 1
        return f"{text[:cut]} {' '.join(bindings)}{text[cut:]}"


def _iri(value: str) -> str:
    match = _PREFIXED.match(value)
    if match and match.group(1) in PREFIXES:
        value = f"{PREFIXES[match.group(1)]}{match.group(2)}"
    if not _IRI.match(value) or any(ord(c) < 0x20 for c in value):
        raise ValueError(value)
    return URIRef(value).n3()


def _integer(value: str) -> str:
    return str(int(value))


def _decimal(value: str) -> str:
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(value)
    return Literal(str(number), datatype=XSD.decimal).n3()


def _date(value: str) -> str:
    return Literal(date.fromisoformat(value).isoformat(), datatype=XSD.date).n3()


def _boolean(value: str) -> str:
    if value.lower() not in _BOOLEANS:
        raise ValueError(value)
    return "true" if _BOOLEANS[value.lower()] else "false"


def _string(value: str) -> str:
    return Literal(value).n3()


_TERM_WRITERS = {
    "iri": _iri,
    "string": _string,
    "integer": _integer,
    "decimal": _decimal,
    "date": _date,
    "boolean": _boolean,
}
_EXPECTED = {
    "iri": "an absolute IRI without spaces, <, >, quotes or braces (or a prefixed name such as "
    + "id:nation/USA)",
    "string": "a string",
    "integer": "an integer such as 12",
    "decimal": "a decimal number such as 1.5",
    "date": "a date as YYYY-MM-DD",
    "boolean": "true or false",
}


def _tokens(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, text, start, depth) for every token; depth counts open braces before it."""
    found, depth = [], 0
    for match in _TOKEN.finditer(text):
        kind, value = match.lastgroup or "other", match.group()
        if value == "}" and kind == "brace":
            depth -= 1
        found.append((kind, value, match.start(), depth))
        if value == "{" and kind == "brace":
            depth += 1
    return found


@lru_cache(maxsize=256)
def _blank_comments(text: str) -> str:
    """Comments removed, newlines kept: the store parses less and reports the file's lines.
    Kept per text: every request of a named query binds the same text (a third of a light
    query's time in the server went to reading it again)."""
    pieces, last = [], 0
    for kind, value, start, _ in _tokens(text):
        if kind == "comment":
            pieces.append(text[last:start])
            last = start + len(value)
    return "".join(pieces) + text[last:]


def _keyword_at(tokens: list, index: int, keyword: str) -> bool:
    kind, value, _, depth = tokens[index]
    after_colon = index > 0 and tokens[index - 1][1] == ":"
    return kind == "word" and depth == 0 and value.upper() == keyword and not after_colon


def _where_brace(text: str) -> int | None:
    """Offset of the brace that opens the top-level WHERE block."""
    tokens = _tokens(text)
    start = next((i for i in range(len(tokens)) if _keyword_at(tokens, i, "WHERE")), 0)
    for kind, value, offset, depth in tokens[start:]:
        if kind == "brace" and value == "{" and depth == 0:
            return offset
    return None


@lru_cache(maxsize=256)
def _modifier_value(text: str, keyword: str) -> tuple[int, int] | None:
    """(start, end) of the integer after the last top-level ``keyword`` (LIMIT or OFFSET)."""
    tokens = [t for t in _tokens(text) if t[0] not in ("space", "comment")]
    for index in range(len(tokens) - 2, -1, -1):
        if _keyword_at(tokens, index, keyword) and tokens[index + 1][1].isdigit():
            start = tokens[index + 1][2]
            return start, start + len(tokens[index + 1][1])
    return None


def _set_modifiers(text: str, modifiers: dict[str, int]) -> str:
    for name, value in modifiers.items():
        span = _modifier_value(text, name.upper())
        if span is not None:
            text = f"{text[: span[0]]}{value}{text[span[1] :]}"
    return text


def _parse_parameter(spec: str, where: str) -> Parameter:
    parts = [part.strip() for part in spec.split("|")]
    if len(parts) != 4:
        raise CatalogError(f"{where}: a param line is 'name | type | default | description'")
    name, kind, default, description = parts
    if not _VARIABLE.match(name):
        raise CatalogError(f"{where}: parameter name {name!r} is not a SPARQL variable name")
    if kind not in PARAMETER_TYPES:
        raise CatalogError(
            f"{where}: parameter {name!r} has unknown type {kind!r}; use one of {PARAMETER_TYPES}"
        )
    if name in MODIFIERS and (kind != "integer" or default in ("", ANY)):
        raise CatalogError(f"{where}: {name!r} must be an integer with a default")
    parameter = Parameter(
        name, kind, None if default in ("", ANY) else default, description, default == ""
    )
    if parameter.default is not None:
        try:
            parameter.term(parameter.default)
        except ParameterError as error:
            raise CatalogError(f"{where}: default: {error}") from error
    if name in MODIFIERS and int(parameter.default or 0) < 0:
        raise CatalogError(f"{where}: {name!r} must not be negative")
    return parameter


def _read_header(lines: list[str], path: Path) -> tuple[dict[str, str], list[Parameter]]:
    fields: dict[str, str] = {}
    parameters: list[Parameter] = []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        match = _HEADER_LINE.match(stripped)
        if not match:
            continue
        key, value, where = match.group(1), match.group(2).strip(), f"{path}:{number}"
        if key not in _HEADER_KEYS:
            raise CatalogError(f"{where}: unknown header key {key!r}; use one of {_HEADER_KEYS}")
        if key == "param":
            parameter = _parse_parameter(value, where)
            if any(p.name == parameter.name for p in parameters):
                raise CatalogError(f"{where}: parameter {parameter.name!r} declared twice")
            parameters.append(parameter)
        elif key in fields:
            raise CatalogError(f"{where}: header {key!r} given twice")
        else:
            fields[key] = value
    return fields, parameters


def _check_body(query: NamedQuery, path: Path) -> None:
    """Every parameter must be used: a variable of the body, or the LIMIT/OFFSET it sets."""
    body = _blank_comments(query.text)
    for parameter in query.parameters:
        if parameter.name in MODIFIERS:
            if _modifier_value(body, parameter.name.upper()) is None:
                raise CatalogError(
                    f"{path}: parameter {parameter.name!r} needs a top-level "
                    f"{parameter.name.upper()} clause with its default in the query"
                )
        elif not re.search(rf"[?$]{parameter.name}\b", body):
            raise CatalogError(f"{path}: parameter {parameter.name!r} is not used in the query")


def parse_query(text: str, path: Path, *, require_name: bool = True) -> NamedQuery:
    """A NamedQuery from a file's text; CatalogError (with file and line) on a bad header."""
    fields, parameters = _read_header(text.splitlines(), path)
    name = fields.get("name")
    if name is None:
        if require_name:
            raise CatalogError(f"{path}:1: the header has no '# name:' line")
        name = path.stem
    if not _NAME.match(name):
        raise CatalogError(f"{path}:1: query name {name!r} must be lower-case words and hyphens")
    if require_name and name != path.stem:
        raise CatalogError(f"{path}:1: name {name!r} differs from the file name {path.stem!r}")
    where = _where_brace(_blank_comments(text))
    variables = [p for p in parameters if p.name not in MODIFIERS]
    if variables and where is None:
        raise CatalogError(f"{path}: parameters need a WHERE {{ ... }} block to bind into")
    query = NamedQuery(name, fields.get("description", ""), parameters, text, path, where)
    _check_body(query, path)
    return query


def load_query_file(path: Path, *, require_name: bool = True) -> NamedQuery:
    return parse_query(path.read_text(encoding="utf-8"), path, require_name=require_name)


def load_catalog(directory: Path | None = None) -> dict[str, NamedQuery]:
    """Every ``*.rq`` of ``directory`` (default: the shipped queries) by name, sorted."""
    folder = directory or queries_dir()
    queries = [load_query_file(path) for path in folder.glob("*.rq")]
    return {query.name: query for query in sorted(queries, key=lambda q: q.name)}
