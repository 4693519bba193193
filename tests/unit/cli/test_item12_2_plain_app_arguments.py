"""Issue 12.2: ``heartwork [--db PATH] [--theme NAME]`` is read without building the parser, to the same answer."""

from __future__ import annotations

import argparse

import pytest

from tui.cli.main import build_parser, plain_app_arguments


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "my data.json"],
        ["--theme", "calm-dark"],
        ["--theme", "calm-dark", "--db", "x.json"],
        ["--db", "first.json", "--db", "second.json"],
        ["--db", ""],
        ["--db", "home"],
    ],
)
def test_item12_2_plain_app_arguments_match_the_parser(argv: list[str]) -> None:
    plain = plain_app_arguments(argv)
    assert isinstance(plain, argparse.Namespace)
    assert vars(plain) == vars(build_parser(argv).parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["home"],
        ["journal"],
        ["--db"],
        ["--db=x.json"],
        ["--db", "-x.json"],
        ["--db", "x.json", "breathe"],
        ["--version"],
        ["-h"],
        ["--d", "x.json"],
        ["--", "x"],
        ["checkin", "7"],
    ],
)
def test_item12_2_anything_else_goes_to_the_parser(argv: list[str]) -> None:
    assert plain_app_arguments(argv) is None
