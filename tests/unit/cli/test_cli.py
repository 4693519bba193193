"""The heartwork command line: versions, paths, themes and one-line usage errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui import __version__
from tui.cli.main import main

ROOT = Path(__file__).resolve().parents[3]


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=60
    )


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"heartwork {__version__}"


def test_where_prints_the_db_given_by_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["where", "--db", str(tmp_path / "mine.json")]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "mine.json")


def test_where_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HEARTWORK_DB", str(tmp_path / "env.json"))
    assert main(["where"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "env.json")


def test_option_beats_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HEARTWORK_DB", str(tmp_path / "env.json"))
    assert main(["--db", str(tmp_path / "cli.json"), "where"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "cli.json")


def test_default_database_is_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import platformdirs

    monkeypatch.delenv("HEARTWORK_DB", raising=False)
    assert main(["where"]) == 0
    expected = platformdirs.user_data_path("heartwork", appauthor=False) / "heartwork.json"
    assert capsys.readouterr().out.strip() == str(expected)


def test_themes_lists_every_bundled_theme_one_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes"]) == 0
    names = capsys.readouterr().out.split()
    assert len(names) >= 5
    assert {"dusk", "linen", "contrast", "sixteen"} <= set(names)
    assert names == sorted(names)


@pytest.mark.parametrize(
    "args",
    [["nonsense"], ["--colour", "red"], ["mood", "extra"], ["--db"]],
)
def test_wrong_arguments_get_one_line_and_exit_code_2(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("heartwork")
    assert result.stdout == ""


def test_unknown_theme_is_refused_before_the_app_opens(tmp_path: Path) -> None:
    result = run_cli("--db", str(tmp_path / "x.json"), "--theme", "no-such-theme")
    assert result.returncode == 2
    assert "unknown theme 'no-such-theme'" in result.stderr
    assert "dusk" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [["--version"], ["where"], ["themes"]])
def test_shell_commands_do_not_import_textual(args: list[str]) -> None:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['heartwork', *{args!r}]\n"
        "try:\n    runpy.run_module('tui', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "loaded = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "print('TEXTUAL' if loaded else 'CLEAN')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "CLEAN", result.stdout + result.stderr


def test_python_dash_m_tui_works() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"heartwork {__version__}"
