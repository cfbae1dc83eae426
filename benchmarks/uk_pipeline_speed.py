"""Words per second of the full Ukrainian pipeline (sentences, pymorphy3 lemmas, trained NER) and of
the whole `analyze` (plus dates and mentions), on the raw texts of ner-uk v2.0 TEST, and peak memory.

Run it on one core:  taskset -c 0 python benchmarks/uk_pipeline_speed.py [--corpus ../shared/data/ner-uk]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from khronika.corpora.ner_uk import iter_v2  # noqa: E402
from khronika.language.pipeline import nlp_for  # noqa: E402
from khronika.pipeline import analyze  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default="../shared/data/ner-uk")
    args = parser.parse_args()
    texts = [d.text for d in iter_v2(Path(args.corpus), "test")]
    words = sum(len(t.split()) for t in texts)
    nlp = nlp_for("uk")
    nlp("прогрів")  # load everything before timing
    began = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    pipeline_s = time.perf_counter() - began
    began = time.perf_counter()
    for text in texts:
        analyze(text, lang="uk", published="2018-07-01", title="")
    analyze_s = time.perf_counter() - began
    print(json.dumps({"documents": len(texts), "words": words, "pipeline": nlp.pipe_names,
                      "pipeline_words_per_s": round(words / pipeline_s),
                      "analyze_words_per_s": round(words / analyze_s),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


if __name__ == "__main__":
    main()
