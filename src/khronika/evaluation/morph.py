"""`khronika eval morph`: UPOS, UFeats and lemma accuracy on UD_Ukrainian-IU, on gold tokens.

The Ukrainian pipeline runs on the treebank's own words (gold tokenisation), and each word's
UPOS, full feature set and lemma are compared with the treebank's (features as a set: spaCy orders
`NumType` before `Number`, UD the other way round). Lemmas are compared
case-insensitively (the treebank capitalises proper-name lemmas).
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from khronika.corpora.conllu import iter_sentences
from khronika.language.pipeline import nlp_for


def evaluate_morph(corpus: Path, split: str = "test") -> dict:
    path = corpus / f"uk_iu-ud-{split}.conllu"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found")
    nlp = nlp_for("uk")
    components = [(name, proc) for name, proc in nlp.pipeline if name != "khronika_sentences"]
    words = upos = feats = lemma = all_three = 0
    for sentence in iter_sentences(path):
        doc = Doc(nlp.vocab, words=[w.form for w in sentence], spaces=[w.space_after for w in sentence])
        for _, proc in components:
            doc = proc(doc)
        for gold, token in zip(sentence, doc, strict=True):
            words += 1
            ok_upos = token.pos_ == gold.upos
            ok_feats = set(str(token.morph).split("|")) - {""} == set(gold.feats.split("|")) - {""}
            ok_lemma = token.lemma_.lower() == gold.lemma.lower()
            upos += ok_upos
            feats += ok_feats
            lemma += ok_lemma
            all_three += ok_upos and ok_feats and ok_lemma
    return {"corpus": str(path), "words": words, "upos": round(upos / words, 4), "ufeats": round(feats / words, 4),
            "lemma": round(lemma / words, 4), "all_tags": round(all_three / words, 4),
            "pipeline": [name for name, _ in components]}


def format_report(report: dict) -> str:
    return (f"UD_Ukrainian-IU ({report['words']} words, gold tokens, pipeline {report['pipeline']}): "
            f"UPOS {report['upos']:.4f}  UFeats {report['ufeats']:.4f}  Lemma {report['lemma']:.4f}")
