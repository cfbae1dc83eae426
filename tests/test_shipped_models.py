"""The models shipped in the package load offline and do their job on the seed article."""

import pytest
from conftest import SEED

from khronika.language.pipeline import UK_NER, UK_SYNTAX, nlp_for
from khronika.pipeline import analyze

pytestmark = pytest.mark.skipif(not (UK_NER / "config.cfg").exists(), reason="no shipped Ukrainian NER model")


def test_pipeline_loads_offline_with_the_trained_ner():
    nlp = nlp_for("uk")
    assert nlp.pipe_names[:2] == ["khronika_sentences", "khronika_lemmatizer"]
    assert nlp.pipe_names[-2:] == ["tok2vec", "ner"]
    assert {"PERS", "ORG", "LOC", "DATE", "JOB"} <= set(nlp.get_pipe("ner").labels)


@pytest.mark.skipif(not (UK_SYNTAX / "config.cfg").exists(), reason="no shipped Ukrainian syntax model")
def test_pipeline_loads_offline_with_the_joint_syntax_model():
    nlp = nlp_for("uk")
    assert nlp.pipe_names[2:7] == ["syntax_tok2vec", "morphologizer", "trainable_lemmatizer", "khronika_lemma_check",
                                   "parser"]
    doc = nlp("Уряд ухвалив нову постанову.")
    assert [t.pos_ for t in doc] == ["NOUN", "VERB", "ADJ", "NOUN", "PUNCT"]
    assert doc[1].dep_ == "ROOT" and doc[0].head.i == 1 and doc[0].dep_ == "nsubj"
    assert str(doc[3].morph) == "Animacy=Inan|Case=Acc|Gender=Fem|Number=Sing"


@pytest.mark.corpus
def test_seed_people_organisations_and_places():
    analysis = analyze(SEED.read_text(encoding="utf-8"), published="2022-02-10")
    found = {(m.text, m.label) for m in analysis.mentions}
    for person in ("Жозеп Боррель", "Сергія Лаврова", "Володимир Путін", "Джон Салліван", "Ентоні Блінкен"):
        assert (person, "PERS") in found
    for organisation in ("МЗС РФ", "Європейський Союз", "НАТО"):
        assert (organisation, "ORG") in found
    for place in ("України", "Білорусі", "США", "Україну"):
        assert (place, "LOC") in found
    text = analysis.article.text
    assert all(text[m.start:m.end] == m.text for m in analysis.mentions)
