"""Hostile documents: each is loaded correctly or refused with the file's name and the reason.

Never a traceback, never a partial graph, never unbounded memory or time.
The cases go through the same functions `pactgraph load` and uploads use
(``read_source``/``read_bytes`` → ``process_source`` → ``load_paths``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from fpdf import FPDF

import graph.pipeline
from graph.documents.bounds import MAX_TABLE_CELLS
from graph.documents.intake import DEFAULT_MAX_BYTES, DocumentError, read_bytes, read_source
from graph.pipeline import load_paths, process_upload
from graph.store import EmbeddedStore

from .support import pact

TEXT = "Mexico and Guatemala Sign a Pact\n\nThey agreed to fight drug trafficking together.\n"


def refusal(data: bytes, name: str) -> str:
    """The message a document is refused with (the test fails if it is accepted)."""
    with pytest.raises(DocumentError) as refused:
        process_upload(data, name)
    return str(refused.value)


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "empty.txt", "the file is empty (0 bytes)"),
        (b"  \n\t\r\n  \n", "blank.md", "the file holds only whitespace"),
        (bytes(range(256)) * 8, "random.txt", "binary content: NUL byte at byte 0"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "photo.txt", "binary content: the file is a PNG"),
        (b"Mexico agreed\n\xc3\x28 to fight", "broken.txt", "not valid UTF-8 at byte 14 (line 2)"),
        (b"Mexico agreed to fight drug trafficking", "fake.pdf", "not a PDF: no '%PDF-' header"),
    ],
)
def test_unreadable_documents_are_refused_with_name_and_reason(data, name, reason) -> None:
    """Holds: intake refuses what it cannot read, naming the file and the reason."""
    message = refusal(data, name)
    assert message.startswith(f"{name}: ")
    assert reason in message


@pytest.mark.parametrize(
    ("codec", "bom"),
    [
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_utf16_with_or_without_bom_reads_as_the_same_text(codec: str, bom: bytes) -> None:
    """Holds: UTF-16 is recognised by its byte-order mark, or by its NUL bytes without one."""
    source = read_bytes(bom + TEXT.encode(codec), "wide.txt")
    assert source.text == TEXT
    assert source.key == "wide"


def test_invalid_utf16_is_refused_with_its_position() -> None:
    """Holds: a decoding error in UTF-16 names the byte and the line."""
    data = TEXT.encode("utf-16-le") + "\udc00".encode("utf-16-le", "surrogatepass")
    message = refusal(data, "wide.txt")
    assert message.startswith("wide.txt: not valid BOM-less little-endian UTF-16 at byte 164")
    assert "(line 4)" in message


def test_an_encrypted_pdf_is_refused_as_encrypted() -> None:
    """Holds: the PDF reader names encryption instead of failing inside a parser."""
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(0, 10, "Mexico and Guatemala agreed to fight drug trafficking.")
    message = refusal(bytes(pdf.output()), "locked.pdf")
    assert message.startswith("locked.pdf: the PDF cannot be parsed")
    assert "encrypted" in message


def test_fifty_megabytes_are_refused_before_they_are_read(tmp_path: Path, monkeypatch) -> None:
    """Holds: the size is checked from the file's metadata, so memory stays bounded."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as sparse:
        sparse.truncate(50 * 1024 * 1024)

    def never(self: Path) -> bytes:
        raise AssertionError(f"{self.name} was read although it is over the limit")

    monkeypatch.setattr(Path, "read_bytes", never)
    with pytest.raises(DocumentError) as refused:
        read_source(path)
    assert str(refused.value) == (
        f"huge.txt: 52,428,800 bytes is over the limit of {DEFAULT_MAX_BYTES:,} bytes"
    )


def _table(rows: int, columns: int) -> bytes:
    header = "| " + " | ".join(f"Column {c}" for c in range(columns)) + " |\n"
    rule = "|" + "---|" * columns + "\n"
    body = "".join(
        "| " + " | ".join(f"joint patrol {r}.{c}" for c in range(columns)) + " |\n"
        for r in range(rows)
    )
    return pact(1) + b"\nActions\n\n" + (header + rule + body).encode()


def test_a_ten_thousand_row_table_is_refused_before_extraction(monkeypatch) -> None:
    """Holds: the table-cell budget (graph.documents.bounds) stops it before the extractor."""

    def never(document: object) -> None:
        raise AssertionError("the extractor ran on a table over the budget")

    monkeypatch.setattr(graph.pipeline, "extract", never)
    started = time.perf_counter()
    message = refusal(_table(10_000, 3), "dump.md")
    print(f"\n10,000-row table refused in {time.perf_counter() - started:.2f} s")
    assert message.startswith("dump.md: its tables hold 30,003 cells")
    assert "at line 7, has 10,000 rows of up to 3 columns" in message
    assert f"at most {MAX_TABLE_CELLS:,} table cells" in message


def test_a_two_hundred_column_table_is_read() -> None:
    """Holds: the budget leaves room for wide tables; extraction stays linear in cells."""
    started = time.perf_counter()
    processed = process_upload(_table(2, 200), "wide.md")
    print(f"\n200-column table processed in {time.perf_counter() - started:.2f} s")
    assert processed.report.conforms
    assert processed.triples > 0


RAGGED = (
    b"| Action | Lead | When |\n|---|---|---|\n| Joint patrols |\n"
    b"| Shared intelligence | DEA | monthly | extra | cells |\n|||\n| \\| escaped | pipe |\n"
)
NESTED = b"".join(
    b"  " * (i % 12) + f"- point {i} on drug trafficking\n".encode() for i in range(300)
)


@pytest.mark.parametrize(
    ("tail", "name"), [(RAGGED, "ragged.md"), (NESTED, "nested.md")], ids=["ragged", "nested"]
)
def test_ragged_tables_and_nested_lists_are_read(tail: bytes, name: str) -> None:
    """Holds: the structure parser takes any line shape without an exception."""
    processed = process_upload(pact(2) + b"\n" + tail, name)
    assert processed.report.conforms


def test_html_scripts_entities_and_references_stay_inert(tmp_path: Path, recorder) -> None:
    """Holds: HTML is parsed without network or entity loading; scripts are dropped."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7731")
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>'
        "<html><head><script>var stolen = 'SCRIPTED';</script>"
        f'<link rel="stylesheet" href="{recorder.url}/style.css"></head><body>'
        "<h1>Mexico &amp; Guatemala Sign a Pact</h1>"
        f'<p>They agreed &leak; to fight drug trafficking &eacute;.<img src="{recorder.url}/x.png">'
        f'<iframe src="{recorder.url}/frame"></iframe></p></body></html>'
    ).encode()
    source = read_bytes(page, "page.html")
    assert "Mexico & Guatemala Sign a Pact" in source.text
    assert "trafficking é." in source.text
    assert "TOP-SECRET" not in source.text
    assert "SCRIPTED" not in source.text
    assert recorder.connections == []


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd.txt", "C:\\Users\\x\\pact.txt", "名前 (1).txt", "<b>x</b>.md", "a\nb.txt"],
)
def test_odd_file_names_give_safe_keys(name: str) -> None:
    """Holds: a file name only ever becomes a slug key; no directory part survives."""
    processed = process_upload(pact(3), name)
    assert processed.key
    assert all((c.isalnum() and c.isascii()) or c in "-._" for c in processed.key)
    assert str(processed.iri).startswith("https://w3id.org/pactgraph/id/document/")
    assert ".." not in processed.key


def test_a_folder_of_hostile_files_loads_exactly_the_good_ones(tmp_path: Path) -> None:
    """Holds: each document is stored whole or refused whole; a refusal stores nothing."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_bytes(pact(4))
    (folder / "wide.txt").write_bytes(b"\xff\xfe" + pact(5).decode().encode("utf-16-le"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(os.urandom(2048) + b"\x00")
    (folder / "fake.pdf").write_bytes(b"not a pdf at all")
    (folder / "dump.md").write_bytes(_table(7_000, 3))
    store = EmbeddedStore(None)
    outcomes = {o.name: o for o in load_paths(store, [folder], workers=1)}
    assert {n for n, o in outcomes.items() if o.status == "loaded"} == {"good.txt", "wide.txt"}
    for name in ("empty.txt", "binary.txt", "fake.pdf", "dump.md"):
        assert outcomes[name].status == "refused"
        assert outcomes[name].message.startswith(f"{name}: ")
    documents = {str(g).rsplit("/", 1)[-1] for g in store.graph_names() if "/document/" in str(g)}
    assert documents == {"good", "wide"}
