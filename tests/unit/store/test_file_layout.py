"""The database file is written one table to a line, the smallest tables first."""

from __future__ import annotations

import json

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.store import codec
from tui.store.errors import InvalidValueError

texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=20)
records = st.dictionaries(texts, st.one_of(texts, st.integers(-5, 5), st.booleans()), max_size=4)
tables = st.dictionaries(st.integers(1, 50).map(str), records, max_size=6)
databases = st.dictionaries(texts, tables, min_size=1, max_size=6)


@given(databases)
def test_every_newline_starts_a_table_and_the_bytes_parse_back(data: codec.Tables) -> None:
    payload = codec.encode(data)
    assert orjson.loads(payload) == data
    lines = payload.split(b"\n")
    assert len(lines) == max(len(data), 1)
    names = []
    for n, line in enumerate(lines):
        body = line[1:] if n == 0 else line  # the file's own "{" opens the first line
        body = body[:-1]  # "," between tables, the file's "}" after the last
        name, end = json.JSONDecoder().raw_decode(body.decode("utf-8"))
        names.append(name)
        assert body.decode("utf-8")[end] == ":"
        assert orjson.loads(body.decode("utf-8")[end + 1 :]) == data[name]
    assert names == codec.table_order(data)


def test_small_tables_come_first_and_ties_keep_their_order() -> None:
    data = {
        "journal": {str(n): {"id": f"j{n}", "body": "line one\nline two"} for n in range(1, 30)},
        "_meta": {"1": {"schema_version": 3}},
        "selfcare_items": {"1": {"id": "a"}, "2": {"id": "b"}},
        "settings": {"1": {"id": "s"}},
    }
    assert codec.table_order(data) == ["_meta", "settings", "selfcare_items", "journal"]
    payload = codec.encode(data)
    assert payload.index(b'\n"selfcare_items":') < payload.index(b'\n"journal":')
    assert payload.count(b"\n") == 3  # the journal's own newlines are written as \\n


def test_an_empty_database_is_an_empty_object() -> None:
    assert codec.encode({}) == b"{}"


def test_a_table_name_that_is_not_text_is_refused() -> None:
    with pytest.raises(InvalidValueError):
        codec.encode({1: {}})  # type: ignore[dict-item]
