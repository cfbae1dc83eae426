"""Training machinery, corpus readers and evaluation of the NER stage."""

import json

import pytest
import spacy
from conftest import DATA

from khronika.corpora.factru import iter_factru
from khronika.corpora.ner_uk import Entity, heldout_ids, iter_v1, iter_v2, outermost
from khronika.extraction.entities import find_mentions

NER_UK = DATA / "ner-uk"


def test_outermost_keeps_the_first_longest_of_nested_entities():
    entities = (Entity("ORG", 0, 17, "a"), Entity("LOC", 5, 10, "b"), Entity("PERS", 20, 25, "c"))
    assert outermost(entities) == [entities[0], entities[2]]


def test_english_labels_are_mapped_to_ner_uk_types():
    doc = spacy.blank("en").make_doc("Josep Borrell met NATO officials in Brussels")
    doc.ents = [spacy.tokens.Span(doc, 0, 2, "PERSON"), spacy.tokens.Span(doc, 3, 4, "ORG"),
                spacy.tokens.Span(doc, 6, 7, "GPE")]
    assert [(m.text, m.label) for m in find_mentions(doc, "en")] == [
        ("Josep Borrell", "PERS"), ("NATO", "ORG"), ("Brussels", "LOC")]


def test_russian_mentions_come_from_natasha():
    mentions = find_mentions(spacy.blank("ru")("Сергей Лавров прилетел в Анкару."), "ru")
    assert [(m.text, m.label) for m in mentions] == [("Сергей Лавров", "PERS"), ("Анкару", "LOC")]


@pytest.mark.corpus
def test_held_out_documents_are_never_read():
    held = heldout_ids(NER_UK)
    read = {d.id for split in ("dev", "test") for d in iter_v2(NER_UK, split)}
    read |= {d.id for d in iter_v2(NER_UK, "dev", swapped=True)} | {d.id for d in iter_v1(NER_UK, "test")}
    assert not read & held
    assert len([d for d in iter_v2(NER_UK, "test")]) == 155
    assert len([d for d in iter_v1(NER_UK, "test")]) == 78


@pytest.mark.corpus
def test_factru_mentions_match_their_text():
    doc = next(iter_factru(DATA / "factRuEval-2016"))
    assert doc.entities
    for start, end, label in doc.entities[:20]:
        assert label in ("PERS", "LOC", "ORG") and doc.text[start:end].strip()


@pytest.mark.corpus
def test_smoke_training_run_writes_a_loadable_model(tmp_path):
    from khronika.training.ner import train

    output = train(NER_UK, tmp_path / "model", tmp_path / "work", max_steps=4, limit=4, swapped=False)
    split = json.loads((output / "training.json").read_text(encoding="utf-8"))
    assert split["validation_documents"] == 1 and split["train_documents"] == 3
    nlp = spacy.load(output)
    assert nlp.pipe_names == ["khronika_lemmatizer", "tok2vec", "ner"]
    assert "PERS" in nlp.get_pipe("ner").labels


@pytest.mark.corpus
def test_smoke_syntax_training_plugs_into_the_pipeline(tmp_path):
    from khronika.language.pipeline import add_syntax
    from khronika.training import syntax

    output = syntax.train(DATA / "UD_Ukrainian-IU", tmp_path / "model", tmp_path / "work", max_steps=4, limit=30,
                          bruk=DATA / "brown-uk-bruk", ner_uk=NER_UK, bruk_share=0.01)
    split = json.loads((output / "training.json").read_text(encoding="utf-8"))
    assert split["train_sentences"] == 30 and split["bruk_sentences"] == 30 and split["dev_sentences"] == 20
    model = spacy.load(output)
    assert model.pipe_names == ["khronika_lemmatizer", "tok2vec", "morphologizer", "trainable_lemmatizer", "parser"]
    nlp = spacy.blank("uk")
    nlp.add_pipe("khronika_sentences", config={"lang": "uk"})
    nlp.add_pipe("khronika_lemmatizer", config={"lang": "uk"})
    add_syntax(nlp, spacy.load(output, vocab=nlp.vocab))
    assert nlp.pipe_names == ["khronika_sentences", "khronika_lemmatizer", "syntax_tok2vec", "morphologizer",
                              "trainable_lemmatizer", "khronika_lemma_check", "parser"]
    doc = nlp("Уряд ухвалив постанову.")
    assert all(t.lemma_ and t.dep_ for t in doc) and doc[1].tag_ == "VERB"  # the dictionary tag stays for the NER


def test_ner_uk_test_documents_are_excluded_from_morphology_training():
    from khronika.training.syntax import excluded_bruk_stems

    if not NER_UK.is_dir():
        pytest.skip("ner-uk not staged")
    excluded = excluded_bruk_stems(NER_UK)
    assert "A_depo.ua_Poroshenko_u_rozmovi_2016" in excluded  # a held-out BRUK text
    assert len(excluded) > 80  # 78 TEST texts of ner-uk v1.0 and the held-out ones


@pytest.mark.corpus
def test_rebuilt_ud_train_shares_no_token_with_dev_or_test():
    from khronika.corpora.zoloto import iter_train, ud_ids

    treebank = DATA / "UD_Ukrainian-IU"
    sentences = list(iter_train(treebank))
    reserved = ud_ids(treebank / "uk_iu-ud-dev.conllu") | ud_ids(treebank / "uk_iu-ud-test.conllu")
    assert 5300 <= len(sentences) <= 5521  # TRAIN-SOURCE.md: about 5,398 candidates, 5,521 released
    assert not {w.id for s in sentences for w in s} & reserved
    for sentence in sentences[:200]:
        assert sum(w.head == 0 for w in sentence) == 1 and all(0 <= w.head <= len(sentence) for w in sentence)
