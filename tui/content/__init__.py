"""Built-in texts for Heartwork, stored as TOML files in this package.

Every word shown to a person (prompts, affirmations, breathing patterns,
support lines, greetings and so on) lives in a ``.toml`` file next to this
module, so the texts can be reviewed and edited without touching code.

Use :func:`load` for packaged files and :func:`load_path` for a TOML file
somewhere else (for example a questionnaire written by a therapist)::

    from tui import content

    prompts = content.load("journal_prompts")["prompt"]
    checkin = content.load("questionnaires/self_compassion_checkin")
    custom = content.load_path("~/my_questionnaire.toml")

This module deliberately imports nothing from Textual, so it is safe to use
from the command line, the store and the tests.
"""

from __future__ import annotations

import functools
import os

# tomllib, copy, pathlib and typing are imported where they are used: a quick shell
# capture (``heartwork checkin 7``) reads one small JSON file from here and nothing else.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from typing import Any

    from tui.core.sparkline import SparklineWords

__all__ = ["available", "clear_cache", "load", "load_json", "load_path", "pleasantness_labels", "sparkline_words"]

_SUFFIX = ".toml"


def files(package: str | None) -> Traversable:
    """The package's folder, as ``importlib.resources.files`` gives it.

    An installed or source package is a plain folder, read as a ``Path``;
    importlib.resources (which pulls in zipfile and tempfile, a few ms that
    a quick shell command and the app's first frame would wait for) is
    imported only for a package that is not one, such as a zip.
    """
    import importlib

    module = importlib.import_module(package or __name__)
    location = getattr(module, "__file__", None)
    if location and os.path.basename(location) == "__init__.py":
        from pathlib import Path

        folder = Path(location).parent
        if folder.is_dir():
            return folder
    from importlib.resources import files as resource_files

    return resource_files(package or __name__)


def _split_name(name: str) -> tuple[str, ...]:
    """Turn ``"questionnaires/foo"`` into ``("questionnaires", "foo.toml")``.

    Only plain relative names inside this package are accepted.
    """
    if not isinstance(name, str) or not name.strip():
        raise ValueError("content name must be a non-empty string")
    cleaned = name.strip().replace("\\", "/")
    if cleaned.endswith(_SUFFIX):
        cleaned = cleaned[: -len(_SUFFIX)]
    parts = tuple(cleaned.split("/"))
    if cleaned.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"invalid content name: {name!r}")
    return (*parts[:-1], parts[-1] + _SUFFIX)


@functools.lru_cache(maxsize=64)
def _load_packaged(parts: tuple[str, ...]) -> dict[str, Any]:
    import tomllib

    resource = files(__package__).joinpath(*parts)
    if not resource.is_file():
        raise FileNotFoundError(f"no built-in content named {'/'.join(parts)!r}")
    with resource.open("rb") as fh:
        return tomllib.load(fh)


def load(name: str) -> dict[str, Any]:
    """Load ``<name>.toml`` from this package, e.g. ``load("mood")``.

    Sub-folders are addressed with a slash:
    ``load("questionnaires/self_compassion_checkin")``.
    The parsed file is cached; each call returns a fresh deep copy, so
    callers may change the result without affecting anyone else.

    Raises ``FileNotFoundError`` for an unknown name, ``ValueError`` for an
    invalid one and ``tomllib.TOMLDecodeError`` for a malformed file.
    """
    import copy

    return copy.deepcopy(_load_packaged(_split_name(name)))


def load_path(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Load a TOML file from anywhere on disk (not cached).

    ``~`` is expanded. Raises ``FileNotFoundError`` if the file is missing and
    ``tomllib.TOMLDecodeError`` if it is not valid TOML.
    """
    import tomllib
    from pathlib import Path

    target = Path(path).expanduser()
    with target.open("rb") as fh:
        return tomllib.load(fh)


def available(folder: str = "") -> list[str]:
    """Names that :func:`load` accepts, sorted, e.g. ``available("questionnaires")``."""
    root = files(__package__)
    prefix = ""
    if folder:
        parts = folder.strip().strip("/").split("/")
        if any(p in ("", ".", "..") for p in parts):
            raise ValueError(f"invalid content folder: {folder!r}")
        root = root.joinpath(*parts)
        prefix = "/".join(parts) + "/"
    if not root.is_dir():
        return []
    return sorted(
        prefix + entry.name[: -len(_SUFFIX)]
        for entry in root.iterdir()
        if entry.is_file() and entry.name.endswith(_SUFFIX)
    )


def clear_cache() -> None:
    """Forget cached files (useful in tests or after editing content)."""
    _load_packaged.cache_clear()


def load_json(name: str) -> Any:
    """Load ``<name>.json`` from this package (for the few texts the fast shell commands need).

    Reading JSON needs no TOML parser, whose start-up cost a one-line shell
    command would otherwise pay.
    """
    import json

    beside = os.path.join(os.path.dirname(__file__), f"{name}.json")  # an installed package is a plain folder
    if os.path.isfile(beside):
        with open(beside, encoding="utf-8") as handle:
            return json.loads(handle.read())
    return json.loads(files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8"))


def pleasantness_labels() -> list[str]:
    """The ten labels for pleasantness scores 1..10 (index 0 is score 1)."""
    return list(load_json("pleasantness_labels")["labels"])


def sparkline_words() -> SparklineWords:
    """The wordings beside the mood sparkline (``mood_dashboard.toml`` ``[sparkline]``)."""
    from tui.core.sparkline import SparklineWords

    words = load("mood_dashboard")["sparkline"]
    return SparklineWords(tuple(words["daily"]), tuple(words["bucketed"]), tuple(words["empty"]))
