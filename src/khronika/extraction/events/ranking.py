"""A learned second opinion on an event's parties: which of the parties named around the trigger
is its actor, and which its recipient.

The reader's role steps were written from the dev set; on unseen news they pick the right actor
and recipient for about a quarter of the events whose category they get right, though for three
quarters the right party is named in the sentence or the two before it
(`tests/data/events_train.md`). The ranker scores each such candidate for each role with a
softmax over the candidates (a conditional logit), from features of the candidate: whether the
rules chose it, its actor type, how far back it is named and how close to the trigger, its
relation to the trigger in the parse with case and preposition, its own relation and first
letters, and whether it was the actor or recipient of the events just before; each feature also
conjoined with the event's category. Where the rules found no actor or no recipient, its best
candidate fills the role (`_Reader._prefer`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span, Token

from khronika.extraction.events.triggers import softmax

ROLES = ("actor", "recipient")
NOBODY = ""  # the candidate that stands for leaving the role empty (a mobilisation has no recipient)
SENTENCES_BACK = 2  # candidates come from the trigger's sentence and the two before it


@dataclass
class Candidate:
    """A party that could fill a role: its actor id, the word naming it nearest the trigger (None
    for a party the rules inferred), and how many sentences back it is named (-1: not named)."""

    actor: str
    token: Token | None
    back: int


@dataclass
class Context:
    """What the events read before this one say about a party."""

    last_actor: list[str]
    last_recipient: list[str]
    actors: set[str]
    recipients: set[str]


def mention_roots(doc, mentions) -> dict[int, str]:
    """The party's actor id by the root token of each party mention."""
    roots = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            roots[span.root.i] = mention.actor
    return roots


def nearness(candidate: Candidate, trigger: Token) -> tuple[int, int]:
    """Sorts candidates nearest first: the trigger's sentence, then back; within one, by distance."""
    return (candidate.back if candidate.back >= 0 else SENTENCES_BACK + 1,
            abs(candidate.token.i - trigger.i) if candidate.token is not None else 0)


def candidates(sentences: list[Span], index: int, mentions: dict[int, str], chosen: list[str]) -> list[Candidate]:
    """The parties named in sentence `index` and the `SENTENCES_BACK` before it (`mentions`: the
    party's actor id by the root token of each party mention), nearest first, then the rules'
    choices not named there."""
    found: dict[str, Candidate] = {}
    for back in range(min(SENTENCES_BACK, index) + 1):
        sentence = sentences[index - back]
        for i in range(sentence.start, sentence.end):
            if i in mentions and mentions[i] not in found:
                found[mentions[i]] = Candidate(mentions[i], sentence.doc[i], back)
    for actor in chosen:
        found.setdefault(actor, Candidate(actor, None, -1))
    return list(found.values())


def _path(token: Token, trigger: Token) -> list[str]:
    """The candidate's relation to the trigger: the dependency path down from it (with the
    preposition and case of the top dependent), or that it governs the trigger, or shares its head."""
    if token.i == trigger.i:
        return ["path=self"]
    if trigger in token.ancestors:
        top, steps = token, [token.dep_]
        while top.head != trigger:
            top = top.head
            steps.append(top.dep_)
        preposition = next((c.lemma_.lower() for c in top.children if c.dep_ == "case"), "-")
        case = "/".join(top.morph.get("Case")) or "-"
        return [f"path={'>'.join(reversed(steps[-3:]))}", f"top={top.dep_}/{preposition}", f"topcase={case}"]
    if token in trigger.ancestors:
        return ["path=governs", f"triggerdep={trigger.dep_}"]
    if token.head == trigger.head:
        return ["path=sibling", f"sibling={trigger.dep_}/{token.dep_}"]
    return ["path=none"]


def nobody_features(trigger: Token, category: str, chosen: tuple[list[str], list[str]]) -> list[str]:
    """The features of `NOBODY`: the event's category and trigger, and which roles the rules filled."""
    own = ["nobody", f"nobody|pos={trigger.pos_}", f"nobody|dep={trigger.dep_}",
           f"nobody|filled={bool(chosen[0])}/{bool(chosen[1])}"]
    return own + [f"{category}|{f}" for f in own]


def party_features(candidate: Candidate, trigger: Token, category: str, chosen: tuple[list[str], list[str]],
                   actor_type: str, context: Context, rank: int) -> list[str]:
    """The features of one candidate for one event (the same for both roles: a ranker per role)."""
    own = ["bias", f"type={actor_type}", f"back={candidate.back}", f"rank={min(rank, 4)}"]
    own += [name for name, holds in (("chosen=actor", candidate.actor in chosen[0]),
                                     ("chosen=recipient", candidate.actor in chosen[1]),
                                     ("rules=no-actor", not chosen[0]), ("rules=no-recipient", not chosen[1]),
                                     ("last=actor", candidate.actor in context.last_actor),
                                     ("last=recipient", candidate.actor in context.last_recipient),
                                     ("before=actor", candidate.actor in context.actors),
                                     ("before=recipient", candidate.actor in context.recipients)) if holds]
    token = candidate.token
    if token is None:
        own.append("unnamed")
    else:
        own += [f"dep={token.dep_}", f"prefix={token.lemma_.lower()[:5]}",
                f"case={'/'.join(token.morph.get('Case')) or '-'}"]
        if candidate.back == 0:
            own += _path(token, trigger) + ["side=" + ("before" if token.i < trigger.i else "after")]
    return own + [f"{category}|{f}" for f in own] + [f"{trigger.pos_}|{f}" for f in own if not f.startswith("prefix")]


class PartyRanker:
    """Weights per role (`actor`, `recipient`): a softmax over an event's candidates."""

    def __init__(self, weights: dict[str, dict[str, float]]):
        self.weights = weights

    def probabilities(self, role: str, scored: list[tuple[str, list[str]]]) -> np.ndarray:
        """The probability that each candidate fills `role`; `scored` holds (actor id, features)."""
        weights = self.weights[role]
        return softmax(np.array([sum(weights.get(f, 0.0) for f in features) for _, features in scored]))

    def preferred(self, role: str, scored: list[tuple[str, list[str]]], chosen: list[str]) -> str | None:
        """The candidate the ranker prefers for `role` to every party in `chosen`, or None when it
        prefers none of the others or `NOBODY` (a tie keeps the rules' choice)."""
        probabilities = self.probabilities(role, scored)
        best = int(probabilities.argmax())
        kept = max((p for (actor, _), p in zip(scored, probabilities, strict=True) if actor in chosen), default=0.0)
        if scored[best][0] in (NOBODY, *chosen) or probabilities[best] <= kept + 1e-9:
            return None
        return scored[best][0]

    def to_json(self) -> dict:
        return {role: {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= 0.001}
                for role, weights in self.weights.items()}

    @classmethod
    def from_json(cls, data: dict) -> PartyRanker:
        return cls({role: dict(data[role]) for role in ROLES})
