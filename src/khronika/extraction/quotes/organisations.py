"""Organisations that speak without the NER having named them: a common noun phrase
(`прокуратура Києва заявила`, `в лікарні повідомили`), the body behind an investigation or a
ruling (`за даними слідства`), the owner of a document (`в ухвалі Печерського райсуду`) and
media outlets (`за даними видання`). A new one becomes a mention and an actor of the article."""

from __future__ import annotations

from spacy.tokens import Span, Token

from khronika.actors.kb import lemma_set
from khronika.actors.link import organisation_outside_kb
from khronika.extraction.quotes.lexicon import NAME_DEPENDENTS
from khronika.model import Mention


class Organisations:
    """Speaking organisations, outlets and agencies. A mixin of `_Finder` (finder.py), whose
    state (`doc`, `mentions`, `outlets`, `new_speakers`...) it reads and updates."""

    def _organisation_phrase(self, head: Token, verb: Token, limit: int | None = None) -> Mention | None:
        """`Прокуратура Києва заявила`: an inanimate subject noun with the words that name it (its
        adjectives and genitive dependents next to it) is a speaking organisation."""
        role = self._organisation_role(head)
        if head.pos_ not in ("NOUN", "PROPN", "X") or "Anim" in head.morph.get("Animacy") and not role \
                or head.is_stop:
            return None
        organisation_nouns = set(self.cues.get("organisation_nouns", []))
        if head.pos_ == "NOUN" and not role \
                and not (lemma_set(head.text, self.lang) | {head.lemma_.lower()}) & organisation_nouns:
            return None  # `Правильність рішення підтвердив суд`: an abstract noun does not speak
        start = head.i
        while start - 1 >= verb.sent.start and self.doc[start - 1].dep_ == "amod" \
                and self.doc[start - 1].head.i == head.i:
            start -= 1
        end = head.i
        for token in self.doc[head.i + 1:min(limit or verb.i, head.i + 5)]:
            attached = token.head if token.dep_ != "amod" else token.head.head
            if token.dep_ not in NAME_DEPENDENTS or not start <= attached.i <= end + 1:
                break
            end = token.i
        return self._new_organisation(self.doc[start:end + 1])

    def _new_organisation(self, span: Span) -> Mention:
        """An organisation outside the knowledge base, named by the span: a new mention and actor."""
        actor = organisation_outside_kb(span.text, self.lang)
        mention = Mention(span.start_char, span.end_char, span.text, "ORG", actor.id)
        self.mentions.append(mention)
        self.new_speakers.append((mention, actor))
        return mention

    def _organisation_role(self, token: Token) -> bool:
        lemmas = lemma_set(token.text, self.lang) | {token.lemma_.lower(), token.lower_}
        return bool(lemmas & set(self.cues.get("organisation_roles", [])))

    def _organisation_noun(self, token: Token) -> bool:
        nouns = set(self.cues.get("organisation_nouns", []))
        lemmas = lemma_set(token.text, self.lang) | {token.lemma_.lower()}
        return token.pos_ in ("NOUN", "PROPN") and bool(lemmas & nouns)

    def _located_source(self, verb: Token) -> Mention | None:
        """`в МВС заявили`, `у лікарні повідомили`: the organisation the impersonal plural speaks for."""
        if "Plur" not in verb.morph.get("Number"):
            return None
        for token in self.doc[max(verb.sent.start, verb.i - 6):verb.i]:
            if token.lower_ in ("в", "у", "in") and token.i + 1 < verb.i:
                found = self._mention_at(self.doc[token.i + 1])
                if found is not None and found.label == "ORG":
                    return found
                head = next((t for t in self.doc[token.i + 1:verb.i] if t.pos_ == "NOUN"), None)
                if head is not None:  # `в обласній клінічній лікарні повідомили`
                    return self._organisation_phrase(head, verb)
        return None

    def _agency(self, token: Token) -> Mention | None:
        """`за даними слідства`, `Слідчі встановили`: the investigating body the article names
        (the police, a prosecutor's office), the nearest one before, else the first one after."""
        lemmas = lemma_set(token.text, self.lang) | {token.lower_}
        markers = next((set(v) for k, v in self.cues.get("agencies", {}).items() if k in lemmas), None)
        if not markers:
            return None
        bodies = [m for m in self.mentions if m.label == "ORG" and m.actor and m.start != token.idx
                  and any(markers & (lemma_set(w, self.lang) | {w.lower()}) for w in m.text.split())]
        before = [m for m in bodies if m.end <= token.idx]
        if before or bodies:
            return before[-1] if before else bodies[0]
        # a body the NER missed (`Поліція підозрює ...` in the lead): the noun itself names it
        nouns = [t for t in self.doc if t.pos_ in ("NOUN", "PROPN") and t.i != token.i
                 and markers & (lemma_set(t.text, self.lang) | {t.lower_}) and self._organisation_noun(t)]
        earlier = [t for t in nouns if t.i < token.i]
        noun = earlier[-1] if earlier else (nouns[0] if nouns else None)
        if noun is not None:
            return self._organisation_phrase(noun, noun, noun.sent.end)
        if markers & lemmas:  # `За даними податківців` with no tax office named: the staff stand for it
            return self._new_organisation(self.doc[token.i:token.i + 1])
        return None

    def _document_owner(self, verb: Token, sentence: Span) -> Mention | None:
        """`Про це йдеться в матеріалі Оксани Коваленко на «Українській правді»`, `... в ухвалі
        Печерського райсуду`: whoever the document belongs to, the first person, organisation or
        outlet named after the impersonal verb."""
        rest = self.doc[verb.i + 1:sentence.end]
        named = [m for m in self.mentions if rest.start_char <= m.start < rest.end_char and m.actor
                 and m.label in ("PERS", "ORG")]
        outlet = next((o for o in self.outlets if rest.start_char <= o.start < rest.end_char), None)
        first = min([*named, *([outlet] if outlet else [])], key=lambda m: m.start, default=None)
        if first is not None:
            if first.label == "PERS" and self._authored(first):
                self.authors.append(first)  # `в матеріалі Оксани Коваленко`: later `журналіст` is she
            return self._speaking(first) if first is outlet else first
        nouns = set(self.cues.get("organisation_nouns", []))
        head = next((t for t in rest if t.pos_ == "NOUN" and (lemma_set(t.text, self.lang) | {t.lemma_}) & nouns), None)
        return self._organisation_phrase(head, verb, sentence.end) if head is not None else None

    def _document_source(self, verb: Token, sentence: Span) -> Mention | None:
        """`В ухвалі йдеться, що`: the body that issues the document named before the verb (the
        court the article named), if the lexicon knows who issues it."""
        for noun in reversed([t for t in self.doc[sentence.start:verb.i] if t.pos_ == "NOUN"]):
            found = self._as_written(noun, self._agency(noun))
            if found is not None:
                return found
        return None

    def _outlets(self, mentions: list[Mention]) -> list[Mention]:
        """Media outlets: the NER tags them as works (`ART`: `ZIK`, `«Слідство.Інфо»`). A name in
        quotation marks is the whole quoted span, also where the NER stopped at a line break."""
        outlets = []
        for mention in mentions:
            if mention.label != "ART":
                continue
            start, end = mention.start, mention.end
            around = next((q for q in self.quoted if q.start <= start < q.end), None)
            if around is not None and around.end - around.start < 60:
                start, end = around.start, around.end
            outlets.append(Mention(start, end, self.text[start:end], "ORG"))
        return outlets

    def _outlet_in(self, span: Span) -> Mention | None:
        """An outlet that starts in `span` (or whose quotation mark does), as a speaking organisation."""
        if not len(span):
            return None
        outlet = next((o for o in self.outlets if span.start_char <= o.start <= span.end_char), None)
        return self._speaking(outlet) if outlet is not None else None

    def _outlet_named_by(self, token: Token) -> Mention | None:
        """`за даними видання`, `пише газета`: the latest outlet named before."""
        lemmas = lemma_set(token.text, self.lang) | {token.lower_}
        if not lemmas & set(self.cues.get("outlet_nouns", [])):
            return None
        earlier = [o for o in self.outlets if o.end <= token.idx]
        return self._speaking(earlier[-1]) if earlier else None

    def _speaking(self, outlet: Mention) -> Mention:
        """The outlet as a speaker: the first time it speaks, it becomes a mention and actor."""
        if outlet.actor is None:
            actor = organisation_outside_kb(outlet.text, self.lang)
            outlet.actor = actor.id
            self.mentions.append(outlet)
            self.new_speakers.append((outlet, actor))
        return outlet
