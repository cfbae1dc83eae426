"""Benchmark `khronika ingest`: articles/s and peak memory on 1,000 real news-like texts.

The articles are built from the staged corpora (ner-uk `ng` news, then BRUK texts; documents in
HELDOUT.txt excluded), each cut to at most 4,000 characters at a line break, written as plain
text files (first line = title) into a temporary folder, and ingested into a fresh store.

    python benchmarks/ingest_speed.py [--data ../shared/data] [--n 1000]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from khronika.corpora.ner_uk import heldout_ids
from khronika.ingest.runner import ingest
from khronika.store.sqlite import Store


def corpus_texts(data: Path) -> list[str]:
    skip = heldout_ids(data / "ner-uk")
    sources = sorted((data / "ner-uk" / "v2.0" / "data" / "ng").glob("*.txt"))
    sources += sorted((data / "brown-uk-bruk" / "data" / "good").glob("*.txt"))
    texts = []
    for path in sources:
        if path.stem in skip:
            continue
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        kept, size = [], 0
        for line in lines:
            if size + len(line) > 4000 and kept:
                break
            kept.append(line)
            size += len(line)
        if len(kept) >= 2:
            texts.append("\n".join(kept))
    return texts


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    texts = corpus_texts(Path(args.data))[: args.n]
    if len(texts) < args.n:
        print(f"only {len(texts)} texts available", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        words = sum(len(t.split()) for t in texts)
        with Store(Path(tmp) / "bench.db") as store:
            began = time.perf_counter()
            report = ingest([str(folder)], store, show_progress=False)
            seconds = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"articles": report.stored, "failed": report.failed, "words": words, "seconds": round(seconds, 1),
              "articles_per_s": round(report.stored / seconds, 1), "words_per_s": round(words / seconds),
              "peak_rss_mb": round(peak_mb)}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
