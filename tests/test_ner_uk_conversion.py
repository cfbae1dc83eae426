import spacy

from khronika.corpora.ner_uk import BratDocument, Entity, read_ann, to_spacy_doc


def test_read_ann_tab_separated_and_skips_discontinuous(tmp_path):
    ann = tmp_path / "x.ann"
    ann.write_text("T1\tORG\t0\t17\tПАТ «Укртрансгаз»\nT2\tDATE 18 27\t29 квітня\nT3\tLOC 1 3;5 7\tab cd\n",
                   encoding="utf-8")
    assert read_ann(ann) == [Entity("ORG", 0, 17, "ПАТ «Укртрансгаз»"), Entity("DATE", 18, 27, "29 квітня")]


def test_nested_entities_keep_the_outer_one_and_offsets_survive_raw_text():
    text = "ПАТ «Укртрансгаз» 29 квітня уклав угоду з ТОВ «Нафта-Київ»."
    surfaces = [("ORG", "ПАТ «Укртрансгаз»"), ("ORG", "Укртрансгаз"), ("DATE", "29 квітня"),
                ("ORG", "ТОВ «Нафта-Київ»")]
    entities = tuple(Entity(label, text.index(s), text.index(s) + len(s), s) for label, s in surfaces)
    doc = to_spacy_doc(spacy.blank("uk"), BratDocument("x", "ng", text, entities))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("ПАТ «Укртрансгаз»", "ORG"), ("29 квітня", "DATE"), ("ТОВ «Нафта-Київ»", "ORG")]
