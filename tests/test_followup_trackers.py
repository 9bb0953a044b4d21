# ruff: noqa: E501  (sample documents keep their long lines, as reports have them)
"""Forms of follow-up first met in blind round fu-r47 and after (issue 12): a tracker
exported from a spreadsheet, with a colour key, rows numbered and starred, a row kept for
reference only; a statistical annex whose tables carry marks, a table of measures adopted
after signature and a table that only counts the marks; an arrangement named again."""

from __future__ import annotations

from graph.documents.text import parse_text
from graph.extract.extractor import document_date
from graph.followup.additions import addition_cues
from graph.followup.facts import ReportedItem
from graph.followup.figures import figure_in
from graph.followup.judged import runs_since
from graph.followup.recognise import recognise, reported_items
from graph.followup.values import status_in
from graph.lexicon import lexicon


def _document(text: str):
    return parse_text(text, key="report", source_name="report.txt", sha256="0" * 64)


def _items_in(text: str) -> list[ReportedItem]:
    return reported_items(lexicon(), _document(text), None)


TRACKER = """\
Border Management Group — Secretariat
Implementation Tracker: Riverside Framework on Border Security

Export generated 3 March 2025 | Rows: 5

Legend
GREEN = completed, or in place and working as agreed
AMBER = under way and still within the agreed time frame
RED = behind the agreed time frame / deadline missed
★ = item added after signature (not in the original text)

| # | Workstream | Action (short title) | Lead | Status | Remarks |
|---|---|---|---|---|---|
| 1 | Patrolling | Coordinated patrol calendar | Border Guard | AMBER | Calendars exchanged monthly; coverage still uneven in two sectors |
| 2 | Interdiction | Joint checkpoints at busy crossings | Police | RED | Deadline missed; six sites held up by land availability |
| 3 | Trafficking | Screening help desks at crossings | Border Guard | GREEN | All 15 desks opened in May |
| 4 ★ | Trafficking | Missing persons data bridge | Police | AMBER | Pilot live in four districts |
| 5 (Ref.) | Boundary | Restoration of boundary pillars | Survey departments | AMBER | Shown for reference only: falls under the Boundary Working Group and is not part of the Framework |
"""


def test_an_implementation_tracker_is_a_follow_up() -> None:
    assert recognise(lexicon(), _document(TRACKER)) is not None


def test_a_tracker_names_its_rows_by_the_action_its_key_rates_and_stars_the_added_one() -> None:
    items = _items_in(TRACKER)
    # the first column numbers the rows, also beside a star or a tag; of the two columns
    # headed like a commitment, 'Action' names each row apart where 'Workstream' groups them
    assert [(i.label, i.status, i.added) for i in items] == [
        # 'the agreed time frame' pledges nothing: AMBER means under way
        ("Coordinated patrol calendar", "in-progress", False),
        ("Joint checkpoints at busy crossings", "delayed", False),
        ("Screening help desks at crossings", "fulfilled", False),
        ("Missing persons data bridge", "in-progress", True),
        # the boundary pillars are not part of the Framework: no item
    ]


ANNEX = """\
Annex 2 — Statistical Scorecard, second-year implementation report

Each indicator carries one of the following marks:
- ● Met: target reached or exceeded.
- ◐ Partly met: deadline passed with part of the target reached.
- ▷ Under way: work in progress, deadline not yet reached.

Table 2. Initiatives with deadlines
| No. | Indicator | Target (2023 text) | Result at 30 Sep 2025 | Mark |
|---|---|---|---|---|
| 2.1 | Persons surrendered through the expedited extradition channel | 40 within 18 months | 46 surrendered (40 targeted) | ● |
| 2.2 | Medicine analysers at the ports | 20 analysers | 16 in use, land border posts being excluded | ◐ |

Table 4. Measures adopted after signature
| No. | Indicator | Adopted | Result at 30 Sep 2025 | Mark |
|---|---|---|---|---|
| 4.1 | People returned south by sea under the reverse-flow boat protocol | May 2025 ministerial round | 2,914 people carried on 31 supervised crossings | ▷ |
| 4.2 | Joint prosecution unit | Proposed March 2025 | Under study | — |

Table 5. Summary of marks
| No. | Mark | Indicators |
|---|---|---|
| 5.1 | ● Met | 1 |
| 5.2 | ◐ Partly met | 1 |
"""


def test_an_annex_reads_its_added_measures_and_not_its_count_of_marks() -> None:
    items = _items_in(ANNEX)
    assert [(i.label, i.status, i.added) for i in items] == [
        ("Persons surrendered through the expedited extradition channel", "fulfilled", False),
        # a scope narrowed ('excluded') is no measure outside the agreement
        ("Medicine analysers at the ports", "partially-fulfilled", False),
        # under a caption of measures adopted after signature; named by the indicator, not
        # by when it was adopted, nor by its mark: a dash rates nothing
        ("People returned south by sea under the reverse-flow boat protocol", "in-progress", True),
        ("Joint prosecution unit", "in-progress", True),
        # the summary's rows are named only by their numbers: no items
    ]


def test_the_arrangement_named_again_is_the_one_just_reported() -> None:
    text = (
        "The forensic link under which the agency examined suspect notes seized abroad began "
        "working in February 2024 and met its 30-day standard in most cases. However, the "
        "arrangement was discontinued from April 2025 after the central bank commissioned its "
        "own verification laboratory.\n"
    )
    [item] = _items_in(text)
    assert item.status == "abandoned"
    assert item.label.startswith("The forensic link")


INTRODUCED = """\
New measures
The officials agreed to add two measures to the plan:

| Measure | Lead | Status |
|---|---|---|
| Tripartite Victim Hotline | Police | Launched on 5 January 2026, answering calls in three languages |
"""


def test_a_sentence_that_introduces_a_table_of_additions_makes_its_rows_new() -> None:
    [item] = _items_in(INTRODUCED)
    assert (item.label, item.added) == ("Tripartite Victim Hotline", True)
    # a paragraph that does not introduce the table (a key's last line) does not
    other = INTRODUCED.replace("to the plan:", "to the plan.\n\nThe table reads as follows")
    rows = [i for i in _items_in(other) if i.label == "Tripartite Victim Hotline"]
    assert [i.added for i in rows] == [False]


PRESS_CONFERENCE = """\
Transcript: Year-End Press Conference of the Ministry of Interior
Monday {date}

Spokesman: I turn now to the western frontier. In January the Minister signed, with his counterpart, the memorandum on border security.

The joint operations centre at the crossing has been working around the clock since June, with officers of both countries on every shift.

The second session of the joint committee, which should have been held this month, has been postponed to February.
"""


def test_a_month_named_without_its_year_dates_the_signing_before_the_document() -> None:
    said_in_december = _document(PRESS_CONFERENCE.format(date="29 December 2025"))
    assert recognise(lexicon(), said_in_december) is not None
    # in February, 'In January' is a few weeks back: no earlier agreement reported on
    said_in_february = _document(PRESS_CONFERENCE.format(date="23 February 2026"))
    assert recognise(lexicon(), said_in_february) is None


ANSWERS = """\
Transcript: Year-End Press Conference of the Ministry of Interior
Monday 29 December 2025

Maj. Gen. Hassan: In January the Minister signed, with his counterpart, the memorandum on border security. I want to add one point that was not in the original text. When the ministers met in Cairo in June they agreed to create a joint aerial surveillance unit; it will begin work in 2026.

Q (Claire Dumont, AFP): The memorandum said the scanners would be in place within nine months. Where are they?

Maj. Gen. Hassan: That date has passed, and I will not pretend otherwise. The equipment was delivered in November.

Q (Nadia Kamel, Asharq Al-Awsat): The ministerial committee was supposed to meet twice a year. Has it met twice?

Maj. Gen. Hassan: It met once, in June in Cairo. The second session, which should have been held this month, has been moved to February.

Q (Omar Ali, Extra News): And the weapons register?

Maj. Gen. Hassan: At present 4,870 weapons have been entered in the register. It is not finished, but it is on track.
"""


def test_a_press_conference_answers_its_questions_under_a_titled_speaker() -> None:
    items = {i.span.text.split(". ")[-1][:30]: i for i in _items_in(ANSWERS)}
    # what was not in the original text is the decision that follows; the meeting that
    # decided it is no status of the new unit
    added = next(i for i in items.values() if i.added)
    assert added.label.startswith("When the ministers met") and added.status == "pledged"
    # 'Maj. Gen. Hassan:' ends no sentence: 'That date' is the date the question asked about
    date_passed = next(i for i in items.values() if "That date has passed" in i.span.text)
    assert date_passed.status == "delayed" and date_passed.label.startswith("The memorandum said")
    # 'It met once' is the committee the question named; its second session was put off
    met = next(i for i in items.values() if "It met once" in i.span.text)
    assert met.label.startswith("The ministerial committee") and met.status == "delayed"
    assert "The second session" in met.span.text
    on_track = next(i for i in items.values() if i.span.text.startswith("It is not finished"))
    assert on_track.status == "in-progress"


LOGFRAME = """\
Quarterly monitoring report, third quarter

| Indicator | Baseline | Target | Actual | Comment |
|---|---|---|---|---|
| O3.2 Local security meetings between border districts and provinces | 0 | 9 | 6 of 9 | Only six of the nine monthly meetings due took place. |
| O3.4 Trader alert desks operating at border markets | 0 | 4 by June 2027 | 2 | A new activity, not foreseen in the March text: desks are open at two markets. |
"""


def test_a_row_that_says_its_measure_is_new_reports_an_addition() -> None:
    assert [(i.label[:4], i.added) for i in _items_in(LOGFRAME)] == [
        ("O3.2", False),
        ("O3.4", True),
    ]


GAZETTE = """\
RESOLUTION No. 598/2026, amending the Action Plan of the Agreement signed at Asuncion on 12 March 2025

Article 5. A new item 10 is added to the Action Plan, worded as follows: "Joint Cryptoasset Tracing Cell: the two financial intelligence units shall establish a joint cell to trace transfers of virtual assets."

ANNEX: STATUS OF THE MEASURES OF THE ACTION PLAN AS AT 30 APRIL 2026

| Item | Measure | Responsible | Status |
|---|---|---|---|
| 3 | Link between the national cattle registries | SENACSA | In execution: the interface has been under test since March 2026. |
| 4 | Exchange of beneficial ownership information | SEPRELAD | Executed: the exchange channel has operated since 16 February 2026. |
| 5 | Expedited preservation of electronic evidence | Public Ministry | Deleted by Article 4 of this Resolution. |
"""


def test_a_gazette_annex_reads_the_words_of_a_resolution() -> None:
    items = [i for i in _items_in(GAZETTE) if not i.label.startswith("RESOLUTION")]
    assert [(i.status, i.added) for i in items] == [
        ("pledged", True),  # 'added to the Action Plan'
        ("in-progress", False),
        ("fulfilled", False),
        ("abandoned", False),
    ]


def test_a_measure_working_as_intended_is_done_and_one_merely_working_goes_on() -> None:
    lex = lexicon()
    assert status_in(lex, "the referral mechanism is functioning as intended") == "fulfilled"
    assert status_in(lex, "the referral mechanism is working") == "in-progress"


def test_a_decision_to_post_officers_adds_a_measure() -> None:
    text = (
        "On Friday the ministers also agreed to post customs liaison officers at the port from 2028"
    )
    assert addition_cues(lexicon(), text)
    assert not addition_cues(lexicon(), "The liaison officers agreed on a schedule by post")


PROMISES = """\
FACT SHEET: Border Security, Two Years On

| What we promised | What we delivered |
|---|---|
| A joint operations room watching the frontier day and night | Commissioned in January 2027 and staffed around the clock |
| Monthly meetings of the two customs services on fuel smuggling | Wound up by mutual agreement in April 2027 |
"""


def test_a_table_of_promises_and_deliveries_reports_each_promise() -> None:
    assert [(i.label[:20], i.status) for i in _items_in(PROMISES)] == [
        ("A joint operations r", "fulfilled"),
        ("Monthly meetings of ", "abandoned"),
    ]


def test_a_column_of_reported_status_is_the_status_not_a_date() -> None:
    text = """\
Memorandum to members: the framework one year on

| Commitment (lead agency) | Due | Reported status |
|---|---|---|
| Joint money-laundering network analysis (UIF) | November 2026 | Completed. Analysts finished joint profiles of 58 networks. |
| Financial Crimes Dialogue | May 2026; quarterly | Not yet convened at the level foreseen. |
"""
    assert [i.status for i in _items_in(text)] == ["fulfilled", "delayed"]


def test_a_sentence_that_names_an_addition_only_by_its_kind_is_no_item() -> None:
    text = (
        "The parties have also added at least one measure that was not in the original text. "
        "At their July meeting the ministers agreed to open a joint cargo screening pilot at "
        "Laredo.\n\nThe same session agreed a new measure, described in section 6.8.\n"
    )
    items = _items_in(text)
    assert [(i.label[:27], i.added) for i in items] == [("At their July meeting the m", True)]


def test_a_list_under_a_heading_of_additions_adds_each_measure() -> None:
    text = """\
Fact sheet: two years on

ALSO NEW
- Drones over the river stretch: a joint surveillance trial began in May 2027.
- Coming in 2028: a hotline for truck drivers to report illegal checkpoints.
"""
    assert [(i.status, i.added) for i in _items_in(text)] == [
        ("in-progress", True),
        ("pledged", True),
    ]


PROGRESS_PAGE = """\
Memorandum on Transnational Crime: Implementation Progress

Last updated: 16 January 2025

Around-the-clock contact point for cyber cases
Status: Completed
Duty desks in both capitals began handling each other's urgent requests on 3 June 2024.

Register of barred recruitment brokers
Status: Behind schedule
The register was due by September 2024 but has not yet been exchanged.

New: rapid freezing of accounts used in fraud
Status: Agreed; work to begin April 2025
This measure was not in the original memorandum.
"""


def test_a_measure_named_in_a_heading_is_rated_by_the_status_line_under_it() -> None:
    rated = [i for i in _items_in(PROGRESS_PAGE) if i.strong]
    assert [(i.label, i.status, i.added) for i in rated] == [
        ("Around-the-clock contact point for cyber cases", "fulfilled", False),
        ("Register of barred recruitment brokers", "delayed", False),
        ("New: rapid freezing of accounts used in fraud", "pledged", True),
    ]
    # the paragraph under the line is part of the item's passage, which the matcher reads
    assert "3 June 2024" in rated[0].span.text


def test_a_compliance_level_rates_each_commitment() -> None:
    text = """\
Monitoring report of the national human rights institution

| Commitment | What the institution found | Compliance level |
|---|---|---|
| Stolen-vehicle alerts at the border posts | The alert link now covers all five authorized crossings. | High |
| Joint drug interdiction on the altiplano routes | Seizures rose 14 per cent against a goal of 20 per cent. | Partial |
"""
    assert [(i.label[:20], i.status) for i in _items_in(text)] == [
        ("Stolen-vehicle alert", "fulfilled"),
        ("Joint drug interdict", "partially-fulfilled"),
    ]


ANNOUNCEMENT = """\
Ghana and Senegal Sign Plan Against Crime at Sea

DAKAR, 4 March 2025 — Ghana and Senegal on Tuesday signed the Dakar Plan against Crime at Sea, which commits their navies, fisheries inspectors and financial-intelligence units to work together against illegal fishing, fuel smuggling and the laundering of their proceeds.

Why Now
Ten years after the trawler fire of June 2015, when dozens of fishermen were lost off Kayar and the wrecks were never raised, the trade has changed shape rather than closed. Officials listed what they fear most:
- Foreign trawlers fish inside the inshore zone at night and land their catch in Tema.
- Fuel bought at sea is delivered to boats whose licences were suspended.
- Earnings travel home through mobile-money accounts opened with borrowed identity cards.

Negotiators spent much of the second day on the wording of the safeguards, which are now complete.

What the Plan Sets Out
- Joint Patrols: The two navies will run monthly joint patrols off the Casamance coast.
- Shared Register: Within 12 months the fisheries ministries will open a shared register of licensed vessels.
"""


def test_an_announcement_counting_years_from_another_event_is_no_follow_up() -> None:
    # 'Ten years after the trawler fire of June 2015' counts from no agreement: background
    assert recognise(lexicon(), _document(ANNOUNCEMENT)) is None


def test_a_time_counted_from_the_signing_or_in_a_headline_opens_a_follow_up() -> None:
    report = (
        "Review\n19 May 2026\n\n{opening}\n\nThe joint patrols have run every month since "
        "April 2025. The shared register went live in February 2026, ahead of schedule.\n"
    )
    for opening in (
        "Eighteen months after Ghana and Senegal signed their plan against crime at sea, "
        "the navies patrol together.",
        "Two years after Dakar: the coast is better watched",
    ):
        assert recognise(lexicon(), _document(report.format(opening=opening))) is not None
    background = "Ten years after the trawler fire of June 2015, the fleets patrol together."
    assert recognise(lexicon(), _document(report.format(opening=background))) is None


def test_a_report_is_dated_by_its_labelled_date_not_the_period_it_covers() -> None:
    header = (
        "PROJECT COMPLETION REPORT\n\nImplementation period: 1 April 2024 – 31 December 2025\n"
        "Date of report: 16 March 2026\n\nThe project helped deliver the plan the ministers "
        "signed in Dakar on 12 March 2024.\n"
    )
    assert document_date(header) == "2026-03-16"
    assert document_date("Dakar, 4 March 2025 — on 1 May 2024 ...") == "2025-03-04"


def test_a_completion_on_schedule_is_done_and_one_to_come_is_not() -> None:
    lex = lexicon()
    done = "The liaison office at Hat Lek opened in July 2024, on schedule, and is staffed"
    assert status_in(lex, done) == "fulfilled"
    assert status_in(lex, "The census remains on schedule.") == "in-progress"
    to_come = "It asked the bureau to complete the work by March 2027 as planned."
    assert status_in(lex, to_come) == "in-progress"


def test_a_paragraph_naming_its_headings_noun_again_speaks_of_the_heading() -> None:
    text = (
        "First Annual Progress Report\n\n3.1 Joint Maritime Coordination Centre, Chaguaramas\n\n"
        "The Centre was formally opened on 8 April 2024 and has been staffed around the clock "
        "by watch officers of both coast guards.\n"
    )
    (item,) = _items_in(text)
    assert item.label.startswith("3.1 Joint Maritime Coordination Centre")


def test_the_last_of_several_at_work_is_the_whole_at_work() -> None:
    lex = lexicon()
    assert runs_since(lex, "The last of four joint border posts is now in service.")
    assert runs_since(lex, "The last of three coastal radar stations is up and running.")
    assert not runs_since(lex, "The last of three coastal radar stations is being built.")


REPORT_CARD = """\
Report Card: The Lake Border Pact After Eighteen Months

Published 3 March 2026.

How We Grade
- A means delivered in full and on time.
- C means roughly half delivered.
- F means nothing delivered, or the commitment dropped.

| Undertaking | Grade | Why |
|---|---|---|
| Joint lake patrols | A | Patrols have run every week since June 2024. |
| Shared boat register | C | The register lists boats from one shore only. |
| Fuel-smuggling task force | F | The task force never met and has been wound up. |
"""


def test_a_report_card_grades_each_undertaking_by_its_key() -> None:
    facts = recognise(lexicon(), _document(REPORT_CARD))
    assert facts is not None
    graded = {item.label: item.status for item in facts.items if item.strong}
    assert graded == {
        "Joint lake patrols": "fulfilled",
        "Shared boat register": "partially-fulfilled",
        "Fuel-smuggling task force": "abandoned",
    }


def test_a_table_of_the_reports_own_recommendations_reports_no_commitment() -> None:
    text = (
        "Follow-up audit of the Lake Border Pact\n\nDate of report: 3 March 2026\n\n"
        "| No. | Recommendation (2024) | Status at 31 January 2026 |\n|---|---|---|\n"
        "| 1 | The Ministry should adopt a monitoring framework | Implemented |\n"
        "| 2 | The Police should budget for the border desks | Not implemented |\n\n"
        "| Undertaking | Status |\n|---|---|\n| Joint lake patrols | Implemented |\n"
    )
    assert [item.label for item in _items_in(text) if item.strong] == ["Joint lake patrols"]


def test_switched_on_late_working_as_intended_and_open_since_are_done() -> None:
    lex = lexicon()
    late = "The last sensors were switched on in February, four months behind schedule."
    assert status_in(lex, late) == "fulfilled"
    intended = "Officials on both sides say the channel works as the protocol intended."
    assert status_in(lex, intended) == "fulfilled"
    never = "They conceded that the tracing system would never work as designed."
    assert status_in(lex, never) != "fulfilled"
    assert runs_since(lex, "The office has passed 900 alerts since it opened in October 2024.")


def test_quoted_pledges_under_an_introduction_are_no_items() -> None:
    text = (
        "2025 Year in Review\n27 January 2026\n\nWhat the plan asked of us\n"
        "- Headline pledges as signed:\n"
        '- "Eight coordinated boardings of suspect vessels" within a year\n'
        '- "€15 million in criminal assets frozen" within two years\n'
        "- Joint boardings: 6 of 8 carried out by the deadline\n"
    )
    labels = [item.label for item in _items_in(text)]
    assert not any("Eight coordinated" in label or "€15 million" in label for label in labels)
    assert "Joint boardings" in labels


def test_a_meeting_stopped_and_a_next_session_pushed_back() -> None:
    lex = lexicon()
    stopped = "In January the police told their counterparts they were stopping it."
    assert status_in(lex, stopped) == "abandoned"
    text = (
        "Podcast transcript\n18 March 2026\n\nGUEST: The Binational Security Commission. "
        "It started well: Quito in November 2024, Panama City in May 2025, right on "
        "schedule. Then the third session, which should have been in Guayaquil in November, "
        "was pushed to January, and then pushed again to April.\n"
    )
    (item,) = _items_in(text)
    assert item.status == "delayed"
    assert "Binational Security Commission" in item.label


def test_a_body_that_changes_its_rhythm_at_the_session_just_reported_is_revised() -> None:
    text = (
        "Hearing transcript\n21 May 2025\n\nSECRETARY-GENERAL: The ministerial commission met "
        "for the first time in Néma on 19 November. At that session the two ministers decided "
        "that they would meet once a year instead of every six months.\n"
    )
    (item,) = _items_in(text)
    assert item.status == "revised"
    assert "ministerial commission" in item.label


DASHBOARD = """\
Lake Security Observatory — Cooperation Tracker
Dashboard: the Lake Border Pact (Kisumu, 9 Nov 2022)
Export generated: 17 February 2025 | Data as of: 31 December 2024

Status key: Done = delivered and working as pledged | On track = under way | Part met = deadline passed, only part delivered | Changed = parties altered target, rhythm or scope | Dropped = parties ended the measure

| Deliverable | Due | Status | Result |
|---|---|---|---|
| Joint boat register | Nov 2023 | Done | Live since Sep 2024 |
| Investigation team | Nov 2024 | Part met | 27 of 30 facilitators referred |
| Ministerial committee | Twice a year | Changed | Annual rhythm adopted in May 2024 |
"""


def test_a_dashboard_export_reads_its_key_of_two_word_marks_set_out_with_bars() -> None:
    facts = recognise(lexicon(), _document(DASHBOARD))
    assert facts is not None
    rated = {item.label: item.status for item in facts.items if item.strong}
    assert rated["Investigation team"] == "partially-fulfilled"
    assert rated["Ministerial committee"] == "revised"
    assert rated["Joint boat register"] == "fulfilled"


def test_a_share_set_against_the_share_aimed_for_by_not() -> None:
    figure = figure_in("In that first year seizures rose by 17 percent, not the 25 percent we set")
    assert figure is not None and (figure.reached, figure.target) == (17, 25)


def test_a_row_that_only_sets_a_count_beside_its_target_is_a_weak_item() -> None:
    text = (
        "Budget Justification\n26 August 2025\n\n"
        "| Indicator | Target 2025 | Achieved to 31 July 2025 |\n|---|---|---|\n"
        "| Combined operations with the navy | 18 | 14 |\n"
        "| Joint patrols | 24 | 26, target reached |\n"
    )
    items = {item.label: item for item in _items_in(text)}
    assert not items["Combined operations with the navy"].strong
    assert items["Joint patrols"].strong and items["Joint patrols"].status == "fulfilled"


def test_a_post_filled_on_one_side_and_unfilled_on_the_other_is_part_done() -> None:
    text = (
        "Liaison posts: Garda officer at the Embassy in Paris since February 2025; "
        "French police post in Dublin approved but still unfilled at year-end"
    )
    assert status_in(lexicon(), text) == "partially-fulfilled"
