"""Turn what a user names (files, folders, feeds, web archives, URLs) into raw `Document`s.

Every input yields documents or `InputError`s; one bad input never stops the others.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from khronika.ingest.decode import decode_bytes, looks_binary
from khronika.ingest.errors import InputError
from khronika.ingest.html import document_from_html
from khronika.model import Document

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_URL_BYTES = 10 * 1024 * 1024
URL_TIMEOUT_S = 20
FOLDER_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".rss", ".atom",
                   ".xml", ".warc", ".gz", ".arc"}
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")

Item = Document | InputError


def iter_documents(inputs: list[str]) -> Iterator[Item]:
    for name in inputs:
        if name == "-":
            try:
                yield read_stdin_document(sys.stdin.buffer.read())
            except InputError as error:
                yield error
            continue
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", name):
            yield from _from_url(name)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                inside = child.relative_to(path).parts  # only what lies below the folder the user named
                if child.suffix.lower() in FOLDER_SUFFIXES and not any(part.startswith(".") for part in inside):
                    yield from _from_file(child)
        elif path.is_file():
            yield from _from_file(path)
        else:
            yield InputError(name, "no such file or folder")


def _from_file(path: Path) -> Iterator[Item]:
    source = str(path)
    try:
        size = path.stat().st_size
        kind = _kind(path)
        if kind == "warc":
            yield from _from_warc(path)
            return
        if size > MAX_FILE_BYTES:
            raise InputError(source, f"file too large ({size / 2**20:.0f} MiB; the limit is "
                                     f"{MAX_FILE_BYTES / 2**20:.0f} MiB)")
        data = path.read_bytes()
        yield from _from_bytes(data, kind, source, published=_date_from_name(path.name))
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(source, f"cannot read: {error.strerror or error}")


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        return "warc"
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".rss", ".atom"):
        return "feed"
    if suffix == ".gz":
        return "gzip"
    return "sniff"


def _sniff(text: str) -> str:
    head = text.lstrip()[:2000].lower()
    is_xml = head.startswith(("<?xml", "<rss", "<feed"))
    if is_xml and ("<rss" in head or "<feed" in head or "<rdf:rdf" in head):
        return "feed"
    if head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head:
        return "html"
    if head.startswith("{"):
        return "jsonl"
    return "text"


def _from_bytes(data: bytes, kind: str, source: str, published: str | None = None,
                url: str | None = None) -> Iterator[Item]:
    if kind == "gzip":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            raise InputError(source, f"broken gzip file ({error})") from error
        kind = "sniff"
    if kind == "feed":
        yield from _from_feed(data, source)
        return
    text = decode_bytes(data, source)
    if kind == "sniff":
        kind = _sniff(text)
    if kind == "feed":
        yield from _from_feed(data, source)
    elif kind == "html":
        doc = document_from_html(text, source, url)
        doc.published = doc.published or published
        yield doc
    elif kind == "jsonl":
        yield from _from_jsonl(text, source)
    else:
        yield _from_plain_text(text, source, published, url)


def _from_plain_text(text: str, source: str, published: str | None, url: str | None = None) -> Document:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise InputError(source, "empty input")
    title = lines[0].strip()
    body = "\n".join(lines[1:]).strip("\n")
    if not body.strip():
        raise InputError(source, "only a title line, no article text")
    return Document(text=body, title=title, published=published, url=url, source=source)


def _from_jsonl(text: str, source: str) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"invalid JSON ({error.msg})")
            continue
        if not isinstance(record, dict) or not str(record.get("text") or "").strip():
            yield InputError(where, "no `text` field")
            continue
        yield Document(text=str(record["text"]).strip(), title=record.get("title"),
                       published=_iso_date(record.get("published")), url=record.get("url"), source=where,
                       language=record.get("lang") or record.get("language"))


def _from_feed(data: bytes, source: str) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f"not a readable RSS/Atom feed ({feed.get('bozo_exception', 'no entries')})"
        yield InputError(source, reason)
        return
    for index, entry in enumerate(feed.entries, start=1):
        where = f"{source}#{index}"
        body = entry.get("content", [{}])[0].get("value") if entry.get("content") else entry.get("summary", "")
        text = _html_to_text(body or "")
        if not text.strip():
            yield InputError(where, "feed entry has no text")
            continue
        published = _feed_date(entry)
        yield Document(text=text, title=entry.get("title"), published=published, url=entry.get("link"),
                       source=where)


def _feed_date(entry) -> str | None:
    """The date as the publisher wrote it: feedparser's *_parsed fields are converted to UTC."""
    for key in ("published", "updated"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError):
            local = _iso_date(raw)
            if local:
                return local
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    root = lxml.html.fromstring(f"<div>{fragment}</div>")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [el.text_content().strip() for el in root.iter("p", "li", "h1", "h2", "h3", "blockquote")]
    blocks = [b for b in blocks if b]
    return "\n".join(blocks) if blocks else root.text_content().strip()


def _from_warc(path: Path) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                content_type = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
                if "html" not in content_type.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{url}"
                body = record.content_stream().read()
                if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than Content-Length promised
                    raise EOFError(f"the record of {url} is cut short")
                count += 1
                try:
                    yield from _from_bytes(body, "html", where, _warc_date(record), url)
                except InputError as error:
                    yield error
        if path.name.lower().endswith(".gz"):
            _check_gzip_complete(path)  # warcio stops quietly at a cut inside a gzip member
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError) as error:
        # warcio meets a cut or corrupt record with any of these (AttributeError on a header cut short)
        yield InputError(str(path), f"truncated or broken web archive after {count} HTML records ({error})")


def _check_gzip_complete(path: Path) -> None:
    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(1 << 20):
                pass
    except (EOFError, OSError) as error:
        raise EOFError("the compressed stream is cut short") from error


def _warc_date(record) -> str | None:
    raw = record.rec_headers.get_header("WARC-Date") or ""
    return raw[:10] if re.match(r"\d{4}-\d{2}-\d{2}", raw) else None


def _from_url(url: str) -> Iterator[Item]:
    if not url.lower().startswith(("http://", "https://")):
        yield InputError(url, "only http and https URLs are read")
        return
    try:
        request = urllib.request.Request(url, headers={"User-Agent": "khronika/0.1 (+news analysis)"})
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT_S) as response:  # noqa: S310 (scheme checked)
            data = response.read(MAX_URL_BYTES + 1)
            content_type = response.headers.get("Content-Type", "").lower()
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        yield InputError(url, f"cannot fetch ({reason})")
        return
    if len(data) > MAX_URL_BYTES:
        yield InputError(url, f"response larger than {MAX_URL_BYTES // 2**20} MiB")
        return
    if looks_binary(data):
        yield InputError(url, f"not text ({content_type or 'unknown content type'})")
        return
    kind = "feed" if ("rss" in content_type or "atom" in content_type) else (
        "html" if "html" in content_type else "sniff")
    try:
        yield from _from_bytes(data, kind, url, url=url)
    except InputError as error:
        yield error


def _date_from_name(name: str) -> str | None:
    match = _DATE_IN_NAME.search(name)
    return _iso_date("-".join(match.groups())) if match else None


def _iso_date(raw) -> str | None:
    if not raw:
        return None
    text = str(raw).strip()
    for candidate in (text[:10], text):
        try:
            return datetime.strptime(candidate, "%Y-%m-%d").date().isoformat()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def read_stdin_document(data: bytes) -> Document:
    return _from_plain_text(decode_bytes(data, "<stdin>"), "<stdin>", None)

