"""Reading a follow-up's tables: which column holds the status, the item, the figure and
the date, and the item each row reports.

A header is read by the role its longest cue names ('End State' is an outcome, not a
status), and of several status-like columns the one whose cells say a status most often.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from rdflib import URIRef

from graph.documents.model import Block, Row, Span
from graph.followup.additions import added_status, naming_agreement, says_added
from graph.followup.checking import checked_status
from graph.followup.facts import ABANDONED, DELAYED, FULFILLED, IN_PROGRESS, Figure, ReportedItem
from graph.followup.figures import figure_in, share_against
from graph.followup.legend import Legend
from graph.followup.numerals import count_in
from graph.followup.values import as_of_date, status_in
from graph.followup.words import words_of
from graph.lexicon import Lexicon
from graph.namespaces import DCTERMS, PG


def _column(lex: Lexicon, header: Row, term: URIRef) -> int | None:
    """The first column whose header carries a cue of ``term``."""
    columns = _columns(lex, header, term)
    return columns[0] if columns else None


#: The roles a report's column may have; a header is read by its longest cue among them.
_ROLES = (
    PG.status,
    PG.reportedFigure,
    PG.Commitment,
    PG.aimsAt,
    PG.hasTimeline,
    PG.hasFrequency,
    PG.implementedBy,
    DCTERMS.date,
)


#: A cell that only numbers its row: '4', '4.', 'I2', 'A-3', '2.1', also beside a mark or a
#: short tag the key explains ('9 ★', '11 (Ref.)').
_ROW_NUMBER = re.compile(
    r"[A-Z]{0,3}[-.]?\d{1,3}(?:\.\d{1,2})?[.)]?(?:\s+(?:[^\w\s]|\([^)\n]{1,8}\)))*"
)


def _item_column(lex: Lexicon, block: Block, header: Row, taken: tuple[int, ...]) -> int:
    """The column naming each row's item: the one headed like a commitment, of several
    ('Workstream', 'Action') the first that names each row apart; else the first, unless its
    cells repeat, grouping the rows ('| Mosquitia corridor | Disabling of clandestine
    airstrips |'), or only number them ('| 4 |', '| I2 |'), and a later column names each
    row apart: one with no role, else one headed like what is delivered ('Deliverable')."""

    def names_each_row(n: int) -> bool:
        names = [c.text.strip() for row in block.rows if (c := _cell(row, n))]
        worded = all(any(ch.isalpha() for ch in name) for name in names)  # not '▷', '—'
        return len(names) == len(block.rows) and len(set(names)) == len(names) and worded

    headed = [n for n in _columns(lex, header, PG.Commitment) if n not in taken]
    if headed:
        return next((n for n in headed if names_each_row(n)), headed[0])
    first = [c.text.strip() for row in block.rows if (c := _cell(row, 0))]
    if len(set(first)) == len(first) and not all(_ROW_NUMBER.fullmatch(c) for c in first):
        return 0

    def roles(n: int) -> set[URIRef]:
        return {role for role in _ROLES if _cue_length(lex, header.cells[n].span.text, role)}

    later = [n for n in range(1, len(header.cells)) if n not in taken and names_each_row(n)]
    # a column with no role names the item; failing that, one headed like what is delivered
    for allowed in (set(), {PG.aimsAt}):
        for n in later:
            if roles(n) <= allowed:
                return n
    return 0


def _cue_length(lex: Lexicon, text: str, term: URIRef) -> int:
    return max((hit.end - hit.start for hit in lex.cue_index(term).find(text)), default=0)


def _columns(lex: Lexicon, header: Row, term: URIRef) -> list[int]:
    """The columns whose header says ``term`` at least as fully as any other role: 'End
    State' is an outcome ('end state'), not a status ('state')."""
    found = []
    for n, cell in enumerate(header.cells):
        length = _cue_length(lex, cell.span.text, term)
        others = (_cue_length(lex, cell.span.text, role) for role in _ROLES if role != term)
        if length and length >= max(others):
            found.append(n)
    return found


def _status_column(lex: Lexicon, block: Block, header: Row, verdicts: dict[str, str]) -> int | None:
    """Of the columns headed like a status ('Progress to date', 'Status'), the one whose
    cells say a status most often, by the report's own key as well ('Re-set', 'Moving' under
    'Assessment' beside 'Position at 31 January'); on a tie the tersest, the verdict beside
    the detail ('Completed' beside 'Operational since 2 September')."""
    candidates = _columns(lex, header, PG.status) + _mark_columns(block, header, verdicts)
    if not candidates:
        return None

    def said(column: int) -> int:
        return sum(
            1
            for row in block.rows
            if (c := _cell(row, column)) and verdict_status(lex, c.text, verdicts)
        )

    def length(column: int) -> int:
        return sum(len(c.text) for row in block.rows if (c := _cell(row, column)))

    return max(candidates, key=lambda column: (said(column), -length(column)))


def _is_mark(text: str) -> bool:
    """A status cell holding a mark, not a word ('✔', '◐')."""
    return len(text.strip()) == 1 and not text.strip().isalnum()


#: Words a cell of marks holds at most ('✔', '★ ◐', 'AMBER').
_MARK_WORDS = 3


def _mark_columns(block: Block, header: Row, verdicts: dict[str, str]) -> list[int]:
    """Columns of marks: with no heading, every cell a verdict ('| ✔ | Police liaison
    officers | … |' under a key '✔ done ◐ partly achieved ○ not yet achieved'); or under any
    heading ('Mark'), every cell a mark or two and most of them verdicts ('| ★ ◐ |' marks an
    added measure under way), a dash rating nothing ('| — |' beside a measure not adopted)."""
    found = []
    for n, cell in enumerate(header.cells):
        cells = [c.text.strip().casefold() for row in block.rows if (c := _cell(row, n))]
        if len(cells) < len(block.rows):
            continue
        rated = [c for c in cells if c in verdicts]
        unheaded = not cell.span.text.strip() and len(rated) == len(cells)
        terse = all(len(c.split()) <= _MARK_WORDS for c in cells)
        marked = [c for c in cells if c not in _NO_MARK]
        if unheaded or (terse and 2 * len(rated) > len(marked)):
            found.append(n)
    return found


#: A status cell that rates nothing.
_NO_MARK = frozenset({"—", "–", "-"})


#: Where a verdict's qualifier begins: 'Met since 16 September 2024', 'Met (two days late)'.
_QUALIFIED = re.compile(
    r"\s+(?:since|from|as\s+of|on|in|late)\b|\s*[(,;:\u2013\u2014-]", re.IGNORECASE
)


def verdict_status(lex: Lexicon, text: str, verdicts: dict[str, str] | None = None) -> str | None:
    """The status a status cell states: a verdict filling it ('Met'; ``verdicts``, the
    scheme's with the report's own key over them, else the scheme's), or standing before a
    qualifier of when or how ('Met since 16 September 2024'), or a phrase."""
    verdicts = verdicts or lex.status_verdicts
    verdict = text.strip(" .*_")
    mark, _, words = verdict.partition(" ")
    if _is_mark(mark) and words.strip() and verdict.casefold() not in verdicts:
        # '◑ On track': a mark beside the word it stands for says what the word says
        return verdict_status(lex, words, verdicts) or verdicts.get(mark)
    qualified = _QUALIFIED.search(verdict)
    return (
        verdicts.get(verdict.casefold())
        or (qualified and verdicts.get(verdict[: qualified.start()].casefold()))
        or status_in(lex, text)
    )


def _cell(row: Row, index: int | None) -> Span | None:
    if index is None or index >= len(row.cells):
        return None
    span = row.cells[index].span
    return span if span.text.strip() else None


def table_items(
    lex: Lexicon,
    block: Block,
    default_date: str | None,
    key: Legend | None = None,
    caption: str = "",
) -> list[ReportedItem]:
    """Rows of a table that report a status, by a status column or by counts against targets.
    Under a ``caption`` that says its measures were added ('Table 4. Measures adopted after
    signature'), carrying a mark the key says so of ('| 9 ★ |'), or saying so itself ('A new
    activity, not foreseen in the March text'), a row reports a new commitment."""
    if block.header is None:
        return []
    key = key or Legend()
    all_added = says_added(lex, caption)
    return [
        dataclasses.replace(item, added=True, status=added_status(item.status))
        if all_added
        or key.added & {word.casefold() for word in item.span.text.split()}
        or says_added(lex, item.span.text)
        else item
        for item in _rated_rows(lex, block, default_date, key)
    ]


def _rated_rows(
    lex: Lexicon, block: Block, default_date: str | None, key: Legend
) -> list[ReportedItem]:
    """Rows of a table with a status column: the item cell, its status (by the report's own
    ``key`` to its marks, where it gives one), figure and date. A row the key says is not
    rated ('| Handover of wanted suspects | NG |') reports nothing, nor one named only by its
    number ('| 5.1 | ● Met | 5 |' counts the marks)."""
    assert block.header is not None
    verdicts = {**lex.status_verdicts, **key.verdicts}  # the report's own key first
    status_col = _status_column(lex, block, block.header, verdicts)
    if status_col is None:
        return _scored_rows(lex, block, default_date)
    item_col = _item_column(lex, block, block.header, (status_col,))
    if words_of(block.header.cells[item_col].span.text) & lex.advice_heads:
        return []  # '| Recommendation (2024) | Status |': the report's advice, no commitment
    figure_col = _column(lex, block.header, PG.reportedFigure)
    date_col = _column(lex, block.header, DCTERMS.date)
    target_col = next(
        (
            c
            for c in _columns(lex, block.header, PG.aimsAt)
            if c not in (item_col, status_col, figure_col)
        ),
        None,
    )
    items = []
    for row in block.rows:
        label, status_cell = _cell(row, item_col), _cell(row, status_col)
        if (
            label is None
            or status_cell is None
            or status_cell.text.strip().casefold() in key.unrated
            or _ROW_NUMBER.fullmatch(label.text.strip())
            or _outside(lex, row.span.text)
        ):
            continue
        status = verdict_status(lex, status_cell.text, verdicts)
        if status is not None:
            words = row.span.text.replace(status_cell.text, " ")
            status = key.chosen(lex, status_cell.text, status, words)
        if status is None:
            status = status_in(lex, row.span.text)
        elif status == DELAYED and status_in(lex, row.span.text) == ABANDONED:
            status = ABANDONED  # '| Negotiations suspended on 16 November | Not achieved |'
        strong = status is not None
        status = status or IN_PROGRESS  # 'Four issues published': reported, so under way
        figure_cell = _cell(row, figure_col if figure_col != status_col else None)
        figure = figure_in(figure_cell.text) if figure_cell else figure_in(row.span.text)
        target_cell = _cell(row, target_col)
        if target_cell is not None:
            # '| 85% answered within 20 working days | 115 of 131 requests (88%) … |'
            rest = row.span.text.replace(target_cell.text, "")
            figure = share_against(rest, target_cell.text) or figure
        if figure is None and figure_cell is not None:
            figure = _completion(figure_cell.text) or Figure(figure_cell.text.strip(), None, None)
        date_cell = _cell(row, date_col)
        as_of = as_of_date(date_cell.text) if date_cell else None
        items.append(
            _row_item(
                row,
                label,
                status,
                figure,
                strong=strong,
                default_date=default_date,
                as_of=as_of,
                marked=_is_mark(status_cell.text) or _bare_completion(lex, status_cell.text),
            )
        )
    return items


#: Characters after a phrase of exclusion in which the agreement it excludes from is named.
_EXCLUDED_FROM = 30


def _outside(lex: Lexicon, text: str) -> bool:
    """Whether a row says its measure is not part of the agreement ('Shown for reference only:
    falls under the Boundary Working Group and is not part of the Framework'); not one 'not
    part of the original plan', which was added to it, nor a scope narrowed ('land border
    posts being excluded')."""
    if says_added(lex, text):
        return False
    agreement = naming_agreement(lex.agreement_words)
    return any(
        agreement.search(text, hit.end, hit.end + _EXCLUDED_FROM)
        for hit in lex.exclusions.find(text)
    )


#: Words of a status cell that is only a verdict.
_VERDICT_WORDS = 2


def _bare_completion(lex: Lexicon, text: str) -> bool:
    """Whether a status cell is a bare word of completion ('| Implemented |', '| Completed |'):
    the writer's verdict on the whole, as a mark is; the row's figure may count something
    else ('57 of 61 requests (93%) answered within 20 working days'). A colour ('GREEN') is
    no such word: on a dashboard it says on track."""
    return len(text.split()) <= _VERDICT_WORDS and status_in(lex, text) == FULFILLED


#: A cell that holds only a share ('79%', '100 per cent'): how much of the measure is done.
_BARE_SHARE = re.compile(r"\s*(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)\s*", re.IGNORECASE)


def _completion(text: str) -> Figure | None:
    """A figure column's bare share, as done of the whole ('| 79% |' is 79 of 100)."""
    match = _BARE_SHARE.fullmatch(text)
    return Figure(text.strip(), Decimal(match.group(1)), Decimal(100)) if match else None


def _row_item(
    row: Row,
    label: Span,
    status: str,
    figure: Figure | None,
    *,
    strong: bool,
    default_date: str | None,
    as_of: str | None = None,
    marked: bool = False,
) -> ReportedItem:
    """The item a row reports, dated by its date cell (``as_of``), else a date in the row,
    else the report's own. A mark of the status column ('✔') is the writer's own verdict,
    which no figure of the row overrules."""
    return ReportedItem(
        label=label.text.strip(),
        status=status if marked else checked_status(status, figure, row.span.text),
        span=row.span,
        strong=strong,
        as_of=as_of or as_of_date(row.span.text) or default_date,
        figure=figure,
    )


def _scored_rows(lex: Lexicon, block: Block, default_date: str | None) -> list[ReportedItem]:
    """Rows of a table that sets each result beside what was agreed ('| Joint patrols | 24
    per year | 26 carried out in 2025 |') with no status column: the counts say the status,
    reached or not yet. A row of counts alone is weak, as a count in prose is: a budget's
    indicators ('| Cocaine seized at sea (tonnes) | 60.0 | 41.7 |') measure no commitment."""
    assert block.header is not None
    figure_col = _column(lex, block.header, PG.reportedFigure)
    targets = [c for c in _columns(lex, block.header, PG.aimsAt) if c != figure_col]
    if figure_col is None or not targets:
        return []
    item_col = _item_column(lex, block, block.header, (figure_col, targets[0]))
    items = []
    for row in block.rows:
        label, result, target = (_cell(row, c) for c in (item_col, figure_col, targets[0]))
        if label is None or result is None or target is None:
            continue
        figure = figure_in(result.text) or Figure(
            result.text.strip(), count_in(result.text), count_in(target.text)
        )  # '52, against an annual goal of 40' says both itself
        if figure.reached is None:
            continue
        said = status_in(lex, result.text)
        status = said or (FULFILLED if figure.target_reached else IN_PROGRESS)
        items.append(
            _row_item(
                row, label, status, figure, strong=said is not None, default_date=default_date
            )
        )
    return items
