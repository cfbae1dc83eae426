"""Ingest sources, the store and exports on small inputs written here."""

import io
import json

import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from khronika import analyze
from khronika.cli import main
from khronika.export.writers import export
from khronika.ingest.errors import InputError
from khronika.ingest.sources import iter_documents
from khronika.store.search import fts_query
from khronika.store.sqlite import Store

ARTICLE = ("Лавров отримав відповідь від ЄС\n"
           "Міністр закордонних справ Росії Сергій Лавров 26 січня отримав листа від Жозепа Борреля.\n"
           "Учора в Брюсселі заявили, що діалог триває.")
HTML = ("<html><head><title>Саміт у Брюсселі</title></head><body><nav>Головна | Політика | Спорт</nav>"
        "<article><h1>Саміт у Брюсселі</h1><p>Лідери ЄС у четвер обговорили допомогу Україні та нові санкції "
        "проти Росії. Засідання тривало до пізньої ночі.</p><p>Голова Європейської ради заявив, що рішення "
        "ухвалять до кінця місяця, а наступна зустріч відбудеться у березні.</p></article>"
        "<footer>© Приклад Медіа, усі права захищено</footer></body></html>")


def _split(items):
    docs = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    return docs, errors


def test_plain_text_title_and_date_from_file_name(tmp_path):
    path = tmp_path / "2022-02-10-lavrov.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = iter_documents([str(path)])
    assert doc.title == "Лавров отримав відповідь від ЄС"
    assert doc.published == "2022-02-10"
    assert doc.text.startswith("Міністр закордонних справ")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-u"])
def test_single_byte_cyrillic_is_decoded(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.replace("ЄС", "ЄС і її партнерів").encode(encoding))
    (doc,) = iter_documents([str(path)])
    assert "Її" in doc.text or "її" in doc.title
    assert doc.title.startswith("Лавров")


def test_bad_inputs_give_one_error_each_and_the_rest_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 50)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(json.dumps({"title": "T", "text": "Текст статті.", "published": "2022-02-10"})
                                          + "\n{not json\n", encoding="utf-8")
    docs, errors = _split(list(iter_documents([str(tmp_path), str(tmp_path / "missing.txt"), "ftp://x.org/a"])))
    assert sorted(d.title for d in docs) == ["T", "Лавров отримав відповідь від ЄС"]
    reasons = {e.source: e.reason for e in errors}
    assert len(reasons) == 5
    assert reasons[str(tmp_path / "empty.txt")] == "empty input"
    assert "binary" in reasons[str(tmp_path / "bin.txt")]
    assert "invalid JSON" in reasons[f"{tmp_path / 'lines.jsonl'}:2"]
    assert "no such file" in reasons[str(tmp_path / "missing.txt")]
    assert "only http and https" in reasons["ftp://x.org/a"]


def test_html_main_text_without_boilerplate(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    (doc,) = iter_documents([str(path)])
    assert doc.title == "Саміт у Брюсселі"
    assert "обговорили допомогу" in doc.text
    assert "Спорт" not in doc.text and "права захищено" not in doc.text


def test_rss_items_become_documents(tmp_path):
    rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>N</title>"
           "<item><title>Перша</title><link>https://example.org/1</link>"
           "<pubDate>Thu, 10 Feb 2022 10:00:00 GMT</pubDate>"
           "<description>Міністр заявив про зустріч.</description></item>"
           "<item><title>Друга</title><link>https://example.org/2</link>"
           "<description>&lt;p&gt;Посол прибув до Києва.&lt;/p&gt;</description></item></channel></rss>")
    path = tmp_path / "feed.rss"
    path.write_text(rss, encoding="utf-8")
    docs, errors = _split(list(iter_documents([str(path)])))
    assert not errors
    assert [(d.title, d.published, d.url) for d in docs] == [
        ("Перша", "2022-02-10", "https://example.org/1"), ("Друга", None, "https://example.org/2")]
    assert docs[1].text == "Посол прибув до Києва."


def _warc(path, pages):
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, html, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                          http_headers=headers))


def test_warc_html_responses_and_truncation(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [("https://example.org/a", HTML, "text/html"), ("https://example.org/x.css", "a{}", "text/css"),
                 ("https://example.org/b", HTML.replace("четвер", "п'ятницю"), "text/html")])
    docs, errors = _split(list(iter_documents([str(path)])))
    assert [d.url for d in docs] == ["https://example.org/a", "https://example.org/b"] and not errors
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size * 2 // 3])
    docs, errors = _split(list(iter_documents([str(cut)])))
    assert len(errors) == 1 and "truncated" in errors[0].reason
    assert len(docs) <= 1


def test_store_is_idempotent_and_search_matches_inflected_forms(tmp_path):
    with Store(tmp_path / "k.db") as store:
        analysis = analyze(ARTICLE, published="2022-02-10")
        assert store.add(analysis) is True
        assert store.add(analyze(ARTICLE, published="2022-02-10")) is False
        store.commit()
        assert store.count() == 1
        assert store.count("timexes") == len(analysis.timexes) >= 2
        assert [r["title"] for r in store.search(fts_query("Борреля"))] == [analysis.article.title]
        assert store.search(fts_query("Боррель"))  # the text has only `Борреля`
        assert store.search(fts_query("Лаврову"))
        assert not store.search(fts_query("Столтенберг"))


def test_an_interrupted_article_leaves_nothing_behind(tmp_path, monkeypatch):
    store = Store(tmp_path / "k.db")
    first = analyze(ARTICLE, published="2022-02-10")
    store.add(first)
    original = Store._insert

    def insert_then_stop(self, analysis):
        original(self, analysis)
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "_insert", insert_then_stop)
    with pytest.raises(KeyboardInterrupt):
        store.add(analyze(ARTICLE + "\nЩе один абзац 3 березня 2021 року.", published="2022-02-10"))
    store.commit()
    for table in ("articles", "timexes"):
        rows = store.db.execute(f"SELECT count(*) FROM {table} WHERE article_id != ?" if table != "articles"
                                else "SELECT count(*) FROM articles WHERE id != ?", (first.article.id,)).fetchone()[0]
        assert rows == 0
    assert store.db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 1
    store.close()


def test_exports(tmp_path):
    db = tmp_path / "k.db"
    with Store(db) as store:
        store.add(analyze(ARTICLE, published="2022-02-10"))
    with Store(db) as store:
        assert export(store, "jsonl", str(tmp_path / "a.jsonl")) == 1
        record = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8"))
        assert set(record) == {"article", "mentions", "actors", "quotes", "timexes", "events"}
        rows = export(store, "csv", str(tmp_path / "t.csv"), "timexes")
        assert (tmp_path / "t.csv").read_text(encoding="utf-8").count("\n") == rows + 1
        assert export(store, "parquet", str(tmp_path / "a.parquet")) == 1
        assert pq.read_table(tmp_path / "a.parquet").num_rows == 1
        with pytest.raises(ValueError):
            export(store, "parquet", None)


def test_a_failing_export_leaves_no_file(tmp_path, monkeypatch):
    db = tmp_path / "k.db"
    with Store(db) as store:
        store.add(analyze(ARTICLE, published="2022-02-10"))

    def broken_rows(self, table):
        def rows():
            yield ("x",)
            raise RuntimeError("disk went away")
        return ["id"], rows()

    monkeypatch.setattr(Store, "rows", broken_rows)
    with Store(db) as store, pytest.raises(RuntimeError):
        export(store, "csv", str(tmp_path / "out.csv"), "articles")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("k.db")) == []


def test_cli_ingest_twice_search_and_exit_codes(tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "2022-02-10-a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("")
    db = str(tmp_path / "k.db")
    assert main(["ingest", str(folder), "--db", db, "--quiet"]) == 1  # one input failed
    err = capsys.readouterr().err
    assert "empty.txt: empty input" in err and "1 stored" in err
    assert main(["ingest", str(folder / "2022-02-10-a.txt"), "--db", db, "--quiet"]) == 0
    assert "0 stored, 1 already there" in capsys.readouterr().err
    assert main(["search", "Лаврова", "--db", db]) == 0
    assert "Лавров отримав відповідь" in capsys.readouterr().out
    assert main(["search", "x", "--db", str(tmp_path / "none.db")]) == 2
    assert "no store" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["analyze", "x.txt", "--published", "10.02.2022"])


def test_cli_analyze_json_lines(tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE + f"\n{name}", encoding="utf-8")
    assert main(["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--published", "2022-02-10",
                 "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["article"]["language"] == "uk"
    assert {t["value"] for t in first["timexes"]} >= {"2022-01-26", "2022-02-09"}
