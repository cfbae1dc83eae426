"""`khronika train ner`: train the Ukrainian NER from ner-uk v2.0 DEV with spaCy's training loop.

The official TEST documents are never read here. A validation part is carved from DEV by
document (seeded), the `v2.0-swapped` augmentation of the remaining DEV documents may be added,
and documents reserved in HELDOUT.txt are skipped.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from khronika.corpora.ner_uk import iter_v2, to_spacy_doc
from khronika.training.spacy_run import run_training

CONFIG = Path(__file__).parent / "configs" / "ner_uk.cfg"
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "uk_ner"


def build_corpus(corpus: Path, workdir: Path, validation_share: float = 0.1, swapped: bool = True,
                 seed: int = 13, limit: int | None = None) -> dict:
    nlp = spacy.blank("uk")
    documents = list(iter_v2(corpus, "dev"))
    random.Random(seed).shuffle(documents)
    if limit:
        documents = documents[:limit]
    n_val = max(1, round(len(documents) * validation_share))
    validation, train = documents[:n_val], documents[n_val:]
    train_docs = [to_spacy_doc(nlp, d) for d in train]
    if swapped:
        train_ids = {d.id for d in train}
        train_docs += [to_spacy_doc(nlp, d) for d in iter_v2(corpus, "dev", swapped=True)
                       if d.id.removesuffix("-swapped") in train_ids]
    workdir.mkdir(parents=True, exist_ok=True)
    DocBin(docs=train_docs).to_disk(workdir / "train.spacy")
    DocBin(docs=[to_spacy_doc(nlp, d) for d in validation]).to_disk(workdir / "dev.spacy")
    return {"train_documents": len(train_docs), "validation_documents": len(validation),
            "validation_ids": sorted(d.id for d in validation)}


def train(corpus: Path, output: Path = MODEL_DIR, workdir: Path = Path("build/ner"), max_steps: int | None = None,
          swapped: bool = True, limit: int | None = None, vectors: Path | None = None) -> Path:
    """Train and copy the best model to `output`; `vectors` is a spaCy model folder whose static
    vectors (`khronika train vectors`) the tok2vec then reads beside its hashed embeddings."""
    split = build_corpus(corpus, workdir, swapped=swapped, limit=limit)
    extra = {}
    if vectors is not None:
        extra = {"paths.vectors": str(vectors), "components.tok2vec.model.embed.include_static_vectors": True}
        split["vectors"] = json.loads((vectors / "training.json").read_text(encoding="utf-8"))
    return run_training(CONFIG, workdir, output, max_steps, split, extra)
