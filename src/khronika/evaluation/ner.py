"""`khronika eval ner`: exact-span micro precision/recall/F1 on ner-uk TEST documents.

- v1.0: the 4 types of the published scores (PERS, LOC, ORG, MISC). Khronika predicts v2.0's 13
  types; ART and DOC map to MISC, as v1.0's guidelines put works of art and legal documents there,
  and the other v2.0 types (dates, jobs, money...) are not v1.0 entities.
- v2.0: all 13 types, per type.
Gold nested entities are flattened to the outermost ones, as in ner-uk's official IOB files.
Held-out documents (HELDOUT.txt) are excluded.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from khronika.corpora.ner_uk import BratDocument, iter_v1, iter_v2, outermost
from khronika.language.pipeline import nlp_for

V1_LABELS = {"PERS": "PERS", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "ART": "MISC", "DOC": "MISC"}


def _scores(tp: Counter, fp: Counter, fn: Counter, label: str | None = None) -> dict:
    pick = (lambda c: c[label]) if label else (lambda c: sum(c.values()))
    t, p, n = pick(tp), pick(fp), pick(fn)
    precision = t / (t + p) if t + p else 0.0
    recall = t / (t + n) if t + n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "gold": t + n}


def evaluate_ner(corpus: Path, version: str = "v1.0", split: str = "test") -> dict:
    documents: list[BratDocument] = list(iter_v1(corpus, split) if version == "v1.0" else iter_v2(corpus, split))
    mapping = V1_LABELS if version == "v1.0" else None
    nlp = nlp_for("uk")
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    words = 0
    began = time.perf_counter()
    for document, doc in zip(documents, nlp.pipe(d.text for d in documents), strict=True):
        words += len(document.text.split())
        gold = {(e.start, e.end, mapping.get(e.label) if mapping else e.label) for e in outermost(document.entities)}
        predicted = {(e.start_char, e.end_char, mapping.get(e.label_) if mapping else e.label_) for e in doc.ents}
        gold = {g for g in gold if g[2]}
        predicted = {p for p in predicted if p[2]}
        for _, _, label in gold & predicted:
            tp[label] += 1
        for _, _, label in predicted - gold:
            fp[label] += 1
        for _, _, label in gold - predicted:
            fn[label] += 1
    seconds = time.perf_counter() - began
    labels = sorted(set(tp) | set(fp) | set(fn))
    return {"corpus": str(corpus), "version": version, "split": split, "documents": len(documents),
            "micro": _scores(tp, fp, fn), "per_type": {label: _scores(tp, fp, fn, label) for label in labels},
            "words_per_second": round(words / seconds)}


def format_report(report: dict) -> str:
    micro = report["micro"]
    lines = [f"ner-uk {report['version']} {report['split']}: {report['documents']} documents, "
             f"{micro['gold']} entities; exact-span micro P {micro['precision']:.3f} R {micro['recall']:.3f} "
             f"F1 {micro['f1']:.3f}  ({report['words_per_second']} words/s)"]
    for label, s in report["per_type"].items():
        lines.append(f"  {label:<7} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  ({s['gold']} gold)")
    return "\n".join(lines)
