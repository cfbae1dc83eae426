"""Which linked mention the text means at a token or in a span, and whether it can be a subject."""

from __future__ import annotations

from spacy.tokens import Span, Token

from khronika.actors.kb import lemma_set
from khronika.extraction.quotes.lexicon import readings
from khronika.model import Mention


class Mentions:
    """Mention lookups over the speakers the NER and linker found. A mixin of `_Finder`
    (finder.py), whose `doc`, `text` and `mentions` it reads."""

    def _common_noun(self, mention: Mention) -> bool:
        """`Режисер сказав` at the start of a sentence: the NER may take a capitalised person noun for
        a name or place. A single word that opens its sentence and that the same text also writes in
        lower case (`режисера Романа Мархоліа`) is a common noun."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if mention.label not in ("PERS", "LOC") or span is None or len(span) != 1 or not span[0].is_sent_start:
            return False
        lemmas = lemma_set(span[0].text, self.lang) | {span[0].lower_}
        return any(t.text[:1].islower() and lemmas & (lemma_set(t.text, self.lang) | {t.lower_})
                   for t in self.doc if t.i != span[0].i and t.is_alpha)

    def _mention_at(self, token: Token) -> Mention | None:
        """The longest linked mention that covers the token (by the name, for a role phrase)."""
        containing = [m for m in self.mentions if m.start <= token.idx < m.end and m.actor]
        if not containing:
            return None
        return self._by_name(max(containing, key=lambda m: m.end - m.start))

    def _by_name(self, mention: Mention) -> Mention:
        """A role phrase (`Президент НОК`) followed or filled by the person's name (`Сергій Бубка`):
        the name is how the text names the speaker."""
        if mention.kind != "role":
            return mention
        named = [m for m in self.mentions if m.kind == "name" and m.actor == mention.actor and m is not mention
                 and mention.start <= m.start and not self.text[mention.end:m.start].strip()]
        return min(named, key=lambda m: m.start) if named else mention

    def _mention_in(self, span: Span) -> Mention | None:
        """The first linked mention that starts in the span, the longest where several start there."""
        if not len(span):
            return None
        inside = [m for m in self.mentions if span.start_char <= m.start < span.end_char and m.actor]
        if not inside:
            return None
        first = min(m.start for m in inside)
        return max((m for m in inside if m.start == first), key=lambda m: m.end - m.start)

    def _mention_before(self, token: Token, nominative: bool = False, adjacent: bool = False,
                        within: Span | None = None) -> Mention | None:
        """The linked person or organisation nearest before the token in its sentence (or in
        `within`), a person over an organisation; only one right before it if `adjacent`, only
        one that can be nominative if `nominative`."""
        floor = within.start_char if within is not None else token.sent.start_char
        candidates = [m for m in self.mentions if floor <= m.start and m.end <= token.idx and m.actor
                      and m.label in ("PERS", "ORG")]
        if adjacent:
            candidates = [m for m in candidates if not self.text[m.end:token.idx].strip()]
        if nominative:
            candidates = [m for m in candidates if self._nominative(m)]
        if not candidates:
            return None
        people = [m for m in candidates if m.label == "PERS"]
        candidates = people or candidates  # `Депутат ... Олег Савченко (Свобода) заявив`: the person speaks
        # the outermost mention (`Керівник ... Чен Вейхуа`) over the names inside it, nearest first
        best_end = max(m.end for m in candidates)
        nearest = [m for m in candidates if m.end == best_end] or candidates
        return self._by_name(min(nearest, key=lambda m: m.start))

    def _titled_by(self, span: Span) -> Token | None:
        """The person noun a name stands in apposition to (`донька Валентина`), right before it."""
        root = span.root
        if root.dep_ not in ("flat:title", "appos", "nmod") or root.head.i != span.start - 1 \
                or root.head.pos_ != "NOUN" or not self._person_noun(root.head):
            return None
        return root.head  # `донька Валентина` read as `daughter of Valentyn` is the parser's slip

    def _nominative(self, mention: Mention) -> bool:
        """The mention can be nominative, so a subject: by the parse, by the noun it names, or by
        the dictionary."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return True
        head = span[0]
        if self.lang == "en":
            return True
        cases = head.morph.get("Case")
        if "Yes" in head.morph.get("Uninflect"):
            return True  # `ТД «Украгропром»`: an abbreviation has every case
        if span.root.dep_ in ("nsubj", "nsubj:pass") or "Nom" in span[-1].morph.get("Case"):
            return True  # `Олеся Статива показала`: the parser may read one word of a name in another case
        if self._titled_by(span) is not None and "Nom" in self._titled_by(span).morph.get("Case"):
            return True  # `донька Валентина`: a name agrees with the noun it names
        if cases:
            return "Nom" in cases
        return any(p.tag.case == "nomn" for p in readings(head.text, self.lang))
