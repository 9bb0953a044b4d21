"""Bringing a file in: what it is, whether it can be read, and the text to parse.

Every document, from the command line or an upload, passes through
:func:`read_bytes`. It decides the media type (content first, then the
extension), refuses what cannot be read with a :class:`DocumentError` that
names the file, what is wrong and where, and returns a :class:`SourceText`:
plain text and Markdown exactly as written (only a leading byte-order mark is
removed, so offsets stay true to the file), HTML and PDF converted into the
same plain-text genre.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from graph.documents.html import html_to_text
from graph.documents.pdf import PdfUnreadable, pdf_to_text
from graph.namespaces import slug

PLAIN = "text/plain"
MARKDOWN = "text/markdown"
HTML = "text/html"
PDF = "application/pdf"
MEDIA_TYPES = {
    ".txt": PLAIN,
    ".text": PLAIN,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".pdf": PDF,
}
DEFAULT_MAX_BYTES = 5_000_000
UTF8_BOM = b"\xef\xbb\xbf"
PDF_MAGIC = b"%PDF-"
PDF_MAGIC_WINDOW = 1024  # the PDF header may follow a little junk, as readers accept
HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)
BINARY_FORMATS = (  # magic bytes of formats people try instead of text, for a useful message
    (b"PK\x03\x04", "a ZIP archive (such as .docx, .xlsx or .odt)"),
    (b"\xd0\xcf\x11\xe0", "a legacy Microsoft Office file (such as .doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
)
UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
UTF16_SAMPLE = 4096  # bytes looked at to recognise UTF-16 without a byte-order mark
UTF16_NUL_SHARE = 0.6  # of the high (or low) bytes that are NUL in UTF-16 of Latin text
CONTROL_RATIO_LIMIT = 0.05  # more control characters than this share means binary content
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Cc but tab, newlines, form feed
SAVE_AS = "save it as .txt, .md, .html or .pdf"


class DocumentError(ValueError):
    """A file pactgraph refuses to read; the message says which file, what and where."""


@dataclass(frozen=True)
class SourceText:
    """A file's identity and the text the structure parser reads."""

    name: str
    media_type: str
    sha256: str
    text: str
    raw_size: int

    @property
    def key(self) -> str:
        return document_key(self.name)


def document_key(name: str) -> str:
    """The stable key of a document: the slug of its file name without the extension."""
    return slug(PurePosixPath(_base_name(name)).stem)


def read_source(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read a file from disk; the size is checked before the bytes are read.

    A missing or unreadable file raises the usual ``OSError``, not a DocumentError.
    """
    size = path.stat().st_size
    _check_size(size, path.name, max_bytes)
    return read_bytes(path.read_bytes(), path.name, max_bytes=max_bytes)


def read_bytes(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read an upload (or a file's bytes) named ``name``; raises :class:`DocumentError`.

    A PDF header or an HTML start (``<!doctype html``, ``<html``) decides the
    media type whatever the extension says; otherwise the extension does, and
    a file with an unknown extension is read as plain text if it is text.
    """
    name = _base_name(name) or "upload"
    _check_size(len(data), name, max_bytes)
    if not data:
        raise DocumentError(f"{name}: the file is empty (0 bytes)")
    if _is_pdf(data, name):
        media_type, text = PDF, _pdf_text(data, name)
    else:
        text = _text(data, name)
        media_type = HTML if HTML_START.match(text[:4096]) else _extension_type(name)
        if media_type == HTML:
            text = _html_text(text, name)
    digest = hashlib.sha256(data).hexdigest()
    return SourceText(
        name=name, media_type=media_type, sha256=digest, text=text, raw_size=len(data)
    )


def _base_name(name: str) -> str:
    """The last part of an uploaded path: some browsers send a Windows path such as C:\\x.txt."""
    return name.replace("\\", "/").rsplit("/", 1)[-1].strip()


def _check_size(size: int, name: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise DocumentError(f"{name}: {size:,} bytes is over the limit of {max_bytes:,} bytes")


def _extension(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


def _extension_type(name: str) -> str:
    return MEDIA_TYPES.get(_extension(name), PLAIN)


def _is_pdf(data: bytes, name: str) -> bool:
    """A PDF by its header; a '.pdf' file without one is refused rather than read as text."""
    if PDF_MAGIC in data[:PDF_MAGIC_WINDOW]:
        return True
    if _extension(name) == ".pdf":
        raise DocumentError(
            f"{name}: not a PDF: no '%PDF-' header in the first {PDF_MAGIC_WINDOW} bytes"
        )
    return False


def _text(data: bytes, name: str) -> str:
    """The decoded text; for an unknown extension the refusal says the file is not text."""
    for magic, what in BINARY_FORMATS:
        if data.startswith(magic):
            raise DocumentError(f"{name}: binary content: the file is {what}; {SAVE_AS}")
    try:
        return _decoded(data, name)
    except DocumentError as error:
        extension = _extension(name)
        if extension in MEDIA_TYPES:
            raise
        problem = str(error).removeprefix(f"{name}: ")
        kind = f"'{extension}'" if extension else "(no extension)"
        raise DocumentError(
            f"{name}: unknown file type {kind} and the content is not text: {problem}"
        ) from None


def _decoded(data: bytes, name: str) -> str:
    """The text without its byte-order mark, refused when it is binary, undecodable or blank.

    UTF-8 is the default; UTF-16 is recognised by its byte-order mark or, without
    one, by the NUL half of every character that mostly-Latin text leaves in it.
    """
    encoding, skip, how = _encoding(data)
    if encoding == "utf-8":
        nul = data.find(b"\x00")
        if nul >= 0:
            raise DocumentError(
                f"{name}: binary content: NUL byte at byte {nul} (line {_line_of(data, nul)})"
            )
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        offset = skip + error.start
        what = "UTF-8" if encoding == "utf-8" else f"{how} UTF-16"
        raise DocumentError(
            f"{name}: not valid {what} at byte {offset} (line {_line_of(data, offset)}): "
            f"0x{data[offset]:02x}; save the file as UTF-8"
        ) from None
    _refuse_control_characters(text, data, (encoding, skip), name)
    if not text.strip():
        raise DocumentError(f"{name}: the file holds only whitespace ({len(data)} bytes)")
    return text


def _encoding(data: bytes) -> tuple[str, int, str]:
    """(Python codec, bytes of byte-order mark to skip, how it was recognised)."""
    if data.startswith(UTF8_BOM):
        return "utf-8", len(UTF8_BOM), "byte-order mark"
    for bom, codec in UTF16_BOMS.items():
        if data.startswith(bom):
            return codec, len(bom), "byte-order-marked"
    sample = data[: min(len(data), UTF16_SAMPLE) // 2 * 2]
    if len(sample) >= 4:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        if odd >= UTF16_NUL_SHARE * half and even < CONTROL_RATIO_LIMIT * half:
            return "utf-16-le", 0, "BOM-less little-endian"
        if even >= UTF16_NUL_SHARE * half and odd < CONTROL_RATIO_LIMIT * half:
            return "utf-16-be", 0, "BOM-less big-endian"
    return "utf-8", 0, ""


def _refuse_control_characters(
    text: str, data: bytes, encoding: tuple[str, int], name: str
) -> None:
    """Text with many control characters (other than tabs, newlines, form feeds) is binary."""
    count = len(CONTROL.findall(text))
    first = CONTROL.search(text)
    if first and count > CONTROL_RATIO_LIMIT * len(text):
        codec, skip = encoding
        offset = skip + len(text[: first.start()].encode(codec))
        raise DocumentError(
            f"{name}: binary content: {count} of {len(text)} characters "
            f"({count / len(text):.0%}) are control characters, the first at byte {offset} "
            f"(line {_line_of(data, offset)})"
        )


def _line_of(data: bytes, offset: int) -> int:
    """The 1-based line number of a 0-based byte offset."""
    return data.count(b"\n", 0, offset) + 1


def _html_text(html: str, name: str) -> str:
    text = html_to_text(html)
    if not text.strip():
        raise DocumentError(
            f"{name}: the HTML page yields no text (no headings, paragraphs, lists or "
            "tables outside navigation, scripts and styles)"
        )
    return text


def _pdf_text(data: bytes, name: str) -> str:
    try:
        text = pdf_to_text(data)
    except PdfUnreadable as error:
        raise DocumentError(f"{name}: the PDF cannot be parsed ({error})") from error
    if not text.strip():
        raise DocumentError(
            f"{name}: the PDF has no extractable text; scanned PDFs need OCR, "
            "which pactgraph does not do"
        )
    return text
