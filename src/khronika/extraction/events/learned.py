"""The learned event models of a language (the trigger model of triggers.py and the party ranker
of ranking.py), the file they ship in (`data/events/{lang}_models.json`, written by `khronika
train events`), and the two switches training and measuring use: `recording` (the reader uses no
model and records what it would have asked one) and `using` (the reader uses the given models
instead of the shipped ones)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from khronika.extraction.events.ranking import PartyRanker
from khronika.extraction.events.triggers import Recorded, TriggerModel


@dataclass
class EventModels:
    """A language's learned models; either may be missing, and the rules then stand alone."""

    triggers: TriggerModel | None = None
    parties: PartyRanker | None = None

    def to_json(self) -> dict:
        return {"licence": "CC BY-NC-SA 4.0 (trained on texts of ner-uk and BRUK)",
                "triggers": self.triggers.to_json() if self.triggers else None,
                "parties": self.parties.to_json() if self.parties else None}

    @classmethod
    def from_json(cls, data: dict) -> EventModels:
        return cls(TriggerModel.from_json(data["triggers"]) if data.get("triggers") else None,
                   PartyRanker.from_json(data["parties"]) if data.get("parties") else None)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


@dataclass
class RecordedEvent:
    """One event as the rules read it, with each role's candidates and their features."""

    category: str
    start: int  # the characters of its sentence
    end: int
    candidates: dict[str, list[tuple[str, list[str]]]]  # role -> (actor id, features) per candidate
    names: dict[str, str]  # the name of each candidate actor


@dataclass
class Recording:
    words: list[Recorded] = field(default_factory=list)
    events: list[RecordedEvent] = field(default_factory=list)


_recording: ContextVar[Recording | None] = ContextVar("event_recording", default=None)
_override: ContextVar[EventModels | None] = ContextVar("event_models", default=None)
NO_MODELS = EventModels()


def model_path(lang: str) -> Path:
    return Path(str(resources.files("khronika.data") / "events" / f"{lang}_models.json"))


@cache
def shipped(lang: str) -> EventModels:
    path = model_path(lang)
    return EventModels.from_json(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else NO_MODELS


def models(lang: str) -> EventModels:
    """The models in use for `lang`: none while recording, those set by `using`, else the shipped ones."""
    if _recording.get() is not None:
        return NO_MODELS
    return _override.get() or shipped(lang)


def current_recording() -> Recording | None:
    return _recording.get()


@contextmanager
def recording() -> Iterator[Recording]:
    """Within this block the reader uses no learned model and records, for training, the features
    of every content word and every event's candidates."""
    token = _recording.set(Recording())
    try:
        yield _recording.get()
    finally:
        _recording.reset(token)


@contextmanager
def using(chosen: EventModels) -> Iterator[EventModels]:
    """Within this block the reader uses `chosen` instead of the shipped models."""
    token = _override.set(chosen)
    try:
        yield chosen
    finally:
        _override.reset(token)
