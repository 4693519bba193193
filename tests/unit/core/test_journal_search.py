"""Journal search: folding case, accents, compatibility forms; spans in the original text."""

from __future__ import annotations

from datetime import date

from tui.core.journal_search import (
    EntrySummary,
    SearchFilter,
    contains_all,
    filter_entries,
    fold,
    match_spans,
    narrows,
    query_terms,
    snippet_around,
)


def highlighted(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in match_spans(text, query)]


def test_fold_case_accents_and_width() -> None:
    assert fold("Café CRÈME") == "cafe creme"
    assert fold("cafe\u0301") == "cafe"
    assert fold("Straße") == "strasse"
    assert fold("ＡＢＣ") == "abc"
    assert fold("İstanbul") == "istanbul"


def test_spans_point_at_original_characters() -> None:
    assert highlighted("I had a CAFÉ au lait", "cafe") == ["CAFÉ"]
    decomposed = "a cafe\u0301 today"
    assert highlighted(decomposed, "CAFÉ") == ["cafe\u0301"]  # the combining mark is included
    assert highlighted("Große Straße", "strasse") == ["Straße"]
    assert highlighted("ǅemal", "dzemal") == ["ǅemal"]


def test_cjk_rtl_and_emoji_text() -> None:
    assert highlighted("今日は雨でした。明日は晴れ。", "明日") == ["明日"]
    assert highlighted("היום היה יום קשה", "קשה") == ["קשה"]
    assert highlighted("مرحبا بالعالم", "بالعالم") == ["بالعالم"]
    assert highlighted("so tired 😴 but ok", "ok") == ["ok"]
    assert highlighted("한국어 문장", "문장") == ["문장"]


def test_every_word_must_match_and_all_occurrences_highlight() -> None:
    text = "Rest. Then more rest, and kindness."
    assert highlighted(text, "rest kind") == ["Rest", "rest", "kind"]
    assert match_spans(text, "rest absent") != [] and match_spans(text, "   ") == []


def entry(entry_id: str, day: str, body: str, kind: str = "free", tags: tuple[str, ...] = ()) -> EntrySummary:
    return EntrySummary(
        entry_id, day, day + "T10:00:00+00:00", kind, "", body[:50], tags, fold(body + " " + " ".join(tags))
    )


def test_filters_by_words_tag_kind_and_dates() -> None:
    entries = [
        entry("a", "2026-01-03", "Un café avec Élodie", tags=("friends",)),
        entry("b", "2026-02-10", "Inner voice said things", kind="inner-critic"),
        entry("c", "2026-03-01", "CAFE again, alone", tags=("solo",)),
    ]
    ids = lambda found: [e.id for e in found]  # noqa: E731
    assert ids(filter_entries(entries, SearchFilter(query="cafe"))) == ["a", "c"]
    assert ids(filter_entries(entries, SearchFilter(query="ELODIE café"))) == ["a"]
    assert ids(filter_entries(entries, SearchFilter(tag="solo"))) == ["c"]
    assert ids(filter_entries(entries, SearchFilter(kind="inner-critic"))) == ["b"]
    assert ids(filter_entries(entries, SearchFilter(date_from=date(2026, 2, 1)))) == ["b", "c"]
    assert ids(filter_entries(entries, SearchFilter(date_to=date(2026, 2, 10)))) == ["a", "b"]
    assert SearchFilter().is_empty() and not SearchFilter(query="x").is_empty()


def test_snippet_keeps_spans_aligned() -> None:
    text = "word " * 60 + "the Café moment\nand more"
    spans = match_spans(text, "cafe")
    snippet, shifted = snippet_around(text, spans, width=40)
    assert [snippet[s:e] for s, e in shifted] == ["Café"]
    assert snippet.startswith("…") and "\n" not in snippet


def test_item12_3_a_query_narrows_only_when_every_old_word_is_part_of_a_new_one() -> None:
    assert narrows(SearchFilter(query="gra"), SearchFilter(query="grat"))
    assert narrows(SearchFilter(query="cafe"), SearchFilter(query="CAFÉ au"))
    assert narrows(SearchFilter(), SearchFilter(query="x"))
    assert not narrows(SearchFilter(query="grat"), SearchFilter(query="gra"))
    assert not narrows(SearchFilter(query="rest kind"), SearchFilter(query="rest"))
    assert not narrows(SearchFilter(query="a", tag="work"), SearchFilter(query="ab"))
    assert not narrows(SearchFilter(query="a"), SearchFilter(query="ab", date_from=date(2026, 1, 1)))


def test_item12_3_summaries_search_their_own_text_as_the_held_folded_text_did() -> None:
    title, body, tags = "Morning", "Un CAFÉ\nwith Zoë and ﬁne ｗｏｒｄｓ", ("Straße",)
    held = EntrySummary("a", "2026-03-02", "2026-03-02T10:00:00+00:00", "free", title, body, tags, None)
    for query in ("cafe", "morning zoe", "fine words", "strasse", "g\ncafe", "missing", "café zoë"):
        terms = query_terms(query)
        assert held.contains_all(terms) == contains_all(held.folded, terms), query
    ascii_only = EntrySummary("b", "2026-03-02", "", "free", "Rest", "A slow Sunday", ("home",), None)
    for query in ("rest", "SUNDAY home", "slow rest", "rest\nslow", "homes"):
        terms = query_terms(query)
        assert ascii_only.contains_all(terms) == contains_all(ascii_only.folded, terms), query
    assert ascii_only.excerpt == "A slow Sunday" and ascii_only.folded == "rest\na slow sunday\nhome"
