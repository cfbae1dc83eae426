import pytest

from khronika.corpora.bruk import iter_bruk, vesum_to_ud


@pytest.mark.parametrize(("tags", "lemma", "upos", "feats"), [
    ("noun:inanim:f:v_zna", "сила", "NOUN", "Animacy=Inan|Case=Acc|Gender=Fem|Number=Sing"),
    ("noun:anim:m:v_rod:prop:lname", "Лавров", "PROPN", "Animacy=Anim|Case=Gen|Gender=Masc|NameType=Sur|Number=Sing"),
    ("adj:m:v_rod:pron:dem", "цей", "DET", "Case=Gen|Gender=Masc|Number=Sing|PronType=Dem"),
    ("adj:p:v_naz:compb", "новий", "ADJ", "Case=Nom|Degree=Pos|Number=Plur"),
    ("verb:imperf:pres:s:3", "мати", "VERB", "Aspect=Imp|Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"),
    ("verb:perf:inf", "вирішити", "VERB", "Aspect=Perf|VerbForm=Inf"),
    ("verb:imperf:past:m", "бути", "AUX", "Aspect=Imp|Gender=Masc|Mood=Ind|Number=Sing|Tense=Past|VerbForm=Fin"),
    ("conj:subord", "коли", "SCONJ", ""),
    ("prep", "у", "ADP", ""),
    ("punct", ",", "PUNCT", ""),
    ("noun:inanim:n:v_oru:pron:dem", "те", "PRON", "Animacy=Inan|Case=Ins|Gender=Neut|Number=Sing|PronType=Dem"),
])
def test_vesum_to_ud(tags, lemma, upos, feats):
    assert vesum_to_ud(tags, lemma) == (upos, feats)


@pytest.mark.parametrize(("tags", "lemma", "upos", "feats"), [  # zoloto's dialect, UD-IU conventions
    ("prep:rv_mis:v-u", "в", "ADP", "Case=Loc"),
    ("adj:f:v_naz:&noun:inanim", "крива", "NOUN", "Animacy=Inan|Case=Nom|Gender=Fem|Number=Sing"),
    ("adj:m:v_rod:nv:&numr", "2017", "ADJ", "Case=Gen|Gender=Masc|Number=Sing|NumType=Ord|Uninflect=Yes"),
    ("adj:m:v_zna:rinanim:poss:&pron:refl", "свій", "DET",
     "Animacy=Inan|Case=Acc|Gender=Masc|Number=Sing|Poss=Yes|PronType=Prs|Reflex=Yes"),
    ("numr:v_zna:&pron:ind", "кілька", "DET", "Case=Acc|NumType=Card|PronType=Ind"),
    ("numr:v_rod:nv:abbr", "млн", "NUM", "Abbr=Yes|Case=Gen|NumType=Card|Uninflect=Yes"),
    ("noun:inanim:p:v_rod:ns", "кошти", "NOUN", "Animacy=Inan|Case=Gen|Number=Ptan"),
    ("verb:aux:imperf:pres:s:3", "бути", "AUX", "Aspect=Imp|Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"),
    ("verb:imperf:pres:p:3", "бути", "VERB", "Aspect=Imp|Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"),
    ("verb:perf:impers", "зазначити", "VERB", "Aspect=Perf|Mood=Ind|Person=0|VerbForm=Fin"),
    ("part", "б", "AUX", "Mood=Cnd"),
    ("part:neg", "не", "PART", "Polarity=Neg"),
    ("punct:hyphen", "-", "PUNCT", "PunctType=Hyph"),
    ("punct:dash", "-", "PUNCT", "PunctType=Dash"),
    ("punct", "(", "PUNCT", ""),
    ("x:foreign", "News", "X", "Foreign=Yes"),
    ("adv:compr", "більше", "ADV", "Degree=Cmp"),
    ("adj:p:v_naz:&adjp:perf:pasv", "зроблений", "ADJ", "Aspect=Perf|Case=Nom|Number=Plur|VerbForm=Part|Voice=Pass"),
])
def test_vesum_to_ud_zoloto(tags, lemma, upos, feats):
    assert vesum_to_ud(tags, lemma, aux_marked=True) == (upos, feats)


@pytest.mark.parametrize(("tags", "lemma", "upos", "feats"), [  # BRUK's dialect
    ("advp:perf", "зробити", "VERB", "Aspect=Perf|VerbForm=Conv"),
    ("noninfl:predic", "можна", "ADV", ""),
    ("noun:unanim:s:v_zna:pron:refl", "себе", "PRON", "Case=Acc|PronType=Prs|Reflex=Yes"),
    ("number", "3", "NUM", "NumType=Card|Uninflect=Yes"),
])
def test_vesum_to_ud_bruk(tags, lemma, upos, feats):
    assert vesum_to_ud(tags, lemma) == (upos, feats)


def test_reader_skips_excluded_documents(tmp_path):
    xml = ('<?xml version="1.0" encoding="UTF-8"?><text><sentence>'
           '<token value="Уряд" lemma="уряд" tags="noun:inanim:m:v_naz" />'
           '<token value="." lemma="." tags="punct" /></sentence></text>')
    (tmp_path / "A_one.xml").write_text(xml, encoding="utf-8")
    (tmp_path / "A_two(3).xml").write_text(xml, encoding="utf-8")
    sentences = list(iter_bruk(tmp_path, exclude={"A_two"}))
    assert [[(w.form, w.upos) for w in s] for s in sentences] == [[("Уряд", "NOUN"), (".", "PUNCT")]]


def test_bruk_prepositions_take_the_case_they_govern(tmp_path):
    xml = ('<?xml version="1.0" encoding="UTF-8"?><text><sentence>'
           '<token value="у" lemma="у" tags="prep" />'
           '<token value="новому" lemma="новий" tags="adj:m:v_mis:compb" />'
           '<token value="домі" lemma="дім" tags="noun:inanim:m:v_mis" /></sentence></text>')
    (tmp_path / "A.xml").write_text(xml, encoding="utf-8")
    [sentence] = iter_bruk(tmp_path)
    assert (sentence[0].upos, sentence[0].feats) == ("ADP", "Case=Loc")
