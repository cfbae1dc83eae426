"""`khronika train syntax`: one Ukrainian model for POS, features, lemmas and dependencies.

A shared tok2vec feeds the morphologizer, the edit-tree lemmatizer and the parser. The training
data is UD_Ukrainian-IU's train split rebuilt from zoloto-src (UPOS/FEATS from the VESUM tags by
`vesum_to_ud`); BRUK's disambiguated gold (morphology only, no trees) can be added with `bruk`,
leaving out the texts of ner-uk TEST and the held-out texts. UD dev is the validation set; the UD
test file is never read here.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from khronika.corpora.bruk import iter_bruk
from khronika.corpora.conllu import iter_sentences
from khronika.corpora.ner_uk import heldout_ids, read_split
from khronika.corpora.zoloto import iter_train
from khronika.training.spacy_run import run_training

CONFIG = Path(__file__).parent / "configs" / "syntax_uk.cfg"
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "uk_syntax"
NO_SPACE_BEFORE = set(",.:;!?)»”…")


def excluded_bruk_stems(ner_uk: Path) -> set[str]:
    """BRUK file stems that must not be trained on: ner-uk TEST documents and held-out texts."""
    splits = read_split(ner_uk / "v1.0" / "dev-test-split.txt")
    test = {re.sub(r"\(\d+\)$", "", name.removesuffix(".tok")) for name, part in splits.items() if part == "test"}
    held = {re.sub(r"\(\d+\)$", "", i.removesuffix(".tok")) for i in heldout_ids(ner_uk)}
    return test | held


def _tree_doc(vocab, words) -> Doc:
    """A zoloto or CoNLL-U sentence with tags, lemmas and its tree."""
    return Doc(vocab, words=[w.form for w in words], spaces=[w.space_after for w in words],
               heads=[(w.head - 1) if w.head else i for i, w in enumerate(words)],
               deps=[w.deprel for w in words], pos=[w.upos for w in words],
               morphs=[w.feats or "" for w in words], lemmas=[w.lemma for w in words])


def _tagged_doc(vocab, sentence) -> Doc:
    """A BRUK sentence: tags and lemmas, no tree (the parser sees no annotation there)."""
    spaces = [i + 1 < len(sentence) and sentence[i + 1].form not in NO_SPACE_BEFORE for i in range(len(sentence))]
    return Doc(vocab, words=[w.form for w in sentence], spaces=spaces, pos=[w.upos for w in sentence],
               morphs=[w.feats or "" for w in sentence], lemmas=[w.lemma for w in sentence])


def bruk_docs(vocab, bruk: Path, ner_uk: Path, share: float = 1.0, seed: int = 13) -> list[Doc]:
    folder = bruk / "data" / "disambig"
    exclude = excluded_bruk_stems(ner_uk)
    stems = sorted(p.stem for p in folder.glob("*.xml") if re.sub(r"\(\d+\)$", "", p.stem) not in exclude)
    random.Random(seed).shuffle(stems)
    chosen = set(stems[: max(1, round(len(stems) * share))])
    return [_tagged_doc(vocab, s) for s in iter_bruk(folder, only=chosen)]


def build_corpus(treebank: Path, workdir: Path, bruk: Path | None = None, ner_uk: Path | None = None,
                 bruk_share: float = 1.0, limit: int | None = None) -> dict:
    vocab = spacy.blank("uk").vocab
    train = [_tree_doc(vocab, s) for s in iter_train(treebank)][:limit]
    split = {"train_sentences": len(train), "train_tokens": sum(len(d) for d in train)}
    if bruk is not None:
        extra = bruk_docs(vocab, bruk, ner_uk or bruk.parent / "ner-uk", bruk_share)[:limit]
        split.update(bruk_sentences=len(extra), bruk_tokens=sum(len(d) for d in extra), bruk_share=bruk_share)
        train += extra
        random.Random(13).shuffle(train)
    dev = [_tree_doc(vocab, s) for s in iter_sentences(treebank / "uk_iu-ud-dev.conllu")][: limit and 20]
    workdir.mkdir(parents=True, exist_ok=True)
    DocBin(docs=train).to_disk(workdir / "train.spacy")
    DocBin(docs=dev).to_disk(workdir / "dev.spacy")
    split["dev_sentences"] = len(dev)
    return split


def train(treebank: Path, output: Path = MODEL_DIR, workdir: Path = Path("build/syntax"),
          max_steps: int | None = None, limit: int | None = None, bruk: Path | None = None,
          ner_uk: Path | None = None, bruk_share: float = 1.0, overrides: dict | None = None) -> Path:
    split = build_corpus(treebank, workdir, bruk, ner_uk, bruk_share, limit)
    return run_training(CONFIG, workdir, output, max_steps, split, overrides)
