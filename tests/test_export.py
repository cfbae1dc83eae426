"""Exports of the store: JSON Lines, CSV, Parquet, and no half-written file when an export fails."""

from __future__ import annotations

import csv
import io
import json
import os
import stat

import pyarrow.parquet as pq
import pytest

from khronika import analyze
from khronika.export.writers import atomic_output, export
from khronika.store.sqlite import Store

TEXTS = [
    ("Уряд схвалив бюджет\nКабмін 14 травня 2024 року схвалив проєкт бюджету, а вчора його обговорили в Раді.",
     "2024-05-15"),
    ("Міст відкриють восени\nРемонт мосту завершать до 1 жовтня, повідомили в мерії у понеділок.", "2024-05-20"),
    ("Council meets in Brussels\nThe council met on 3 June 2024 and will meet again next Friday.", "2024-06-04"),
]
CONTRACT = {"article", "mentions", "actors", "quotes", "timexes", "events"}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "k.db"
    with Store(path) as store:
        for text, published in TEXTS:
            assert store.add(analyze(text, published=published))
    return path


@pytest.fixture
def store(db):
    with Store(db) as opened:
        yield opened


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("k.db"))


def test_jsonl_export(store, tmp_path):
    target = tmp_path / "out" / "all.jsonl"  # the folder is created
    assert export(store, "jsonl", str(target)) == len(TEXTS)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(TEXTS)
    records = [json.loads(line) for line in lines]
    for record in records:
        assert set(record) == CONTRACT
        assert set(record["article"]) == {"id", "title", "published", "language", "url", "text"}
        for timex in record["timexes"]:
            assert record["article"]["text"][timex["start"]:timex["end"]] == timex["text"]
    assert [r["article"]["published"] for r in records] == ["2024-05-15", "2024-05-20", "2024-06-04"]
    assert [r["article"]["language"] for r in records] == ["uk", "uk", "en"]
    first = {(t["text"], t["value"]) for t in records[0]["timexes"]}
    assert {("14 травня 2024 року", "2024-05-14"), ("вчора", "2024-05-14")} <= first
    assert "Кабмін" in lines[0]  # UTF-8, not \u escapes
    assert _leftovers(tmp_path / "out") == ["all.jsonl"]


def test_jsonl_export_to_stdout(store, capsys):
    assert export(store, "jsonl", None) == len(TEXTS)
    out = capsys.readouterr().out
    assert [json.loads(line)["article"]["title"] for line in out.splitlines()] == [
        "Уряд схвалив бюджет", "Міст відкриють восени", "Council meets in Brussels"]


def test_csv_export_of_timexes(store, tmp_path):
    target = tmp_path / "timexes.csv"
    count = export(store, "csv", str(target), "timexes")
    assert count == store.count("timexes") > 0
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["article_id", "start", "end", "text", "value", "type", "mod"]
    assert len(rows) == count + 1
    ids = {r[0] for r in store.db.execute("SELECT id FROM articles")}
    assert {row[0] for row in rows[1:]} <= ids
    assert ["14 травня 2024 року", "2024-05-14", "DATE"] in [row[3:6] for row in rows[1:]]


def test_csv_export_of_articles_quotes_multiline_text(store, tmp_path):
    target = tmp_path / "articles.csv"
    assert export(store, "csv", str(target), "articles") == len(TEXTS)
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert "analysis" not in rows[0] and "rowid" not in rows[0]
    assert rows[0]["text"] == TEXTS[0][0]  # the newline inside the text survives the round trip


def test_parquet_export_of_articles(store, tmp_path):
    target = tmp_path / "articles.parquet"
    assert export(store, "parquet", str(target)) == len(TEXTS)
    table = pq.read_table(target)
    assert table.num_rows == len(TEXTS)
    assert "analysis" not in table.column_names and "rowid" not in table.column_names
    assert {"id", "title", "published", "language", "text"} <= set(table.column_names)
    assert table.column("title").to_pylist() == [t.split("\n", 1)[0] for t, _ in TEXTS]


def test_parquet_export_of_timexes(store, tmp_path):
    target = tmp_path / "timexes.parquet"
    count = export(store, "parquet", str(target), "timexes")
    table = pq.read_table(target)
    assert table.num_rows == count == store.count("timexes")
    assert table.column("start").type.bit_width == 64


@pytest.mark.parametrize("output", [None, "-"])
def test_parquet_needs_an_output_file(store, output):
    with pytest.raises(ValueError, match="output"):
        export(store, "parquet", output)


def test_unknown_format_and_table(store, tmp_path):
    with pytest.raises(ValueError):
        export(store, "xml", str(tmp_path / "a.xml"))
    with pytest.raises(ValueError):
        export(store, "csv", str(tmp_path / "a.csv"), "nope")
    assert _leftovers(tmp_path) == []


def _rows_that_fail(self, table):
    def rows():
        yield ("first", 1)
        raise OSError("disk full")

    return ["id", "start"], rows()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_failing_export_leaves_no_file(store, tmp_path, monkeypatch, fmt):
    monkeypatch.setattr(Store, "rows", _rows_that_fail)
    target = tmp_path / f"out.{fmt}"
    with pytest.raises(OSError, match="disk full"):
        export(store, fmt, str(target), "timexes")
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_failing_jsonl_export_leaves_no_file(store, tmp_path, monkeypatch):
    real = Store.analyses

    def analyses_that_fail(self):
        yield next(real(self))
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "analyses", analyses_that_fail)
    target = tmp_path / "all.jsonl"
    with pytest.raises(KeyboardInterrupt):
        export(store, "jsonl", str(target))
    assert _leftovers(tmp_path) == []


def test_failing_export_keeps_the_previous_file(store, tmp_path, monkeypatch):
    target = tmp_path / "timexes.csv"
    target.write_text("previous export\n", encoding="utf-8")
    monkeypatch.setattr(Store, "rows", _rows_that_fail)
    with pytest.raises(OSError):
        export(store, "csv", str(target), "timexes")
    assert target.read_text(encoding="utf-8") == "previous export\n"
    assert _leftovers(tmp_path) == ["timexes.csv"]


def test_atomic_output_replaces_only_when_complete(tmp_path):
    target = tmp_path / "a.txt"
    with atomic_output(str(target)) as handle:
        handle.write("один\n")
        assert not target.exists()  # written under a temporary name until done
        assert len(_leftovers(tmp_path)) == 1
    assert target.read_text(encoding="utf-8") == "один\n"
    assert _leftovers(tmp_path) == ["a.txt"]


def test_atomic_output_binary_to_stdout(capsysbinary):
    with atomic_output(None, binary=True) as handle:
        assert not isinstance(handle, io.TextIOBase)
        handle.write(b"PAR1")
    assert capsysbinary.readouterr().out == b"PAR1"


def test_export_file_mode_follows_umask(store, tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "timexes.csv"
        export(store, "csv", str(target), "timexes")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
