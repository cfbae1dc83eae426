"""A learned trigger model: which words state a PLOVER event, and of which category, beside the
hand-written lexicon.

The lexicon (`data/events/uk.json`) holds the words the rules were written from; on news it has
never seen it misses most triggers (`tests/data/events_train.md`: category recall 0.37-0.41).
This model is a multinomial logistic regression over each content word of a sentence (verbs,
nouns, adjectives), trained on the hand-annotated event sets (`khronika train events`). Its
features are the word itself (lemma, lemma prefixes, part of speech, relation, aspect, voice), its
neighbours and head, its dependents with their prepositions and party types, and what the rules
made of it: the lexicon's category for it and the category of the event the reader read there.
So it learns both new trigger words and when a lexicon word states no event.

The reader (`_Reader._learned_triggers`) asks it about every content word that no rule made a trigger of;
a word it gives a category with enough confidence is read as a trigger of that category, with its
roles found by the same steps as a lexicon trigger. A language with no trained model keeps the
lexicon alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span, Token

NO_EVENT = "O"
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})
NEGATORS = frozenset({"не", "ні", "not", "never"})


def softmax(scores: np.ndarray) -> np.ndarray:
    """Probabilities from scores (shifted by their maximum, so that `exp` cannot overflow); the
    trigger model, the party ranker and their training share it."""
    exp = np.exp(scores - scores.max())
    return exp / exp.sum()


@dataclass
class Recorded:
    """One content word as the reader saw it: its characters in the text and its features."""

    start: int
    end: int
    features: list[str]


def token_features(token: Token, sentence: Span, lexicon_type: str | None, read_type: str | None,
                   party_types: dict[int, str]) -> list[str]:
    """The features of one content word. `lexicon_type`: the lexicon's category for it;
    `read_type`: the category of the event the rules read there; `party_types`: the actor type
    (PER, ORG, LOC) of each token that a party mention covers."""
    lemma = token.lemma_.lower()
    features = ["bias", f"lemma={lemma}", f"prefix5={lemma[:5]}", f"prefix4={lemma[:4]}", f"pos={token.pos_}",
                f"dep={token.dep_}", f"aspect={'/'.join(token.morph.get('Aspect'))}",
                f"verbform={'/'.join(token.morph.get('VerbForm'))}", f"voice={'/'.join(token.morph.get('Voice'))}",
                f"head={token.head.lemma_.lower()}", f"headpos={token.head.pos_}",
                f"lexicon={lexicon_type or 'none'}", f"read={read_type or 'none'}"]
    for child in token.children:
        relation = child.dep_.split(":")[0]
        preposition = next((c.lemma_.lower() for c in child.children if c.dep_ == "case"), "")
        features.append(f"child={relation}/{preposition}")
        if child.i in party_types:
            features.append(f"party={relation}/{preposition}/{party_types[child.i]}")
        if child.lower_ in NEGATORS:
            features.append("negated")
    if token.i > sentence.start:
        features.append(f"before={token.doc[token.i - 1].lemma_.lower()}")
    if token.i + 1 < sentence.end:
        features.append(f"after={token.doc[token.i + 1].lemma_.lower()}")
    return list(dict.fromkeys(features))  # a repeated feature (two `obl/на` dependents) counts once


class TriggerModel:
    """A trained model: a weight row per feature, one column per category (`O` is no event)."""

    def __init__(self, categories: list[str], features: dict[str, int], weights: np.ndarray, threshold: float):
        self.categories, self.features, self.weights, self.threshold = categories, features, weights, threshold

    def probabilities(self, features: list[str]) -> np.ndarray:
        rows = [self.features[f] for f in features if f in self.features]
        return softmax(self.weights[rows].sum(axis=0) if rows else np.zeros(len(self.categories)))

    def category(self, features: list[str]) -> tuple[str | None, float]:
        """The category the word states and its probability; None when it states no event or the
        model is not confident enough."""
        probabilities = self.probabilities(features)
        best = int(probabilities.argmax())
        category, p = self.categories[best], float(probabilities[best])
        return (None, p) if category == NO_EVENT or p < self.threshold else (category, p)

    def to_json(self) -> dict:
        """Weights below 0.02 in size are left out and the rest kept to two decimals: a word has some
        twenty features, so that moves its scores by far less than the margins that decide, and it
        keeps the file small (2.1 MB for the Ukrainian model)."""
        weights = {}
        for name, row in self.features.items():
            kept = {c: round(float(w), 2) for c, w in zip(self.categories, self.weights[row], strict=True)
                    if abs(w) >= 0.02}
            if kept:
                weights[name] = kept
        return {"categories": self.categories, "threshold": self.threshold, "weights": weights}

    @classmethod
    def from_json(cls, data: dict) -> TriggerModel:
        categories = data["categories"]
        column = {c: i for i, c in enumerate(categories)}
        features = {name: i for i, name in enumerate(data["weights"])}
        weights = np.zeros((len(features), len(categories)), dtype=np.float32)
        for name, kept in data["weights"].items():
            for category, w in kept.items():
                weights[features[name], column[category]] = w
        return cls(categories, features, weights, data["threshold"])
