"""Named-entity mentions per language, in ner-uk's label set.

- Ukrainian: Khronika's own trained spaCy NER (`khronika/models/uk_ner`), 13 ner-uk v2.0 types.
- Russian: natasha's news NER (its model ships inside the wheel; PER/LOC/ORG).
- English: spaCy's `en_core_web_sm` NER, its OntoNotes labels mapped to ner-uk's.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from khronika.model import Mention

ENGLISH_LABELS = {
    "PERSON": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
    "EVENT": "MISC", "WORK_OF_ART": "ART", "LAW": "DOC", "PRODUCT": "MISC", "LANGUAGE": "MISC",
    "DATE": "DATE", "TIME": "TIME", "MONEY": "MON", "PERCENT": "PCT", "QUANTITY": "QUANT",
}
NATASHA_LABELS = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG"}


def find_mentions(doc: Doc, lang: str) -> list[Mention]:
    if lang == "ru":
        return natasha_mentions(doc.text)
    mapping = ENGLISH_LABELS if lang == "en" else None
    mentions = []
    for ent in doc.ents:
        label = mapping.get(ent.label_) if mapping is not None else ent.label_
        if label:
            mentions.append(Mention(ent.start_char, ent.end_char, ent.text, label))
    return mentions


@cache
def _natasha():
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def natasha_mentions(text: str) -> list[Mention]:
    from natasha import Doc as NatashaDoc

    segmenter, tagger = _natasha()
    doc = NatashaDoc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [Mention(s.start, s.stop, text[s.start:s.stop], NATASHA_LABELS[s.type])
            for s in doc.spans if s.type in NATASHA_LABELS]
