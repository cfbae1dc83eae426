"""How many lines of clean news text the furniture filter would wrongly drop.

ner-uk `ng` news and BRUK press texts (category A) contain no site furniture, so every line with
letters that `clean_lines` removes is a false positive. Held-out documents are excluded.

    python benchmarks/furniture_false_positives.py [--data ../shared/data] [--show 10]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from khronika.corpora.ner_uk import heldout_ids
from khronika.ingest.furniture import clean_lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    data = Path(args.data)
    skip = heldout_ids(data / "ner-uk")
    files = sorted((data / "ner-uk" / "v2.0" / "data" / "ng").glob("*.txt"))
    files += sorted((data / "brown-uk-bruk" / "data" / "good").glob("A_*.txt"))
    lines = dropped = 0
    examples = []
    for path in files:
        if path.stem in skip:
            continue
        text_lines = [line for line in path.read_text(encoding="utf-8").splitlines() if any(c.isalpha() for c in line)]
        lines += len(text_lines)
        _, removed = clean_lines(text_lines, "uk")
        dropped += len(removed)
        examples += [f"{path.name[:40]}: {line[:100]}" for line in removed]
    print(json.dumps({"documents": len([f for f in files if f.stem not in skip]), "lines": lines,
                      "dropped": dropped, "false_positive_rate": round(dropped / max(1, lines), 5)}))
    for line in examples[: args.show]:
        print("  ", line)


if __name__ == "__main__":
    main()
