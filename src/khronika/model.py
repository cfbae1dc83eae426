"""The typed records that flow through Khronika, from ingest to store and export.

Every stage reads and writes these dataclasses; `Analysis.to_dict()` gives the stable JSON
contract documented in the README. Offsets are character offsets into `Article.text`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def content_id(text: str) -> str:
    """The article id: sha256 of the cleaned text, so the same article always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """A raw input before analysis: what an ingest source yields."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str = ""  # where it came from: a path, `path#line`, a WARC record, a feed entry
    html: str | None = None  # original markup when the input was HTML
    language: str | None = None  # a language given by the source, trusted over detection


@dataclass
class Article:
    id: str
    title: str
    published: str | None
    language: str
    url: str | None
    text: str
    source: str = ""
    removed_lines: list[str] = field(default_factory=list)
    raw_id: str = ""  # sha256 of the input as read, before cleaning: recognises a re-ingested input


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    actor: str | None = None
    kind: str = "name"  # name | metonym | demonym | role | nominal | modifier (an adjective, not a participant)
    alternatives: list[str] = field(default_factory=list)  # candidate ids when `actor` stays unresolved


@dataclass
class Actor:
    id: str
    name: str  # English canonical name (a romanised name for people outside the knowledge base)
    type: str  # PER | ORG | LOC
    names: dict[str, str] = field(default_factory=dict)  # the name as written, per language
    country: str | None = None  # ISO 3166 code of the country the actor is or belongs to
    affiliation: str | None = None  # the organisation whose post the person holds
    role: str | None = None  # the post held on the article's date
    wikidata: str | None = None
    in_kb: bool = False


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None  # actor id
    speaker_text: str | None = None  # the speaker as the text names it (`він`, `глава МЗС`)
    cue: str | None = None  # lemma of the reporting verb or phrase
    channel: str | None = None  # where it was said: Twitter, interview, statement...
    via: str | None = None  # a second-hand source (`з посиланням на Reuters`)


@dataclass
class Timex:
    start: int
    end: int
    text: str
    value: str
    type: str = "DATE"
    mod: str | None = None


def party_ids(value: str | list[str] | None) -> list[str]:
    """An event's actor or recipient as a list of actor ids (it is stored as one id, a list, or null)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def party_value(ids: list[str]) -> str | list[str] | None:
    """The stored form of a party: null for none, the id for one, the list for a compound party."""
    if not ids:
        return None
    return ids[0] if len(ids) == 1 else list(ids)


@dataclass
class Event:
    type: str
    actor: str | list[str] | None
    recipient: str | list[str] | None
    date: str | None
    evidence: str
    start: int
    end: int
    mode: str | None = None
    location: str | None = None  # actor id of the place where it happened
    negated: bool = False
    trigger: str | None = None  # the word that states the event, as written
    cue: str | None = None  # the lexicon entry it matched (`закликати`, `йти компроміс`)
    modality: str | None = None  # None (asserted) | intended (future, `мають намір`) | should
    reported_by: str | None = None  # actor id of whoever claims it, when it is reported speech
    spans: list[list[int]] = field(default_factory=list)  # every [start, end] that tells this event


@dataclass
class Analysis:
    article: Article
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    index_terms: str = field(default="", repr=False)  # lemmas for full-text search; not in the contract

    def to_dict(self) -> dict[str, Any]:
        article = asdict(self.article)
        for internal in ("removed_lines", "source", "raw_id"):
            article.pop(internal)
        return {
            "article": article,
            "mentions": [asdict(m) for m in self.mentions],
            "actors": [asdict(a) for a in self.actors],
            "quotes": [asdict(q) for q in self.quotes],
            "timexes": [_drop_none(asdict(t), keep=("value",)) for t in self.timexes],
            "events": [asdict(e) for e in self.events],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            article=Article(**data["article"]),
            mentions=[Mention(**m) for m in data.get("mentions", [])],
            actors=[Actor(**a) for a in data.get("actors", [])],
            quotes=[Quote(**q) for q in data.get("quotes", [])],
            timexes=[Timex(**t) for t in data.get("timexes", [])],
            events=[Event(**e) for e in data.get("events", [])],
        )


def _drop_none(record: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v is not None or k in keep}
