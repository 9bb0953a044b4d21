# ruff: noqa: E501  (sample documents keep their long lines, as reports have them)
"""Forms of follow-up first met in blind round fu-r42 and after (issue 12): a key that
defines its marks one per line, a status cell that pairs a mark with its word, a table
numbered in its first column, an announcement of something new that closes its sentence, a
press conference's questions and short replies, and people counted through a course."""

from __future__ import annotations

from graph.documents.text import parse_text
from graph.followup.additions import addition_cues
from graph.followup.checking import checked_status
from graph.followup.facts import ReportedItem
from graph.followup.figures import figure_in
from graph.followup.judged import runs_since
from graph.followup.recognise import recognise, reported_items
from graph.followup.values import status_in
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


BULLETIN = """\
Implementation Bulletin No. 7

How to read the marks
✔  done: delivered in full, or the channel is working as agreed
◐  under way: work continuing, deadline not yet reached
◑  part delivered: deadline passed with only part of the result achieved
✖  stopped: discontinued
★  added: not in the October 2024 text

| Mark | Undertaking | As agreed | Position at 30 June 2026 |
|---|---|---|---|
| ✔ | Quetta–Zahedan emergency line | Round-the-clock link within 90 days | Staffed at all hours |
| ◑ | Night-watch towers | 40 towers within one year | 31 towers transmitting |
| ✖ | Joint screening desk at Taftan | Continuous | Closed on 12 May after Iran recalled its officers |
| ★ ◐ | Registration of fuel-carrying pickups | (not in plan) | 7,450 vehicles registered so far |
"""


def test_a_column_of_marks_under_a_heading_gives_each_row_what_its_key_says() -> None:
    assert [(i.label, i.status) for i in _items_in(BULLETIN)] == [
        ("Quetta–Zahedan emergency line", "fulfilled"),
        ("Night-watch towers", "partially-fulfilled"),  # not 'delivered'
        ("Joint screening desk at Taftan", "abandoned"),
        ("Registration of fuel-carrying pickups", "in-progress"),
    ]


AUDIT = """\
Implementation audit of the Joint Action Plan

Rating key
- GREEN: the measure is delivered as agreed, or is on course to meet its target by the agreed date.
- AMBER: the measure is under way or partly delivered, but the target or the date is at risk.
- RED: the deadline has been missed or the measure is materially below the agreed level.
- NR (not rated): outside the scope of this audit.

| Ref | Measure as audited | Agreed result / date | Finding | Rating |
|---|---|---|---|---|
| F-1 | Interdiction of go-fast boats | Double the 2022 figure by March 2024 | The ARD stopped 54 of the 62 boats required, so the doubling was only partly achieved. | AMBER |
| F-3 | Joint fusion cell | Operating by September 2023 | The cell opened on 11 September 2023 and has run around the clock since then. | GREEN |
| F-7 | Combined naval patrols | One patrol every month | Only 9 of 16 monthly patrols due took place. | RED |
| — | Expedited extradition | — | See paragraph 2.2. | NR |
"""


def test_a_rating_that_covers_several_statuses_takes_the_one_the_row_says() -> None:
    items = _items_in(AUDIT)
    assert [(i.label, i.status) for i in items] == [
        ("Interdiction of go-fast boats", "partially-fulfilled"),  # AMBER, partly achieved
        ("Joint fusion cell", "fulfilled"),  # GREEN: at work is no other choice
        ("Combined naval patrols", "partially-fulfilled"),  # RED, some occasions held
    ]
    # the agreed result is the target, the finding holds the figure reached
    assert items[2].figure is not None and items[2].figure.text.startswith("9 of 16")


def test_a_count_set_against_what_was_committed_to_reaches_it() -> None:
    figure = figure_in("has now sent 33 organisers to trial, against the 30 we committed to")
    assert figure is not None and figure.target_reached


def test_a_recommendation_approved_to_meet_less_often_revises() -> None:
    said = (
        "the Commission approved the recommendation of the border commanders that their "
        "meetings, held every month since September 2023, should from November 2024 take "
        "place every two months"
    )
    assert status_in(lexicon(), said) == "revised"


def test_an_answer_that_says_what_was_done_with_it_speaks_of_the_turn_before() -> None:
    text = (
        "Radio interview, one year on\n\n"
        "PRESENTER: There was also supposed to be a regular report on fuel smuggling routes. "
        "A bulletin, every three months.\n\n"
        "MINISTER: We dropped it last autumn.\n"
    )
    [item] = [i for i in _items_in(text) if i.status == "abandoned"]
    assert item.label.startswith("A bulletin, every three months")


def test_a_unit_the_parties_intend_to_include_in_the_plan_is_added() -> None:
    lex = lexicon()
    said = "both governments intend to include in the renewed plan a joint unit on synthetic drugs"
    assert addition_cues(lex, said)


def test_a_rhythm_changed_across_the_naming_of_the_plan_is_revised() -> None:
    lex = lexicon()
    said = [
        "The bilateral drug intelligence sessions, held every six months since the plan was "
        "signed, will from 2025 take place once a year",
        "the review of the compound target list, held every three months since the Plan was "
        "signed, will be convened monthly from June 2024",
        "Ministers on Thursday formally moved the mixed river patrols from a weekly to a "
        "fortnightly schedule",
    ]
    assert [status_in(lex, text) for text in said] == ["revised"] * 3
    text = f"Embassy newsletter, January 2025\n\n{said[0]}, on the margins of a regional meeting.\n"
    assert [i.status for i in _items_in(text)] == ["revised"]


def test_a_key_that_says_what_each_colour_means_rates_the_rows() -> None:
    text = (
        "Shadow report on the accord\n\nHow to Read the Ratings\n"
        "- Red means the measure is off track or missing where it was due.\n"
        "- Grey means we could not gather enough information to judge.\n\n"
        "| No. | Commitment | What we found | Rating |\n|---|---|---|---|\n"
        "| 9 | Quarterly farm inspections | One round held, in November 2024 | Red |\n"
        "| 10 | Handover of suspects | No data released | Grey |\n"
    )
    assert [(i.label, i.status) for i in _items_in(text)] == [
        ("Quarterly farm inspections", "delayed")
    ]


def test_words_of_status_said_of_something_else_say_nothing_of_the_measure() -> None:
    lex = lexicon()
    assert status_in(lex, "23 of the 40 pending requests have been decided") is None
    assert status_in(lex, "The request is still pending") == "delayed"
    assert status_in(lex, "the shared control post is about 70 percent complete") == "in-progress"
    assert status_in(lex, "the shared control post is complete") == "fulfilled"
    said = (
        "After smugglers opened fire on a patrol near Bermejo, the two forces agreed to go out "
        "jointly every two weeks instead"
    )
    assert status_in(lex, said) == "revised"


def test_a_summary_that_sorts_several_measures_under_a_verdict_is_no_item() -> None:
    text = (
        "Policy brief on the plan\n\nOur assessment at a glance\n"
        "- Delivered: tanker seals, the joint post at the bridge, the firearms register.\n"
        "- Changed or dropped: the intelligence pooling, the annual threat assessment.\n"
        "- Joint hotline: operational since May.\n"
    )
    assert [i.label for i in _items_in(text)] == ["Joint hotline"]


def test_what_a_decision_creates_is_described_even_beside_a_cue_of_addition() -> None:
    text = (
        "Minutes of the third session\n\n5.1 The Committee decided to create a joint working "
        "group on tracing explosives and mercury delivered to gold sites, a measure not "
        "foreseen in the plan; its terms of reference will be drawn up before the next session.\n"
    )
    [added] = [i for i in _items_in(text) if i.added]
    assert added.status == "pledged"  # not 'delivered'


def test_a_speech_that_greets_its_hosts_at_length_still_looks_back_at_its_compact() -> None:
    greeting = "Commissioners, chiefs, heads of delegation, friends: thank you for having us. " * 16
    text = (
        "Address by the Commissioner of Police\nRarotonga, Wednesday 20 August 2025\n\n"
        f"{greeting}\n\nWhat I want to talk about is what happened after our ministers signed "
        "the Suva Compact on Transnational Crime in February last year.\n\nThe joint alert "
        "desk has been staffed every hour of every day since it opened in April last year. "
        "The container targeting centre was due to open by February this year; it has not, "
        "and it is now expected in November.\n"
    )
    assert 1000 < text.find("signed the Suva Compact") < 2000
    document = parse_text(text, key="speech", source_name="speech.txt", sha256="0" * 64)
    assert recognise(lexicon(), document) is not None
