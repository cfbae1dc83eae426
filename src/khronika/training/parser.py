"""`khronika train parse`: the Ukrainian dependency parser from UD_Ukrainian-IU's rebuilt train split.

The UD dev file is the validation set; the UD test file is never read here.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from khronika.corpora.conllu import iter_sentences
from khronika.corpora.zoloto import iter_train
from khronika.training.spacy_run import run_training

CONFIG = Path(__file__).parent / "configs" / "parser_uk.cfg"
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "uk_parser"


def _doc(vocab, words) -> Doc:
    return Doc(vocab, words=[w.form for w in words], spaces=[w.space_after for w in words],
               heads=[(w.head - 1) if w.head else i for i, w in enumerate(words)],
               deps=[w.deprel for w in words], pos=[w.upos for w in words],
               lemmas=[w.lemma for w in words])


def build_corpus(treebank: Path, workdir: Path, limit: int | None = None) -> dict:
    vocab = spacy.blank("uk").vocab
    train = [_doc(vocab, s) for s in iter_train(treebank)][:limit]
    dev = [_doc(vocab, s) for s in iter_sentences(treebank / "uk_iu-ud-dev.conllu")][: limit and 20]
    workdir.mkdir(parents=True, exist_ok=True)
    DocBin(docs=train).to_disk(workdir / "train.spacy")
    DocBin(docs=dev).to_disk(workdir / "dev.spacy")
    return {"train_sentences": len(train), "train_tokens": sum(len(d) for d in train), "dev_sentences": len(dev)}


def train(treebank: Path, output: Path = MODEL_DIR, workdir: Path = Path("build/parser"),
          max_steps: int | None = None, limit: int | None = None) -> Path:
    return run_training(CONFIG, workdir, output, max_steps, build_corpus(treebank, workdir, limit))
