"""`khronika eval ner-ru`: Khronika's Russian NER path (natasha) on factRuEval-2016 test.

Two scores per type (PERS, LOC, ORG; factRuEval's LocOrg counts as LOC):
- exact span: a mention is right when its start, end and type equal a gold mention's;
- token: each token inside a mention carries its type, and tokens are scored (the per-token
  measure natasha's own benchmark reports, .959/.915/.825 for PER/LOC/ORG).
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from khronika.corpora.factru import iter_factru
from khronika.extraction.entities import natasha_mentions

LABELS = ("PERS", "LOC", "ORG")


def _f(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def _token_labels(spans, tokens) -> set[tuple[int, str]]:
    return {(i, label) for start, end, label in spans for i, (ts, te) in enumerate(tokens) if ts >= start and te <= end}


def evaluate_ner_ru(corpus: Path, split: str = "testset") -> dict:
    exact = {k: Counter() for k in ("tp", "fp", "fn")}
    token = {k: Counter() for k in ("tp", "fp", "fn")}
    documents = 0
    began = time.perf_counter()
    for doc in iter_factru(corpus, split):
        documents += 1
        gold = set(doc.entities)
        predicted = {(m.start, m.end, m.label) for m in natasha_mentions(doc.text)}
        gold_tokens, predicted_tokens = _token_labels(gold, doc.tokens), _token_labels(predicted, doc.tokens)
        for bucket, gold_set, pred_set in ((exact, gold, predicted), (token, gold_tokens, predicted_tokens)):
            for item in gold_set & pred_set:
                bucket["tp"][item[-1]] += 1
            for item in pred_set - gold_set:
                bucket["fp"][item[-1]] += 1
            for item in gold_set - pred_set:
                bucket["fn"][item[-1]] += 1
    return {"corpus": str(corpus), "split": split, "documents": documents,
            "seconds": round(time.perf_counter() - began, 1),
            "exact": {label: _f(exact["tp"][label], exact["fp"][label], exact["fn"][label]) for label in LABELS},
            "token": {label: _f(token["tp"][label], token["fp"][label], token["fn"][label]) for label in LABELS},
            "natasha_published_token_f1": {"PERS": 0.959, "LOC": 0.915, "ORG": 0.825}}


def format_report(report: dict) -> str:
    lines = [f"factRuEval-2016 {report['split']}: {report['documents']} documents (natasha)",
             "  type   exact P/R/F1            token P/R/F1            natasha published token F1"]
    for label in LABELS:
        e, t = report["exact"][label], report["token"][label]
        lines.append(f"  {label:<5}  {e['precision']:.3f}/{e['recall']:.3f}/{e['f1']:.3f}     "
                     f"{t['precision']:.3f}/{t['recall']:.3f}/{t['f1']:.3f}     "
                     f"{report['natasha_published_token_f1'][label]:.3f}")
    return "\n".join(lines)
