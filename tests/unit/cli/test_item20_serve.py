"""Issue 20: `heartwork serve` in a browser on this machine only, safe from other users and pages.

Each test starts the real command in a subprocess on a free port and talks to
it over HTTP as a browser, another local user or a foreign web page would.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest

from serve_helpers import alive, children_of, serve_command, served

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("textual_serve") is None,
    reason="textual-serve is not installed (pip install '.[web]')",
)


def wait_for(condition: object, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.05)
    return False


def test_item20_1_prints_one_local_url_with_a_long_random_token(tmp_path: Path) -> None:
    with served(tmp_path / "db.json") as first, served(tmp_path / "db.json") as second:
        assert first.port != second.port  # a free port each, by default
        assert first.token != second.token
        assert len(first.token) >= 22  # token_urlsafe: >= 128 bits in >= 22 characters
        status, headers, body = first.get(f"/?token={first.token}")
        assert status == 200
        cookie = headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        assert first.token not in body and 'url=/"' in body  # moves on to "/" without the token
        status, _, page = first.get("/", {"Cookie": cookie.split(";", 1)[0]})
        assert status == 200
        assert "data-session-websocket-url" in page and "textual.js" in page


def test_item20_2_refused_without_the_token_or_with_a_wrong_or_used_one(tmp_path: Path) -> None:
    with served(tmp_path / "db.json") as server:
        for path in ("/", "/ws", "/static/js/textual.js", f"/?token={server.token[:-1]}x", "/?token="):
            status, _, body = server.get(path)
            assert status == 403, path
            assert "textual" not in body and "websocket" not in body
        assert server.sign_in()
        status, _, _ = server.get(f"/?token={server.token}")
        assert status == 403  # one-time: a second browser cannot use the same link


def test_item20_2_refuses_a_foreign_host_header_even_with_the_cookie(tmp_path: Path) -> None:
    with served(tmp_path / "db.json") as server:
        cookie = server.sign_in()
        for host in ("evil.example", f"evil.example:{server.port}", "127.0.0.1:1", f"127.0.0.2:{server.port}"):
            status, _, _ = server.get("/", {"Host": host, "Cookie": cookie})
            assert status == 403, host
        status, _, _ = server.get(f"/?token={server.token}", {"Host": f"rebound.example:{server.port}"})
        assert status == 403
        for host in (f"localhost:{server.port}", f"127.0.0.1:{server.port}"):
            assert server.get("/", {"Host": host, "Cookie": cookie})[0] == 200


def test_item20_2_websocket_needs_the_cookie_and_this_origin(tmp_path: Path) -> None:
    with served(tmp_path / "db.json") as server:
        cookie = server.sign_in()
        ours = f"http://127.0.0.1:{server.port}"
        for cookie_sent, origin in (
            (cookie, "http://evil.example"),
            (cookie, None),
            (cookie, f"http://localhost:{server.port}"),
            (None, ours),
        ):
            status, sock = server.websocket_status(cookie_sent, origin)
            sock.close()
            assert status == 403, (cookie_sent, origin)
        status, sock = server.websocket_status(cookie, ours)
        sock.close()
        assert status == 101


def test_item20_2_the_page_loads_nothing_from_outside(tmp_path: Path) -> None:
    with served(tmp_path / "db.json") as server:
        status, headers, page = server.get("/", {"Cookie": server.sign_in()})
        assert status == 200
        assert "googleapis" not in page and "https://" not in page
        assert "http://" not in page.replace(f"http://127.0.0.1:{server.port}/", "")
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "font-src 'self'" in policy and "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "example.org"])
def test_item20_1_binding_beyond_this_machine_is_refused(tmp_path: Path, host: str) -> None:
    done = subprocess.run(
        serve_command(tmp_path / "db.json", "--host", host), capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 2
    assert "127.0.0.1 only" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "db.json").exists()


def test_item20_1_a_port_in_use_is_a_one_line_message(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            serve_command(tmp_path / "db.json", "--port", str(port)), capture_output=True, text=True, timeout=30
        )
    assert done.returncode == 2
    assert f"127.0.0.1:{port}" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_item20_1_missing_extra_is_a_clear_message(tmp_path: Path) -> None:
    hide = (
        "import importlib.util, sys\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda name, *a: None if name == 'textual_serve' else real(name, *a)\n"
        "from tui.cli.main import main\n"
        f"sys.exit(main(['--db', {str(tmp_path / 'db.json')!r}, 'serve']))\n"
    )
    done = subprocess.run([sys.executable, "-c", hide], capture_output=True, text=True, timeout=30)
    assert done.returncode == 2
    assert done.stderr.strip() == "heartwork: the browser version needs an extra: pip install 'heartwork[web]'"


def test_item20_1_open_gives_the_browser_a_private_file_not_the_token(tmp_path: Path) -> None:
    record = tmp_path / "browser-args.txt"
    fake_browser = tmp_path / "fake-browser"
    fake_browser.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {record}\ncat "${{1#file://}}" >> {record}\n')
    fake_browser.chmod(0o700)
    command = serve_command(tmp_path / "db.json", "--open")
    with served(tmp_path / "db.json", command=command, env={"BROWSER": f"{fake_browser} %s"}) as server:
        assert wait_for(lambda: record.exists() and "url=" in record.read_text())
        argument, page = record.read_text().split("\n", 1)
        assert argument.startswith("file:///") and server.token not in argument
        assert server.url in page
        opened = Path(argument.removeprefix("file://"))
        assert opened.stat().st_mode & 0o777 == 0o600 and opened.parent.stat().st_mode & 0o777 == 0o700
    assert not opened.exists() and not opened.parent.exists()  # removed when serving stopped


async def type_in_the_journal_then(tmp_path: Path, phrase: str, *, close_tab: bool) -> Path:
    """Open a tab, type ``phrase`` into a new journal page, then close the tab or press Ctrl+C at once."""
    import asyncio

    import aiohttp

    db = tmp_path / "db.json"
    with served(db) as server:
        cookie = server.sign_in()
        ours = f"http://127.0.0.1:{server.port}"
        async with aiohttp.ClientSession() as session:
            socket = await session.ws_connect(
                f"{ours}/ws?width=110&height=32", headers={"Origin": ours, "Cookie": cookie}
            )
            screen: list[str] = []

            async def until(marker: str) -> None:
                async with asyncio.timeout(30):
                    while marker not in "".join(screen):
                        message = await socket.receive()
                        if message.type == aiohttp.WSMsgType.BINARY:
                            screen.append(message.data.decode("utf-8", "replace"))

            await until("Today is")
            other_tab = None
            if not close_tab:  # a second tab, to see Ctrl+C end every app
                other_tab = await session.ws_connect(
                    f"{ours}/ws?width=110&height=32", headers={"Origin": ours, "Cookie": cookie}
                )
            await socket.send_json(["stdin", "j"])
            await until("Journal")
            await asyncio.sleep(1.0)  # the journal settles its focus
            screen.clear()
            for character in phrase:  # quicker than the journal's one-second idle autosave
                await socket.send_json(["stdin", character])
                await asyncio.sleep(0.05)
            await until(phrase[-6:])
            apps = children_of(server.process.pid)
            assert len(apps) == (1 if close_tab else 2)
            if close_tab:
                await socket.close()
                assert await asyncio.to_thread(wait_for, lambda: not any(alive(pid) for pid in apps))
            else:
                server.ctrl_c()
                await asyncio.to_thread(server.process.wait, 30)
                assert server.process.returncode == 0
                assert not [pid for pid in apps if alive(pid)]
                await socket.close()
                assert other_tab is not None
                await other_tab.close()
    return db


async def test_item20_3_ctrl_c_stops_every_app_and_saves_what_each_tab_holds(tmp_path: Path) -> None:
    """Ctrl+C ends the server and both tabs' apps; the last words typed reach the database before any autosave."""
    db = await type_in_the_journal_then(tmp_path, "a kind word at last", close_tab=False)
    assert "word at last" in db.read_text(encoding="utf-8")


async def test_item20_3_closing_a_tab_saves_what_it_holds(tmp_path: Path) -> None:
    """textual-serve ends a closed tab's app with "quit", which saves nothing; here it is SIGTERM, which saves."""
    db = await type_in_the_journal_then(tmp_path, "closing the tab gently", close_tab=True)
    assert "the tab gently" in db.read_text(encoding="utf-8")


def test_item20_3_each_tab_runs_this_heartwork_on_the_same_database_and_theme(tmp_path: Path) -> None:
    import argparse

    from tui.cli.commands.serve import app_argv

    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    argv = app_argv(argparse.Namespace(db=str(tmp_path / "link" / "db.json"), theme="linen"))
    assert argv == [sys.executable, "-m", "tui", "--db", str(tmp_path / "real" / "db.json"), "--theme", "linen"]
    assert app_argv(argparse.Namespace()) == [sys.executable, "-m", "tui"]  # HEARTWORK_DB or the default, as usual
