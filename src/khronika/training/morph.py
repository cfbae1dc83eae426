"""`khronika train morph`: UD POS, features and lemmas from BRUK's disambiguated gold.

Documents of ner-uk's TEST split (BRUK texts, named `<file>(N)` there) and those reserved in
HELDOUT.txt are left out. A validation part is carved from BRUK by document (seeded).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from khronika.corpora.bruk import iter_bruk
from khronika.corpora.ner_uk import heldout_ids, read_split
from khronika.training.spacy_run import run_training

CONFIG = Path(__file__).parent / "configs" / "morph_uk.cfg"
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "uk_morph"
NO_SPACE_BEFORE = set(",.:;!?)»”…")


def excluded_bruk_stems(ner_uk: Path) -> set[str]:
    """BRUK file stems that must not be trained on: ner-uk TEST documents and held-out texts."""
    splits = read_split(ner_uk / "v1.0" / "dev-test-split.txt")
    test = {re.sub(r"\(\d+\)$", "", name.removesuffix(".tok")) for name, part in splits.items() if part == "test"}
    held = {re.sub(r"\(\d+\)$", "", i.removesuffix(".tok")) for i in heldout_ids(ner_uk)}
    return test | held


def _doc(vocab, sentence) -> Doc:
    spaces = [i + 1 < len(sentence) and sentence[i + 1].form not in NO_SPACE_BEFORE for i in range(len(sentence))]
    doc = Doc(vocab, words=[w.form for w in sentence], spaces=spaces)
    for token, word in zip(doc, sentence, strict=True):
        token.pos_ = word.upos
        token.set_morph(word.feats or None)
        token.lemma_ = word.lemma
    return doc


def build_corpus(bruk: Path, ner_uk: Path, workdir: Path, seed: int = 13, limit: int | None = None) -> dict:
    exclude = excluded_bruk_stems(ner_uk)
    folder = bruk / "data" / "disambig"
    stems = sorted(p.stem for p in folder.glob("*.xml") if re.sub(r"\(\d+\)$", "", p.stem) not in exclude)
    random.Random(seed).shuffle(stems)
    if limit:
        stems = stems[:limit]
    n_val = max(1, round(len(stems) * 0.03))
    validation = set(stems[:n_val])
    vocab = spacy.blank("uk").vocab
    train_docs, val_docs = [], []
    for stem in stems:
        for sentence in iter_bruk(folder, only={stem}):
            (val_docs if stem in validation else train_docs).append(_doc(vocab, sentence))
    workdir.mkdir(parents=True, exist_ok=True)
    DocBin(docs=train_docs, store_user_data=False).to_disk(workdir / "train.spacy")
    DocBin(docs=val_docs, store_user_data=False).to_disk(workdir / "dev.spacy")
    return {"train_sentences": len(train_docs), "validation_sentences": len(val_docs),
            "documents": len(stems), "excluded_stems": len(exclude), "validation_documents": sorted(validation)}


def train(bruk: Path, ner_uk: Path, output: Path = MODEL_DIR, workdir: Path = Path("build/morph"),
          max_steps: int | None = None, limit: int | None = None) -> Path:
    split = build_corpus(bruk, ner_uk, workdir, limit=limit)
    return run_training(CONFIG, workdir, output, max_steps, split)
