"""The chronicle: one row per thing that happened, however many articles tell it.

An article's events are stored as they were read (table `events`); each one also joins a
`chronicle` row with the same category, actor and recipient whose date lies within
`CLOSE_DAYS` of its own, or starts a new one. So the chronicle grows with `khronika ingest`
and a timeline is a plain query over it, listing every source article of each event.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta

from khronika.model import Event, party_ids

CLOSE_DAYS = 2  # reports of one event often date it a day apart (`yesterday`, time zones)


def party_key(ids: str | list[str] | None) -> str:
    """A canonical form of an actor or recipient: sorted ids, so `[US, NATO]` = `[NATO, US]`."""
    return json.dumps(sorted(party_ids(ids)))


def chronicle_entry(db: sqlite3.Connection, event: Event) -> int:
    """The id of the chronicle row this event joins (created when none is close enough)."""
    actor, recipient = party_key(event.actor), party_key(event.recipient)
    for row in db.execute("SELECT id, date, first_date, last_date FROM chronicle"
                          " WHERE type = ? AND actor = ? AND recipient = ?", (event.type, actor, recipient)):
        if _close(row[1], event.date):
            first = min(filter(None, [row[2], event.date]), default=None)
            last = max(filter(None, [row[3], event.date]), default=None)
            db.execute("UPDATE chronicle SET articles = articles + 1, first_date = ?, last_date = ? WHERE id = ?",
                       (first, last, row[0]))
            return row[0]
    cursor = db.execute("INSERT INTO chronicle (type, mode, actor, recipient, date, first_date, last_date,"
                        " articles, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
                        (event.type, event.mode, actor, recipient, event.date, event.date, event.date,
                         event.evidence))
    return int(cursor.lastrowid)


def _close(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return a == b
    try:
        return abs(_day(a) - _day(b)) <= timedelta(days=CLOSE_DAYS)
    except ValueError:
        return a == b


def _day(value: str) -> date:
    parts = value[:10].split("-")
    while len(parts) < 3:  # `2022-01` is read as the month's first day
        parts.append("01")
    return date(int(parts[0]), int(parts[1]), int(parts[2]))


@dataclass
class Source:
    article_id: str
    title: str
    published: str | None
    url: str | None
    evidence: str


@dataclass
class TimelineEvent:
    id: int
    date: str | None
    type: str
    mode: str | None
    actor: list[str]
    recipient: list[str]
    actor_names: list[str]
    recipient_names: list[str]
    sources: list[Source] = field(default_factory=list)

    def to_dict(self) -> dict:
        from dataclasses import asdict

        return asdict(self)


def timeline(db: sqlite3.Connection, actor: str | None = None, start: str | None = None,
             end: str | None = None, side: bool = False) -> list[TimelineEvent]:
    """The chronicle in date order, optionally for one actor (as actor or recipient) and a date range.

    `actor` is an actor id or a name in any language the store knows (`russia`, `Росія`, `Q159`).
    With `side`, a country also stands for its people and bodies (Lavrov and the Russian MFA for
    Russia), as event datasets code an official by the state they act for."""
    ids = resolve_actor(db, actor, side) if actor else None
    if actor and not ids:
        raise ValueError(f"no actor {actor!r} in the store")
    names = {row[0]: row[1] for row in db.execute("SELECT id, name FROM actors")}
    query, params = "SELECT * FROM chronicle WHERE 1 = 1", []
    if start:
        query += " AND date >= ?"
        params.append(start)
    if end:
        query += " AND substr(date, 1, ?) <= ?"
        params += [len(end), end]
    entries = []
    for row in db.execute(query + " ORDER BY date, id", params):
        parties = json.loads(row["actor"]), json.loads(row["recipient"])
        if ids is not None and not ids & (set(parties[0]) | set(parties[1])):
            continue
        entries.append(TimelineEvent(row["id"], row["date"], row["type"], row["mode"], parties[0], parties[1],
                                     [names.get(i, i) for i in parties[0]], [names.get(i, i) for i in parties[1]],
                                     _sources(db, row["id"])))
    return entries


def resolve_actor(db: sqlite3.Connection, wanted: str, side: bool = False) -> set[str]:
    """The ids an actor's id or name stands for; with `side`, a country's people and bodies too."""
    lowered = wanted.strip().lower()
    found, countries = set(), set()
    for row in db.execute("SELECT id, name, names, type, country FROM actors"):
        names = [row[1] or "", *json.loads(row[2] or "{}").values()]
        if row[0].lower() == lowered or any(n.lower() == lowered for n in names):
            found.add(row[0])
            if row[3] == "LOC" and row[4]:
                countries.add(row[4])
    if side and countries:
        marks = ",".join("?" * len(countries))
        found |= {r[0] for r in db.execute(
            f"SELECT id FROM actors WHERE type IN ('PER', 'ORG') AND country IN ({marks})", sorted(countries))}
    return found


def _sources(db: sqlite3.Connection, chronicle_id: int) -> list[Source]:
    rows = db.execute("SELECT a.id, a.title, a.published, a.url, e.evidence FROM events e"
                      " JOIN articles a ON a.id = e.article_id WHERE e.chronicle_id = ?"
                      " ORDER BY a.published, a.rowid", (chronicle_id,))
    return [Source(*row) for row in rows]
