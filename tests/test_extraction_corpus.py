"""The acceptance bar of the extraction: the shared scorer on annotated documents.

Runs `pactgraph extract DOCS/*.txt -o OUT.ttl` and the scorer in ../shared/eval
exactly as the README says, and fails under mean F1 0.95 or any field under
0.85 — on the shared corpus, and on tests/fixtures/genre: twenty-four documents
of the genre written and annotated for the project, in three rounds, by someone
who had not seen the extractor (other regions, crimes, agencies and headings;
three parties; the EU as a party; press releases, joint statements, datelines,
question headings; native-language agency names; extra table columns; decoy
sentences that exclude crimes). Documents in Spanish, French and Portuguese
(tests/fixtures/genre-es, -fr, -pt: written and annotated the
same way, one in each mixing English and the language) must reach mean F1
0.90 with no field under 0.80.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from tests.conftest import CORPUS, SHARED, requires_shared

GENRE = Path(__file__).parent / "fixtures" / "genre"
# Documents of the genre in the other languages, written and annotated blind to the extractor.
FIXTURES = Path(__file__).parent / "fixtures"
GENRE_IN = {lang: FIXTURES / f"genre-{lang}" for lang in ("es", "fr", "pt")}
LANGUAGE_BAR, LANGUAGE_FIELD_BAR = 0.90, 0.80
#: The announcements of the follow-up rounds (tests/fixtures/followup*, 138 documents
#: written and annotated blind to the extractor, most of them never studied for the
#: extraction) read as they stand: mean F1 0.929 on 2026-12-06, 0.932 on 2026-12-07 once
#: deadlines given as a day and rhythms of two weeks or months were read, 0.9324 once
#: occasions held 'also' and joint patrols, checks and weeks named in prose were, 0.9329
#: once exchanges of officers and memoranda pledged without a name were, 0.9348 once
#: comparisons in one clause ('…, while in Turkmenistan …') and 'Korea' were read, 0.9353
#: once training pledged with a count was, 0.9361 once occasions named in a word or two were
#: named with who holds them ('Sector Commanders' Flag Meeting'), 0.9366 once the
#: International Organization for Migration was an agency, as UNODC and INTERPOL are (all
#: sixteen annotators who met it listed it so). Their annotators' own conventions cost some
#: of it (other international organizations listed as agencies where they play a part,
#: frequency keys of their own such as 'every two months', crime keys of their own such as
#: 'fuel-smuggling'), so the bar is what was measured, to hold it. Round fu-r38 added four
#: (126 in all): read on arrival at 0.809, three of them setting out their safeguards in
#: prose under a 'Safeguards' heading, 0.861 once such prose was read; 0.9337 over all; 0.885
#: (0.9344 over all) once a pipe table with no separator line was headed by its first row,
#: 0.911 (0.9359) once a 'Label: description' bullet gave the rhythm, deadline and lead its
#: description names. fu-r39's four scored 0.905 on arrival and 0.942 once prose safeguards
#: could lay down a rule without 'shall', a lead stated in so many words won, a lead cell's
#: partners were told from its lead, and a review or a network was pledged in prose ('agreed
#: to set up'); all 130 then score 0.9370. fu-r40's four, read on arrival and not studied:
#: 0.906 (the session's start read them at 0.898); all 134 score 0.9362. fu-r41's four,
#: on arrival: 0.896 (0.883 at the session's start); all 138 score 0.9350. fu-r42's four, on
#: arrival: 0.974; all 142 score 0.9361. fu-r43's four, on arrival: 0.980; all 146 score 0.9371.
#: fu-r44's four, on arrival: 0.982; all 150 score 0.9381. fu-r45's four, on arrival: 0.978; all
#: 154 score 0.9391. fu-r46's four, on arrival: 0.971; all 158 score 0.9398. fu-r47's four, on
#: arrival: 0.980; fu-r48's: 0.982; fu-r49's: 0.980; fu-r50's: 0.978; all 174 score 0.9430.
#: fu-r51's four read 0.862 on arrival: one announcement, whose background opened 'Eight years
#: after the boat crisis of May 2015', was taken for a follow-up and lost everything but its
#: agencies; 0.994 once a time counted from another event no longer made a follow-up.
#: fu-r52's four, on arrival: 0.991; fu-r53's: 0.984; all 186 score 0.9459.
ANNOUNCEMENTS_BAR, ANNOUNCEMENTS_FIELD_BAR = 0.9450, 0.86


@requires_shared
@pytest.mark.parametrize("folder", [CORPUS, GENRE], ids=["shared-corpus", "genre-fixtures"])
def test_scorer_meets_the_bar(tmp_path: Path, folder: Path) -> None:
    scores = _scores(tmp_path, folder)
    low = {f: s["f1"] for f, s in scores["fields"].items() if s["f1"] < 0.85}
    assert not low, f"fields under 0.85: {low}"
    assert scores["mean_f1"] >= 0.95


@requires_shared
@pytest.mark.parametrize("language", sorted(GENRE_IN))
def test_scorer_meets_the_bar_in_other_languages(tmp_path: Path, language: str) -> None:
    scores = _scores(tmp_path, GENRE_IN[language])
    low = {f: s["f1"] for f, s in scores["fields"].items() if s["f1"] < LANGUAGE_FIELD_BAR}
    assert not low, f"fields under {LANGUAGE_FIELD_BAR}: {low}"
    assert scores["mean_f1"] >= LANGUAGE_BAR


@requires_shared
@pytest.mark.slow  # 138 documents extracted and scored: about a minute
def test_the_follow_up_rounds_announcements_hold_their_figures(tmp_path: Path) -> None:
    announcements = tmp_path / "announcements"
    announcements.mkdir()
    for gold in FIXTURES.glob("followup*/*.gold.json"):
        shutil.copy(gold, announcements)
        shutil.copy(gold.with_name(json.loads(gold.read_text())["document"]), announcements)
    scores = _scores(tmp_path, announcements)
    low = {f: s["f1"] for f, s in scores["fields"].items() if s["f1"] < ANNOUNCEMENTS_FIELD_BAR}
    assert not low, f"fields under {ANNOUNCEMENTS_FIELD_BAR}: {low}"
    assert scores["mean_f1"] >= ANNOUNCEMENTS_BAR, scores["mean_f1"]


def _scores(tmp_path: Path, folder: Path) -> dict:
    """Extract every document of ``folder`` and score the graph with the shared scorer."""
    output = tmp_path / "out.ttl"
    documents = sorted(folder.glob("*.txt"))
    result = CliRunner().invoke(app, ["extract", *map(str, documents), "-o", str(output)])
    assert result.exit_code == 0, result.output
    report = tmp_path / "score.json"
    subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score_extraction.py"),
            "--kg",
            str(output),
            "--docs",
            str(folder),
            "--quiet",
            "--json",
            str(report),
        ],
        check=True,
        capture_output=True,
    )
    return json.loads(report.read_text())
