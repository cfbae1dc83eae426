"""`khronika eval parse`: UAS and LAS of the Ukrainian pipeline on UD_Ukrainian-IU test (gold tokens).

LAS compares universal relations (subtypes after `:` dropped), as the CoNLL 2018 shared-task
script does; `las_full` keeps the subtypes. Punctuation is scored like any other word.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from khronika.corpora.conllu import iter_sentences
from khronika.language.pipeline import nlp_for


def evaluate_parse(corpus: Path, split: str = "test") -> dict:
    path = corpus / f"uk_iu-ud-{split}.conllu"
    nlp = nlp_for("uk")
    if "parser" not in nlp.pipe_names:
        raise ValueError("the Ukrainian pipeline has no parser (train one with `khronika train syntax`)")
    components = [proc for name, proc in nlp.pipeline if name not in ("khronika_sentences", "tok2vec", "ner")]
    words = uas = las = las_full = 0
    for sentence in iter_sentences(path):
        doc = Doc(nlp.vocab, words=[w.form for w in sentence], spaces=[w.space_after for w in sentence])
        for proc in components:
            doc = proc(doc)
        for gold, token in zip(sentence, doc, strict=True):
            head = 0 if token.head.i == token.i else token.head.i + 1
            deprel = "root" if head == 0 else token.dep_
            words += 1
            if head == gold.head:
                uas += 1
                las += deprel.split(":")[0] == gold.deprel.split(":")[0]
                las_full += deprel == gold.deprel
    return {"corpus": str(path), "words": words, "uas": round(uas / words, 4), "las": round(las / words, 4),
            "las_full": round(las_full / words, 4), "stanza_las": 0.8587}


def format_report(report: dict) -> str:
    return (f"UD_Ukrainian-IU ({report['words']} words, gold tokens): UAS {report['uas']:.4f}  "
            f"LAS {report['las']:.4f}  (with subtypes {report['las_full']:.4f}; Stanza LAS {report['stanza_las']})")
