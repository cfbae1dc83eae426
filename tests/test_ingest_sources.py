"""`iter_documents` on every kind of input it accepts, built here in tmp_path (texts written for these tests)."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import socket
import threading
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import khronika.ingest.sources as sources
from khronika.ingest.errors import InputError
from khronika.ingest.sources import iter_documents
from khronika.model import Document

BUDGET_HTML = """<!DOCTYPE html>
<html lang="uk"><head><meta charset="utf-8"><title>Уряд схвалив проєкт бюджету</title>
<meta property="article:published_time" content="2024-05-14T10:00:00+03:00"></head>
<body>
<nav><ul><li><a href="/">Головна сторінка</a></li><li><a href="/sport">Спортивні новини</a></li>
<li><a href="/weather">Погода на тиждень</a></li></ul></nav>
<main><article>
<h1>Уряд схвалив проєкт бюджету</h1>
<p>Кабінет міністрів у вівторок схвалив проєкт державного бюджету на наступний рік, повідомила пресслужба уряду.</p>
<p>Документ передбачає більші видатки на освіту й медицину, а також нові програми для малого бізнесу.</p>
<p>Парламент розгляне проєкт у першому читанні до кінця травня, зазначили в бюджетному комітеті.</p>
</article></main>
<footer><p>© 2024 Вигаданий портал. Усі права захищено. Політика конфіденційності.</p></footer>
</body></html>
"""

UKRAINIAN = ("Новини про ґрунти\n"
             "Уряд ухвалив рішення щодо охорони ґрунтів і їхньої єдиної інформаційної системи.\n"
             "Міністерство наголосило, що реформа ґрунтується на європейських стандартах і триватиме рік.\n")


def split(items) -> tuple[list[Document], list[InputError]]:
    items = list(items)
    for item in items:
        assert isinstance(item, Document | InputError), item
    return ([i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)])


def only_error(items) -> InputError:
    docs, errors = split(items)
    assert docs == []
    assert len(errors) == 1, errors
    return errors[0]


# --- plain text --------------------------------------------------------------------------------------------

def test_plain_text_first_line_is_title_and_file_name_gives_date(tmp_path):
    path = tmp_path / "2024-03-05-rada-zasidannya.txt"
    path.write_text("\n\nРада провела позачергове засідання\n\nДепутати ухвалили закон про місцеві вибори.\n"
                    "Голосування тривало дві години.\n", encoding="utf-8")
    (doc,) = iter_documents([str(path)])
    assert isinstance(doc, Document)
    assert doc.title == "Рада провела позачергове засідання"
    assert doc.text == "Депутати ухвалили закон про місцеві вибори.\nГолосування тривало дві години."
    assert doc.published == "2024-03-05"
    assert doc.source == str(path)
    assert doc.url is None and doc.html is None


@pytest.mark.parametrize("name", ["news.txt", "2024-13-45-news.txt", "x12024-03-05.txt"])
def test_no_valid_date_in_file_name_means_no_date(tmp_path, name):
    path = tmp_path / name
    path.write_text("Заголовок\nТекст новини про ремонт дороги.\n", encoding="utf-8")
    (doc,) = iter_documents([str(path)])
    assert doc.published is None


def test_crlf_line_endings(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Заголовок\r\nПерший рядок тексту.\r\nДругий рядок тексту.\r\n".encode())
    (doc,) = iter_documents([str(path)])
    assert doc.title == "Заголовок"
    assert doc.text == "Перший рядок тексту.\nДругий рядок тексту."


def test_title_without_body_is_an_error(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Лише заголовок\n\n", encoding="utf-8")
    error = only_error(iter_documents([str(path)]))
    assert error.source == str(path)
    assert "only a title" in error.reason


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    error = only_error(iter_documents([str(path)]))
    assert error.source == str(path)
    assert error.reason == "empty input"
    assert str(path) in str(error)


def test_binary_file_is_rejected(tmp_path):
    path = tmp_path / "picture.txt"  # a supported suffix, but PNG-like bytes inside
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8)
    error = only_error(iter_documents([str(path)]))
    assert "binary" in error.reason


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-u"])
def test_single_byte_cyrillic_encodings(tmp_path, encoding):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(UKRAINIAN.encode(encoding))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # the test really feeds non-UTF-8 bytes
    (doc,) = iter_documents([str(path)])
    title, body = UKRAINIAN.split("\n", 1)
    assert doc.title == title
    assert doc.text == body.strip("\n")
    for letter in "іїєґ":
        assert letter in doc.title + doc.text


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + UKRAINIAN.encode("utf-8"))
    (doc,) = iter_documents([str(path)])
    assert doc.title == "Новини про ґрунти"


def test_missing_path(tmp_path):
    missing = str(tmp_path / "nowhere" / "a.txt")
    error = only_error(iter_documents([missing]))
    assert error.source == missing
    assert "no such file" in error.reason


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 200)
    small = tmp_path / "small.txt"
    small.write_text("Заголовок\nКороткий текст.\n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("Заголовок\n" + "Довгий рядок тексту новини.\n" * 40, encoding="utf-8")
    docs, errors = split(iter_documents([str(big), str(small)]))
    assert [d.source for d in docs] == [str(small)]
    assert len(errors) == 1 and errors[0].source == str(big)
    assert "too large" in errors[0].reason


def test_gzipped_text_file(tmp_path):
    path = tmp_path / "2024-02-01-news.txt.gz"
    path.write_bytes(gzip.compress(UKRAINIAN.encode("utf-8")))
    (doc,) = iter_documents([str(path)])
    assert doc.title == "Новини про ґрунти"
    assert doc.published == "2024-02-01"


def test_broken_gzip_file(tmp_path):
    path = tmp_path / "news.gz"
    path.write_bytes(gzip.compress(UKRAINIAN.encode("utf-8") * 20)[:40])
    error = only_error(iter_documents([str(path)]))
    assert "gzip" in error.reason


# --- HTML -----------------------------------------------------------------------------------------------

def test_html_page_title_text_and_date_without_boilerplate(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(BUDGET_HTML, encoding="utf-8")
    (doc,) = iter_documents([str(path)])
    assert isinstance(doc, Document)
    assert doc.title == "Уряд схвалив проєкт бюджету"
    lines = doc.text.splitlines()
    assert lines[0].startswith("Кабінет міністрів у вівторок")
    assert lines[-1].startswith("Парламент розгляне проєкт")
    assert "Уряд схвалив проєкт бюджету" not in lines  # the headline is not repeated in the text
    for boilerplate in ("Головна сторінка", "Спортивні новини", "Погода на тиждень", "Усі права", "конфіденційності"):
        assert boilerplate not in doc.text
    assert doc.published == "2024-05-14"
    assert doc.html == BUDGET_HTML


def test_html_without_article_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Порожньо</title></head><body><img src='a.png'></body></html>",
                    encoding="utf-8")
    error = only_error(iter_documents([str(path)]))
    assert "no article text" in error.reason


def _without_date_meta(html: str) -> str:
    return html.replace('<meta property="article:published_time" content="2024-05-14T10:00:00+03:00">', "")


def test_html_is_sniffed_in_a_txt_file(tmp_path):
    path = tmp_path / "2024-05-20-saved.txt"
    html = _without_date_meta(BUDGET_HTML)
    path.write_text(html[:html.index("<footer>")] + "</body></html>", encoding="utf-8")
    (doc,) = iter_documents([str(path)])
    assert doc.title == "Уряд схвалив проєкт бюджету"
    assert "<p>" not in doc.text
    assert doc.published == "2024-05-20"  # no date in the page, so the file name's


def test_copyright_year_is_not_a_publication_date(tmp_path):
    path = tmp_path / "2024-05-20-saved.html"
    path.write_text(_without_date_meta(BUDGET_HTML), encoding="utf-8")
    (doc,) = iter_documents([str(path)])
    assert doc.published == "2024-05-20"


# --- JSON Lines -------------------------------------------------------------------------------------------

def test_jsonl_fields_and_a_broken_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": "  Мерія оголосила конкурс на проєкт парку.  ", "title": "Конкурс",
                    "published": "2024-04-02T08:15:00Z", "url": "https://news.example/park"}, ensure_ascii=False),
        '{"text": "обірваний рядок", "title": ',
        "",
        json.dumps({"title": "Без тексту", "text": "   "}, ensure_ascii=False),
        json.dumps(["не", "обʼєкт"], ensure_ascii=False),
        json.dumps({"text": "The council met on Monday.", "title": "Council", "published": "not a date",
                    "lang": "en"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = split(iter_documents([str(path)]))
    assert [(d.title, d.text, d.published, d.url, d.source) for d in docs] == [
        ("Конкурс", "Мерія оголосила конкурс на проєкт парку.", "2024-04-02", "https://news.example/park",
         f"{path}:1"),
        ("Council", "The council met on Monday.", None, None, f"{path}:6"),
    ]
    assert docs[1].language == "en"
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert "invalid JSON" in errors[0].reason
    assert f"{path.name}:2" in str(errors[0])
    assert "text" in errors[1].reason and "text" in errors[2].reason


# --- feeds ------------------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Вигадана стрічка</title><link>https://news.example/</link>
<description>Новини</description>
<item><title>Уряд схвалив програму</title><link>https://news.example/1</link>
<pubDate>Tue, 14 May 2024 10:00:00 +0300</pubDate>
<description>&lt;p&gt;Уряд схвалив програму відновлення житла.&lt;/p&gt;
&lt;p&gt;Гроші надійдуть улітку.&lt;/p&gt;</description>
</item>
<item><title>Парламент ухвалив закон</title><link>https://news.example/2</link>
<pubDate>Wed, 15 May 2024 09:30:00 GMT</pubDate>
<description>Парламент ухвалив закон про місцеві вибори.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Invented news</title><id>urn:example:feed</id>
<updated>2024-05-16T09:00:00Z</updated>
<entry><title>Council meets in Brussels</title><link href="https://news.example/en/1"/><id>urn:example:1</id>
<updated>2024-05-16T08:00:00Z</updated>
<content type="html">&lt;p&gt;The council met on Thursday to discuss the budget.&lt;/p&gt;
&lt;p&gt;A vote is expected in June.&lt;/p&gt;</content>
</entry>
</feed>
"""


def test_rss_two_items(tmp_path):
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    docs, errors = split(iter_documents([str(path)]))
    assert errors == []
    assert [(d.title, d.published, d.url, d.source) for d in docs] == [
        ("Уряд схвалив програму", "2024-05-14", "https://news.example/1", f"{path}#1"),
        ("Парламент ухвалив закон", "2024-05-15", "https://news.example/2", f"{path}#2"),
    ]
    assert docs[0].text == "Уряд схвалив програму відновлення житла.\nГроші надійдуть улітку."
    assert docs[1].text == "Парламент ухвалив закон про місцеві вибори."


def test_rss_sniffed_in_an_xml_file(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    docs, errors = split(iter_documents([str(path)]))
    assert errors == [] and len(docs) == 2


def test_atom_feed(tmp_path):
    path = tmp_path / "news.atom"
    path.write_text(ATOM, encoding="utf-8")
    (doc,) = iter_documents([str(path)])
    assert isinstance(doc, Document)
    assert doc.title == "Council meets in Brussels"
    assert doc.url == "https://news.example/en/1"
    assert doc.published == "2024-05-16"
    assert doc.text == "The council met on Thursday to discuss the budget.\nA vote is expected in June."


def test_rss_date_is_the_publishers_local_date(tmp_path):
    path = tmp_path / "late.rss"
    path.write_text(RSS.replace("Tue, 14 May 2024 10:00:00 +0300", "Tue, 14 May 2024 00:30:00 +0300"),
                    encoding="utf-8")
    docs, _ = split(iter_documents([str(path)]))
    assert docs[0].published == "2024-05-14"


def test_unreadable_feed(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>без елементів</title></channel></rss>", encoding="utf-8")
    error = only_error(iter_documents([str(path)]))
    assert "feed" in error.reason


# --- web archives -----------------------------------------------------------------------------------------

def _page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<nav>Головна | Архів</nav><article><h1>{title}</h1>{body}</article></body></html>").encode()


WARC_RECORDS = [
    ("https://news.example/a1", "text/html; charset=utf-8",
     _page("Уряд підтримає аграріїв", ["Уряд ухвалив рішення про підтримку аграріїв, повідомили у міністерстві.",
                                       "Програма триватиме до кінця року й охопить кілька областей."])),
    ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ("https://news.example/a2", "text/html",
     _page("Міст відремонтують", ["Мерія оголосила про ремонт мосту через річку, роботи почнуться навесні.",
                                  "Рух транспорту на час ремонту обмежать, зазначили в департаменті.",
                                  "Підрядника оберуть на відкритих торгах, кошторис уже погоджено."])),
]


def _warc_bytes(gz: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for number, (uri, content_type, payload) in enumerate(WARC_RECORDS, start=1):
        http_headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(payload), http_headers=http_headers,
            warc_headers_dict={"WARC-Date": f"2024-06-0{number}T12:00:00Z",
                               "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-00000000000{number}>"})
        writer.write_record(record)
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(_warc_bytes(gz=name.endswith(".gz")))
    docs, errors = split(iter_documents([str(path)]))
    assert errors == []
    assert [(d.title, d.url, d.published, d.source) for d in docs] == [
        ("Уряд підтримає аграріїв", "https://news.example/a1", "2024-06-01", f"{path}#https://news.example/a1"),
        ("Міст відремонтують", "https://news.example/a2", "2024-06-03", f"{path}#https://news.example/a2"),
    ]
    assert docs[1].text.splitlines() == [
        "Мерія оголосила про ремонт мосту через річку, роботи почнуться навесні.",
        "Рух транспорту на час ремонту обмежать, зазначили в департаменті.",
        "Підрядника оберуть на відкритих торгах, кошторис уже погоджено.",
    ]
    assert all("Головна" not in d.text for d in docs)


def test_truncated_warc_gz_yields_the_records_before_the_cut_then_one_error(tmp_path):
    data = _warc_bytes(gz=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) // 2])
    docs, errors = split(iter_documents([str(path)]))
    assert [d.url for d in docs] == ["https://news.example/a1"]
    assert len(errors) == 1
    assert errors[0].source == str(path)
    assert "truncated" in errors[0].reason or "broken" in errors[0].reason


def _cut_inside_last_article(data: bytes) -> bytes:
    return data[: data.rindex("Підрядника".encode()) + 10]


def test_truncated_plain_warc_is_reported(tmp_path):
    path = tmp_path / "cut.warc"
    path.write_bytes(_cut_inside_last_article(_warc_bytes(gz=False)))
    docs, errors = split(iter_documents([str(path)]))
    assert len(errors) == 1 and "truncated" in errors[0].reason
    assert [d.url for d in docs] == ["https://news.example/a1"]


def test_truncated_warc_gz_does_not_yield_the_cut_article(tmp_path):
    data = _warc_bytes(gz=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 60])  # inside the compressed payload of the last record
    docs, errors = split(iter_documents([str(path)]))
    assert len(errors) == 1 and "truncated" in errors[0].reason  # the cut itself is reported
    assert [d.url for d in docs] == ["https://news.example/a1"]


def test_not_a_warc(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("<html><body><p>Не вебархів.</p></body></html>\n", encoding="utf-8")
    error = only_error(iter_documents([str(path)]))
    assert "web archive" in error.reason


# --- folders ----------------------------------------------------------------------------------------------

def test_folder_is_walked_recursively_skipping_hidden_and_unsupported(tmp_path):
    root = tmp_path / "news"
    (root / "2024" / "may").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_text("Новина А\nТекст першої новини.\n", encoding="utf-8")
    (root / "2024" / "may" / "b.txt").write_text("Новина Б\nТекст другої новини.\n", encoding="utf-8")
    (root / "2024" / "c.html").write_text(BUDGET_HTML, encoding="utf-8")
    (root / ".hidden.txt").write_text("Прихована\nЦього не має бути.\n", encoding="utf-8")
    (root / ".git" / "d.txt").write_text("Git\nЦього теж.\n", encoding="utf-8")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    docs, errors = split(iter_documents([str(root)]))
    assert errors == []
    assert [(Path(d.source).relative_to(root).as_posix(), d.title) for d in docs] == [
        ("2024/c.html", "Уряд схвалив проєкт бюджету"),
        ("2024/may/b.txt", "Новина Б"),
        ("a.txt", "Новина А"),
    ]


def test_one_bad_input_does_not_stop_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Добра\nЗвичайний текст новини.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    docs, errors = split(iter_documents([str(tmp_path / "missing.txt"), str(tmp_path / "empty.txt"), str(good)]))
    assert [d.title for d in docs] == ["Добра"]
    assert [Path(e.source).name for e in errors] == ["missing.txt", "empty.txt"]


def test_folder_named_with_a_parent_reference(tmp_path, monkeypatch):
    (tmp_path / "news").mkdir()
    (tmp_path / "work").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Новина\nТекст новини.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    docs, errors = split(iter_documents(["../news"]))
    assert [d.title for d in docs] == ["Новина"]


# --- URLs -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["ftp://news.example/a.txt", "file:///etc/hostname"])
def test_non_http_url_is_rejected(url):
    error = only_error(iter_documents([url]))
    assert error.source == url
    assert "http" in error.reason


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_http_url_to_a_closed_port_is_an_input_error():
    url = f"http://127.0.0.1:{_closed_port()}/news"
    error = only_error(iter_documents([url]))
    assert error.source == url
    assert "cannot fetch" in error.reason


class _Handler(http.server.BaseHTTPRequestHandler):
    pages = {
        "/news/budget": ("text/html; charset=utf-8", BUDGET_HTML.encode("utf-8")),
        "/feed": ("application/rss+xml", RSS.encode("utf-8")),
        "/image": ("image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100),
    }

    def do_GET(self):  # noqa: N802 (http.server's name)
        page = self.pages.get(self.path)
        if page is None:
            self.send_error(404, "Not Found")
            return
        content_type, body = page
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_html_page_over_http(server):
    url = f"{server}/news/budget"
    (doc,) = iter_documents([url])
    assert isinstance(doc, Document)
    assert doc.title == "Уряд схвалив проєкт бюджету"
    assert doc.url == url and doc.source == url
    assert "Кабінет міністрів у вівторок" in doc.text
    assert "Спортивні новини" not in doc.text


def test_feed_over_http(server):
    docs, errors = split(iter_documents([f"{server}/feed"]))
    assert errors == []
    assert [d.title for d in docs] == ["Уряд схвалив програму", "Парламент ухвалив закон"]


def test_http_errors_and_binary_responses(server):
    docs, errors = split(iter_documents([f"{server}/missing", f"{server}/image", f"{server}/news/budget"]))
    assert [d.title for d in docs] == ["Уряд схвалив проєкт бюджету"]
    assert [e.source for e in errors] == [f"{server}/missing", f"{server}/image"]
    assert "cannot fetch" in errors[0].reason and "Not Found" in errors[0].reason
    assert "not text" in errors[1].reason
