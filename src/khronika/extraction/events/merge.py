"""An event as read from one sentence (`Found`), the parties on one side (`Sides`), and the
merging of one article's retellings of the same event."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from khronika.extraction.events.lexicon import Entry
from khronika.model import Actor

CLAUSES = {"conj", "parataxis"}  # clauses of one sentence side by side


@dataclass
class Found:
    """An event as read from one sentence, before the article's mentions of it are merged."""

    trigger: Token
    entry: Entry
    type: str
    actor: list[str]
    recipient: list[str]
    sentence: Span
    negated: bool = False
    modality: str | None = None
    reported_by: str | None = None
    location: str | None = None
    date: str | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    silent: bool = False  # read only for the context it gives (`— ..., — зізнається Борис`: a speaker)
    own: tuple[list[str], list[str]] = field(default_factory=lambda: ([], []))  # an event noun's own parties


class Sides:
    """Whether two actors are the same party: one id, a country and someone of it (Russia and
    Putin), or a person and the organisation whose post they hold (Borrell and the EU). Two bodies
    or people of one country are not one party: a prosecutor charges a railway official."""

    def __init__(self, actors: dict[str, Actor]):
        self.actors = actors

    def same(self, a: str, b: str) -> bool:
        if a == b:
            return True
        x, y = self.actors.get(a), self.actors.get(b)
        if x is None or y is None:
            return False
        if x.country and x.country == y.country and "LOC" in (x.type, y.type):
            return True
        return bool(x.affiliation and x.affiliation == y.name) or bool(y.affiliation and y.affiliation == x.name)

    def same_any(self, a: str, group: list[str]) -> bool:
        return any(self.same(a, b) for b in group)

    def same_any_list(self, left: list[str], right: list[str]) -> bool:
        return any(self.same(a, b) for a in left for b in right)


def merge(found: list[Found], sides: Sides) -> list[Found]:
    """One event per thing that happened: the same category, date and parties (or a party left
    unsaid in one telling) is a retelling, and its sentence becomes one more evidence span."""
    merged: list[Found] = []
    for event in found:
        same = next((m for m in merged if _retelling(m, event, sides)), None)
        if same is None:
            merged.append(event)
            continue
        same.evidence += [s for s in event.evidence if s not in same.evidence]
        if not same.recipient:
            same.recipient = event.recipient
    return merged


def _retelling(a: Found, b: Found, sides: Sides) -> bool:
    if a.type != b.type or a.date != b.date or a.negated != b.negated:
        return False
    if a.type == "ASSAULT" and _one_attack(a, b) and sides.same_any_list(a.actor, b.actor):
        return True
    if a.type == "ACCUSE" and "investigate" in (a.entry.mode, b.entry.mode) and a.entry.mode != b.entry.mode:
        return False  # opening a case and the charge it brings are two acts (`відкрили провадження`, `підозрюють`)
    if a.type == "ASSAULT" and (a.entry.cue != b.entry.cue or a.location is None or a.location != b.location):
        return False  # a front-line report lists one attack after another: only one place told twice is one
    if a.type == "PROTEST" and a.sentence.start == b.sentence.start and a.entry.cue != b.entry.cue:
        return False  # `обстріляли табличку, згодом поглумилися над нею, а 2007 року зламали хрест`: three acts
    if a.type == "MOBILIZE" and a.entry.cue != b.entry.cue:
        return False  # a call-up, units formed, troops deployed: a report on the army lists one step after another
    if not sides.same_any_list(a.actor, b.actor):
        return False
    return not a.recipient or not b.recipient or bool(set(a.recipient) & set(b.recipient)) \
        or sides.same_any_list(a.recipient, b.recipient)


def _one_attack(a: Found, b: Found) -> bool:
    """`розстріляв 77 людей і поранив ще півтори сотні`: verbs coordinated in one sentence tell one attack."""
    x, y = a.trigger, b.trigger
    if a.sentence.start != b.sentence.start or a.location and b.location and a.location != b.location \
            or a.recipient and b.recipient and not set(a.recipient) & set(b.recipient):
        return False  # `обстріляли Авдіївку і атакували Мар'їнку`: two targets, two attacks
    return x.head.i == y.i and x.dep_ == "conj" or y.head.i == x.i and y.dep_ == "conj" \
        or {x.dep_, y.dep_} <= CLAUSES and x.head.i == y.head.i  # `поранених добивали, ще кількох вбили в полоні`
