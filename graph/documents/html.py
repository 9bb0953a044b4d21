"""HTML pages into the plain-text genre the structure parser reads.

A page becomes what a corpus document looks like: the title as the first line,
headings as their own lines, paragraphs, ``- `` bullets one per line and GitHub
pipe tables. Offsets of evidence from an HTML page then refer to this text.

Main content is found by trafilatura; when it finds nothing, or only flattens
the page into one blob (its baseline does that on pages without an article
container), a walk of ``<body>`` that drops navigation, scripts and styles is
used instead. Nothing is ever fetched: the page is parsed here with lxml's
``no_network`` HTML parser (which loads no DTD) and trafilatura gets that tree.

The writer at the end (:class:`Piece`, :func:`render`) is shared with the PDF
reader, so both produce the same genre.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from graph.documents.model import BlockKind

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "head"})
LIST_TAGS = frozenset({"ul", "ol", "list", "menu"})
ITEM_TAGS = frozenset({"li", "item"})
ROW_TAGS = frozenset({"tr", "row"})
CELL_TAGS = frozenset({"td", "th", "cell"})
INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "hi",
     "i", "ins", "kbd", "label", "mark", "q", "ref", "s", "samp", "small", "span", "strike",
     "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "nobr"}
)  # fmt: skip
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
     "iframe", "svg", "canvas", "select", "textarea", "dialog", "object", "embed", "map",
     "title", "meta", "link", "img", "picture", "video", "audio", "graphic", "input"}
)  # fmt: skip
SKIP_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
     "dialog", "alertdialog"}
)  # fmt: skip
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
GRAM = 3  # passages are compared by their word trigrams
ANCHOR_CHARS = 20  # a block this long found in both extractions marks where the article is
LINE_BREAK = "\x00"  # stands for <br> while a paragraph is collected
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Piece:
    """One block of the genre before it is written: its kind, its texts, its table rows."""

    kind: BlockKind
    texts: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


def html_to_text(html: str) -> str:
    """The page's main content in the plain-text genre; "" when the page has no text."""
    tree = _parse(html)
    if tree is None:
        return ""
    _drop_boilerplate(tree)
    title = _title(tree)
    body = tree.find("body")
    walked = _walk(body) if body is not None else []
    extracted = _trafilatura_pieces(tree)
    pieces = extracted if extracted and _prefer_extraction(extracted, walked) else walked
    return render(pieces, title=title) if pieces else ""


def _parse(html: str) -> lxml_html.HtmlElement | None:
    """Parse without network or DTD access; bytes so an XML declaration is accepted."""
    parser = lxml_html.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True
    )
    data = INVISIBLE.sub("", html).encode("utf-8", errors="replace")
    if not data.strip():
        return None
    try:
        return lxml_html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _is_boilerplate(el: etree._Element) -> bool:
    """Navigation, scripts, hidden parts and page banners are not content."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in SKIP_TAGS or el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if (el.get("role") or "").lower() in SKIP_ROLES or HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    # A page-level <header> is the site banner; inside an article it holds the headline.
    return tag == "header" and not any(a.tag in ("article", "main") for a in el.iterancestors())


def _drop_boilerplate(tree: lxml_html.HtmlElement) -> None:
    """Remove boilerplate elements from the body, keeping the text that follows them."""
    body = tree.find("body")
    if body is None:
        return
    for el in [e for e in body.iter() if isinstance(e.tag, str) and _is_boilerplate(e)]:
        if el.getparent() is not None:
            el.drop_tree()
    for el in [e for e in body.iter() if not isinstance(e.tag, str)]:
        el.drop_tree()


def _title(tree: lxml_html.HtmlElement) -> str:
    """The first <h1> of the content, else the page <title>: the headline readers see."""
    for h1 in tree.iter("h1"):
        text = tidy(flat_text(h1))
        if text:
            return text
    title = tree.find(".//title")
    return tidy(title.text_content()) if title is not None else ""


def _trafilatura_pieces(tree: lxml_html.HtmlElement) -> list[Piece]:
    """Main content by trafilatura, as pieces; [] when it finds nothing."""
    try:
        result = trafilatura.bare_extraction(
            copy.deepcopy(tree),
            include_tables=True,
            include_formatting=False,
            include_comments=False,
            include_images=False,
            include_links=False,
        )
    except Exception:  # a third-party heuristic: any failure means "use the walk"
        return []
    body = getattr(result, "body", None)
    return _walk(body) if body is not None else []


def _prefer_extraction(extracted: list[Piece], walked: list[Piece]) -> bool:
    """Trust trafilatura unless it lost headings, lists or tables of the article.

    On pages without an article container trafilatura 2.3 keeps the
    paragraphs but drops the headings and lists between them (the article is
    the run of walked blocks from the first to the last substantial one it
    kept), or flattens the whole page into one paragraph (it kept their words,
    not their structure). The walk of the whole body is better there.
    """
    kept = _Words(" ".join(_words(p) for p in extracted))
    found = [i for i, piece in enumerate(walked) if kept.contains(_words(piece))]
    anchors = [i for i in found if len(_words(walked[i])) >= ANCHOR_CHARS]
    article = walked[anchors[0] : anchors[-1] + 1] if anchors else []
    flattened = [walked[i] for i in found]
    return _structures(extracted) >= max(_structures(article), _structures(flattened))


def _words(piece: Piece) -> str:
    return " ".join(piece.texts + tuple(c for r in piece.rows for c in r))


class _Words:
    """Word n-grams of a text: 'is this passage in it?' in linear time, whatever the spacing."""

    def __init__(self, text: str) -> None:
        words = re.findall(r"\w+", text)
        self.grams = {n: _grams(words, n) for n in range(1, GRAM + 1)}

    def contains(self, passage: str) -> bool:
        words = re.findall(r"\w+", passage)
        n = min(GRAM, len(words))
        return n > 0 and _grams(words, n) <= self.grams[n]


def _grams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _structures(pieces: list[Piece]) -> int:
    return sum(1 for piece in pieces if piece.kind != BlockKind.PARAGRAPH)


def _walk(root: etree._Element) -> list[Piece]:
    """Blocks of an HTML body or a trafilatura XML body, in document order."""
    walker = _Walker()
    walker.container(root)
    walker.flush()
    return walker.pieces


class _Walker:
    """Collects pieces; inline text accumulates until a block element ends the paragraph."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        """End the paragraph being collected; two <br> in a row separate paragraphs."""
        joined = "".join(self.buffer)
        self.buffer = []
        for part in re.split(f"{LINE_BREAK}\\s*{LINE_BREAK}", joined):
            text = tidy(part.replace(LINE_BREAK, " "))
            if text:
                self.pieces.append(Piece(BlockKind.PARAGRAPH, (text,)))

    def container(self, el: etree._Element) -> None:
        self.buffer.append(el.text or "")
        for child in el:
            self.element(child)
            self.buffer.append(child.tail or "")

    def element(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in SKIP_TAGS:
            return
        if tag == "br" or tag == "lb":
            self.buffer.append(LINE_BREAK)
        elif tag in INLINE_TAGS:
            self.container(el)
        elif tag in HEADING_TAGS:
            self.block(Piece(BlockKind.HEADING, (tidy(flat_text(el)),)))
        elif tag in LIST_TAGS or tag == "dl":
            self.block(Piece(BlockKind.BULLET_LIST, tuple(_list_items(el))))
        elif tag == "table" and _is_data_table(el):
            self.table(el)
        else:
            self.flush()
            self.container(el)
            self.flush()

    def block(self, piece: Piece) -> None:
        self.flush()
        if any(piece.texts):
            self.pieces.append(Piece(piece.kind, tuple(t for t in piece.texts if t)))

    def table(self, el: etree._Element) -> None:
        self.flush()
        caption = el.find("caption")
        if caption is not None and tidy(flat_text(caption)):
            self.pieces.append(Piece(BlockKind.PARAGRAPH, (tidy(flat_text(caption)),)))
        rows = tuple(r for r in _table_rows(el) if any(r))
        if rows:
            self.pieces.append(Piece(BlockKind.TABLE, rows=rows))


def _list_items(el: etree._Element) -> list[str]:
    """Bullets of a list; nested lists are flattened after their parent item."""
    if el.tag == "dl":
        return _definition_items(el)
    items: list[str] = []
    for item in el:
        if item.tag not in ITEM_TAGS:
            continue
        nested = [sub for sub in item.iter() if sub is not item and sub.tag in LIST_TAGS]
        own = copy.deepcopy(item)
        for sub in [s for s in own.iter() if s is not own and s.tag in LIST_TAGS]:
            if sub.getparent() is not None:
                sub.drop_tree()
        items.append(_unbullet(tidy(flat_text(own))))
        for sub in nested:
            if not any(a in nested for a in sub.iterancestors()):
                items.extend(_list_items(sub))
    return items


def _definition_items(el: etree._Element) -> list[str]:
    """A <dl> as 'Term: definition' bullets, the genre's labelled-bullet form."""
    items: list[str] = []
    for child in el:
        text = tidy(flat_text(child))
        if child.tag == "dt" or not items:
            items.append(text)
        elif text:
            items[-1] = f"{items[-1]}: {text}" if ":" not in items[-1] else f"{items[-1]} {text}"
    return items


def _unbullet(text: str) -> str:
    return re.sub(r"^[•●▪■◦‣∙·*–-]\s+", "", text)


def _is_data_table(el: etree._Element) -> bool:
    """Layout tables (nested tables, one column, role=presentation) are walked as containers."""
    if el.get("role") == "presentation" or el.find(".//table") is not None:
        return False
    return any(len(_row_cells(row)) >= 2 for row in el.iter(*ROW_TAGS))


def _table_rows(el: etree._Element) -> list[tuple[str, ...]]:
    """Header rows first, then body rows, then footer rows; colspan keeps columns aligned."""
    rows = el.xpath("./thead/tr") + el.xpath("./tr|./tbody/tr|./row") + el.xpath("./tfoot/tr")
    return [_row_cells(row) for row in rows]


def _row_cells(row: etree._Element) -> tuple[str, ...]:
    cells: list[str] = []
    for cell in row:
        if cell.tag not in CELL_TAGS:
            continue
        cells.append(tidy(flat_text(cell)))
        span = cell.get("colspan") or "1"
        cells.extend([""] * (min(int(span), 50) - 1 if span.isdigit() and int(span) > 1 else 0))
    return tuple(cells)


def flat_text(el: etree._Element) -> str:
    """All text under an element, with a space wherever a block element starts or ends."""
    parts: list[str] = [el.text or ""]
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag and tag not in SKIP_TAGS:
            inner = flat_text(child)
            parts.append(inner if tag in INLINE_TAGS else f" {inner} ")
        parts.append(child.tail or "")
    return "".join(parts)


def tidy(text: str) -> str:
    """One line of text: invisible characters removed, whitespace runs made one space."""
    return " ".join(INVISIBLE.sub("", text).split())


def render(pieces: list[Piece], *, title: str = "") -> str:
    """Write pieces in the corpus genre.

    The title is the first line; a heading is followed directly by its first
    block; a list follows a lead-in paragraph that ends with ':'; other blocks
    are separated by a blank line.
    """
    first = pieces[0] if pieces else None
    if (
        title
        and first
        and first.kind == BlockKind.HEADING
        and first.texts[0].casefold() == title.casefold()
    ):
        pieces = pieces[1:]
    blocks: list[tuple[BlockKind, str]] = []
    if title:
        blocks.append((BlockKind.PARAGRAPH, title))
    blocks += [(p.kind, text) for p in pieces if (text := _piece_text(p))]
    out: list[str] = []
    for index, (kind, text) in enumerate(blocks):
        if index:
            previous_kind, previous = blocks[index - 1]
            attached = previous_kind == BlockKind.HEADING or (
                kind == BlockKind.BULLET_LIST and previous.endswith(":")
            )
            out.append("\n" if attached else "\n\n")
        out.append(text)
    return "".join(out) + "\n" if out else ""


def _piece_text(piece: Piece) -> str:
    if piece.kind == BlockKind.TABLE:
        return pipe_table(piece.rows)
    texts = [tidy(t) for t in piece.texts if tidy(t)]
    if piece.kind == BlockKind.BULLET_LIST:
        return "\n".join(f"- {t}" for t in texts)
    return " ".join(texts)


def pipe_table(rows: tuple[tuple[str, ...], ...]) -> str:
    """A GitHub pipe table: first row as header, '|---|' separator, rows padded to one width.

    A '|' inside a cell becomes '/', so a naive split on '|' still finds the cells.
    """
    kept = [tuple(tidy(c).replace("|", "/") for c in row) for row in rows]
    kept = [row for row in kept if any(row)]
    if not kept:
        return ""
    width = max(len(row) for row in kept)
    lines = [_pipe_row(row + ("",) * (width - len(row))) for row in kept]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)


def _pipe_row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"
