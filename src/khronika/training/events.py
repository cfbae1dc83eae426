"""`khronika train events`: the Ukrainian event models (extraction/events/learned.py), a trigger
model and a party ranker, from the hand-annotated event sets in `tests/data` (`events_dev*.jsonl`
and `events_train*.jsonl`). The test set (`events_test*`) is never read.

Each annotated document runs through the pipeline with the models switched off (`recording`), so
the features are those the reader computes at run time.
- Trigger model: a content word inside a gold event's `trigger` is labelled with the event's
  category, every other content word `O`; a multinomial logistic regression.
- Party ranker: each event the rules read is paired with the gold event of its category whose
  evidence lies in its sentence; a candidate is right for a role when it is named as that role's
  party in the gold (the scorer's name matching), and the `NOBODY` candidate when the gold gives
  the role no party. A softmax over each event's candidates, fitted where one candidate is right.
Both are fitted by stochastic gradient descent in a seeded order, so a rerun on the same sets gives
the same weights.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from khronika.evaluation.events import SPLIT_FILES, actor_names, is_named
from khronika.evaluation.gold import analyse_raw, load_documents, norm
from khronika.extraction.events.learned import EventModels, RecordedEvent, model_path, recording
from khronika.extraction.events.ranking import NOBODY, ROLES, PartyRanker
from khronika.extraction.events.triggers import NO_EVENT, Recorded, TriggerModel, softmax

CATEGORIES = [NO_EVENT, "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
TRAINING_SPLITS = ("dev", "train")
Choice = tuple[list[list[str]], list[bool]]  # the candidates' features, and which are right

log = logging.getLogger(__name__)


@dataclass
class Examples:
    """One document's training examples."""

    words: list[tuple[list[str], str]]  # (features, category) per content word
    choices: dict[str, list[Choice]]  # per role, one per event with a right candidate


def located(text: str, document: dict) -> list[tuple[dict, int]]:
    """Each gold event that happened, with where its evidence starts in the text (negated events
    state none; evidence that the text does not hold is left out)."""
    found = [(event, text.find(event["evidence"])) for event in document["events"] if not event.get("negated")]
    return [(event, at) for event, at in found if at >= 0]


def trigger_spans(golds: list[tuple[dict, int]]) -> list[tuple[int, int, str]]:
    """(start, end, category) of each located gold event's trigger."""
    spans = []
    for event, at in golds:
        start = at + event["evidence"].find(event["trigger"])
        spans.append((start, start + len(event["trigger"]), event["type"]))
    return spans


def label(word: Recorded, spans: list[tuple[int, int, str]]) -> str:
    return next((category for start, end, category in spans if word.start < end and word.end > start), NO_EVENT)


def gold_event(event: RecordedEvent, golds: list[tuple[dict, int]]) -> dict | None:
    """The located gold event of the same category whose evidence lies in the event's sentence."""
    return next((gold for gold, at in golds
                 if gold["type"] == event.category and at < event.end and at + len(gold["evidence"]) > event.start),
                None)


def choices(event: RecordedEvent, gold: dict, names: dict[str, set[str]]) -> dict[str, Choice]:
    """Per role, the candidates' features and which of them are right: those the gold names, or
    `NOBODY` where the gold gives the role no party. A role whose gold party is no candidate is left out."""
    found = {}
    for role in ROLES:
        scored = event.candidates[role]
        if gold.get(role) is None:
            right = [actor == NOBODY for actor, _ in scored]
        else:
            right = [actor != NOBODY and is_named([actor], gold[role], names) for actor, _ in scored]
        if any(right):
            found[role] = ([features for _, features in scored], right)
    return found


def document_examples(document: dict, data: Path) -> Examples:
    text = (data / document["doc"]).read_text(encoding="utf-8")
    with recording() as recorded:
        analysis = analyse_raw(text)
    golds = located(text, document)
    spans = trigger_spans(golds)
    # the reader's own actors that no event kept are not in the analysis: their recorded names stand
    names = {actor: {norm(name)} for event in recorded.events for actor, name in event.names.items()}
    names |= actor_names(analysis)
    examples = Examples([(word.features, label(word, spans)) for word in recorded.words], {role: [] for role in ROLES})
    for event in recorded.events:
        gold = gold_event(event, golds)
        for role, choice in (choices(event, gold, names) if gold else {}).items():
            examples.choices[role].append(choice)
    return examples


def examples(sets: Path, data: Path, splits: Iterable[str] = TRAINING_SPLITS) -> list[Examples]:
    """The examples of every annotated document of `splits`."""
    if "test" in splits:
        raise ValueError("the test set is for measuring only; train on dev and train")
    documents = [d for split in splits for d in load_documents(sets, SPLIT_FILES[split])]
    if not documents:
        raise FileNotFoundError(f"no annotated events set in {sets}")
    return [document_examples(d, data) for d in tqdm(documents, desc="reading the annotated documents", unit="doc")]


def fit_triggers(rows: list[tuple[list[str], str]], epochs: int = 15, rate: float = 0.2, l2: float = 1e-4,
                 threshold: float = 0.8, seed: int = 0) -> TriggerModel:
    """Multinomial logistic regression by stochastic gradient descent over the rows."""
    features: dict[str, int] = {}
    encoded = [[features.setdefault(f, len(features)) for f in row] for row, _ in rows]
    targets = [CATEGORIES.index(category) for _, category in rows]
    weights = np.zeros((len(features), len(CATEGORIES)))
    order = list(range(len(rows)))
    shuffle = random.Random(seed).shuffle
    for _ in tqdm(range(epochs), desc="fitting the trigger model", unit="epoch"):
        shuffle(order)
        for i in order:
            active = encoded[i]
            probabilities = softmax(weights[active].sum(axis=0))
            probabilities[targets[i]] -= 1.0  # the gradient of the log loss on the scores
            weights[active] -= rate * (probabilities + l2 * weights[active])
    return TriggerModel(CATEGORIES, features, weights, threshold)


def fit_ranker(per_role: dict[str, list[Choice]], epochs: int = 20, rate: float = 0.1, l2: float = 0.1,
               seed: int = 0) -> PartyRanker:
    """A conditional logit per role: the softmax over an event's candidates is pushed towards the
    right ones (the model's own odds among them when several are right). `l2` is the decay each
    update applies to the weights it touches; 0.1 ranked best in a cross-validation over the train
    set (top candidate right for the actor 0.713 → 0.728, for the recipient 0.626 → 0.667 against 1e-4)."""
    weights = {}
    for role, chosen in per_role.items():
        features: dict[str, int] = {}
        encoded = [([[features.setdefault(f, len(features)) for f in fs] for fs in candidates], right)
                   for candidates, right in chosen]
        w = np.zeros(len(features))
        order = list(range(len(encoded)))
        shuffle = random.Random(seed).shuffle
        for _ in tqdm(range(epochs), desc=f"fitting the {role} ranker", unit="epoch"):
            shuffle(order)
            for i in order:
                candidates, right = encoded[i]
                p = softmax(np.array([w[c].sum() for c in candidates]))
                target = p * np.array(right, dtype=float)
                target /= target.sum()
                for c, gradient in zip(candidates, p - target, strict=True):
                    w[c] -= rate * (gradient + l2 * w[c])
        weights[role] = {f: float(w[i]) for f, i in features.items()}
    return PartyRanker(weights)


def fit(documents: list[Examples], threshold: float = 0.8, epochs: int = 15) -> EventModels:
    """Both models from the documents' examples."""
    words = [row for d in documents for row in d.words]
    per_role = {role: [c for d in documents for c in d.choices[role]] for role in ROLES}
    log.info("%d content words (%d in gold triggers); events with a right candidate: %s", len(words),
             sum(category != NO_EVENT for _, category in words), {r: len(c) for r, c in per_role.items()})
    return EventModels(fit_triggers(words, epochs=epochs, threshold=threshold), fit_ranker(per_role))


def train(sets: Path, data: Path, output: Path | None = None, epochs: int = 15, threshold: float = 0.8) -> Path:
    """Train on the dev and train sets and write the models (default: the file shipped in the package)."""
    output = output or model_path("uk")
    fit(examples(sets, data), threshold, epochs).save(output)
    return output
