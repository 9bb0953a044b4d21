"""`pactgraph serve`: its options, and the refusal to accept writes without a token."""

from __future__ import annotations

import httpx
from test_api_support import TOKEN, running_api
from typer.testing import CliRunner

from cli import app

runner = CliRunner()


def test_serve_lists_its_options() -> None:
    result = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for option in ("--host", "--port", "--store", "--endpoint", "--allow-writes", "--token",
                   "--timeout", "--max-rows", "--cors-origin"):  # fmt: skip
        assert option in result.output


def test_writes_without_a_token_refuse_to_start() -> None:
    result = runner.invoke(
        app, ["serve", "--store", ":memory:", "--allow-writes"], env={"PACTGRAPH_TOKEN": ""}
    )
    assert result.exit_code != 0
    assert "token" in result.output


def test_serve_answers_and_takes_the_token_from_the_environment(tmp_path) -> None:
    options = ["--store", str(tmp_path / "data"), "--allow-writes", "--no-load-model"]
    with running_api(tmp_path, *options, token=TOKEN) as api:
        version = httpx.get(f"{api.base}/version").json()
        assert version["name"] == "pactgraph"
        update = {"content-type": "application/sparql-update"}
        denied = httpx.post(f"{api.base}/update", content="CLEAR ALL", headers=update)
        assert denied.status_code == 401
        allowed = httpx.post(
            f"{api.base}/update",
            content="CLEAR ALL",
            headers={**update, "authorization": f"Bearer {TOKEN}"},
        )
        assert allowed.status_code == 204
        port = api.base.rsplit(":", 1)[1]
        printed = (tmp_path / f"serve-{port}.log").read_text(encoding="utf-8")
        assert f"the web interface is at {api.base}/" in printed
        assert httpx.get(f"{api.base}/").headers["content-type"].startswith("text/html")
        spec = httpx.get(f"{api.base}/openapi.json").json()
        assert {"/sparql", "/update", "/store", "/queries", "/commitments"} <= set(spec["paths"])


def test_requests_are_logged_unless_asked_not_to(tmp_path) -> None:
    logged = {}
    for options in ([], ["--no-access-log"]):
        with running_api(tmp_path, "--store", ":memory:", "--no-load-model", *options) as api:
            assert httpx.get(f"{api.base}/version").status_code == 200
            port = api.base.rsplit(":", 1)[1]
            log = tmp_path / f"serve-{port}.log"
        logged[bool(options)] = '"GET /version HTTP/1.1" 200' in log.read_text(encoding="utf-8")
    assert logged == {False: True, True: False}
