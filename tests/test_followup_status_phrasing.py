"""Status phrasings of follow-ups met in blind round fu-r20 (issue 12): a scorecard verdict
with a qualifier, a target named after its number, some of a target with the rest given up,
a count of meetings against a rhythm, a full staff, and a delay of an occasion since held."""

from __future__ import annotations

from graph.documents.text import parse_text
from graph.followup.figures import figure_in
from graph.followup.recognise import reported_items
from graph.followup.values import checked_status, status_in
from graph.lexicon import lexicon


def _statuses(text: str) -> list[tuple[str, str]]:
    document = parse_text(text, key="d", source_name="d.txt", sha256="0" * 64)
    return [(i.label, i.status) for i in reported_items(lexicon(), document, "2026-01-10")]


def _status(text: str) -> str | None:
    return status_in(lexicon(), text)


def test_a_verdict_followed_by_its_date_fills_the_status_cell() -> None:
    table = (
        "| Measure | Standard | Result | Assessment |\n"
        "|---|---|---|---|\n"
        "| FIU requests | Answer within 15 days | 64 answered, average of 11 days "
        "| Met since 16 September 2024 |\n"
        "| Radio link | Working within 9 months | Ordered | Not met (supplier late) |\n"
    )
    assert [status for _, status in _statuses(table)] == ["fulfilled", "delayed"]


def test_a_target_named_after_its_number_is_beaten() -> None:
    text = (
        "In 94 per cent of cases, requests between the two financial intelligence units were "
        "answered within ten working days in 2025, beating the 90 per cent target"
    )
    figure = figure_in(text)
    assert figure is not None and (figure.reached, figure.target) == (94, 90)
    assert checked_status("in-progress", figure, text) == "fulfilled"
    sessions = "On schedule: 11 of 11 monthly sessions held"
    assert checked_status("in-progress", figure_in(sessions), sessions) == "in-progress"


def test_some_of_a_target_with_the_rest_called_off_is_partial() -> None:
    some = _statuses(
        "17 of the 20 coordinated patrols scheduled along the maritime boundary went ahead; "
        "the others were called off because of weather.\n"
    )
    assert [status for _, status in some] == ["partially-fulfilled"]
    assert (
        _status("Only two of the six points were ever set up, and both ceased to function")
        == "abandoned"
    )


def test_meetings_counted_against_a_rhythm() -> None:
    assert _status("The working group on arms met only twice in the period under review") == (
        "partially-fulfilled"
    )
    assert _status("The steering group has met only once so far") != "partially-fulfilled"
    assert (
        _status(
            "The commanders, who were supposed to meet every other month, have since held a "
            "monthly video call instead and now meet in person only twice a year"
        )
        == "revised"
    )
    assert _status("The operations call was moved from a monthly to a weekly rhythm") == "revised"


def test_a_full_staff_is_done() -> None:
    assert _status("The centre has had its full staff of 24 analysts since 1 July 2025") == (
        "fulfilled"
    )


def test_a_delay_of_an_occasion_since_held_is_over() -> None:
    held = _statuses(
        "The Binational Commission held its second session in Asunción on 21 May 2025. "
        "The session was due to take place in March but was postponed by two months.\n"
    )
    assert held[-1][1] == "in-progress"
    pending = _statuses(
        "The Commission held its first session in Asunción on 21 May 2025. "
        "The second session was postponed and has not yet been rescheduled.\n"
    )
    assert pending[-1][1] == "delayed"
