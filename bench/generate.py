"""Documents of the genre for the benchmarks: as many as asked, the same for the same seed.

Run: .venv/bin/python bench/generate.py --docs 200 --seed 7 --out /tmp/docs

Each document is an announcement like those in ``tests/fixtures/genre``: a
title, prose naming the parties, a media outlet and lead agencies, pillar
bullets, two to four tables under varied headings (measures with outcomes and
timelines, tasks with agencies and frequencies, a per-nation comparison),
safeguard bullets and a closing paragraph. Parties, agencies, outlets, crime
phrases, frequency words and column headings are drawn from the ontology
through ``graph.lexicon`` — the words the extractor reads — so N documents
give the graph that N real announcements would. The connecting prose and the
names of measures are the generator's own.
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import URIRef

from graph.lexicon import ActorEntry, lexicon
from graph.namespaces import PG

_MEASURE_HEADS = (
    "Task Force", "Liaison Office", "Data Exchange", "Patrol Programme", "Training Centre",
    "Alert Network", "Screening Protocol", "Case Registry", "Inspection Post", "Hotline",
    "Analysis Cell", "Working Group", "Tracking System", "Referral Mechanism", "Fusion Centre",
)  # fmt: skip
_MEASURE_TOPICS = (
    "Border", "Maritime", "Port", "Airport", "Customs", "Financial", "Cyber", "Forensic",
    "Coastal", "Railway", "Highway", "River", "Northern", "Southern", "Frontier",
)  # fmt: skip
_OUTCOMES = (
    "Faster identification of suspects", "More seizures at official crossings",
    "Shorter waiting times for cargo", "Better protection of victims",
    "Fewer unmonitored crossings", "Shared picture of criminal routes",
    "More prosecutions concluded", "Earlier warning of threats",
    "Trained officers at every post", "Reliable statistics published each year",
)  # fmt: skip
_TASKS = (
    "Joint patrols along the border", "Exchange of seizure data", "Review of smuggling routes",
    "Threat assessment for the frontier", "Coordination meeting of the lead agencies",
    "Inspection of cargo at the main crossing", "Audit of the shared watchlist",
    "Report to the ministers on progress",
)  # fmt: skip
_ASPECTS = ("Coordination", "Data Sharing", "Legal Framework", "Training", "Oversight")
_APPROACHES = (
    "Centralised oversight by the interior ministry", "Regional commands with local input",
    "Specialised units under the justice ministry", "Encrypted databases shared across agencies",
    "Strict privacy rules set by statute", "Courses run by the national police academy",
    "Parliamentary committee reviews", "Inspectorate reporting to the cabinet",
)  # fmt: skip
_SAFEGUARDS = (
    "Officers may not carry weapons across the border without written approval of both sides.",
    "Suspects arrested in one country are tried under that country's laws.",
    "Personal data may be shared only for the purposes named in the agreement.",
    "Neither party's officers may act on the other's territory without its consent.",
    "A joint committee will investigate any complaint of abuse by officers.",
    "Each side keeps full control over its own courts and prosecutors.",
)  # fmt: skip
_PILLARS = (
    ("Intelligence Sharing", "Analysts will exchange information through a secure channel."),
    ("Joint Operations", "Units from both sides will plan operations together."),
    ("Capacity Building", "Officers will attend common courses and exercises."),
    ("Community Engagement", "Border communities will be able to report suspicious movements."),
    ("Legal Cooperation", "Prosecutors will align procedures for evidence and extradition."),
    ("Victim Protection", "Victims identified at the border will be referred to shelters."),
)  # fmt: skip
_TIMELINES = ("3 months", "6 months", "90 days", "a year", "18 months", "two years", "120 days")


@dataclass(frozen=True)
class _Words:
    """What the generator draws from the ontology, read once."""

    parties: tuple[ActorEntry, ...]
    agencies: dict[URIRef, tuple[ActorEntry, ...]]
    media: tuple[str, ...]
    crimes: tuple[str, ...]
    frequencies: tuple[str, ...]
    cues: dict[URIRef, tuple[str, ...]]


@cache
def _words() -> _Words:
    lex = lexicon()
    by_owner: dict[URIRef, list[ActorEntry]] = defaultdict(list)
    for entry in lex.actors.values():
        if entry.kind == "agency" and entry.owner is not None:
            by_owner[entry.owner].append(entry)
    # Parties with at least two agencies of their own, so tables can name lead agencies.
    parties = tuple(
        sorted(
            (lex.actors[o] for o, found in by_owner.items() if len(found) >= 2 and o in lex.actors),
            key=lambda e: str(e.iri),
        )
    )
    return _Words(
        parties=tuple(p for p in parties if p.kind == "nation"),
        agencies={owner: tuple(found) for owner, found in by_owner.items()},
        media=tuple(sorted({p for p in lex.media.phrases if len(p.split()) >= 2})),
        crimes=tuple(sorted({p.lower() for p, _ in lex.crimes.phrases if " " in p})),
        frequencies=tuple(sorted(lex.frequencies.phrases)),
        cues=lex.cues,
    )


def _heading(cues: tuple[str, ...], rng: random.Random) -> str:
    """A column heading from a term's cues ('lead agency' → 'Lead Agency')."""
    return rng.choice([c for c in cues if c[:1].isalpha() and len(c) > 3] or list(cues)).title()


def _measure(rng: random.Random) -> str:
    return f"{rng.choice(_MEASURE_TOPICS)} {rng.choice(_MEASURE_HEADS)}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def _measures_table(rng: random.Random, words: _Words) -> str:
    header = [
        _heading(words.cues[PG.Commitment], rng),
        _heading(words.cues[PG.aimsAt], rng),
        _heading(words.cues[PG.hasTimeline], rng),
    ]
    names = rng.sample(sorted({_measure(rng) for _ in range(12)}), 4)
    rows = [[n, rng.choice(_OUTCOMES), rng.choice(_TIMELINES)] for n in names]
    return f"Each pillar comes with concrete measures:\n\n{_table(header, rows)}"


def _tasks_table(rng: random.Random, words: _Words, agencies: list[ActorEntry]) -> str:
    header = [
        "Task",
        _heading(words.cues[PG.implementedBy], rng),
        _heading(words.cues[PG.hasFrequency], rng),
    ]
    tasks = rng.sample(_TASKS, 4)
    rows = [[t, rng.choice(agencies).label, rng.choice(words.frequencies)] for t in tasks]
    return f"Day-to-day coordination is assigned as follows:\n\n{_table(header, rows)}"


def _comparison_table(rng: random.Random, a: ActorEntry, b: ActorEntry) -> str:
    header = ["Issue", f"{a.label} Approach", f"{b.label} Approach"]
    rows = [[x, *rng.sample(_APPROACHES, 2)] for x in rng.sample(_ASPECTS, 3)]
    return "The two countries organise the relevant services in different ways:\n\n" + _table(
        header, rows
    )


def document(index: int, seed: int) -> tuple[str, str]:
    """Document ``index`` of the set ``seed``: (file name, text)."""
    rng = random.Random(f"{seed}-{index}")
    words = _words()
    a, b = rng.sample(words.parties, 2)
    agencies = [*rng.sample(words.agencies[a.iri], 2), *rng.sample(words.agencies[b.iri], 2)]
    crimes = rng.sample(words.crimes, 3)
    pillars = rng.sample(_PILLARS, rng.randint(3, 5))
    tables = [_measures_table(rng, words), _tasks_table(rng, words, agencies)]
    tables += rng.sample(
        [_comparison_table(rng, a, b), _measures_table(rng, words)], rng.randint(0, 2)
    )
    safeguards = rng.sample(_SAFEGUARDS, rng.randint(2, 4))
    title = f"{a.label} and {b.label} Sign Pact Against {crimes[0].title()}"
    parts = [
        title,
        f"{a.label} and {b.label} have signed a security cooperation agreement in which both "
        f"governments undertake to fight {crimes[0]}, {crimes[1]} and {crimes[2]} along their "
        f"shared routes. The agreement, first reported by {rng.choice(words.media)}, places "
        f"{a.label}'s {agencies[0].label} and {b.label}'s {agencies[2].label} in a single "
        "implementation structure.",
        f"Officials said the text was negotiated over {rng.randint(3, 14)} months of talks "
        f"and will be reviewed by ministers after its first year (edition {index}).",
        "Pillars of the Agreement\nThe agreement is organised around these pillars:\n"
        + "\n".join(f"- {name}: {text}" for name, text in pillars),
        *tables,
        "Safeguarding Sovereignty\nBoth sides stressed that the agreement creates no joint force "
        "and moves no authority from one capital to the other:\n"
        + "\n".join(f"- {text}" for text in safeguards),
        "What Comes Next\nMinisters said they would meet again before the first deadline to "
        "review progress and decide whether the arrangement should be extended.",
    ]
    name = f"gen-{seed}-{index:06d}.txt"
    return name, "\n\n".join(parts) + "\n"


def documents(count: int, seed: int) -> Iterator[tuple[str, str]]:
    """``count`` documents of the set ``seed``, in order."""
    for index in range(count):
        yield document(index, seed)


def write(folder: Path, count: int, seed: int, start: int = 0) -> list[Path]:
    """Write documents ``start`` .. ``start + count`` of set ``seed`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(start, start + count):
        name, text = document(index, seed)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, required=True, help="how many documents")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same set")
    parser.add_argument("--out", type=Path, required=True, help="folder to write them into")
    args = parser.parse_args()
    paths = write(args.out, args.docs, args.seed)
    print(f"{len(paths)} documents written to {args.out}")


if __name__ == "__main__":
    main()
