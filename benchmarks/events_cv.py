"""Cross-validated figures of the learned event models (trigger model, party ranker) on unseen documents.

The train set's documents (tests/data/events_train*.jsonl) are cut into K folds. For each fold the
models (trigger model and party ranker) are fitted on the dev set and the other folds, and the
fold is scored with the rules alone, with each model added, and with both. The pooled figures say
what the models add on unseen news before the test set is used. The test set is not read.

    python benchmarks/events_cv.py [--folds 4] [--data ../shared/data] [--sets tests/data]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from khronika.evaluation.events import FIGURE_NAMES, SPLIT_FILES, score_documents
from khronika.evaluation.gold import load_documents
from khronika.extraction.events.learned import EventModels, using
from khronika.training.events import document_examples, fit


def pooled(reports: list[dict]) -> dict[str, tuple[float, float, float]]:
    """Precision, recall and F1 over all folds, from each fold's counts."""
    figures = {}
    gold = sum(r["gold"] for r in reports)
    output = sum(r["output"] for r in reports)
    for label in FIGURE_NAMES:
        right = sum(r["right"][label] for r in reports)
        p, r_ = right / output if output else 0.0, right / gold if gold else 0.0
        figures[label] = (p, r_, 2 * p * r_ / (p + r_) if p + r_ else 0.0)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--sets", default="tests/data")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--threshold", type=float, default=0.8)
    args = parser.parse_args()
    data, sets = Path(args.data), Path(args.sets)
    dev = load_documents(sets, SPLIT_FILES["dev"])
    train = load_documents(sets, SPLIT_FILES["train"])
    random.Random(1).shuffle(train)
    examples = {d["doc"]: document_examples(d, data) for d in dev + train}
    reports: dict[str, list[dict]] = {}
    for k in range(args.folds):
        held = train[k::args.folds]
        fitted = [d for i, d in enumerate(train) if i % args.folds != k] + dev
        models = fit([examples[d["doc"]] for d in fitted], threshold=args.threshold, epochs=args.epochs)
        variants = {"rules": EventModels(), "rules + trigger model": EventModels(triggers=models.triggers),
                    "rules + party ranker": EventModels(parties=models.parties), "rules + both models": models}
        for name, used in variants.items():
            with using(used):
                reports.setdefault(name, []).append(score_documents(held, data))
        print(f"fold {k + 1} of {args.folds}: {len(held)} documents", file=sys.stderr)
    gold = sum(r["gold"] for r in reports["rules"])
    print(f"train set, {args.folds}-fold cross-validation: {len(train)} documents, {gold} gold events; "
          f"each fold's model fitted on the dev set and the other folds")
    for name, fold_reports in reports.items():
        output = sum(r["output"] for r in fold_reports)
        print(f"{name}: {output} output events")
        for label, (p, r, f) in pooled(fold_reports).items():
            print(f"  {FIGURE_NAMES[label]:<66} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
