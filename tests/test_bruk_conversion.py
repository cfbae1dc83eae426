import pytest

from khronika.corpora.bruk import iter_bruk, vesum_to_ud


@pytest.mark.parametrize(("tags", "lemma", "upos", "feats"), [
    ("noun:inanim:f:v_zna", "сила", "NOUN", "Animacy=Inan|Case=Acc|Gender=Fem|Number=Sing"),
    ("noun:anim:m:v_rod:prop:lname", "Лавров", "PROPN", "Animacy=Anim|Case=Gen|Gender=Masc|NameType=Sur|Number=Sing"),
    ("adj:m:v_rod:pron:dem", "цей", "DET", "Case=Gen|Gender=Masc|Number=Sing|PronType=Dem"),
    ("adj:p:v_naz:compb", "новий", "ADJ", "Case=Nom|Degree=Pos|Number=Plur"),
    ("verb:imperf:pres:s:3", "мати", "VERB", "Aspect=Imp|Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"),
    ("verb:perf:inf", "вирішити", "VERB", "Aspect=Perf|VerbForm=Inf"),
    ("verb:imperf:past:m", "бути", "AUX", "Aspect=Imp|Gender=Masc|Mood=Ind|Tense=Past|VerbForm=Fin"),
    ("conj:subord", "коли", "SCONJ", ""),
    ("prep", "у", "ADP", ""),
    ("punct", ",", "PUNCT", ""),
    ("noun:inanim:n:v_oru:pron:dem", "те", "PRON", "Animacy=Inan|Case=Ins|Gender=Neut|Number=Sing|PronType=Dem"),
])
def test_vesum_to_ud(tags, lemma, upos, feats):
    assert vesum_to_ud(tags, lemma) == (upos, feats)


def test_reader_skips_excluded_documents(tmp_path):
    xml = ('<?xml version="1.0" encoding="UTF-8"?><text><sentence>'
           '<token value="Уряд" lemma="уряд" tags="noun:inanim:m:v_naz" />'
           '<token value="." lemma="." tags="punct" /></sentence></text>')
    (tmp_path / "A_one.xml").write_text(xml, encoding="utf-8")
    (tmp_path / "A_two(3).xml").write_text(xml, encoding="utf-8")
    sentences = list(iter_bruk(tmp_path, exclude={"A_two"}))
    assert [[(w.form, w.upos) for w in s] for s in sentences] == [[("Уряд", "NOUN"), (".", "PUNCT")]]
