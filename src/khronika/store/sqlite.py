"""The SQLite store: articles with their analyses, one table per record type, and full-text search.

Design:
- the article id is the sha256 of its cleaned text, so storing is idempotent (`INSERT OR IGNORE`);
- every article goes in with all its records inside one SAVEPOINT, and batches are committed in
  WAL mode: an interrupted run (Ctrl-C, kill -9) leaves only whole articles behind;
- an FTS5 index holds title, text and the lemmas of the text, so a search for `Лавров` also finds
  `Лаврова` (the query words are lemmatised the same way).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from khronika.model import Analysis
from khronika.store.chronicle import TimelineEvent, chronicle_entry, timeline

SCHEMA_VERSION = "3"
# columns added after version 1: a store written by an older Khronika gains them when opened
ADDED_COLUMNS = {"mentions": ["kind TEXT"], "actors": ["country TEXT", "wikidata TEXT", "in_kb INTEGER"],
                 "quotes": ["channel TEXT", "via TEXT"],
                 "events": ["trigger TEXT", "cue TEXT", "modality TEXT", "reported_by TEXT", "spans TEXT",
                            "chronicle_id INTEGER"]}

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    published TEXT,
    language TEXT NOT NULL,
    url TEXT,
    source TEXT,
    text TEXT NOT NULL,
    removed_lines TEXT NOT NULL DEFAULT '[]',
    ingested_at TEXT NOT NULL,
    analysis TEXT NOT NULL,
    raw_id TEXT
);
CREATE INDEX IF NOT EXISTS articles_raw_id ON articles (raw_id);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL, actor TEXT,
    kind TEXT
);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions (actor);
CREATE TABLE IF NOT EXISTS actors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT, names TEXT, country TEXT, wikidata TEXT, in_kb INTEGER
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    speaker TEXT, speaker_text TEXT, cue TEXT, channel TEXT, via TEXT
);
CREATE TABLE IF NOT EXISTS timexes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, value TEXT NOT NULL,
    type TEXT NOT NULL, mod TEXT
);
CREATE INDEX IF NOT EXISTS timexes_value ON timexes (value);
CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    type TEXT NOT NULL, mode TEXT, actor TEXT, recipient TEXT, date TEXT, location TEXT,
    negated INTEGER NOT NULL DEFAULT 0, evidence TEXT, start INTEGER, "end" INTEGER,
    trigger TEXT, cue TEXT, modality TEXT, reported_by TEXT, spans TEXT, chronicle_id INTEGER
);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE TABLE IF NOT EXISTS chronicle (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL, mode TEXT, actor TEXT NOT NULL, recipient TEXT NOT NULL, date TEXT,
    first_date TEXT, last_date TEXT, articles INTEGER NOT NULL DEFAULT 0, evidence TEXT
);
CREATE INDEX IF NOT EXISTS chronicle_key ON chronicle (type, actor, recipient);
CREATE INDEX IF NOT EXISTS chronicle_date ON chronicle (date);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
    title, text, lemmas, tokenize = 'unicode61 remove_diacritics 0'
);
"""

TABLES = ("articles", "mentions", "actors", "quotes", "timexes", "events", "chronicle")


class Store:
    def __init__(self, path: str | Path):
        self.path = str(path)
        self.db = sqlite3.connect(self.path, isolation_level=None)  # transactions are managed here
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.executescript(SCHEMA)
        self._migrate()
        self._in_batch = False

    def _migrate(self) -> None:
        for table, columns in ADDED_COLUMNS.items():
            present = {row["name"] for row in self.db.execute(f"PRAGMA table_info({table})")}
            for column in columns:
                if column.split()[0] not in present:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column}")
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))

    # --- transactions ---------------------------------------------------------------------
    def begin(self) -> None:
        if not self._in_batch:
            self.db.execute("BEGIN IMMEDIATE")
            self._in_batch = True

    def commit(self) -> None:
        if self._in_batch:
            self.db.execute("COMMIT")
            self._in_batch = False

    def close(self) -> None:
        self.commit()
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is not None and self._in_batch:
            self.db.execute("ROLLBACK")
            self._in_batch = False
        self.close()

    # --- writing --------------------------------------------------------------------------
    def has(self, article_id: str, raw_id: str = "") -> bool:
        """Whether the article is stored, by its id or by the id of the input it came from."""
        query = "SELECT 1 FROM articles WHERE id = ? OR (raw_id = ? AND raw_id != '')"
        return self.db.execute(query, (article_id, raw_id)).fetchone() is not None

    def add(self, analysis: Analysis) -> bool:
        """Store an analysis with all its records, or nothing of it; False if it was already there."""
        self.begin()
        if self.has(analysis.article.id, analysis.article.raw_id):
            return False
        self.db.execute("SAVEPOINT article")
        try:
            self._insert(analysis)
        except BaseException:
            self.db.execute("ROLLBACK TO article")
            self.db.execute("RELEASE article")
            raise
        self.db.execute("RELEASE article")
        return True

    def _insert(self, analysis: Analysis) -> None:
        a = analysis.article
        cursor = self.db.execute(
            "INSERT INTO articles (id, title, published, language, url, source, text, removed_lines, ingested_at,"
            " analysis, raw_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, a.title, a.published, a.language, a.url, a.source, a.text,
             json.dumps(a.removed_lines, ensure_ascii=False), datetime.now(UTC).isoformat(timespec="seconds"),
             json.dumps(analysis.to_dict(), ensure_ascii=False), a.raw_id),
        )
        self.db.execute("INSERT INTO articles_fts (rowid, title, text, lemmas) VALUES (?, ?, ?, ?)",
                        (cursor.lastrowid, a.title, a.text, analysis.index_terms))
        self.db.executemany('INSERT INTO mentions (article_id, start, "end", text, label, actor, kind)'
                            " VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [(a.id, m.start, m.end, m.text, m.label, m.actor, m.kind) for m in analysis.mentions])
        self.db.executemany("INSERT OR IGNORE INTO actors (id, name, type, names, country, wikidata, in_kb)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [(x.id, x.name, x.type, json.dumps(x.names, ensure_ascii=False), x.country,
                              x.wikidata, int(x.in_kb)) for x in analysis.actors])
        self.db.executemany('INSERT INTO quotes (article_id, start, "end", text, kind, speaker, speaker_text, cue,'
                            " channel, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [(a.id, q.start, q.end, q.text, q.kind, q.speaker, q.speaker_text, q.cue, q.channel,
                              q.via)
                             for q in analysis.quotes])
        self.db.executemany("INSERT INTO timexes VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [(a.id, t.start, t.end, t.text, t.value, t.type, t.mod) for t in analysis.timexes])
        for event in analysis.events:
            self.db.execute(
                'INSERT INTO events (article_id, type, mode, actor, recipient, date, location, negated, evidence,'
                ' start, "end", trigger, cue, modality, reported_by, spans, chronicle_id)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, event.type, event.mode, json.dumps(event.actor, ensure_ascii=False),
                 json.dumps(event.recipient, ensure_ascii=False), event.date, event.location, int(event.negated),
                 event.evidence, event.start, event.end, event.trigger, event.cue, event.modality,
                 event.reported_by, json.dumps(event.spans), chronicle_entry(self.db, event)))

    # --- reading --------------------------------------------------------------------------
    def count(self, table: str = "articles") -> int:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def analyses(self) -> Iterator[Analysis]:
        for row in self.db.execute("SELECT analysis, source FROM articles ORDER BY published, rowid"):
            analysis = Analysis.from_dict(json.loads(row["analysis"]))
            analysis.article.source = row["source"] or ""
            yield analysis

    def rows(self, table: str) -> tuple[list[str], Iterator[tuple]]:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
        columns = [r[1] for r in self.db.execute(f"PRAGMA table_info({table})")]
        if table == "articles":
            columns = [c for c in columns if c not in ("rowid", "analysis", "raw_id")]
        quoted = ", ".join(f'"{c}"' for c in columns)
        order = "ORDER BY published, rowid" if table == "articles" else "ORDER BY rowid"
        return columns, (tuple(r) for r in self.db.execute(f"SELECT {quoted} FROM {table} {order}"))

    def timeline(self, actor: str | None = None, start: str | None = None,
                 end: str | None = None, side: bool = False) -> list[TimelineEvent]:
        """Events merged across articles, in date order, each with every article that tells it;
        with `side`, a country's events include those of its people and bodies."""
        return timeline(self.db, actor, start, end, side)

    def search(self, fts_query: str, limit: int = 20) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT a.id, a.title, a.published, a.language, a.url, a.source,"
            " snippet(articles_fts, 1, '[', ']', ' … ', 16) AS snippet"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 1.0, 1.0) LIMIT ?",
            (fts_query, limit),
        ).fetchall()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"
