"""The cue lexicon (`data/quotes/{uk,ru,en}.json`) and the word tests that read it: reporting
verbs and phrases, statement verbs, the author's own voice, channels, records."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from spacy.tokens import Span, Token

from khronika.actors.kb import lemma_set

UD_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct", "Voc": "voct"}
NAME_DEPENDENTS = {"nmod", "amod", "flat", "flat:name", "appos"}  # words that belong to an organisation's name


@cache
def cues(lang: str) -> dict:
    """The cue lexicon of a language, with its reporting verbs also as a set (`verb_set`)."""
    data = json.loads(resources.files("khronika.data").joinpath("quotes", f"{lang}.json").read_text("utf-8"))
    data["verb_set"] = frozenset(data["verbs"])
    return data


@cache
def readings(word: str, lang: str):
    """The dictionary's readings of a word (pymorphy parses; none for English)."""
    from khronika.language.morphology import analyzer

    return tuple(analyzer(lang).parse(word.lower())) if lang in ("uk", "ru") else ()


class CueWords:
    """Whether a word or phrase is a cue of the lexicon. A mixin of `_Finder` (finder.py), whose
    `doc`, `lang` and `cues` it reads."""

    def _is_cue_verb(self, token: Token) -> bool:
        """A reporting verb of the lexicon (`заявив`, `стверджуючи`), not in the author's own voice."""
        if token.is_punct or not token.is_alpha:
            return False
        lemmas = {token.lemma_.lower()} | lemma_set(token.text, self.lang) | self._infinitives(token)
        if not lemmas & self.cues["verb_set"] or token.pos_ not in ("VERB", "AUX", "ADJ", ""):
            return False
        return not self._authorial(token)

    def _infinitives(self, token: Token) -> set[str]:
        """`стверджуючи` -> `стверджувати`: a gerund's verb, by the suffix table of the cue file."""
        if "Conv" not in token.morph.get("VerbForm"):
            return set()
        word = token.lower_
        return {word[: -len(old)] + new for old, new in self.cues.get("gerunds", []) if word.endswith(old)}

    def _phrase_verb(self, sentence: Span) -> tuple[Token, Token, str] | None:
        """A reporting verb phrase (`дійшов висновку`, `прийшла до висновку`): its verb, its last
        word and the phrase."""
        words = [lemma_set(t.text, self.lang) | {t.lower_} for t in sentence]
        for phrase in self.cues.get("phrases", []):
            parts = phrase.split()
            for k in range(len(words) - len(parts) + 1):
                if all(parts[j] in words[k + j] for j in range(len(parts))):
                    return sentence[k], sentence[k + len(parts) - 1], phrase
        return None

    def _authorial(self, token: Token) -> bool:
        """`Зазначимо, що`, `Нагадаємо`: the author speaking (first person or imperative)."""
        if "1" in token.morph.get("Person") or "Imp" in token.morph.get("Mood"):
            return True
        if token.i > 0 and self.doc[token.i - 1].lower_ in self.cues.get("authorial_modals", []):
            return True  # `Варто зазначити, що`: the author's own remark
        parses = [p for p in readings(token.text, self.lang) if p.tag.POS in ("VERB", "INFN")]
        return bool(parses) and all(p.tag.person == "1per" or p.tag.mood == "impr" for p in parses)

    def _statement_that(self, token: Token) -> bool:
        """`В ухвалі йдеться, що ...`: an impersonal statement verb right before `, що` (not the
        relative `що` of `Йдеться про землю, що знаходиться ...`)."""
        if token.lower_ not in self.cues["statement"] or token.i + 2 >= len(self.doc):
            return False
        return self.doc[token.i + 1].text == "," and self.doc[token.i + 2].lower_ in self.cues["that"]

    def _is_wording(self, token: Token) -> bool:
        lemmas = lemma_set(token.text, self.lang) | {token.lower_}
        return bool(lemmas & set(self.cues.get("wording_nouns", [])))

    def _is_record(self, span: Span) -> bool:
        """The span names a record (`держреєстру`), not a speaker: a lemma of one of its words starts
        with a `records` entry."""
        records = self.cues.get("records", [])
        return any(lemma.startswith(tuple(records)) for t in span for lemma in lemma_set(t.text, self.lang))

    def _channel(self, span: Span) -> str | None:
        """Where it was said: the channel of the first word in the span that the lexicon lists (`Twitter`)."""
        for token in span:
            for lemma in {token.lower_, token.lemma_.lower()} | lemma_set(token.text, self.lang):
                if lemma in self.cues["channels"]:
                    return self.cues["channels"][lemma]
        return None
