"""Phrasings of follow-ups met in blind round fu-r21 (issue 12): a pact dated by 'last year',
a count several words before its target, a range of completeness, a decision reported with
'it was agreed that', a recurrence changed 'instead', and a body named after an adverbial."""

from __future__ import annotations

from graph.documents.text import parse_text
from graph.extract.bodies import prose_bodies
from graph.followup.checking import checked_status
from graph.followup.figures import figure_in
from graph.followup.recognise import recognise, reported_items
from graph.followup.values import status_in
from graph.lexicon import lexicon

NEWS_LOOKING_BACK = """Gun link pays off for the Andes-Pacific pact

By a staff correspondent - Lima, {published}

Peru and Ecuador have dropped one part of the border security pact they signed in Tumbes in \
{month} of last year and scaled back another, ministers said on Tuesday.

The joint task force against arms trafficking has been established and went live on 14 July.

The exchange of lists of illegal fishing vessels has been abandoned.
"""


def _document(text: str):
    return parse_text(text, key="d", source_name="d.txt", sha256="0" * 64)


def test_a_pact_signed_in_a_month_of_last_year_is_looked_back_at() -> None:
    def recognised(published: str, month: str = "June"):
        text = NEWS_LOOKING_BACK.format(published=published, month=month)
        return recognise(lexicon(), _document(text))

    later = recognised("3 December 2025")
    assert later is not None
    assert {i.status for i in later.items} >= {"fulfilled", "abandoned"}
    # 'December of last year' in January is too recent to look back at
    assert recognised("20 January 2026", month="December") is None
    assert recognised("20 January 2026", month="October") is not None


def test_a_count_several_words_before_its_target_is_the_nearest_count() -> None:
    text = (
        "At sea, the two defence forces carried out 29 joint patrols in the 12 months to the "
        "end of September, beating the target of 24"
    )
    figure = figure_in(text)
    assert figure is not None and (figure.reached, figure.target) == (29, 24)
    assert checked_status(status_in(lexicon(), text), figure, text) == "fulfilled"
    in_a_year = figure_in(
        "212 officers had completed the course in 2024, against the target of 300"
    )
    assert in_a_year is not None and (in_a_year.reached, in_a_year.target) == (212, 300)


def test_a_count_short_of_what_the_pact_called_for_is_partial() -> None:
    text = (
        "The joint desk has referred nine cases to prosecutors, short of the 15 the pact called for"
    )
    figure = figure_in(text)
    assert figure is not None and (figure.reached, figure.target) == (9, 15)
    assert checked_status("in-progress", figure, text) == "partially-fulfilled"


def test_a_range_of_completeness_and_a_hold_up_are_read_for_what_they_are() -> None:
    lex = lexicon()
    assert status_in(lex, "on those measures that fall wholly or partly to our agencies") is None
    assert status_in(lex, "decisions taken in whole or in part by the council") is None
    assert status_in(lex, "the desk has been only partly staffed") == "partially-fulfilled"
    held = "The connection between the databases has been held up while lawyers settle the rules"
    assert status_in(lex, held) == "delayed"


def test_a_decision_reported_with_it_was_agreed_that_is_read_for_its_status() -> None:
    assert status_in(lexicon(), "the group would meet every six weeks instead") == "revised"
    assert status_in(lexicon(), "the group would meet every six weeks instead of monthly") == (
        "revised"
    )
    items = reported_items(
        lexicon(),
        _document(
            "The working group met monthly until October. At its meeting on 21 November 2024 it "
            "was agreed that the working group would meet every six weeks instead.\n"
        ),
        None,
    )
    assert [i.status for i in items if "instead" in i.label] == ["revised"]


def test_a_body_named_after_an_adverbial_phrase_is_the_body_not_the_phrase() -> None:
    document = _document(
        "The two ministers will meet twice a year as the Joint Ministerial Security Council. "
        "Below the Council, a Joint Intelligence Working Group made up of police officers will "
        "meet every month to exchange targeting information.\n"
    )
    labels = [fact.label for fact in prose_bodies(lexicon(), document)]
    assert labels == ["Joint Ministerial Security Council", "Joint Intelligence Working Group"]


def test_a_named_installation_with_a_deadline_is_a_commitment_without_its_place() -> None:
    document = _document(
        "Ottawa, 3 May 2024\n\nThe parties will set up a Joint Coordination Cell in Larnaca, "
        "staffed by two officers seconded by each party, to be operational within eight months "
        "of signature.\n\nWithin four months of signature, the police will set up a Secure "
        "Police Communications Link between the operations centres.\n"
    )
    found = {fact.label: fact.timeline.months for fact in prose_bodies(lexicon(), document)}
    assert found == {"Joint Coordination Cell": 8, "Secure Police Communications Link": 4}


def test_a_body_brought_in_with_a_deadline_is_a_commitment_one_already_known_is_not() -> None:
    document = _document(
        "Ottawa, 3 May 2024\n\nThe FBI and the RCMP will create a Joint Elder Fraud Task Force "
        "against call centres, with the aim of dismantling 20 networks within 24 months.\n\n"
        "A Binational Security Council will meet twice a year. The Binational Security Council "
        "will hold its first meeting before the end of 2024.\n"
    )
    found = {
        fact.label: (fact.timeline and fact.timeline.months, fact.frequency and fact.frequency.key)
        for fact in prose_bodies(lexicon(), document)
    }
    assert found == {
        "Joint Elder Fraud Task Force": (24, None),
        "Binational Security Council": (None, "semiannual"),
    }


def test_each_thing_a_pledge_enumerates_takes_its_rhythm() -> None:
    document = _document(
        "Limassol, 27 June 2024\n\nThe Parties will also hold two exercises each year: a "
        "Critical Infrastructure Cyber Exercise, led by the National Cybersecurity Authority; "
        "and a Joint Port Security Exercise, led by the Port Police, simulating an attack.\n"
    )
    found = {fact.label: fact.frequency.key for fact in prose_bodies(lexicon(), document)}
    assert found == {
        "Critical Infrastructure Cyber Exercise": "annual",
        "Joint Port Security Exercise": "annual",
    }


def test_a_pledge_delivers_its_object_not_a_subject_whose_name_ends_like_a_deliverable() -> None:
    document = _document(
        "Ottawa, 31 May 2024\n\nEach spring, the DHS Office of Intelligence and Analysis, with "
        "contributions from CSIS, will prepare a Joint Border Threat Assessment for ministers.\n"
    )
    found = {fact.label: fact.frequency.key for fact in prose_bodies(lexicon(), document)}
    assert found == {"Joint Border Threat Assessment": "annual"}


def test_a_promised_report_that_has_not_appeared_is_delayed() -> None:
    text = (
        "The promised yearly public progress report, due in the autumn of 2025, has not appeared."
    )
    assert status_in(lexicon(), text) == "delayed"


def test_a_status_word_inside_a_name_is_part_of_the_name() -> None:
    lex = lexicon()
    met = "The Joint Operational Working Group has met every second month since August 2024"
    assert status_in(lex, met) == "in-progress"
    assert status_in(lex, "the Working Group agreed to create a shared watch-list") == "pledged"
    assert status_in(lex, "| Operational since 3 May 2025 |") == "fulfilled"
    since = "Since Austria's police joined the network, investigators compare cartridge cases"
    assert status_in(lex, since) == "in-progress"


def test_irregular_crossings_are_no_partial_fulfilment_but_irregular_drills_are() -> None:
    lex = lexicon()
    assert status_in(lex, "the application of the pact to irregular arrivals at the border") != (
        "partially-fulfilled"
    )
    assert status_in(lex, "The boarding drills have been irregular") == "partially-fulfilled"


def test_more_than_the_number_envisaged_and_every_one_since_a_date_are_done() -> None:
    text = "charges against 26 organisers, more than the twenty envisaged two years ago"
    figure = figure_in(text)
    assert figure is not None and (figure.reached, figure.target) == (26, 20)
    trained = "612 officers from the three States had been trained, exceeding the target of 600"
    assert (figure_in(trained).reached, figure_in(trained).target) == (612, 600)
    items = reported_items(
        lexicon(),
        _document(
            "Since 1 October 2025, customs have scanned every container arriving at Bar "
            "that matches the risk profile.\n"
        ),
        None,
    )
    assert [i.status for i in items] == ["fulfilled"]


def test_a_time_within_the_limit_agreed_is_done() -> None:
    text = (
        "requests were answered within an average of 12 working days in the first half of "
        "2026, against the 15 days agreed in 2024"
    )
    figure = figure_in(text)
    assert figure is not None and (figure.reached, figure.target, figure.ceiling) == (12, 15, True)
    assert figure.target_reached and not figure.short_of_target
    slower = figure_in(text.replace("12 working", "21 working"))
    assert slower is not None and slower.short_of_target
