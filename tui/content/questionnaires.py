"""Questionnaire definitions: the built-in one and the person's own TOML files, checked into core objects.

A file with a problem becomes a ``QuestionnaireError`` naming the file and the problem; loading a
folder collects those problems instead of raising, so one broken file never hides the others.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from tui import content
from tui.core.questionnaire import (
    BUILT_IN,
    Questionnaire,
    QuestionnaireError,
    parse_questionnaire,
)


def load_questionnaire_file(path: Path) -> Questionnaire:
    """Read and check a definition file; QuestionnaireError names the file and problem."""
    source = str(path)
    try:
        data = content.load_path(path)
    except FileNotFoundError:
        raise QuestionnaireError(source, "file not found") from None
    except tomllib.TOMLDecodeError as error:
        raise QuestionnaireError(source, f"not valid TOML ({error})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise QuestionnaireError(source, f"cannot be read ({error})") from None
    return parse_questionnaire(data, source)


def built_in_questionnaire() -> Questionnaire:
    """The shipped self-compassion check-in (a personal reflection, not a validated measure)."""
    return parse_questionnaire(content.load(BUILT_IN), "built-in self-compassion check-in")


def load_questionnaires(folder: Path | None) -> tuple[list[Questionnaire], list[QuestionnaireError]]:
    """The built-in questionnaire plus every valid ``*.toml`` in ``folder``, and the problems found.

    A user file whose id is already taken is reported and skipped.
    """
    found = [built_in_questionnaire()]
    problems: list[QuestionnaireError] = []
    if folder is None or not folder.is_dir():
        return found, problems
    for path in sorted(folder.glob("*.toml")):
        try:
            questionnaire = load_questionnaire_file(path)
        except QuestionnaireError as error:
            problems.append(error)
            continue
        if any(existing.id == questionnaire.id for existing in found):
            problems.append(QuestionnaireError(str(path), f"the id '{questionnaire.id}' is already used"))
            continue
        found.append(questionnaire)
    return found, problems
