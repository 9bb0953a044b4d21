"""Hostile uploads over the API: refused with a JSON error that names the file and the reason.

Bodies are bounded in size and time while they stream (``api.body_limit``),
extraction runs in a child killed at a deadline (``api.isolation``), and
concurrent uploads are bounded by upload slots. Raw sockets play the clients
that the ordinary HTTP libraries refuse to be: one that announces a huge
body, one that drips it.
"""

from __future__ import annotations

import os
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx
import pytest
from test_api_support import children_of

import api.documents

from .support import AUTH, pact


def upload(client, data: bytes, name: str, media: str = "text/plain"):
    return client.post("/documents", files={"file": (name, data, media)}, headers=AUTH)


def stored_documents(client) -> list[str]:
    return [item["key"] for item in client.get("/documents").json()["items"]]


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "empty.txt", "the file is empty"),
        (b"   \n\n\t ", "blank.txt", "only whitespace"),
        (b"\x00\x01\x02binary\x00", "blob.txt", "binary content"),
        (b"caf\xe9 society", "latin1.txt", "not valid UTF-8 at byte 3"),
        (b"plain words", "scan.pdf", "not a PDF"),
        (b"%PDF-1.7\n1 0 obj << >>\n", "broken.pdf", "the PDF cannot be parsed"),
    ],
)
def test_an_unreadable_upload_is_a_json_422_naming_the_file(client, data, name, reason) -> None:
    """Holds: intake refusals reach the client as JSON with the file name; nothing stored."""
    response = upload(client, data, name)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "unreadable-document"
    assert body["message"].startswith(f"{name}: ")
    assert reason in body["message"]
    assert stored_documents(client) == []


def test_utf16_uploads_are_read(client) -> None:
    """Holds: an upload in UTF-16 (no BOM) is read, not refused as binary."""
    response = upload(client, pact(7).decode().encode("utf-16-le"), "wide.txt")
    assert response.status_code == 201, response.text
    assert stored_documents(client) == ["wide"]


@pytest.mark.parametrize(
    ("content", "headers", "status", "says"),
    [
        (pact(1), {"content-type": "text/plain"}, 422, "file"),
        (b'{"file": "x"}', {"content-type": "application/json"}, 422, "file"),
        (
            b"--x\r\n\r\nno headers\r\n--x--\r\n",
            {"content-type": "multipart/form-data; boundary=x"},
            400,
            "Content-Disposition",
        ),
    ],
    ids=["text-body", "json-body", "multipart-without-file"],
)
def test_an_upload_without_a_file_part_is_a_json_error(client, content, headers, status, says):
    """Holds: a body that is no multipart form with a 'file' part is refused, in JSON."""
    response = client.post("/documents", content=content, headers={**headers, **AUTH})
    assert response.status_code == status
    assert says in response.json()["message"]
    assert stored_documents(client) == []


def _raw(base: str, head: bytes) -> socket.socket:
    parts = urlsplit(base)
    connection = socket.create_connection((parts.hostname, parts.port), timeout=10)
    connection.sendall(head)
    return connection


def _answer(connection: socket.socket) -> bytes:
    chunks = []
    while chunk := connection.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def _post_head(length: int | None) -> bytes:
    size = f"Content-Length: {length}" if length is not None else "Transfer-Encoding: chunked"
    return (
        f"POST /documents HTTP/1.1\r\nHost: test\r\nAuthorization: {AUTH['authorization']}\r\n"
        f"Content-Type: multipart/form-data; boundary=b\r\n{size}\r\n\r\n"
    ).encode()


def test_a_declared_oversize_body_is_refused_before_it_is_sent(served) -> None:
    """Holds: BodyLimit answers 413 on the Content-Length alone."""
    with served(max_upload_bytes=10_000) as base, _raw(base, _post_head(50_000_000)) as raw:
        answer = _answer(raw)
    assert answer.startswith(b"HTTP/1.1 413")
    assert b'"error": "too-large"' in answer


def test_a_streamed_oversize_body_is_cut_off_while_it_streams(served) -> None:
    """Holds: BodyLimit counts chunked bytes as they arrive and answers 413 at the limit."""
    with served(max_upload_bytes=10_000) as base, _raw(base, _post_head(None)) as raw:
        chunk = b"x" * 4096
        sent = 0
        try:
            while sent < 1_000_000:
                raw.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
                raw.settimeout(0.01)
                try:
                    if raw.recv(1, socket.MSG_PEEK):
                        break
                except TimeoutError:
                    pass
                raw.settimeout(10)
        except OSError:
            pass  # the server closed the connection after answering
        raw.settimeout(10)
        answer = _answer(raw)
    assert answer.startswith(b"HTTP/1.1 413")
    assert sent < 100_000, f"the server let {sent} bytes in before refusing"


def test_a_slow_drip_body_times_out_and_others_are_served_meanwhile(served) -> None:
    """Holds: BodyLimit's read deadline answers 408 to a body that never finishes."""
    with served(body_timeout=1.5) as base, _raw(base, _post_head(1_000)) as raw:
        started = time.monotonic()
        raw.settimeout(0.4)
        answer = b""
        while time.monotonic() - started < 20 and not answer:
            try:
                raw.sendall(b"x")
                answer = raw.recv(65536)
            except TimeoutError:
                assert httpx.get(f"{base}/health", timeout=5).status_code == 200
            except OSError:
                break
        waited = time.monotonic() - started
        raw.settimeout(10)
        answer += _answer(raw)
    print(f"\nslow-drip body refused after {waited:.1f} s")
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b"did not arrive within 1.5 s" in answer


def test_an_extraction_past_its_deadline_is_stopped_and_stores_nothing(
    make_client, monkeypatch
) -> None:
    """Holds: the upload runs in a child killed at document_timeout (api.isolation)."""

    def endless(data: bytes, filename: str) -> None:
        time.sleep(60)

    monkeypatch.setattr(api.documents, "process_upload", endless)
    with make_client(document_timeout=1) as client:
        started = time.monotonic()
        response = upload(client, pact(8), "slow.txt")
        assert time.monotonic() - started < 30
        assert response.status_code == 422
        assert response.json()["error"] == "document-too-slow"
        assert response.json()["message"].startswith("slow.txt: extraction took longer than 1 s")
        assert stored_documents(client) == []
    assert children_of(os.getpid()) == []


def test_many_uploads_at_once_each_get_a_clear_answer(served, monkeypatch) -> None:
    """Holds: upload slots bound concurrent extraction; every answer is 201 or a JSON 503."""
    real = api.documents.process_upload

    def unhurried(data: bytes, filename: str):
        time.sleep(0.4)
        return real(data, filename)

    monkeypatch.setattr(api.documents, "process_upload", unhurried)
    names = [f"pact-{n:02d}.txt" for n in range(1, 9)]
    with served(upload_workers=2) as base, httpx.Client(base_url=base, timeout=120) as http:
        assert upload(http, pact(0), "pact-00.txt").status_code == 201  # model and lexicon in

        def send(name: str) -> httpx.Response:
            return upload(http, pact(int(name[5:7])), name)

        with ThreadPoolExecutor(max_workers=len(names)) as pool:
            pending = [pool.submit(send, name) for name in names]
            most = 0
            while not all(f.done() for f in pending):
                most = max(most, len(children_of(os.getpid())))
                time.sleep(0.02)
            responses = {name: f.result() for name, f in zip(names, pending, strict=True)}
        print(f"\nat most {most} extraction children at once for {len(names)} uploads")
        assert 1 <= most <= 2
        loaded = {n.removesuffix(".txt") for n, r in responses.items() if r.status_code == 201}
        for response in responses.values():
            assert response.status_code in (201, 503), response.text
            if response.status_code == 503:
                assert response.json()["error"] == "busy"
        assert set(stored_documents(http)) == {"pact-00", *loaded}
