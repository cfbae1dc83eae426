"""Parties a text names only by a common noun (`Поліція затримала`, `затримали громадянина`,
`окупанти`): the person or organisation named before with that noun, a side of the war, a knowledge-base
actor, or a new organisation actor of the reader's own."""

from __future__ import annotations

from spacy.tokens import Span, Token

from khronika.actors.kb import knowledge_base, lemma_set
from khronika.actors.link import organisation_outside_kb
from khronika.actors.names import full_forms, slug
from khronika.extraction.events.state import ReaderState
from khronika.language.morphology import analyzer
from khronika.model import Actor


class UnnamedParties(ReaderState):
    """A mixin of `_Reader` (reader.py): the actor a common noun stands for, added to the reader's
    `actors` and `new_actors` when it is a new one."""

    def _nominative_singular(self, words: Span, noun: Token) -> str | None:
        """`міського голови` -> `міський голова`: the head noun in the singular case the parser read,
        put in the nominative, and its adjectives agreeing with it."""
        case = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}.get(
            next(iter(noun.morph.get("Case")), ""))
        head = next((p for p in analyzer(self.lang).parse(noun.lower_) if p.tag.POS == "NOUN"
                     and p.tag.number != "plur" and p.tag.case == case and p.tag.gender), None)
        inflected = head.inflect({"nomn"}) if head is not None else None
        if inflected is None:
            return None
        out = []
        for token in words:
            if token.i == noun.i:
                out.append(inflected.word)
                continue
            adjective = next((p for p in analyzer(self.lang).parse(token.lower_) if p.tag.POS == "ADJF"
                              and p.tag.case == case and p.tag.gender == head.tag.gender), None)
            agreed = adjective.inflect({"nomn", head.tag.gender}) if adjective is not None else None
            if agreed is None and token.pos_ == "ADJ":
                return None  # `дніпропетровського`: one the dictionary cannot inflect; the phrase rule names it
            out.append(agreed.word if agreed is not None else token.lower_)
        return " ".join(out)

    def _can_be_animate(self, noun: Token) -> bool:
        """`розпорядження міського голови`: the dictionary has a person among the word's readings."""
        return any(p.tag.POS == "NOUN" and p.tag.animacy == "anim" for p in analyzer(self.lang).parse(noun.lower_))

    def _unnamed_agent(self, noun: Token, animate: bool = False) -> list[str]:
        """`Поліція затримала`, `Protesters rallied`: a subject no name covers is still the actor when it
        is an organisation noun or a group of people; it gets an actor of its own."""
        lemma = noun.lemma_.lower()
        if self._unknown_doer(noun):
            return self._generic_body(self.lex.unknown_doer_name)  # `її хтось зірвав`: persons unknown
        partitive = self._one_of(noun)
        if partitive:
            return partitive
        side = self._war_side(noun)
        if side:
            return side
        if noun.pos_ == "ADJ" and noun.dep_ != "amod":  # `відпустив підозрювану`: a participle for a person
            person = self._person_named_before(noun)
            return [person] if person is not None else []
        animate = animate or self._animate(noun)
        if not (noun.pos_ == "NOUN" or self._common_noun(noun)) or not (lemma in self.agent_nouns or animate):
            return []
        body = next((c for c in noun.rights if c.dep_ == "nmod" and c.lemma_.lower() in self.agent_nouns), None)
        if body is not None and animate:  # `Співробітники обласного управління`: the body acts
            noun = body
        elif animate:
            person = self._person_named_before(noun)
            if person is not None:
                return [person]
        earlier = self._named_before_by_head(noun) or self._police_before(noun)
        if earlier is not None:
            return [earlier]
        counted = self._counted(noun)
        if counted is not None:
            return [counted]
        if lemma in self.lex.court_nouns and not any(c.dep_ in ("amod", "nmod") for c in noun.children):
            # `Суд визнав недійсним договір. Про це свідчить постанова Вищого господарського суду.`
            court = self._court_next(noun.sent)
            if court:
                return court
        if not animate and lemma in self.lex.party_nouns:  # not `суд`, which the text names in full anyway
            noun = self._described_before(noun) or noun
        words = [t for t in noun.lefts if t.dep_ in ("amod", "compound") and t.i >= noun.i - 2] + [noun]
        tail = [t for t in noun.rights if t.dep_ in ("nmod", "amod", "flat", "flat:name") and t.i <= noun.i + 3
                and not self._preposition(t) and not any(w.like_num for w in t.subtree)]  # not `13 листопада`
        end = max([noun.i, *(t.right_edge.i for t in tail if t.right_edge.i <= noun.i + 4)])
        phrase = self.doc[words[0].i:end + 1].text
        actor = organisation_outside_kb(phrase, self.lang)
        if self.lang != "en" and "Sing" in noun.morph.get("Number") and "Nom" not in noun.morph.get("Case") \
                and not actor.in_kb:
            # `міського голови` is `міський голова`, not the plural the first dictionary reading gives
            native = self._nominative_singular(self.doc[words[0].i:noun.i + 1], noun)
            if native:
                native = full_forms(native + self.doc[noun.i:end + 1].text[len(noun.text):], self.lang)
                native = native[:1].upper() + native[1:]
                actor = Actor(f"kh:org:{slug(native)}", native, "ORG", {self.lang: native})
        return [self._register(actor)]

    def _unknown_doer(self, word: Token) -> bool:
        """`її хтось зірвав`, `Невідомі пошкодили` (the parser may read it as a predicate): a subject
        that names no one."""
        return bool({word.lower_, word.lemma_.lower()} & self.lex.unknown_doers) and (
            word.dep_.startswith("nsubj") or word.i < word.head.i and "Nom" in word.morph.get("Case"))

    def _one_of(self, word: Token) -> list[str]:
        """`один з гостей вдарив його`: one of a group, named as the text names them; one of the
        enemy (`один з бойовиків`) is the enemy."""
        if word.lemma_.lower() not in self.lex.partitive_words:
            return []
        group = next((c for c in word.children if c.dep_ == "nmod" and c.pos_ in ("NOUN", "ADJ")
                      and self._preposition(c) in self.lex.partitive_preps and self._animate(c)), None)
        if group is None:
            return []
        return self._war_side(group) or [self._written_actor(self.doc[word.i:group.i + 1].text)]

    def _written_actor(self, phrase: str) -> str:
        """A party named by words kept as written (`12 осіб`, `один з гостей`)."""
        name = phrase[:1].upper() + phrase[1:]
        return self._register(Actor(f"kh:org:{slug(phrase)}", name, "ORG", {self.lang: phrase}))

    def _register(self, actor: Actor) -> str:
        """An actor the reader made for a party the linker gave none: kept (the first made under its id)
        among the article's actors and the ones the reader adds."""
        self.new_actors.setdefault(actor.id, actor)
        self.actors.setdefault(actor.id, actor)
        return actor.id

    def _counted(self, noun: Token) -> str | None:
        """`12 осіб заарештовано`: a group given by a count in figures keeps it, as event data names it;
        the words stay as written (a figure does not inflect, and the noun's case is the count's)."""
        count = next((t for t in noun.lefts if t.dep_ in ("nummod", "nummod:gov") and t.text.isdigit()), None)
        if count is None or "Plur" not in noun.morph.get("Number"):
            return None
        words = [t for t in noun.lefts if t.i >= count.i and t.dep_ in ("amod", "nummod", "nummod:gov")] + [noun]
        return self._written_actor(" ".join(t.text for t in words))

    def _police_before(self, noun: Token) -> str | None:
        """`Працівники міліції встановили` after `Співробітники обласного управління внутрішніх справ
        затримали`: a bare word for the police is the police body the article named or had act last."""
        words = [noun, *(c for c in noun.rights if c.dep_ == "nmod" and c.i <= noun.i + 2)]  # `працівники міліції`
        if not any(w.lemma_.lower() in self.lex.police_nouns for w in words):
            return None
        found = self._latest_party(noun, lambda m: self._police_body(m.text), self._police_actor)
        return found[0] if found else None

    def _police_actor(self, actor_id: str) -> bool:
        actor = self.actors.get(actor_id)
        return actor is not None and self._police_body(actor.names.get(self.lang, actor.name))

    def _police_body(self, name: str) -> bool:
        lowered = name.lower()
        return any(mark in lowered for mark in self.lex.police_marks)

    def _described_before(self, noun: Token) -> Token | None:
        """`У фонді закликають владу` after `Коломийська влада в особі міського голови`: a bare body
        noun stands for the same noun that an earlier sentence told with its adjectives, the latest one."""
        if self.lang == "en" or not self.parsed or any(
                c.dep_ in ("amod", "nmod", "compound", "flat", "flat:name") for c in noun.children):
            return None
        lemma = noun.lemma_.lower()
        for token in reversed(self.doc[:noun.sent.start]):
            if token.lemma_.lower() == lemma and token.pos_ == "NOUN" \
                    and any(c.dep_ == "amod" and c.i < token.i for c in token.children):
                return token
        return None

    def _generic_body(self, name: str | None) -> list[str]:
        """A body the act itself implies (`взяли під варту`: a court) when the text names none."""
        if not name:
            return []
        actor = organisation_outside_kb(name, self.lang)
        self._register(actor)
        if not any(m.actor == actor.id for m in self.mentions):
            self.inferred.add(actor.id)
        return [actor.id]

    def _war_side(self, noun: Token) -> list[str]:
        """`окупанти`, `бойовики`, `ворожа група`: the other side of the war as the Ukrainian press names
        it; `наші військові`: the press's own side (outside anyone's quoted words)."""
        if noun.pos_ not in ("NOUN", "PROPN") or not (self.lex.enemy_side or self.lex.own_side):
            return []
        words = {noun.lemma_.lower(), noun.lower_}
        adjectives = {x for c in noun.children if c.dep_ == "amod" for x in (c.lemma_.lower(), c.lower_)}
        owned = any(c.dep_ == "nmod" and self._preposition(c) is None and not any(  # not `кілька разів`
            g.dep_.startswith(("det:num", "nummod")) for g in c.children) for c in noun.children)
        if self.lex.enemy_side and (words & self.lex.enemy_nouns and not owned  # not `противники незалежності`
                                    or adjectives & self.lex.enemy_adjectives):
            return self._kb_actor(self.lex.enemy_side)
        if self.lex.own_side and self._quote_at(noun) is None and any(
                c.dep_ == "det" and c.lemma_.lower() in self.lex.own_marks for c in noun.children) \
                and (self._animate(noun) or noun.lemma_.lower() in self.agent_nouns):
            return self._kb_actor(self.lex.own_side)
        return []

    def _kb_actor(self, actor_id: str) -> list[str]:
        if actor_id not in self.actors:
            entry = knowledge_base().entries.get(actor_id)
            if entry is None:
                return []
            names = entry.names.get(self.lang) or [entry.name]
            actor = Actor(entry.id, entry.name, entry.type, {self.lang: names[0]}, country=entry.country,
                          wikidata=entry.wikidata, in_kb=True)
            self.new_actors[actor.id] = actor
            self.actors[actor.id] = actor
        return [actor_id]

    def _animate(self, noun: Token) -> bool:
        """A person noun; the dictionary is asked too, since the parser's animacy often slips
        (`громадянина` read as inanimate)."""
        if self.lang == "en":  # no animacy in the English model: a plural person noun from the lexicon
            return noun.tag_ in ("NNS", "NNPS") and (noun.lemma_.lower() in self.lex.person_nouns
                                                     or noun.text[:1].isupper() and noun.i > noun.sent.start)
        if "Anim" in noun.morph.get("Animacy"):
            return True
        parses = [p for p in analyzer(self.lang).parse(noun.lower_) if p.tag.POS == "NOUN"]
        return bool(parses) and all(p.tag.animacy == "anim" for p in parses)

    def _named_before_by_head(self, noun: Token) -> str | None:
        """`Суд наклав арешт` after `Печерський районний суд`: the latest organisation named before
        with the same head word."""
        if self.lang == "en":
            return None
        lemmas = lemma_set(noun.text, self.lang) | {noun.lemma_.lower()}
        earlier = [m for m in self.mentions if m.end <= noun.idx and m.label == "ORG"
                   and any(lemmas & lemma_set(w, self.lang) for w in m.text.split())
                   and self._qualifiers_fit(noun, m.text)]
        return earlier[-1].actor if earlier else None

    def _qualifiers_fit(self, noun: Token, name: str) -> bool:
        """`суд першої інстанції`, `апеляційний суд` after `Вищий господарський суд`: a noun with words
        of its own that the earlier name lacks is another body (a court of another instance)."""
        words = self._name_words(name)
        own = [c for c in noun.children if c.dep_ in ("amod", "nmod") and self._preposition(c) is None
               and c.pos_ in ("ADJ", "NOUN") and c.i < noun.i + 3 and c.idx >= noun.sent.start_char]
        return all({c.lemma_.lower(), c.lower_} & words for c in own)
