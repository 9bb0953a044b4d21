"""Which clause of a sentence states a reported item's status (blind round fu-r25, issue
12): not a reason, not the agreement's own start, not what had happened before the event
reported, not what should have happened; a decision that narrows the pledge revises it;
what was done stays partial when the rest is still to come."""

from __future__ import annotations

from graph.documents.text import parse_text
from graph.followup.checking import checked_status
from graph.followup.figures import figure_in
from graph.followup.recognise import reported_items
from graph.followup.values import status_in
from graph.lexicon import lexicon


def _status(text: str) -> str | None:
    return status_in(lexicon(), text)


def _items(text: str) -> list[tuple[str, str, bool]]:
    document = parse_text(text, key="d", source_name="d.txt", sha256="0" * 64)
    return [(i.label, i.status, i.added) for i in reported_items(lexicon(), document, "2026-01-10")]


def test_a_phrase_of_background_gives_way_to_the_sentence_s_own() -> None:
    assert (
        _status(
            "The expert group has met only twice since the Plan entered into force, against "
            "the five meetings foreseen."
        )
        == "partially-fulfilled"
    )
    assert (
        _status(
            "The memorandum, which had been held up for many months, was signed in Dodoma on "
            "9 October 2025."
        )
        == "fulfilled"
    )
    wound_up = "It was wound up in August, by which time only 38 had completed the course."
    assert _status(wound_up) == "abandoned"
    assert _status("The Commission, which met for the first time in Banjul, adopted a plan.") == (
        "in-progress"
    )


def test_a_reason_states_no_status() -> None:
    assert _status("The ministers will propose a course for 40 prosecutors in 2026.") == "pledged"
    assert (
        _status(
            "The ministers will propose a course for 40 prosecutors in 2026, because too many "
            "cases have not yet reached the courts."
        )
        == "pledged"
    )


def test_what_should_have_happened_is_no_fulfilment() -> None:
    assert (
        _status(
            "The register held about 1,100 entries at the end of December, when it should have "
            "been complete with 1,500."
        )
        == "delayed"
    )
    assert _status("The Committee should have met four times.") is None


def test_a_decision_that_narrows_or_changes_the_pledge_revises_it() -> None:
    assert (
        _status(
            "The Council decided that joint inspections at the border post will, until further "
            "notice, cover only fuel tankers."
        )
        == "revised"
    )
    assert (
        _status(
            "The sides agreed that the joint assessment, completed in December 2025, will from "
            "now on be updated every year."
        )
        == "revised"
    )


def test_done_in_part_with_the_rest_to_come_is_partial() -> None:
    assert (
        _status(
            "The ministers welcomed the opening of the joint office, and noted that two liaison "
            "officers are in post while the third has yet to be appointed."
        )
        == "partially-fulfilled"
    )
    assert _status("Both posts are now filled.") == "fulfilled"


def test_occasions_pledged_and_missed_are_partial() -> None:
    text = "The working group met on 8 of the 12 monthly dates it had pledged for the year."
    assert checked_status(_status(text), figure_in(text), text) == "partially-fulfilled"
    things = "The navy has seized 40 of the 60 boats it had pledged to impound."
    assert checked_status(_status(things), figure_in(things), things) == "in-progress"


def test_the_rest_of_a_target_to_come_is_no_new_measure() -> None:
    items = _items(
        "Progress under the Lilongwe Framework\n\n"
        "The two police forces have so far jointly investigated 22 of the 25 networks we "
        "undertook to pursue, and the remaining three cases will be opened before the "
        "programme closes.\n"
    )
    assert [added for _, _, added in items] == [False]


def test_a_decision_in_the_present_or_instead_of_the_pledge_revises_it() -> None:
    assert (
        _status(
            "The Commission decides that the Technical Working Group shall henceforth meet once "
            "every three months."
        )
        == "revised"
    )
    assert (
        _status(
            "Rather than a 24-hour line run from Yaren, the ministers agreed on 13 May 2025 that "
            "each police force would take scam reports through its own unit."
        )
        == "revised"
    )


def test_sessions_against_those_a_schedule_implied_and_an_irregular_rhythm_are_partial() -> None:
    text = (
        "The Cell has convened five times by video link since August 2024, against the six "
        "sessions its two-monthly schedule implied."
    )
    assert checked_status(_status(text), figure_in(text), text) == "partially-fulfilled"
    assert _status("| Technical Working Group | Monthly | 8 meetings in 2025 | Irregular |") == (
        "partially-fulfilled"
    )
    assert _status("Irregular migration through the corridor has fallen.") is None


def test_a_count_given_as_a_difference_from_the_target_reaches_it() -> None:
    text = (
        "126 officers had completed the boarding courses by the end of May, six more than the "
        "120 the pact required."
    )
    figure = figure_in(text)
    assert figure is not None and (figure.reached, figure.target) == (126, 120)
    assert checked_status("in-progress", figure, text) == "fulfilled"
    fewer = figure_in("The navy kept 40 boats at sea, ten fewer than the 50 planned.")
    assert fewer is not None and (fewer.reached, fewer.target) == (40, 50)


def test_days_spent_on_a_task_are_a_count_not_a_time_limit() -> None:
    patrols = figure_in(
        "The Coast Guard carried out 94 days of fisheries patrol, short of the 120 days planned "
        "for the year."
    )
    assert patrols is not None and (patrols.reached, patrols.target) == (94, 120)
    assert not patrols.target_reached
    answers = figure_in("Requests were answered in 12 working days, against the 15 days agreed.")
    assert answers is not None and answers.target_reached


def test_a_change_said_of_the_body_just_named_is_the_report_s_word_on_it() -> None:
    report = (
        "Progress report on the Yerevan Partnership signed in 2024\n\n"
        "The Drug Intelligence Working Group has met six times since December 2024. At its "
        "meeting of 12 June 2025 the group decided to meet every month instead of every second "
        "month.\n\n"
        "The Joint Security Committee has met twice. At its first session the committee agreed "
        "that seizure data would be exchanged once a month rather than every week.\n"
    )
    items = [(label, status) for label, status, _ in _items(report)]
    assert (
        "The Drug Intelligence Working Group has met six times since December 2024. At its "
        "meeting of 12 June 2025 the group decided to meet every month instead of every second "
        "month",
        "revised",
    ) in items
    assert not any(status == "in-progress" and "Working Group" in label for label, status in items)
    # a decision the committee took about another measure leaves the committee's own item
    assert ("The Joint Security Committee has met twice", "in-progress") in items


def test_a_rhythm_kept_since_a_change_an_interruption_and_occasions_provided_for() -> None:
    assert (
        _status(
            "The Border Liaison Working Group, which held its first meetings monthly, has met "
            "every second month since October 2024"
        )
        == "revised"
    )
    assert _status("The group has met monthly since October 2024") == "in-progress"
    assert (
        _status("The exchange of fishing vessel lists has been interrupted since 1 June 2025")
        == "delayed"
    )
    patrols = (
        "The Navy reported 19 coordinated patrols in the twelve months to 30 September, "
        "against the 24 a year provided for in the Agreement"
    )
    figure = figure_in(patrols)
    assert (figure.reached, figure.target) == (19, 24)


def test_a_measure_removed_from_the_work_plan_by_a_pronoun_is_abandoned() -> None:
    assert _status("The Commission has removed it from the work plan.") == "abandoned"


def test_a_change_made_before_a_measure_ended_short_and_a_deadline_met() -> None:
    text = "The rules were issued on 2 March 2026, in time for the revised deadline."
    assert _status(text) == "fulfilled"  # the revision came before; the news is the issue
    assert _status("The two sides agreed a revised target of 300 officers.") == "revised"
    ended = (
        "The course closed at the end of December with 52 of the 60 officers it was meant to train."
    )
    assert checked_status("in-progress", figure_in(ended), ended) == "partially-fulfilled"
    shut = "31 of the 40 unlicensed fuel depots on the list have been closed"
    assert checked_status("in-progress", figure_in(shut), shut) == "in-progress"


def test_a_share_set_against_a_share_is_the_figure_not_the_count_before_it() -> None:
    text = (
        "In 2025 the two units answered 19 of the 22 requests within 30 days, or 86 percent, "
        "exceeding the 80 percent target set in the Accord."
    )
    figure = figure_in(text)
    assert (figure.reached, figure.target) == (86, 80) and figure.target_reached


def test_a_year_after_a_target_is_no_count_reached() -> None:
    text = (
        "The two police forces returned 587 stolen vehicles in 2026. The Commission asked them "
        "to reach the target of 1,000 vehicles by April 2027."
    )
    figure = figure_in(text)
    assert figure is None or figure.reached != 2027
    assert checked_status(_status(text), figure, text) != "fulfilled"
    beaten = figure_in("The target of 50 was beaten: 58 fugitives were returned.")
    assert beaten is not None and (beaten.reached, beaten.target) == (58, 50)


def test_a_reason_given_after_a_body_s_own_decision_does_not_make_it_another_s() -> None:
    # 'noting that …' is the reason for the decision, not a decision that something else will be
    items = _items(
        "Review one year after the Atlantic Route Plan signed in 2025\n\n"
        "The Technical Committee met twice in the period, in Praia and in Dakar. At its meeting "
        "of 2 November 2025 it decided to meet every six months instead of every quarter, noting "
        "that most questions are now settled between the agencies.\n"
    )
    assert [(label[:23], status) for label, status, _ in items] == [
        ("The Technical Committee", "revised")
    ]
