"""Loading is idempotent, a changed document replaces its graph, remove deletes it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from graph.model_graph import MODEL_GRAPH
from graph.namespaces import PG, agency_iri, document_iri
from graph.pipeline import load_paths
from graph.store.embedded import EmbeddedStore
from tests.conftest import EXAMPLES


def _triples(store: EmbeddedStore) -> int:
    rows = list(store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
    return int(rows[0]["n"])


def test_loading_twice_adds_nothing(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as store:
        first = load_paths(store, [EXAMPLES])
        assert {o.status for o in first} == {"loaded"}
        count = _triples(store)
        second = load_paths(store, [EXAMPLES])
        assert {o.status for o in second} == {"unchanged"}
        assert _triples(store) == count
        assert MODEL_GRAPH in store.graph_names()


def test_a_changed_document_replaces_its_graph(tmp_path: Path) -> None:
    document = tmp_path / "pact.txt"
    shutil.copy(EXAMPLES / "japan_australia_cybercrime.txt", document)
    with EmbeddedStore(tmp_path / "store") as store:
        load_paths(store, [document])
        before = store.get_graph(document_iri("pact"))
        text = document.read_text().replace("| Scam Alert Exchange |", "| Scam Warning Exchange |")
        document.write_text(text)
        (outcome,) = load_paths(store, [document])
        assert outcome.status == "replaced"
        after = store.get_graph(document_iri("pact"))
        labels = {str(o) for o in after.objects()}
        assert "Scam Warning Exchange" in labels and "Scam Alert Exchange" not in labels
        assert len(after) == len(before)


def test_cli_load_and_remove(tmp_path: Path) -> None:
    runner = CliRunner()
    store = tmp_path / "store"
    result = runner.invoke(app, ["load", str(EXAMPLES), "--store", str(store)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["remove", "kenya_tanzania_wildlife.html", "--store", str(store)])
    assert result.exit_code == 0, result.output
    with EmbeddedStore(store) as opened:
        names = opened.graph_names()
    assert document_iri("kenya-tanzania-wildlife") not in names
    assert document_iri("japan-australia-cybercrime") in names


def test_cli_load_refuses_a_bad_file_and_keeps_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "docs" / "broken.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"Mexico \xff\xfe and Canada")
    shutil.copy(EXAMPLES / "eu_morocco_migration_partnership.txt", bad.parent / "eu.txt")
    result = CliRunner().invoke(app, ["load", str(bad.parent), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "not valid UTF-8" in result.output
    with EmbeddedStore(tmp_path / "s") as store:
        assert document_iri("eu") in store.graph_names()
        assert document_iri("broken") not in store.graph_names()


def test_an_agency_of_an_organization_that_is_no_party_validates(tmp_path: Path) -> None:
    from graph.pipeline import process_upload

    text = (
        "Serbia and Montenegro sign a protocol against drug trafficking.\n\n"
        "Europol will support the joint team.\n"
    )
    processed = process_upload(text.encode(), "europol.txt")
    assert processed.report.conforms, [str(v) for v in processed.report.violations]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("The International Organization for Migration (IOM) will assist returned victims.", "en"),
        ("La Organización Internacional para las Migraciones (OIM) asistirá a las víctimas.", "es"),
    ],
)
def test_the_migration_organization_is_an_agency_the_pact_gives_work(
    sentence: str, language: str
) -> None:
    """IOM takes part in the work as UNODC and INTERPOL do, so it is one of the agencies a
    document names, in any language, besides being an international organization."""
    from graph.pipeline import process_upload

    heading = {
        "en": "Senegal and Gambia sign a plan against human trafficking.",
        "es": "Colombia y Venezuela firman un plan contra la trata de personas.",
    }[language]
    processed = process_upload(f"{heading}\n\n{sentence}\n".encode(), f"iom-{language}.txt")
    iom = agency_iri("IOM", "International Organization for Migration")
    assert iom in set(processed.graph.objects(None, PG.mentions))


def _cold_builds_while_processing(path: Path) -> dict[str, int]:
    """In a forked worker: how many per-process caches one document's processing filled."""
    from graph.language.detect import _identifier
    from graph.lexicon import _cue_index
    from graph.pipeline import process_batch
    from graph.screen import _described

    caches = {"language model": _identifier, "cue indexes": _cue_index, "node lines": _described}
    before = {name: cache.cache_info().misses for name, cache in caches.items()}
    (processed,) = process_batch([path], infer=True)
    assert not isinstance(processed, str) and processed.report.conforms
    return {name: cache.cache_info().misses - before[name] for name, cache in caches.items()}


def test_workers_forked_after_preparing_build_nothing_again() -> None:
    """What every document reads (language model, cue indexes, the model's node lines) is
    built before the fork, so no worker spends its first seconds building its own."""
    import multiprocessing

    from graph.pipeline import prepare_workers

    prepare_workers()
    with multiprocessing.get_context("fork").Pool(1) as pool:
        built = pool.apply(_cold_builds_while_processing, (sorted(EXAMPLES.glob("*.txt"))[0],))
    assert built == {"language model": 0, "cue indexes": 0, "node lines": 0}
