"""Events told by a noun (`обшуки в офісі фірми`, `протест шахтарів проти закриття шахти`,
`Суд призначив йому штраф`): when such a noun is an event at all, and its parties, read from its own
genitive, adjectives and prepositions and from the verb that carries it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from khronika.extraction.events.lexicon import SOURCE_NOUNS, Entry
from khronika.extraction.events.state import ReaderState

TOPIC_PREPS = {"про", "щодо", "стосовно", "відносно"}  # `закон про санкції`: what a word is about
CARRIED_DEPS = {"obj", "iobj", "obl", "nsubj", "nsubj:pass", "xcomp"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
GENITIVE_DEPS = {"nmod", "nmod:poss", "flat", "appos", "amod", "det"}
SENTENCE_ENDS = {".", "!", "?", "…", "...", '"', "»", ")", ":"}


class NounRoles(ReaderState):
    """A mixin of `_Reader`, beside the role mixins: the parties of an event noun."""

    def _noun_parties(self, noun: Token, entry: Entry, sentence: Span,
                      speaker: str | None) -> tuple[list[str], list[str], Token] | None:
        """Actor, recipient and the word whose subject acts (the carrying verb, else the noun) of an
        event noun; None when the noun only names the thing (a headline, a topic, no party, no verb
        that makes it happen)."""
        if not self.parsed or self._headline(sentence):
            return None
        carrier = self._carrier(noun)
        if self._topic(noun, carrier) or carrier is None and self._named_by_noun(noun):
            return None
        actor, recipient = self._own_parties(noun, entry, sentence, speaker, carrier)
        if carrier is None and not actor and not recipient:
            return None  # `санкції` named with no one imposing or suffering them
        actor, recipient = self._carried_parties(noun, carrier, actor, recipient, sentence, speaker)
        recipient = [x for x in recipient if not self.sides.same_any(x, actor)]
        return actor, recipient, carrier if carrier is not None else noun

    def _own_parties(self, noun: Token, entry: Entry, sentence: Span, speaker: str | None,
                     carrier: Token | None) -> tuple[list[str], list[str]]:
        """What the noun's own words name: an agent marker, a party adjective (`російські обстріли`), its
        genitive in the role the lexicon gives it, its prepositions."""
        owners = self._owners(noun, speaker)
        actor = self._marked_agent(noun, sentence) or self._modifying(noun)
        recipient: list[str] = []
        if entry.genitive == "recipient":
            recipient = owners
        elif entry.genitive == "sides" and len(owners) > 1:
            actor, recipient = actor or owners[:1], owners[1:]
        else:
            actor = actor or owners
        recipient = recipient or self._challenged(noun) or self._noun_objects(noun, entry, carrier)
        if noun.lemma_.lower() in self.lex.lawsuit_words:  # `позов до суду`: the court hears the claim
            recipient = [x for x in recipient if not self._institution(x, self.lex.court_nouns)]
        return actor, recipient

    def _carried_parties(self, noun: Token, carrier: Token | None, actor: list[str], recipient: list[str],
                         sentence: Span, speaker: str | None) -> tuple[list[str], list[str]]:
        """What the verb around the noun adds: its subject acts (`Слідчі провели обшуки`) or suffers
        (`Депутат отримав штраф`)."""
        if carrier is None:
            if not actor and noun.dep_ == "obj" and noun.head.pos_ == "VERB":
                actor = self._clause_subject(noun.head, speaker)
            return actor, recipient
        if not actor and self._carrier_acts(carrier):
            actor = self._actor(carrier, carrier, sentence, speaker)
        if not recipient and set(self._lemmas(carrier)) & self.lex.receiving_verbs:
            recipient = self._actor(carrier, carrier, sentence, speaker)
        return actor, recipient

    def _clause_subject(self, verb: Token, speaker: str | None) -> list[str]:
        """`Переговори з Україною він використовує для тиску`: who does something with an event (and is
        no trigger of its own, which would make the noun its content) takes part in it."""
        return [x for c in verb.children if c.dep_ in SUBJECT_DEPS for x in self._participants(c, speaker)]

    def _headline(self, sentence: Span) -> bool:
        """A title line: no closing punctuation, and a line break (or the text's end) right after it."""
        last = next((t for t in reversed(sentence) if not t.is_space), None)
        if last is None or last.text in SENTENCE_ENDS:
            return False
        rest = self.text[sentence.end_char:sentence.end_char + 3]
        return not rest.strip() or "\n" in rest

    def _carrier(self, noun: Token) -> Token | None:
        """`відбувся мітинг`, `отримав штраф`, `повідомили про підозру`: a verb that makes the noun happen."""
        if noun.dep_ == "nmod" and any(c.dep_.startswith("nummod") for c in noun.head.children):
            noun = noun.head  # `отримав 18 тис грн штрафу`: the sum stands for the noun
        head = noun.head
        if head.lemma_.lower() in self.lex.participation_nouns and head.head.pos_ in ("VERB", "ADV", "ADJ"):
            return head.head  # `беручи участь у протестах`
        if noun.dep_ not in CARRIED_DEPS or head.i == noun.i or head.pos_ not in ("VERB", "AUX", "ADJ", "ADV"):
            return None
        verbs = self.lex.noun_verbs | self.lex.happening_verbs | self.lex.receiving_verbs
        return head if set(self._lemmas(head)) & verbs else None

    def _carrier_acts(self, carrier: Token) -> bool:
        """The carrying verb's subject acts unless the noun is that subject (`відбувся мітинг`); the parser
        often reads the noun as the subject of a verb that does it (`Слідчі провели обшуки`)."""
        return not set(self._lemmas(carrier)) & (self.lex.happening_verbs | self.lex.receiving_verbs)

    def _named_by_noun(self, noun: Token) -> bool:
        """`версії масових заворушень`: an event noun that a source word names is a claim, not an event.
        (Every noun of another noun was tried too: `річниця депортації`; it cost more than it saved.)"""
        return noun.head.lemma_.lower() in SOURCE_NOUNS

    def _unreal(self, noun: Token) -> bool:
        """`річниці депортації`, `необхідність мобілізації`: an anniversary or a need, not the act itself."""
        return self.parsed and noun.pos_ == "NOUN" and noun.head.i != noun.i \
            and noun.head.lemma_.lower() in self.lex.unreal_heads

    def _topic(self, noun: Token, carrier: Token | None) -> bool:
        """`закон про санкції` (but `повідомили про підозру`), `за допомогою юристів`: what a word is
        about, or part of a preposition."""
        prep = self._preposition(noun)
        return prep in TOPIC_PREPS and carrier is None or f"{prep} {noun.lower_}" in self.lex.compound_prepositions

    def _owners(self, noun: Token, speaker: str | None, depth: int = 2) -> list[str]:
        """The parties the noun's bare genitive names (`затримання директора фірми`, `протест шахтарів`),
        down a chain of genitives (`демонстрації протесту кримських татар`); the people named before the
        place an adjective of theirs names."""
        for child in self._genitives(noun):
            found = self._bare_participants(child, speaker) or self._unnamed_recipient(child) \
                or (self._owners(child, speaker, depth - 1) if depth > 1 else []) or self._modifying(child)
            if found:
                return found
        return []

    def _bare_participants(self, token: Token, speaker: str | None) -> list[str]:
        """The parties a genitive names, leaving out those of its own prepositions (`протест студентів
        проти міністерства`, the parser hanging `проти` on `студентів`: the ministry is no protester)."""
        inside = {self.by_token[t.i].actor for c in token.children if self._preposition(c) is not None
                  for t in c.subtree if t.i in self.by_token}
        return [x for x in self._participants(token, speaker, modifiers=False) if x not in inside]

    def _genitives(self, noun: Token) -> list[Token]:
        found = []
        for child in noun.children:
            cases = child.morph.get("Case")
            if child.dep_ in GENITIVE_DEPS and self._preposition(child) is None and child.i not in self.modifiers \
                    and not self._timed(child) and (not cases or "Gen" in cases or child.i in self.by_token):
                found.append(child)
        return found

    def _timed(self, token: Token) -> bool:
        """`затримання 13 листопада`: a date, not a party."""
        return any(t.start <= token.idx < t.end for t in self.timexes)

    def _noun_objects(self, noun: Token, entry: Entry, carrier: Token | None) -> list[str]:
        """`санкції проти Росії`, `позов до міськради`, `допомога Україні`, `обшуки в офісі «Альфи»`."""
        marker_words = {w for m in self.lex.agent_markers for w in m.split()}
        words = list(noun.children)
        if carrier is not None:  # the parser often hangs the noun's phrase on its verb
            words += [c for c in carrier.children if self._preposition(c) in entry.at]
        elif noun.head.i != noun.i:  # or on the word above (`під час обшуку у приміщеннях фірми`)
            words += [c for c in noun.head.children if noun.i < c.i <= noun.i + 3 and self._preposition(c) in entry.at]
        for child in words:
            prep = self._preposition(child)
            if child.lower_ in marker_words or child.dep_ in ("case", "punct"):
                continue
            if prep in entry.at:
                found = [x for x in self._participants(child, None, modifiers=False)
                         if getattr(self.actors.get(x), "type", "LOC") != "LOC"] or self._unnamed_recipient(child)
            elif prep is not None and prep not in TOPIC_PREPS and self._fits_preposition(prep, child) \
                    or prep is None and "Dat" in child.morph.get("Case"):
                found = self._participants(child, None, modifiers=False) or self._unnamed_recipient(child)
            else:
                continue
            if found:
                return found
        return []
