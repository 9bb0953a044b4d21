# ruff: noqa: E501  (sample documents keep their long lines, as reports have them)
"""Forms of follow-up first met in blind round fu-r42 and after (issue 12): a key that
defines its marks one per line, a status cell that pairs a mark with its word, a table
numbered in its first column, an announcement of something new that closes its sentence, a
press conference's questions and short replies, and people counted through a course."""

from __future__ import annotations

from graph.documents.text import parse_text
from graph.followup.additions import addition_cues
from graph.followup.facts import ReportedItem
from graph.followup.figures import figure_in
from graph.followup.judged import runs_since
from graph.followup.recognise import reported_items
from graph.followup.values import checked_status, status_in
from graph.lexicon import lexicon


def _items_in(text: str) -> list[ReportedItem]:
    document = parse_text(text, key="report", source_name="report.txt", sha256="0" * 64)
    return reported_items(lexicon(), document, None)


FACT_SHEET = """\
Fact sheet: the Joint Action Plan, year one

How to read the table
● Done: delivered, or running as planned
◑ On track: work under way, deadline not yet reached
▲ Late: deadline missed or expected to be missed

| No. | What the plan provides for | Status | Where things stand |
|---|---|---|---|
| 1 | Freezing of mule accounts | ● Done | In operation since 15 January |
| 2 | Joint team against scam centres | ▲ Late | 31 of 40 investigators in post; secondments were held up by a change in allowances |
| 3 | Cargo-lane drug scanners | ◑ On track | Scanners installed in 4 of 14 lanes |
"""


def test_a_key_that_defines_a_mark_per_line_rates_the_rows_and_reports_nothing_itself() -> None:
    items = _items_in(FACT_SHEET)
    # the first column only numbers the rows: the next one names them
    assert [(i.label, i.status) for i in items] == [
        ("Freezing of mule accounts", "fulfilled"),
        ("Joint team against scam centres", "delayed"),  # not partial: 'held up' holds nothing
        ("Cargo-lane drug scanners", "in-progress"),  # '◑' alone would be partial
    ]


SCORECARD = """\
A Citizens' Scorecard on the Plan, eighteen months on

How We Graded
Each commitment receives a grade:
- A: delivered as promised, or better.
- B: on track, deadline not yet reached.
- D: late or largely missing.
- E: abandoned.
- NG: not graded, for lack of verifiable information.

| Commitment (our wording) | Grade | What we found |
|---|---|---|
| Shared blacklist of illegal trawlers | A | In force since December 2023; 23 vessels listed |
| Register of seized rosewood | B | 1,870 seized logs entered |
| One radar picture of the coast | D | The Bissau feed is still not connected |
| Handover of wanted suspects | NG | No case data released |
"""


def test_a_graded_scorecard_reads_its_grades_by_its_key_and_leaves_the_ungraded_row() -> None:
    items = _items_in(SCORECARD)
    assert [(i.label, i.status) for i in items] == [
        ("Shared blacklist of illegal trawlers", "fulfilled"),
        ("Register of seized rosewood", "in-progress"),
        ("One radar picture of the coast", "delayed"),
    ]


def test_the_same_lines_are_no_key_where_no_table_rates_by_them() -> None:
    text = (
        SCORECARD.split("| Commitment")[0]
        + "The blacklist has been in force since December 2023.\n"
    )
    labels = [i.label for i in _items_in(text)]
    assert "E" in labels  # 'E: abandoned.' is a labelled item when no table uses the grade


def test_work_held_up_is_no_occasion_held() -> None:
    text = "31 of 40 investigators in post; secondments were held up by a change in allowances"
    assert checked_status("delayed", figure_in(text), text) == "delayed"
    held = "Behind: 3 of 4 quarterly sessions held"
    assert checked_status("delayed", figure_in(held), held) == "partially-fulfilled"


def test_a_second_of_several_at_work_is_not_the_whole_measure_at_work() -> None:
    lex = lexicon()
    assert runs_since(
        lex, "The container scanner has been working at the port of Koper since February 2025"
    )
    assert not runs_since(
        lex, "A second container scanner has been working at the port of Koper since February 2025"
    )


def test_an_agreed_thing_is_no_decision_taken() -> None:
    lex = lexicon()
    said = "the customs services expect to reach the agreed share of containers screened before the deadline"
    assert addition_cues(lex, said) == []
    assert addition_cues(lex, "the ministers agreed to share a register of boats")
    # a noun of decision keeps its article: 'The task team was set up in April'
    assert addition_cues(lex, "The task team was set up in April 2024")


def test_a_measure_set_up_outside_the_original_plan_is_added() -> None:
    [item] = [
        i
        for i in _items_in(
            "One year on\n\nThe joint drone unit, which the two forces set up in 2025 outside the "
            "original plan, has been flying regular night missions since October.\n"
        )
        if i.added
    ]
    assert item.label.startswith("The joint drone unit")


PRESS_CONFERENCE = """\
Joint press conference, one year after the Joint Action Plan

MINISTER: Finally, we agreed something new today. The rail link opens at the end of this year. The 2023 agreement on the rail link says nothing about drugs. We have therefore agreed that narcotics officers will carry out joint drug screening of rail passengers.

JOURNALIST (BERNAMA): Datuk Seri, last year the police chiefs met in June to review the plan. Has this year's review taken place?

HOME MINISTER (MALAYSIA): Not yet. It should have taken place in June. It was postponed twice and will now be held in January.
"""


def test_something_new_announced_in_a_sentence_of_its_own_is_the_decision_that_follows() -> None:
    [added] = [i for i in _items_in(PRESS_CONFERENCE) if i.added]
    assert added.span.text.startswith("We have therefore agreed that narcotics officers")
    assert added.status == "pledged"


def test_a_question_put_reports_nothing_and_its_answer_after_a_short_reply_speaks_of_it() -> None:
    items = [i for i in _items_in(PRESS_CONFERENCE) if not i.added]
    assert not [i for i in items if "JOURNALIST" in i.span.text or "met in June" in i.span.text]
    replies = [i for i in items if i.status == "delayed"]
    assert replies and all("police chiefs met in June" in i.label for i in replies[:1])


def test_people_counted_through_a_course_are_work_going_on_not_the_course_completed() -> None:
    lex = lexicon()
    going_on = [
        "We have run three intakes, and 94 investigators have completed the course",
        "Twenty-two investigators from the CCID have now completed placements on the other side",
        "CERT.LV reported that 146 port employees have completed the course to date",
    ]
    assert [status_in(lex, text) for text in going_on] == ["in-progress"] * 3
    assert status_in(lex, "All 300 officers have completed the course") == "fulfilled"
    assert status_in(lex, "The training was completed in March") == "fulfilled"
