"""Who said it: the subject of a reporting verb, the speaker named in an attribution, and what
pronouns (`він`, `за її словами`) and person nouns (`художниця`, `журналіст`) refer back to."""

from __future__ import annotations

from spacy.tokens import Span, Token

from khronika.actors.kb import lemma_set
from khronika.extraction.quotes.lexicon import UD_CASES, readings
from khronika.extraction.quotes.marks import DASHES, OPENING
from khronika.model import Mention


class Speakers:
    """Speakers of reported and direct quotes, and the people the text has spoken of (`people`,
    the latest last). A mixin of `_Finder` (finder.py), whose state it reads and updates."""

    def _subject(self, verb: Token, sentence: Span | None) -> Mention | None:
        """Who said what a reporting verb reports: the organisation it speaks in (`в МВС заявили`),
        its parsed subject, the nearest nominative mention before it, an outlet before it, a
        mention, outlet or pronoun right after it, a common-noun subject, else the subject the
        text leaves unnamed."""
        located = self._located_source(verb)
        if located is not None:
            return located
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubj:pass"):
                if child.i > verb.i and child.pos_ == "NOUN":  # `ТД «Украгропром» повідомив держпідприємство`:
                    named = self._mention_before(verb, nominative=True, within=sentence)  # the object misparsed
                    if named is not None:
                        return named
                found = self._mention_at(child) or self._outlet_in(self.doc[child.i:child.i + 1]) \
                    or self._pronoun(self.doc[child.i:child.i + 1]) \
                    or self._named_by_head(child) or self._organisation_phrase(child, verb)
                if found is not None:
                    return found
                if child.i < verb.i and child.pos_ == "NOUN" and self._person_noun(child):
                    return None  # `Замовник зазначив`: a person noun the text does not resolve, not a name nearby
        before = self._mention_before(verb, nominative=True, within=sentence)
        if before is not None:
            return before
        start = sentence.start if sentence is not None else verb.sent.start
        outlet = self._outlet_in(self.doc[start:verb.i])  # `Також ZIK повідомив`
        if outlet is not None:
            return outlet
        window = []
        for token in self.doc[verb.i + 1:min(verb.i + 6, len(self.doc))]:
            if token.lower_ in self.cues["that"] or token.text in (",", ":", ".") or token.text in OPENING:
                break
            window.append(token)
        after = self._mention_in(self.doc[verb.i + 1:verb.i + 1 + len(window)]) if window else None
        after = after or self._outlet_in(self.doc[verb.i + 1:min(verb.i + 4, verb.sent.end)])
        found = after or self._pronoun(self.doc[max(verb.i - 3, 0):verb.i + 1 + len(window)])
        if found is None:  # a common-noun subject before the verb, or right after it
            start = within_start = sentence.start if sentence is not None else verb.sent.start
            nouns = [t for t in self.doc[start:verb.i] if t.pos_ == "NOUN" and self._may_be_nominative(t)]
            nouns += [t for t in window if t.pos_ == "NOUN" and "Nom" in t.morph.get("Case")]
            after_verb = [t for t in window if t.pos_ in ("NOUN", "PROPN") and "Nom" in t.morph.get("Case")]
            for noun in (nouns[-1:] if within_start < verb.i else []) + nouns[:1]:
                found = self._named_by_head(noun)
                if found is not None:
                    break
            if found is None and after_verb:  # `Про це повідомляє прес-служба обласної прокуратури`
                found = self._organisation_phrase(after_verb[0], verb, verb.i + 1 + len(window))
        return found or self._unnamed_subject(verb, sentence)

    def _unnamed_subject(self, verb: Token, sentence: Span | None) -> Mention | None:
        """`Він пиячить і відсидів, каже: «...»`: a subject pronoun earlier in the sentence; `Запевняє,
        що ...`: a singular verb with no subject at all goes on about the latest person of its gender."""
        start = sentence.start if sentence is not None else verb.sent.start
        before = self.doc[start:verb.i]
        pronoun = next((t for t in before if t.lower_ in self.cues.get("subject_pronouns", [])), None)
        if pronoun is not None:
            return self._pronoun(self.doc[pronoun.i:pronoun.i + 1])
        if "Plur" in verb.morph.get("Number") and "1" not in verb.morph.get("Person") \
                and not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in before):
            return self._group_before(verb)
        if "Sing" not in verb.morph.get("Number") or "1" in verb.morph.get("Person") \
                or any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in before):
            return None  # a noun before the verb may be its subject, misparsed
        gender = {"Fem": "femn", "Masc": "masc"}.get(next(iter(verb.morph.get("Gender")), ""))
        return self._person_of_gender(gender)

    def _group_before(self, verb: Token) -> Mention | None:
        """`Натомість повідомили, що ...` after `... – залізничники також відмовились`: a plural verb
        with no subject goes on about the plural subject of the sentence before, if that names a body."""
        start = verb.sent.start
        if start == 0:
            return None
        previous = self.doc[start - 1].sent
        while not previous.text.strip() and previous.start > 0:
            previous = self.doc[previous.start - 1].sent
        subjects = [t for t in previous if t.dep_ == "nsubj" and t.pos_ == "NOUN" and "Plur" in t.morph.get("Number")
                    and "Plur" in t.head.morph.get("Number") and t.head.pos_ == "VERB"]
        if not subjects:
            return None
        subject = subjects[-1]
        found = self._agency(subject)
        return self._as_written(subject, found) if found is not None else None

    def _speaker_after(self, verb: Token, limit: int) -> Mention | None:
        """Who speaks in `– каже X`, `– розповідає директор «Глибокої» Шаміль Мамлєєв`, `– нагадав
        суд`: a person named in the attribution (over the organisation that qualifies them), a
        pronoun, an organisation, else a noun subject; never a name inside the quote itself."""
        end = verb.i + 1
        while end < len(self.doc) and self.doc[end].idx < limit and end - verb.i <= 14 \
                and self.doc[end].text not in (".", "!", "?", ";") and self.doc[end].text not in DASHES:
            end += 1
        clause = self.doc[verb.i + 1:end]
        inside = [m for m in self.mentions if clause.start_char <= m.start < clause.end_char and m.actor] \
            if len(clause) else []
        person = next((m for m in inside if m.label == "PERS"), None)
        found = person or self._pronoun(clause[:3]) or self._mention_in(clause)
        if found is not None:
            return found
        noun = next((t for t in clause[:3] if t.pos_ in ("NOUN", "PROPN")), None)
        if noun is None:
            return None
        return self._named_by_head(noun) or self._organisation_phrase(noun, verb, end)

    def _may_be_nominative(self, token: Token) -> bool:
        """Nominative by the parse, or by the dictionary where the parser chose an equal form
        (`сайт ... заявляє`: masculine inanimate accusative)."""
        cases = set(token.morph.get("Case"))
        if "Nom" in cases:
            return True
        parses = readings(token.text, self.lang)
        if cases - {"Acc", "Voc"} and any(p.tag.case in {UD_CASES.get(c) for c in cases} for p in parses):
            return False  # a genitive that could be a nominative plural (`мерії`) stays genitive
        # `Відповідні документи прокурор пообіцяв`: a case the word cannot have is the parser's slip
        return any(p.tag.case == "nomn" for p in parses)

    def _named_by_head(self, token: Token) -> Mention | None:
        """A subject that is a common noun (`Суд зазначив`, `прес-служба прокуратури повідомила`):
        the organisation in its genitive dependents, else the latest organisation or person named
        before whose name has the same head word (`суд` -> `Вищий господарський суд`)."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        phrase = self._own_words(token)
        inside = [m for m in (self._mention_at(d) for d in phrase) if m is not None]
        # `Депутат міськради Олег Савченко`: the named person speaks; `Заступник голови РДА`: a person
        # noun is not the organisation it works for
        person = next((m for m in inside if m.label == "PERS"), None)
        if person is not None or self._person_noun(token):
            return person or self._as_written(token, self._referent(token))
        named = next((m for m in inside if m.label == "ORG"), None)
        noun = next((d for d in phrase if self._organisation_noun(d)), None)
        if noun is not None and (named is None or noun.idx < named.start):
            # `сайт Департаменту економіки мерії заявляє`: the department, the nearer body
            return self._organisation_phrase(noun, token, token.sent.end)
        if named is not None:
            return named
        return self._as_written(token, self._referent(token))

    def _own_words(self, token: Token) -> list[Token]:
        """The noun's dependents up to the first punctuation mark either side: a parser may hang the
        next clause's subject on it (`Як зазначає видання, Андрій Артеменко ...`)."""
        words = [d for d in token.subtree if d.i != token.i]
        return [d for d in words if not any(t.is_punct and t.text not in OPENING and t.text not in OPENING.values()
                                            for t in self.doc[min(d.i, token.i):max(d.i, token.i)])]

    def _referent(self, token: Token) -> Mention | None:
        """Whom a common noun refers back to: the latest actor named with the same head word
        (`суд` -> `Вищий господарський суд`), the body behind an investigation, the outlet named
        before, or for a person noun the person the text is about."""
        lemmas = lemma_set(token.text, self.lang)
        earlier = [m for m in self.mentions if m.end <= token.idx and m.actor and m.label in ("ORG", "PERS")
                   and any(lemmas & lemma_set(w, self.lang) for w in m.text.split())]
        if earlier:
            return earlier[-1]
        body = self._agency(token) or self._outlet_named_by(token)
        if body is not None:
            return body
        if self._person_noun(token):
            gender = self._noun_gender(token)
            introduced, latest = self._introduced_as(token), self._person_of_gender(gender)
            if introduced is not None and gender is not None and latest is not None and latest.start > introduced.end:
                return latest  # `розповідає художниця` about the woman the text has gone on to, not one named long ago
            return introduced or self._author(token) or self._person_of_gender(gender)
        return None

    def _remember_main_person(self, sentence: Span) -> None:
        """Keep track of whom the text speaks about: the sentence's main subject, else the last
        person it names in the nominative."""
        people = [m for m in self.mentions if sentence.start_char <= m.start < sentence.end_char
                  and m.label == "PERS" and m.actor and self._nominative(m)]
        subject = self._main_subject(sentence)
        if subject is not None or people:
            self._remember(subject or people[-1])

    def _main_subject(self, sentence: Span) -> Mention | None:
        """The person the sentence is about: the subject of its main clause, named (`Олена
        Шемякіна каже`) or a person noun that introduced a name before (`Вітчим - людина ..., на
        печінці - святий Миколай` after `вітчим Юрій Ісиков`)."""
        subject = next((t for t in sentence.root.children if t.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
            return None
        named = self._mention_at(subject)
        if named is not None:
            return named if named.label == "PERS" else None
        return self._introduced_as(subject) if self._person_noun(subject) else None  # `Вітчим` may be PROPN

    @property
    def last_person(self) -> Mention | None:
        return self.people[-1] if self.people else None

    def _remember(self, person: Mention) -> None:
        self.people.append(person)

    def _pronoun(self, span: Span) -> Mention | None:
        """The person the first speaker pronoun in the span (`він`, `її`) stands for, by its gender."""
        for token in span:
            gender = self.cues["pronouns"].get(token.lower_)
            if gender is not None:
                return self._as_written(token, self._person_of_gender(gender))
        return None

    def _person_of_gender(self, gender: str | None) -> Mention | None:
        """The latest person of this gender (`вона` after `дружина Олена ... Андрій`), none if the
        text has spoken of no one of it; an unknown gender takes the latest person."""
        if gender == "plur":
            return None  # `вони`: a group, not the one person the text spoke of last
        if gender in ("masc", "femn"):
            return next((p for p in reversed(self.people) if self._mention_gender(p) in (None, gender)), None)
        return self.last_person

    def _mention_gender(self, mention: Mention) -> str | None:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        title = self._titled_by(span) if span is not None else None
        genders = set((title or span[0]).morph.get("Gender")) if span is not None else set()
        if genders == {"Fem"}:
            return "femn"
        return "masc" if genders == {"Masc"} else None

    def _person_noun(self, token: Token) -> bool:
        """Animate by the parse or, where the parser slipped (`прокурор` read as inanimate), by every
        reading in the dictionary."""
        if self._organisation_role(token):
            return False  # `Замовник зазначив`: the procuring body, not a person
        if "Anim" in token.morph.get("Animacy"):
            return True
        nouns = [p for p in readings(token.text, self.lang) if p.tag.POS == "NOUN"]
        return bool(nouns) and all("anim" in p.tag.grammemes for p in nouns)

    def _noun_gender(self, token: Token) -> str | None:
        """A feminine person noun (`художниця`) is a woman; a masculine one may be anyone."""
        return "femn" if "Fem" in token.morph.get("Gender") else None

    def _introduced_as(self, token: Token) -> Mention | None:
        """`Режисер сказав` after `вистава режисера Романа Мархоліа`: the person the text named
        right after the same person noun."""
        lemmas = lemma_set(token.text, self.lang) | {token.lower_}
        for mention in reversed([m for m in self.mentions if m.end <= token.idx and m.label == "PERS" and m.actor]):
            before = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if before is not None and before.start > 0:
                word = self.doc[before.start - 1]
                if lemmas & (lemma_set(word.text, self.lang) | {word.lower_}):
                    return mention
        return None

    def _authored(self, person: Mention) -> bool:
        """The person's name follows a word for written material (`матеріалі Оксани Коваленко`)."""
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None or span.start == 0:
            return False
        word = self.doc[span.start - 1]
        return bool((lemma_set(word.text, self.lang) | {word.lower_}) & set(self.cues.get("author_works", [])))

    def _author(self, token: Token) -> Mention | None:
        """`– пише журналіст` in an article that retells `матеріал Оксани Коваленко`: its author."""
        lemmas = lemma_set(token.text, self.lang) | {token.lower_}
        if not self.authors or not lemmas & set(self.cues.get("author_nouns", [])):
            return None
        return self.authors[-1]

    def _as_written(self, token: Token, referent: Mention | None) -> Mention | None:
        """The speaker as the text names it here (`він`, `суд`, `журналіст`), standing for the actor
        it refers to."""
        if referent is None:
            return None
        return Mention(token.idx, token.idx + len(token.text), token.text, referent.label, referent.actor)
