"""The grammatical tense around a span of a parsed text, for anchoring partial dates."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

FUTURE_AUXILIARIES = {"will", "shall", "'ll"}
CLAUSE_BREAKS = {",", ";", ":", "—", "–", "(", ")"}

Direction = Callable[[int, int], str]


def _verb_tense(token: Token) -> str | None:
    if token.lower_ in FUTURE_AUXILIARIES and token.tag_ == "MD":
        return "future"
    if token.doc.lang_ in ("uk", "ru"):
        return _dictionary_tense(token)
    tense = token.morph.get("Tense")
    if not tense or token.pos_ not in ("VERB", "AUX"):
        return None
    verb_form = token.morph.get("VerbForm")
    if verb_form and verb_form[0] != "Fin":
        return None
    return {"Past": "past", "Fut": "future", "Pres": "present"}.get(tense[0])


def _dictionary_tense(token: Token) -> str | None:
    """Tense from the dictionary: aspect decides it there (`відкриють` is future), which a tagger
    trained on little data gets wrong for rarer verbs."""
    from khronika.language.morphology import analyse

    _, pos, feats = analyse(token.lower_, token.doc.lang_, token.text[:1].isupper())
    if pos not in ("VERB", "AUX"):
        return None
    for tense, direction in (("Tense=Past", "past"), ("Tense=Fut", "future"), ("Tense=Pres", "present")):
        if tense in feats:
            return direction
    return None


def _is_parenthetical(token: Token, sent: Span) -> bool:
    """`Нагадаємо,` / `Зазначимо, що` open a sentence without being its predicate."""
    if token.i != sent.start or token.i + 1 >= sent.end:
        return False
    return token.doc[token.i + 1].text in (",", ":")


def _clauses(sent: Span) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """(start_char, end_char, verbs) of the comma-separated stretches of a sentence."""
    clauses, current, start = [], [], sent.start_char
    for token in sent:
        if token.text in CLAUSE_BREAKS:
            clauses.append((start, token.idx, current))
            current, start = [], token.idx + len(token.text)
            continue
        tense = _verb_tense(token)
        if tense and not _is_parenthetical(token, sent):
            current.append((token.idx, token.idx + len(token.text), tense))
    clauses.append((start, sent.end_char, current))
    return clauses


def _scheduled_for(doc: Doc, start: int, verbs: set[str], preps: set[str]) -> bool:
    """`призначили на 3 липня`, `postponed until May 5`: a past verb that sets a future date."""
    before = doc.char_span(start, start, alignment_mode="expand")
    index = before.start if before is not None else None
    if index is None or index == 0 or doc[index - 1].lower_ not in preps:
        return False
    sent = doc[index].sent
    return any(t.lemma_.lower() in verbs for t in doc[sent.start:index])


def direction_finder(doc: Doc, scheduling_verbs: set[str] = frozenset(),
                     scheduling_preps: set[str] = frozenset()) -> Direction:
    """A function from a character span to "past", "future" or "either".

    The finite verb of the same clause decides; else the finite verb nearest to the span in its
    sentence. Present tense and sentences without a finite verb give "either".
    """
    sentences = list(doc.sents)
    starts = [s.start_char for s in sentences]
    clauses = [_clauses(s) for s in sentences]

    def direction(start: int, end: int | None = None) -> str:
        if not sentences:
            return "past"
        end = start if end is None else end
        if scheduling_verbs and _scheduled_for(doc, start, scheduling_verbs, scheduling_preps):
            return "future"
        index = max(0, bisect_right(starts, start) - 1)
        own = [verbs for (c_start, c_end, verbs) in clauses[index] if c_start <= start < max(c_end, c_start + 1)]
        verbs = own[0] if own and own[0] else [v for _, _, vs in clauses[index] for v in vs]
        if not verbs:
            return "either"
        _, _, tense = min(verbs, key=lambda v: v[0] - end if v[0] >= end else start - v[1])
        return tense if tense in ("past", "future") else "either"

    return direction
