"""Bringing files in: media types, byte-exact text, and refusals that say what and where."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.documents.intake import (
    DocumentError,
    SourceText,
    document_key,
    read_bytes,
    read_source,
)
from graph.documents.model import BlockKind
from graph.documents.text import parse_source

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PAGE = (
    b"<!DOCTYPE html><html><head><title>Compact</title><script>SCRIPTTEXT</script></head>"
    b"<body><nav>NAVTEXT</nav><h1>Frontier Compact</h1><p>Both governments signed it.</p>"
    b"<ul><li>No arrests abroad.</li></ul></body></html>"
)


def _pdf(text: str | None) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    if text is None:
        pdf.rect(10, 10, 50, 50)  # a drawing, as a scan is, with no text in it
    else:
        pdf.set_font("Helvetica", "", 12)
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent; corpus test skipped")
def test_corpus_text_is_read_byte_exact() -> None:
    path = next(iter(sorted(CORPUS.glob("*.txt"))))
    source = read_source(path)
    data = path.read_bytes()
    assert source.text == data.decode("utf-8")
    assert source.name == path.name
    assert source.media_type == "text/plain"
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.raw_size == len(data)
    assert source.key == document_key(path.name)


def test_leading_bom_is_removed_and_everything_else_kept() -> None:
    data = "\ufeffTitle\r\n\r\n  Body\twith\u00a0 spaces \r\n".encode()
    source = read_bytes(data, "notes.md")
    assert source.text == "Title\r\n\r\n  Body\twith\u00a0 spaces \r\n"
    assert source.media_type == "text/markdown"
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.raw_size == len(data)


def test_a_bom_later_in_the_text_is_kept() -> None:
    assert read_bytes("a\ufeffb".encode(), "x.txt").text == "a\ufeffb"


def test_sha256_is_over_the_raw_bytes_of_converted_files() -> None:
    source = read_bytes(PAGE, "page.html")
    assert source.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert source.raw_size == len(PAGE)


def test_html_is_converted_and_sniffed_whatever_the_extension(tmp_path: Path) -> None:
    for name in ("page.html", "page.htm", "saved.txt", "download"):
        source = read_bytes(PAGE, name)
        assert source.media_type == "text/html"
        assert (
            source.text
            == "Frontier Compact\n\nBoth governments signed it.\n\n- No arrests abroad.\n"
        )
    path = tmp_path / "page.html"
    path.write_bytes(PAGE)
    assert read_source(path).text.startswith("Frontier Compact\n")


def test_pdf_is_converted_and_sniffed_by_its_header(tmp_path: Path) -> None:
    data = _pdf("Joint patrols will begin in March.")
    for name in ("report.pdf", "report.bin", "report"):
        source = read_bytes(data, name)
        assert source.media_type == "application/pdf"
        assert source.text == "Joint patrols will begin in March.\n"
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    assert read_source(path).sha256 == hashlib.sha256(data).hexdigest()


def test_unknown_extension_that_is_text_is_plain_text() -> None:
    source = read_bytes(b"Plain words.\n", "notes.log")
    assert (source.media_type, source.text) == ("text/plain", "Plain words.\n")


def test_upload_names_lose_their_directories() -> None:
    assert read_bytes(b"x", "C:\\fakepath\\notes.txt").name == "notes.txt"
    assert read_bytes(b"x", "../../etc/notes.txt").name == "notes.txt"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("dev_01_brazil_paraguay.txt", "dev-01-brazil-paraguay"),
        ("Polícia Federal Report.PDF", "policia-federal-report"),
        ("uploads/US–Mexico (2024).html", "us-mexico-2024"),
        ("archive.tar.gz", "archive-tar"),
    ],
)
def test_document_key_is_the_slug_of_the_stem(name: str, key: str) -> None:
    assert document_key(name) == key


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.txt", "empty.txt: the file is empty (0 bytes)"),
        (b" \n\t\r\n \xc2\xa0", "blank.md", "blank.md: the file holds only whitespace (8 bytes)"),
        (b"\xef\xbb\xbf\n", "bom.txt", "bom.txt: the file holds only whitespace (4 bytes)"),
        (b"abc\x00def", "x.txt", "x.txt: binary content: NUL byte at byte 3 (line 1)"),
        (
            b"ok\n\x01\x02\x03\x04ab",
            "ctl.txt",
            "ctl.txt: binary content: 4 of 9 characters (44%) are control characters, "
            "the first at byte 3 (line 2)",
        ),
        (b"\xff\xfeh\x00\x00\xdc", "wide.txt", "wide.txt: not valid byte-order-marked UTF-16"),
        (b"PK\x03\x04rest", "memo.docx", "memo.docx: binary content: the file is a ZIP archive"),
        (b"{\\rtf1 hello}", "memo.txt", "memo.txt: binary content: the file is an RTF document"),
        (b"hello", "fake.pdf", "fake.pdf: not a PDF: no '%PDF-' header in the first 1024 bytes"),
        (b"%PDF-1.7\ngarbage\n", "broken.pdf", "broken.pdf: the PDF cannot be parsed ("),
        (
            b"caf\xe9",
            "latin.bin",
            "latin.bin: unknown file type '.bin' and the content is not text: "
            "not valid UTF-8 at byte 3 (line 1): 0xe9",
        ),
        (
            b"\x80abc",
            "noext",
            "noext: unknown file type (no extension) and the content is not text: "
            "not valid UTF-8 at byte 0 (line 1): 0x80",
        ),
        (
            b"<html><head><title>T</title></head><body><nav>Menu</nav><script>x()</script>"
            b"</body></html>",
            "empty.html",
            "empty.html: the HTML page yields no text",
        ),
    ],
)
def test_refusals_name_the_file_and_say_what_is_wrong(data: bytes, name: str, message: str) -> None:
    with pytest.raises(DocumentError) as refused:
        read_bytes(data, name)
    assert str(refused.value).startswith(message)


def test_invalid_utf8_gives_byte_offset_and_line() -> None:
    lines = [f"line {n:02d} {'x' * 60}\n".encode() for n in range(1, 17)]
    prefix = b"".join(lines) + b"y" * (1234 - sum(len(line) for line in lines))
    assert len(prefix) == 1234
    with pytest.raises(DocumentError) as refused:
        read_bytes(prefix + b"\xff rest\n", "notes.txt")
    assert str(refused.value).startswith("notes.txt: not valid UTF-8 at byte 1234 (line 17): 0xff")


def test_offsets_count_the_bom() -> None:
    with pytest.raises(DocumentError, match=r"at byte 5 \(line 2\): 0xc3"):
        read_bytes(b"\xef\xbb\xbfa\n\xc3(", "bom.txt")


def test_a_pdf_without_text_needs_ocr() -> None:
    with pytest.raises(DocumentError) as refused:
        read_bytes(_pdf(None), "scan.pdf")
    message = str(refused.value)
    assert message.startswith("scan.pdf: the PDF has no extractable text")
    assert "scanned PDFs need OCR, which pactgraph does not do" in message


def test_size_limit_says_the_size_and_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 1001)
    with pytest.raises(DocumentError, match=r"^big\.txt: 1,001 bytes is over the limit of 1,000"):
        read_source(path, max_bytes=1000)
    with pytest.raises(DocumentError, match=r"^up\.txt: 6,000,000 bytes is over the limit of"):
        read_bytes(b"a" * 6_000_000, "up.txt")
    assert read_source(path, max_bytes=1001).raw_size == 1001


def test_document_error_is_a_value_error() -> None:
    assert issubclass(DocumentError, ValueError)


NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.pdf", "a.bin", "a", "a.docx"])
PREFIXES = st.sampled_from([b"", b"\xef\xbb\xbf", b"%PDF-1.4\n", b"<!doctype html>", b"<html>"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=PREFIXES, body=st.binary(max_size=400), name=NAMES)
def test_any_bytes_give_a_source_or_a_document_error(prefix: bytes, body: bytes, name: str) -> None:
    try:
        source = read_bytes(prefix + body, name)
    except DocumentError as refused:
        assert str(refused).startswith(name)
    else:
        assert isinstance(source, SourceText)
        assert isinstance(source.text, str)
        assert source.text.strip()


@settings(max_examples=150, deadline=None)
@given(text=st.text(min_size=1, max_size=300), name=st.sampled_from(["a.txt", "a.md", "a"]))
def test_any_readable_text_comes_back_unchanged(text: str, name: str) -> None:
    data = text.encode("utf-8")
    try:
        source = read_bytes(data, name)
    except DocumentError:
        return
    if source.media_type != "text/html":
        assert source.text == text.removeprefix("\ufeff")


def test_converted_html_parses_into_heading_list_and_table_blocks() -> None:
    """The conversion's genre is what the text parser reads: the blocks survive the round trip."""
    page = (
        b"<html><body><article><h1>Compact Signed</h1><p>Both governments signed it.</p>"
        b"<h2>Safeguards</h2><p>The safeguards are:</p><ul><li>No arrests abroad.</li>"
        b"<li>Consent before court use.</li></ul><table><tr><th>Action</th><th>Cycle</th></tr>"
        b"<tr><td>Joint patrols</td><td>Monthly</td></tr></table></article></body></html>"
    )
    source = read_bytes(page, "compact.html")
    document = parse_source(source)
    kinds = [block.kind for block in document.blocks]
    assert kinds == [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.BULLET_LIST,
        BlockKind.TABLE,
    ]
    assert document.title is not None and document.title.text == "Compact Signed"
    assert [item.text for item in document.blocks[4].items] == [
        "No arrests abroad.",
        "Consent before court use.",
    ]
    table = document.blocks[5]
    assert table.header is not None
    assert [cell.span.text for cell in table.header.cells] == ["Action", "Cycle"]
    assert [cell.span.text for cell in table.rows[0].cells] == ["Joint patrols", "Monthly"]
