"""The parties a noun phrase names (itself, its genitive, what is coordinated with it, its
adjectives, a pronoun's person) and the preposition governing a word: the helpers the actor,
recipient and context mixins share."""

from __future__ import annotations

from spacy.tokens import Token

from khronika.extraction.events.lexicon import COORDINATION
from khronika.extraction.events.state import ReaderState
from khronika.language.morphology import analyzer
from khronika.model import Mention


class Parties(ReaderState):
    """A mixin of `_Reader` (reader.py): the actors a phrase names."""

    def _governing_subject(self, pronoun: Token) -> list[str]:
        verb = pronoun.head
        if not self.parsed or verb.dep_ != "ccomp":
            return []
        for child in verb.head.children:
            if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and child.i != pronoun.i and \
                    child.lower_ not in self.lex.person_pronouns | self.lex.group_pronouns:
                return self._participants(child, None)
        return []

    def _introducer(self, token: Token) -> str | None:
        """`Баєв продовжує: «... 29 серпня мене заарештували»`: the person whose verb introduces the
        quotation marks a first-person word stands in."""
        if not self.parsed:
            return None
        before = self.doc[token.sent.start:token.i]
        opening = next((t.i for t in reversed(before) if t.text in ("«", "„")), None)  # `"` opens and closes
        if opening is None or any(t.text in ("»", "“", "”") for t in self.doc[opening:token.i]):
            return None
        for ancestor in token.ancestors:
            if ancestor.i < opening:
                subject = next((c for c in ancestor.children if c.dep_.startswith("nsubj")), None)
                if subject is None:
                    return None
                mention = self.by_token.get(subject.i)
                if mention is not None:
                    return mention.actor if mention.label in ("PERS", "PER") else None
                return self._surname_named_before(subject) if subject.pos_ == "PROPN" else None
        return None

    def _surname_named_before(self, word: Token) -> str | None:
        """`Баєв продовжує` after `Гомер Баєв`: a surname the tagger missed is the person named before with it."""
        lemmas = {word.lower_, word.lemma_.lower()}
        people = [m for m in self.mentions if m.end <= word.idx and m.label in ("PERS", "PER")
                  and lemmas & {w.lower() for w in m.text.split()}]
        return people[-1].actor if people else None

    def _names_someone(self, token: Token) -> bool:
        return token.pos_ == "PROPN" or token.lower_ in self.lex.person_pronouns

    def _participants(self, token: Token, speaker: str | None, modifiers: bool = True) -> list[str]:
        """The actors a noun phrase names: itself, the genitive it governs (`країни ЄС`), and what is
        coordinated with it (`США та НАТО`)."""
        token = self._antecedent(token) or token
        if token.lower_ in self.lex.speaker_pronouns:  # `мене заарештували` in a witness's words: the witness
            quote = self._quote_at(token) if speaker is None else None
            speaker = speaker or (quote.speaker if quote is not None else self._introducer(token))
            return [speaker] if speaker else []
        reflexive = self._reflexive(token, speaker)
        if reflexive is not None:
            return reflexive
        if token.lower_ in self.lex.person_pronouns or token.lower_ in self.lex.group_pronouns:
            governing = self._governing_subject(token)
            if governing:
                return governing  # `Syria says it will not accept`: the one who says it
            if token.lower_ in self.lex.group_pronouns:
                return self._continued_group(token)
            person = self._last_person(token)
            return [person] if person else []
        found = self._named_in(token, modifiers)
        for conj in (c for c in token.children if c.dep_ in COORDINATION):
            found += [x for x in self._named_in(conj, modifiers) if x not in found]
        return found

    def _with_coordinated(self, token: Token) -> list[str]:
        found = [self.by_token[token.i].actor]
        for conj in (c for c in token.children if c.dep_ in COORDINATION and c.i in self.by_token):
            if self.by_token[conj.i].actor not in found:
                found.append(self.by_token[conj.i].actor)
        return found

    def _antecedent(self, token: Token) -> Token | None:
        """`владу, яка відмовляється`: a relative pronoun stands for the noun its clause describes."""
        if not self.parsed or "Rel" not in token.morph.get("PronType") or token.head.i == token.i \
                or token.head.dep_ not in ("acl", "acl:relcl", "relcl") or token.head.head.i == token.head.i:
            return None
        return token.head.head

    def _named_in(self, token: Token, modifiers: bool = True) -> list[str]:
        mention = self.by_token.get(token.i)
        if mention is not None and mention.actor.startswith("kh:") and self._war_side(token):
            return self._war_side(token)  # `Окупанти кілька разів` taken for a name: the enemy
        if mention is not None:
            return [self._fuller_name(token, mention)]
        if token.lemma_.lower() in self.lex.resident_nouns | self.lex.opponent_nouns:
            # `громадянина Канади`, `противники української незалежності`: not Canada, not Ukraine
            return []
        if self.lang != "en" and token.pos_ == "NOUN" and self._animate(token):
            # `директора фірми «УПС» Тараса Палія`: the person named, not the firm they run
            person = next((self.by_token[t.i].actor for t in token.subtree if t.i > token.i and t.i in self.by_token
                           and self.by_token[t.i].label in ("PERS", "PER") and t.i <= token.i + 6), None)
            person = person or self._title_holder(token)
            if person is not None:
                return [person]
        for child in token.children:  # the first named genitive dependent: `керівництво Росії`
            if child.dep_ in ("nmod", "nmod:poss", "poss", "compound", "amod", "flat", "flat:title", "appos") \
                    and child.i in self.by_token and self._owned(child):
                # `обстріл з боку НЗФ`: the enemy; `представники Росії та України`: both
                return self._war_side(child) or self._with_coordinated(child)
        for child in token.children:
            if child.dep_ == "nmod" and self._owned(child):
                deeper = self._named_in(child, modifiers)
                if deeper:
                    return deeper
        owner = self._pronoun_owner(token)  # `блокувати її роботу`
        if owner:
            return owner
        return self._modifying(token) if modifiers else []

    def _fuller_name(self, token: Token, mention: Mention) -> str:
        """`У фонді закликають` after `Міжнародний благодійний фонд «Покуття»`: a lone common noun the
        tagger took for a name stands for the organisation named before with that head word."""
        if not mention.text.islower() or len(mention.text.split()) > 1 or not mention.actor.startswith("kh:"):
            return mention.actor
        return self._named_before_by_head(token) or mention.actor

    def _title_holder(self, title: Token) -> str | None:
        """`начальника відділу податків ДПІ у Деснянському районі Лесю Мусаєву`: a title's long chain
        of genitives ends in the name of the one who holds it, in the title's case (the parser often
        hangs that name elsewhere)."""
        cases = self._cases(title.lower_)
        for token in self.doc[title.i + 1:min(title.i + 40, title.sent.end)]:
            if token.pos_ in ("VERB", "AUX", "SCONJ", "PRON") or token.text in (";", ":", "—", "–", "(", ")"):
                return None
            mention = self.by_token.get(token.i)
            if mention is not None and mention.label in ("PERS", "PER"):
                return mention.actor if cases & self._cases(token.lower_) else None
        return None

    def _cases(self, word: str) -> set[str]:
        return {p.tag.case for p in analyzer(self.lang).parse(word) if p.tag.case}

    def _modifying(self, noun: Token) -> list[str]:
        """The parties named by the adjectives of a noun (`Hungarian and Romanian officials`)."""
        found: list[str] = []
        for child in noun.children:
            if child.dep_ not in ("amod", "compound", "nmod"):
                continue
            for word in [child, *(c for c in child.children if c.dep_ == "conj")]:
                mention = self.modifiers.get(word.i)
                if mention is not None and mention.actor not in found:
                    found.append(mention.actor)
        return found

    def _owned(self, token: Token) -> bool:
        """A dependent that stands for its head's owner or addressee (`вимоги Москви`, `санкції проти
        Росії`), not a place (`протестувальників у Мінську`)."""
        prep = self._preposition(token)
        return prep is None or prep in self.lex.recipient_preps

    def _preposition(self, token: Token) -> str | None:
        if self.lang == "en":
            return token.lower_ if token.dep_ in ("prep", "dative") and token.pos_ == "ADP" else None
        for child in token.children:
            if child.dep_ == "case":
                two = f"{child.lower_} {self.doc[child.i + 1].lower_}" if child.i + 1 < len(self.doc) else ""
                return two if two in self.lex.recipient_preps else child.lower_
        return None

    def _passive_participle(self, token: Token) -> bool:
        """The dictionary reads the word as a passive participle (`затриманому`, `підтриманий`)."""
        return any("pssv" in p.tag for p in analyzer(self.lang).parse(token.lower_))

    def _preposition_before(self, token: Token) -> str | None:
        """The preposition governing a name, reading back over its adjectives (`проти Білорусі`)."""
        for back in range(token.i - 1, max(token.sent.start, token.i - 4) - 1, -1):
            word = self.doc[back]
            if word.pos_ == "ADP":
                return word.lower_
            if word.pos_ not in ("ADJ", "PROPN", "NOUN", "DET", "NUM") or word.is_punct:
                return None
            if back < token.i - 1 and word.i not in self.by_token:
                return None
        return None


def _infinitive_complement(token: Token) -> bool:
    """`наміру йти`, `від Росії вивести`: an infinitive that completes a noun, not a clause of its own."""
    return token.dep_ == "acl" and "Inf" in token.morph.get("VerbForm")
