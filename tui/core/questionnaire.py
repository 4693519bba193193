"""Questionnaires: a definition read from TOML, answers, and the total.

A definition has items, a whole-number answer scale inside 1-5, and items
that may be reverse-scored (score = scale_min + scale_max - answer). The
total is the mean of the item scores after reversing. Problems with a file
become a :class:`QuestionnaireError` that names the file and the problem, so
a person (or their therapist) can fix it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tui.core.ids import new_id
from tui.core.safe_text import visible_text

SCALE_LOWEST = 1
SCALE_HIGHEST = 5
BUILT_IN = "questionnaires/self_compassion_checkin"
MAX_ITEMS = 100
BLOCKS = "▁▂▃▄▅▆▇█"


class QuestionnaireError(ValueError):
    """A questionnaire file that cannot be used; the message names file and problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


@dataclass(frozen=True)
class QuestionnaireItem:
    """One statement to answer."""

    id: str
    text: str
    reverse: bool = False
    element: str = ""


@dataclass(frozen=True)
class Questionnaire:
    """A validated questionnaire definition."""

    id: str
    title: str
    items: tuple[QuestionnaireItem, ...]
    scale_min: int = 1
    scale_max: int = 5
    scale_labels: tuple[str, ...] = ()
    note: str = ""
    instructions: str = ""
    source: str = "built-in"

    @property
    def scale(self) -> range:
        return range(self.scale_min, self.scale_max + 1)

    def label_for(self, answer: int) -> str:
        """The label of an answer value ("" if the file gave none)."""
        index = answer - self.scale_min
        return self.scale_labels[index] if 0 <= index < len(self.scale_labels) else ""

    def score(self, item: QuestionnaireItem, answer: int) -> int:
        """An answer's score, reversed for reverse items."""
        return self.scale_min + self.scale_max - answer if item.reverse else answer

    def total(self, answers: Mapping[str, int]) -> float:
        """Mean item score after reversing; every item must be answered in range."""
        missing = [item.id for item in self.items if item.id not in answers]
        if missing:
            raise ValueError(f"not answered yet: {', '.join(missing)}")
        scores = []
        for item in self.items:
            answer = answers[item.id]
            if answer not in self.scale:
                raise ValueError(f"answer {answer} for {item.id} is outside {self.scale_min}-{self.scale_max}")
            scores.append(self.score(item, answer))
        return sum(scores) / len(scores)

    def element_means(self, answers: Mapping[str, int]) -> dict[str, float]:
        """Mean score per element (items without an element are left out), in first-seen order."""
        scores: dict[str, list[int]] = {}
        for item in self.items:
            if item.element and item.id in answers:
                scores.setdefault(item.element, []).append(self.score(item, answers[item.id]))
        return {element: sum(values) / len(values) for element, values in scores.items()}


@dataclass
class QuestionnaireResult:
    """One completed questionnaire."""

    questionnaire_id: str
    title: str
    at: str
    answers: dict[str, int]
    total: float
    id: str = field(default_factory=new_id)


def _text(data: Mapping[str, Any], key: str, source: str, where: str, required: bool = True) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise QuestionnaireError(source, f"{where}'{key}' must be {'non-empty ' if required else ''}text")
    return visible_text(value.strip(), keep_newlines=True)  # a file from anywhere: never raw terminal control


def _whole(data: Mapping[str, Any], key: str, source: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise QuestionnaireError(source, f"'{key}' must be a whole number from {SCALE_LOWEST} to {SCALE_HIGHEST}")
    return value


def parse_questionnaire(data: Mapping[str, Any], source: str) -> Questionnaire:
    """Check a parsed TOML definition and build the Questionnaire, or raise QuestionnaireError."""
    questionnaire_id = _text(data, "id", source, "")
    title = _text(data, "title", source, "")
    scale_min = _whole(data, "scale_min", source) if "scale_min" in data else SCALE_LOWEST
    scale_max = _whole(data, "scale_max", source) if "scale_max" in data else SCALE_HIGHEST
    if not (SCALE_LOWEST <= scale_min < scale_max <= SCALE_HIGHEST):
        raise QuestionnaireError(
            source,
            f"the scale must go up within {SCALE_LOWEST}-{SCALE_HIGHEST} (scale_min < scale_max), "
            f"got {scale_min}-{scale_max}",
        )
    labels_raw = data.get("scale_labels", [])
    if not isinstance(labels_raw, list) or not all(isinstance(label, str) for label in labels_raw):
        raise QuestionnaireError(source, "'scale_labels' must be a list of text")
    if labels_raw and len(labels_raw) != scale_max - scale_min + 1:
        raise QuestionnaireError(
            source,
            f"'scale_labels' needs {scale_max - scale_min + 1} labels (one per answer "
            f"{scale_min}-{scale_max}), found {len(labels_raw)}",
        )
    raw_items = data.get("item")
    if not isinstance(raw_items, list) or not raw_items:
        raise QuestionnaireError(source, "no items: add at least one [[item]] table")
    if len(raw_items) > MAX_ITEMS:
        raise QuestionnaireError(source, f"too many items ({len(raw_items)}); at most {MAX_ITEMS}")
    items: list[QuestionnaireItem] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_items, start=1):
        where = f"item {number}: "
        if not isinstance(raw, Mapping):
            raise QuestionnaireError(source, f"item {number} must be a [[item]] table")
        item_id = _text(raw, "id", source, where)
        if item_id in seen:
            raise QuestionnaireError(source, f"{where}the id '{item_id}' is used twice")
        seen.add(item_id)
        reverse = raw.get("reverse", False)
        if not isinstance(reverse, bool):
            raise QuestionnaireError(source, f"{where}'reverse' must be true or false")
        items.append(
            QuestionnaireItem(
                id=item_id,
                text=_text(raw, "text", source, where),
                reverse=reverse,
                element=_text(raw, "element", source, where, required=False),
            )
        )
    return Questionnaire(
        id=questionnaire_id,
        title=title,
        items=tuple(items),
        scale_min=scale_min,
        scale_max=scale_max,
        scale_labels=tuple(label.strip() for label in labels_raw),
        note=_text(data, "note", source, "", required=False),
        instructions=_text(data, "instructions", source, "", required=False),
        source=source,
    )


def block_line(totals: Iterable[float], low: float, high: float) -> str:
    """One block character per total, taller for higher; readable without colour."""
    span = high - low
    line = []
    for total in totals:
        fraction = 0.0 if span <= 0 else min(1.0, max(0.0, (total - low) / span))
        line.append(BLOCKS[round(fraction * (len(BLOCKS) - 1))])
    return "".join(line)
