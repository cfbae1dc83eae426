"""`khronika eval dates`: temporal expressions against ner-uk v2.0 DATE and TIME entities.

ner-uk marks where dates and times are but gives no values, so this measures detection:
- recall: the share of gold DATE/TIME entities that a Khronika timex overlaps (and matches exactly);
- valued: the share of gold entities covered by a timex that has a normalised value;
- precision: the share of Khronika timexes that overlap a gold DATE, TIME or PERIOD entity
  (ner-uk marks durations as PERIOD; timexes of other types it does not annotate count as wrong).
The documents carry no publication date, so relative values are anchored to 2018-07-01; that
changes values, not detection. Values are checked by the hand-made cases in tests/.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import date
from pathlib import Path

from khronika.corpora.ner_uk import iter_v2
from khronika.extraction.dates.timex import direction_for, find_timexes
from khronika.language.pipeline import parse

ANCHOR = date(2018, 7, 1)
GOLD_LABELS = ("DATE", "TIME")
ACCEPTED_LABELS = ("DATE", "TIME", "PERIOD")


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def evaluate_dates(corpus: Path, split: str = "test", examples: int = 15) -> dict:
    counts: Counter[str] = Counter()
    missed: list[str] = []
    spurious: list[str] = []
    began = time.perf_counter()
    for doc in iter_v2(corpus, split):
        counts["documents"] += 1
        timexes = find_timexes(doc.text, "uk", ANCHOR, direction_for(parse(doc.text, "uk"), "uk"))
        gold = [e for e in doc.entities if e.label in GOLD_LABELS]
        accepted = [e for e in doc.entities if e.label in ACCEPTED_LABELS]
        for entity in gold:
            counts["gold"] += 1
            counts[f"gold_{entity.label}"] += 1
            hits = [t for t in timexes if _overlaps(t.start, t.end, entity.start, entity.end)]
            if hits:
                counts["found"] += 1
                counts[f"found_{entity.label}"] += 1
                counts["valued"] += any(t.value for t in hits)
                counts["exact"] += any(t.start == entity.start and t.end == entity.end for t in hits)
            elif len(missed) < examples:
                missed.append(entity.text)
        for t in timexes:
            counts["predicted"] += 1
            if any(_overlaps(t.start, t.end, e.start, e.end) for e in accepted):
                counts["correct"] += 1
            elif len(spurious) < examples:
                spurious.append(t.text)
    gold = max(1, counts["gold"])
    return {
        "corpus": str(corpus), "split": split, "documents": counts["documents"], "gold_entities": counts["gold"],
        "recall_overlap": round(counts["found"] / gold, 4),
        "recall_exact": round(counts["exact"] / gold, 4),
        "share_with_value": round(counts["valued"] / gold, 4),
        "recall_DATE": round(counts["found_DATE"] / max(1, counts["gold_DATE"]), 4),
        "recall_TIME": round(counts["found_TIME"] / max(1, counts["gold_TIME"]), 4),
        "precision_overlap": round(counts["correct"] / max(1, counts["predicted"]), 4),
        "predicted": counts["predicted"], "seconds": round(time.perf_counter() - began, 1),
        "missed_examples": missed, "spurious_examples": spurious,
    }


def format_report(report: dict) -> str:
    lines = [f"ner-uk v2.0 {report['split']}: {report['documents']} documents, "
             f"{report['gold_entities']} DATE/TIME entities"]
    for key in ("recall_overlap", "recall_exact", "share_with_value", "recall_DATE", "recall_TIME",
                "precision_overlap"):
        lines.append(f"  {key:<18} {report[key]:.3f}")
    lines.append(f"  missed e.g.: {report['missed_examples']}")
    lines.append(f"  spurious e.g.: {report['spurious_examples']}")
    return "\n".join(lines)
