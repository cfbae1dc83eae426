"""`khronika ingest`: analyse many inputs into the store, with progress, idempotent and resumable."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urlparse

from tqdm import tqdm

from khronika.ingest.errors import InputError
from khronika.ingest.furniture import RepeatedLines
from khronika.ingest.sources import iter_documents
from khronika.model import Document
from khronika.pipeline import analyze_article, prepare
from khronika.store.sqlite import Store

LOOKAHEAD = 1000  # documents read before analysis starts, to learn each site's repeated lines
COMMIT_EVERY = 50
COMMIT_SECONDS = 2.0


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    interrupted: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 130 if self.interrupted else (1 if self.failed else 0)


def site_of(document: Document) -> str:
    if document.url:
        return urlparse(document.url).netloc.lower()
    return str(PurePath(document.source.split("#")[0].rsplit(":", 1)[0]).parent)


def _with_lookahead(items: Iterator[Document | InputError], repeated: RepeatedLines,
                    progress: tqdm) -> Iterable[Document | InputError]:
    buffer: list[Document | InputError] = []
    for item in items:
        buffer.append(item)
        if isinstance(item, Document):
            repeated.add(site_of(item), item.text)
        if len(buffer) >= LOOKAHEAD:
            break
    else:
        progress.total = len(buffer)
        progress.refresh()
    yield from buffer
    for item in items:
        if isinstance(item, Document):
            repeated.add(site_of(item), item.text)
        yield item


def ingest(inputs: list[str], store: Store, lang: str = "auto", published: str | None = None,
           show_progress: bool = True, err=None) -> IngestReport:
    err = err or sys.stderr  # looked up per call, so a redirected stderr is honoured
    report = IngestReport()
    repeated = RepeatedLines()
    # `delay`: the bar first shows once the look-ahead has counted the inputs, so no empty bar is left behind
    progress = tqdm(unit=" articles", disable=not show_progress, file=err, dynamic_ncols=True, delay=0.5)
    last_commit = time.monotonic()
    try:
        for item in _with_lookahead(iter_documents(inputs), repeated, progress):
            progress.update(1)
            if isinstance(item, InputError):
                _fail(report, progress, str(item), err)
                continue
            if _store_one(item, store, lang, published, repeated):
                report.stored += 1
            else:
                report.skipped += 1
            if report.stored % COMMIT_EVERY == 0 or time.monotonic() - last_commit > COMMIT_SECONDS:
                store.commit()
                last_commit = time.monotonic()
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        store.commit()  # add() rolled back any half-stored article, so what is committed is whole
        progress.close()
    return report


def _store_one(document: Document, store: Store, lang: str, published: str | None,
               repeated: RepeatedLines) -> bool:
    article = prepare(document, lang, published, repeated, site_of(document))
    store.begin()
    if store.has(article.id, article.raw_id):
        return False
    return store.add(analyze_article(article))


def _fail(report: IngestReport, progress: tqdm, message: str, err) -> None:
    report.failed += 1
    report.errors.append(message)
    progress.write(f"khronika: error: {message}", file=err)
