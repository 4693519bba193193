"""Structure checks for the built-in texts in ``tui/content``."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tui import content

ELEMENTS = {"self-kindness", "common-humanity", "mindfulness"}
PROMPT_TAGS = ELEMENTS | {"personal-needs", "creativity"}
AFFIRMATION_TAGS = ELEMENTS | {"worth", "rest", "growth"}  # issue 14: the six tags affirmations serve
IDEA_CATEGORIES = {"body", "mind", "connection", "rest", "creativity", "surroundings"}  # issue 15 names
PHASE_KINDS = {"inhale", "hold", "exhale", "top-up"}
QUADRANTS = [
    "high-energy-pleasant",
    "high-energy-unpleasant",
    "low-energy-unpleasant",
    "low-energy-pleasant",
]
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

ALL_NAMES = [
    "journal_prompts",
    "affirmations",
    "emotions",
    "breathing_patterns",
    "reflection_questions",
    "questionnaires/self_compassion_checkin",
    "exercises",
    "selfcare_ideas",
    "selfcare_needs",
    "support",
    "home",
    "mood",
]


def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from _strings(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _strings(value)


def _ids(rows: list[dict[str, Any]], key: str = "id") -> list[str]:
    return [row[key] for row in rows]


def _assert_unique_slugs(rows: list[dict[str, Any]], key: str = "id") -> None:
    ids = _ids(rows, key)
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert not dupes, f"duplicate ids: {dupes}"
    for i in ids:
        assert SLUG.match(i), f"not a slug: {i!r}"


def _assert_texts(rows: list[dict[str, Any]], key: str = "text") -> None:
    for row in rows:
        text = row[key]
        assert isinstance(text, str) and text.strip() == text and text, row


# --- loader ----------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_NAMES)
def test_every_file_loads(name: str) -> None:
    data = content.load(name)
    assert isinstance(data, dict) and data


def test_available_lists_files() -> None:
    names = content.available()
    for name in ALL_NAMES:
        if "/" not in name:
            assert name in names
    assert content.available("questionnaires") == ["questionnaires/self_compassion_checkin"]
    assert content.available("no-such-folder") == []


def test_load_accepts_suffix_and_returns_copies() -> None:
    a = content.load("mood")
    b = content.load("mood.toml")
    assert a == b
    a["week_compare"].clear()
    assert content.load("mood")["week_compare"]


def test_load_errors() -> None:
    with pytest.raises(FileNotFoundError):
        content.load("does_not_exist")
    for bad in ["", "../pyproject", "/etc/passwd", "questionnaires/../home", "a//b"]:
        with pytest.raises(ValueError):
            content.load(bad)


def test_load_path(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text('id = "mine"\n[[item]]\nid = "a"\n', encoding="utf-8")
    assert content.load_path(target) == {"id": "mine", "item": [{"id": "a"}]}
    assert content.load_path(str(target))["id"] == "mine"
    with pytest.raises(FileNotFoundError):
        content.load_path(tmp_path / "missing.toml")


def test_loader_does_not_import_textual() -> None:
    root = Path(__file__).resolve().parents[3]
    code = (
        "import sys; from tui import content; content.load('home'); "
        "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]; "
        "assert not bad, bad"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# --- tone and spelling across every file -----------------------------------

FORBIDDEN = [
    r"\bstreaks?\b",
    r"\bcured?\b",
    r"\bguarantee",
    r"\bbroken\b",
    r"\bfailed\b",
    r"\bshould have\b",
    r"\blazy\b",
]
BRITISH = [
    r"colour",
    r"behaviour",
    r"favourite",
    r"centre",
    r"\brealis",
    r"\borganis",
    r"\bcosy\b",
    r"\bprogramme",
    r"\btowards\b",
]


@pytest.mark.parametrize("name", ALL_NAMES)
def test_no_shaming_words_or_british_spelling(name: str) -> None:
    for text in _strings(content.load(name)):
        low = text.lower()
        for pattern in FORBIDDEN + BRITISH:
            assert not re.search(pattern, low), f"{name}: {pattern!r} in {text!r}"


# --- journal prompts -------------------------------------------------------


def test_journal_prompts() -> None:
    prompts = content.load("journal_prompts")["prompt"]
    assert len(prompts) >= 36
    _assert_unique_slugs(prompts)
    _assert_texts(prompts)
    tags = Counter(p["tag"] for p in prompts)
    assert set(tags) == PROMPT_TAGS
    assert all(n >= 6 for n in tags.values()), tags
    texts = [p["text"] for p in prompts]
    assert len(set(texts)) == len(texts)


# --- affirmations ----------------------------------------------------------


def test_affirmations() -> None:
    items = content.load("affirmations")["affirmation"]
    assert len(items) >= 40
    _assert_unique_slugs(items)
    _assert_texts(items)
    assert {a["tag"] for a in items} == AFFIRMATION_TAGS
    assert len({a["text"] for a in items}) == len(items)


# --- emotions --------------------------------------------------------------


def test_emotions() -> None:
    quadrants = content.load("emotions")["quadrant"]
    assert [q["id"] for q in quadrants] == QUADRANTS
    words: list[str] = []
    for q in quadrants:
        assert q["label"].strip() and len(q["label"]) <= 24
        assert 7 <= len(q["words"]) <= 8, q["id"]
        for w in q["words"]:
            assert re.fullmatch(r"[a-z]+", w), w
        words.extend(q["words"])
    assert 28 <= len(words) <= 32
    assert len(set(words)) == len(words), "a word appears in two quadrants"


# --- breathing -------------------------------------------------------------


def _patterns() -> dict[str, dict[str, Any]]:
    return {p["key"]: p for p in content.load("breathing_patterns")["pattern"]}


def _timings(pattern: dict[str, Any]) -> list[tuple[str, float]]:
    return [(ph["kind"], ph["seconds"]) for ph in pattern["phases"]]


def test_breathing_patterns_shape() -> None:
    patterns = _patterns()
    assert list(patterns) == ["box", "4-7-8", "coherent", "sigh"]
    for key, p in patterns.items():
        for field in ("name", "summary", "safety"):
            assert isinstance(p[field], str) and p[field].strip() == p[field] and p[field]
            assert "\n" not in p[field]
        assert "light-headed" in p["safety"].lower() or "dizzy" in p["safety"].lower()
        assert "stop" in p["safety"].lower() or "pause" in p["safety"].lower()
        assert isinstance(p["suggested_minutes"], int) and p["suggested_minutes"] > 0
        cycles = p.get("suggested_cycles", 0)
        assert isinstance(cycles, int) and cycles >= 0
        assert p["phases"], key
        for phase in p["phases"]:
            assert phase["kind"] in PHASE_KINDS, phase
            assert isinstance(phase["seconds"], float) and phase["seconds"] > 0
        assert p["phases"][0]["kind"] == "inhale"
        assert any(ph["kind"] == "exhale" for ph in p["phases"])


def test_breathing_exact_timings() -> None:
    patterns = _patterns()
    assert _timings(patterns["box"]) == [("inhale", 4.0), ("hold", 4.0), ("exhale", 4.0), ("hold", 4.0)]
    assert _timings(patterns["4-7-8"]) == [("inhale", 4.0), ("hold", 7.0), ("exhale", 8.0)]
    assert patterns["4-7-8"]["suggested_cycles"] == 4
    assert _timings(patterns["coherent"]) == [("inhale", 5.5), ("exhale", 5.5)]
    assert _timings(patterns["sigh"]) == [("inhale", 2.0), ("top-up", 1.0), ("exhale", 6.0)]
    for key in ("box", "coherent", "sigh"):
        assert patterns[key].get("suggested_cycles", 0) == 0


def test_four_seven_eight_fits_suggested_minutes() -> None:
    p = _patterns()["4-7-8"]
    cycle = sum(ph["seconds"] for ph in p["phases"])
    assert cycle * p["suggested_cycles"] <= p["suggested_minutes"] * 60


def test_sigh_exhale_longer_than_inhale() -> None:
    phases = dict(_timings(_patterns()["sigh"]))
    assert phases["exhale"] > phases["inhale"] + phases["top-up"]
    assert phases["exhale"] >= 2 * phases["inhale"]


def test_coherent_pace() -> None:
    p = _patterns()["coherent"]
    lo, default, hi = (
        p["breaths_per_minute_min"],
        p["breaths_per_minute_default"],
        p["breaths_per_minute_max"],
    )
    assert (lo, default, hi) == (4.5, 5.5, 7.0)
    inhale, exhale = (ph["seconds"] for ph in p["phases"])
    assert inhale == exhale
    assert abs(60 / (inhale + exhale) - default) < 0.1


def test_phase_words() -> None:
    data = content.load("breathing_patterns")
    assert set(data["phase_words"]) == PHASE_KINDS
    assert set(data["phase_plain"]) == PHASE_KINDS
    for word in data["phase_words"].values():
        assert 1 <= len(word.split()) <= 2
    assert data["phase_words"]["inhale"] == "Breathe in"
    assert data["phase_plain"] == {"inhale": "Inhale", "hold": "Hold", "exhale": "Exhale", "top-up": "Top up"}


# --- reflection questions --------------------------------------------------


def test_reflection_questions() -> None:
    questions = content.load("reflection_questions")["question"]
    assert len(questions) == 4
    _assert_unique_slugs(questions)
    _assert_texts(questions)
    assert all(q["text"].endswith("?") or "?" in q["text"] for q in questions)


# --- questionnaire ---------------------------------------------------------


def _score(q: dict[str, Any], answers: dict[str, int]) -> float:
    lo, hi = q["scale_min"], q["scale_max"]
    scores = [(lo + hi - answers[item["id"]]) if item["reverse"] else answers[item["id"]] for item in q["item"]]
    return sum(scores) / len(scores)


def test_questionnaire_structure() -> None:
    q = content.load("questionnaires/self_compassion_checkin")
    for field in ("id", "title", "note"):
        assert isinstance(q[field], str) and q[field].strip()
    assert "not a validated" in q["note"].lower()
    assert (q["scale_min"], q["scale_max"]) == (1, 5)
    assert len(q["scale_labels"]) == q["scale_max"] - q["scale_min"] + 1
    items = q["item"]
    assert len(items) == 6
    _assert_unique_slugs(items)
    _assert_texts(items)
    assert Counter(i["element"] for i in items) == dict.fromkeys(ELEMENTS, 2)
    assert all(isinstance(i["reverse"], bool) for i in items)
    n_reverse = sum(i["reverse"] for i in items)
    assert 1 <= n_reverse <= 4
    for element in ELEMENTS:
        kinds = {i["reverse"] for i in items if i["element"] == element}
        assert kinds == {True, False}, element


def test_questionnaire_scoring_round_trip() -> None:
    q = content.load("questionnaires/self_compassion_checkin")
    items = q["item"]
    most = {i["id"]: (1 if i["reverse"] else 5) for i in items}
    least = {i["id"]: (5 if i["reverse"] else 1) for i in items}
    assert _score(q, most) == 5
    assert _score(q, least) == 1
    assert _score(q, {i["id"]: 3 for i in items}) == 3


# --- exercises -------------------------------------------------------------


def test_inner_critic() -> None:
    ic = content.load("exercises")["inner_critic"]
    assert ic["title"].strip() and ic["intro"].strip()
    assert (ic["belief_min"], ic["belief_max"]) == (0, 100)
    fields = ic["field"]
    assert [f["id"] for f in fields] == [
        "critical-thought",
        "belief-before",
        "friend-response",
        "common-humanity",
        "kind-reframe",
        "belief-after",
    ]
    assert [f["kind"] for f in fields] == ["text", "belief", "text", "text", "text", "belief"]
    for f in fields:
        assert f["label"].strip() and f["hint"].strip()


def test_self_compassion_break() -> None:
    br = content.load("exercises")["self_compassion_break"]
    assert br["title"].strip() and br["intro"].strip() and br["soothing_touch"].strip()
    assert [s["id"] for s in br["step"]] == ["this-is-hard", "others-too", "kind-phrase"]
    for s in br["step"]:
        assert s["label"].strip() and s["hint"].strip()


def test_kind_letter() -> None:
    kl = content.load("exercises")["kind_letter"]
    assert kl["title"].strip() and kl["intro"].strip()
    assert 1 <= len(kl["hints"]) <= 4
    assert all(h.strip() for h in kl["hints"])


# --- self-care ideas -------------------------------------------------------


def test_selfcare_ideas() -> None:
    ideas = content.load("selfcare_ideas")["idea"]
    assert len(ideas) >= 30
    _assert_unique_slugs(ideas)
    _assert_texts(ideas)
    assert {i["category"] for i in ideas} == IDEA_CATEGORIES
    assert all(len(i["text"]) <= 70 for i in ideas), "ideas should be short"


# --- support ---------------------------------------------------------------


def test_support() -> None:
    s = content.load("support")
    for field in ("not_therapy", "crisis_intro", "privacy"):
        assert isinstance(s[field], str) and s[field].strip()
    assert "therap" in s["not_therapy"].lower()
    lines = s["line"]
    assert len(lines) >= 4
    for line in lines:
        assert line["region"].strip() and line["how"].strip()
    joined = " ".join(line["how"] for line in lines)
    for fact in ("112", "911", "999", "988", "116 123", "findahelpline.com", "Samaritans"):
        assert fact in joined, fact
    assert "immediate danger" in lines[0]["how"]


# --- home ------------------------------------------------------------------


def test_home() -> None:
    h = content.load("home")
    greeting = h["greeting"]
    assert set(greeting) == {"morning", "afternoon", "evening", "night"}
    for part, lines in greeting.items():
        assert len(lines) == 3, part
        assert all(0 < len(line) <= 50 for line in lines), part
    first = h["first_run"]
    for key in ("b ", "j ", "c "):
        assert re.search(rf"^\s*{key}", first, re.M), key
    assert first == first.strip()
    notes = h["gentle_notes"]
    assert 8 <= len(notes) <= 14
    assert len(set(notes)) == len(notes)
    assert all(0 < len(n) <= 80 for n in notes)


# --- mood ------------------------------------------------------------------


def test_mood() -> None:
    m = content.load("mood")
    assert "heartwork checkin 7" in m["empty_dashboard"]
    assert re.search(r"\bc\b", m["empty_dashboard"])
    assert m["not_enough_data"].strip()
    wc = m["week_compare"]
    assert set(wc) == {"better", "same", "lower"}
    for template in wc.values():
        rendered = template.format(this="6.2", last="5.8")
        assert "6.2" in rendered and "5.8" in rendered
    labels = content.pleasantness_labels()
    assert len(labels) == 10
    assert len(set(labels)) == 10
    assert all(0 < len(label) <= 16 for label in labels)
