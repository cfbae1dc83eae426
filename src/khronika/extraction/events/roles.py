"""Roles of an event: actor and recipient."""

from __future__ import annotations

from spacy.tokens import Span, Token

from khronika.actors.kb import knowledge_base, lemma_set
from khronika.actors.link import organisation_outside_kb
from khronika.actors.names import full_forms, slug
from khronika.extraction.events.lexicon import (
    CLAUSE_DEPS,
    COORDINATION,
    DIRECTED,
    OBJECT_DEPS,
    SOURCE_NOUNS,
    Entry,
)
from khronika.language.morphology import analyzer
from khronika.model import Actor


class Roles:
    """Who acts and who is acted on: the actor and recipient of a trigger, read from the parse,
    case and prepositions, the lexicon's word lists, and the events told just before. A mixin of
    `_Reader` (reader.py), whose state (`doc`, `lex`, `by_token`, `mentions`, `actors`, `events`...) it reads."""

    def _actor(self, head: Token, trigger: Token, sentence: Span, speaker: str | None) -> list[str]:
        if self._passive(head):  # `скоординована з Україною`, said by Blinken: his side did it
            return self._passive_agent(head) or self._marked_agent(trigger, sentence) or \
                ([speaker] if speaker is not None and self._quote_at(trigger) is not None else [])
        for child in head.children if self.parsed else []:
            if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and not self._can_be_nominative(child):
                continue  # `Бережанській повідомили про підозру`: a dative the parser took for the subject
            if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") or (child.dep_ == "agent" and self.lang == "en") \
                    or self._misread_subject(child):
                found = self._participants(child, speaker)
                if found:
                    return found
                if speaker is not None and not self._names_someone(child) and self._animate(child) \
                        and child.lemma_.lower() not in self.agent_nouns:  # `суд`, said by a lawyer, is the court
                    return [speaker]  # `дипломати добиватимуться` in Putin's words: his side acts
                unnamed = self._unnamed_agent(child)
                if unnamed:
                    return unnamed
        shared = self._shared_subject(head, speaker)
        if shared:
            return shared
        marked = self._marked_agent(trigger, sentence)
        if marked:
            return marked
        located = self._located(head)
        if located:
            return located
        if not self.parsed or not any(c.dep_.startswith("nsubj") for c in head.children):
            before = self._nominative_before(head, sentence)
            if before:
                return before
        if not self.parsed:  # `Полиция задержала`: an unnamed subject noun right before the verb
            noun = self._noun_before(head, sentence)
            if noun is not None:
                return self._unnamed_agent(noun)
        if speaker is not None and self._quote_at(trigger) is not None:
            return [speaker]
        return []

    def _misread_subject(self, token: Token) -> bool:
        """`Прикордонники 13 листопада затримали ... громадянина`: a nominative before the verb, agreeing
        with it, that the parser took for a second object."""
        verb = token.head
        if not self.parsed or self.lang == "en" or token.dep_ != "obj" or token.i > verb.i \
                or any(c.dep_.startswith("nsubj") for c in verb.children):
            return False
        number = verb.morph.get("Number")
        # `Прокурор це клопотання підтримав`: two objects, one of which only a nominative can be
        if not number or number != token.morph.get("Number"):
            return False
        return "Nom" in token.morph.get("Case") and any(c.dep_ == "obj" and c.i > verb.i for c in verb.children) \
            or self._nominative_only(token) and any(c.dep_ == "obj" and c.i != token.i for c in verb.children)

    def _shared_subject(self, verb: Token, speaker: str | None) -> list[str]:
        """`Слідчі провели обшуки та наклали арешт`: a coordinated verb without a subject of its own
        shares the subject of the verb it is coordinated with."""
        if not self.parsed or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "ADJ") \
                or any(c.dep_.startswith("nsubj") for c in verb.children) or self._passive(verb.head):
            return []
        return self._actor(verb.head, verb.head, verb.sent, speaker)

    def _passive(self, verb: Token) -> bool:
        """`Філіпчук був затриманий`, `12 осіб заарештовано`, `protesters were arrested`: the subject,
        if there is one, is the party acted upon, not the actor."""
        if not self.parsed:
            return False
        if self.lang == "en":  # `is opposed to`, `is committed to`: a stance of the subject, not a passive
            return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and not any(
                (c.dep_ == "prep" and c.lower_ == "to") or c.dep_ == "xcomp" for c in verb.children)
        return "Pass" in verb.morph.get("Voice") or "0" in verb.morph.get("Person") \
            or self._describing_participle(verb) or verb.lemma_.lower() in self.lex.reflexive_passives

    def _impersonal(self, verb: Token) -> bool:
        """`Мусаєву затримали`, `Відкрито провадження`: no subject, so the doer is one named before."""
        if self._passive(verb):
            return True
        if not self.parsed or self.lang == "en" or any(c.dep_.startswith("nsubj") and self._can_be_nominative(c)
                                                       for c in verb.children):
            return False  # `Бережанській повідомили`: a dative taken for the subject leaves it impersonal
        return "Plur" in verb.morph.get("Number") and "Fin" in verb.morph.get("VerbForm") \
            and "1" not in verb.morph.get("Person") and "2" not in verb.morph.get("Person")

    def _to_court(self, trigger: Token, entry: Entry) -> bool:
        return bool((set(self._lemmas(trigger)) | set(entry.needs) | {trigger.lower_}) & self.lex.addressed_to_court)

    def _two_sides(self, trigger: Token, actor: list[str]) -> tuple[list[str], list[str]]:
        """`переговори лідерів Азербайджану та Вірменії`: a meeting or pact names both its sides among its
        own words; one is the actor, the other the recipient (the manual codes reciprocal events both ways)."""
        named: list[str] = []
        for token in trigger.subtree:
            if token.i <= trigger.i or token.i > trigger.i + 10:
                continue
            mention = self.by_token.get(token.i)
            if mention is not None and mention.actor not in named and self._preposition_before(token) in (
                    None, "між", "з", "із", "зі", "с", "between", "with"):
                named.append(mention.actor)
        sides = list(actor)
        for x in named:
            if not sides:
                sides = [x]
            elif not self.sides.same_any(x, sides):
                return sides, [x]
        return actor, []

    def _sides_in_order(self, trigger: Token, sentence: Span, recipient: list[str]) -> tuple[list[str], list[str]]:
        """`прошли переговоры министра России Сергея Лаврова и министра Украины Дмитрия Кулебы`, with
        no parse: the parties named after a meeting's trigger, in order, are its two sides."""
        named: list[str] = []
        for token in self.doc[trigger.i + 1:sentence.end]:
            if token.text in (".", ";", ":", "—", "–"):
                break
            mention = self.by_token.get(token.i)
            if mention is not None and mention.actor not in named:
                named.append(mention.actor)
        first = next(iter(named), None)
        other = next((x for x in named if first is not None and not self.sides.same(x, first)), None)
        if first is None or other is None:
            return [], recipient
        return [first], [other]

    def _addressee(self, trigger: Token, entry: Entry) -> list[str]:
        """`Обвинувачений клопотав про звільнення`: a motion goes to the court, and `визнав вину` is a
        confession to the authority handling the case, when the text does not say to whom."""
        words = set(self._lemmas(trigger)) | set(entry.needs) | {trigger.lower_}
        if words & self.lex.addressed_to_court:
            return self._earlier_institution(trigger, self.lex.court_nouns)
        if words & self.lex.addressed_to_authority and (entry.cue.split()[0] in words or set(entry.needs) & words):
            return self._earlier_institution(trigger)
        return []

    def _earlier_institution(self, trigger: Token, kinds: frozenset[str] | None = None) -> list[str]:
        """The authority named or acting last in the article (`Суд наклав арешт ... Конфіскували
        техніку`): courts, police and prosecutors keep acting until the text names another; a firm
        named in between (`провадження проти ТОВ «Альфа»`) is not one."""
        named = [(m.end, [m.actor]) for m in self.mentions if m.end <= trigger.idx and m.label == "ORG"
                 and self._authority(m.text, kinds)]
        # a court inferred from an act (`взяли під варту`) was never named: it does not go on acting
        acted = [(f.trigger.idx, [x for x in f.actor if self._institution(x, kinds) and x not in self.inferred])
                 for f in self.events if f.trigger.i < trigger.i]
        latest = max([(at, ids) for at, ids in named + acted if ids], default=None, key=lambda pair: pair[0])
        return latest[1] if latest else []

    def _authority(self, text: str, kinds: frozenset[str] | None = None) -> bool:
        """`Прокуратура Херсонської області`, `СБУ`: a body that can act on a person, not a firm."""
        words = {x for w in text.split() for x in lemma_set(w, self.lang)} | {w.lower() for w in text.split()}
        return bool(words & (kinds or self.lex.authority_nouns))

    def _institution(self, actor_id: str, kinds: frozenset[str] | None = None) -> bool:
        actor = self.actors.get(actor_id)
        return actor is not None and actor.type == "ORG" and self._authority(actor.names.get(self.lang, actor.name),
                                                                               kinds)

    def _passive_agent(self, verb: Token) -> list[str]:
        """`затриманий поліцією`, `arrested by the police`: the instrumental or `by` phrase acts."""
        for child in verb.children:
            if self.lang == "en" and child.dep_ == "agent":
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif self.lang != "en" and child.dep_ in ("obl", "obl:agent") and "Ins" in child.morph.get("Case") \
                    and self._preposition(child) is None:
                target = child
            else:
                continue
            if target is not None:
                found = self._participants(target, None) or self._unnamed_agent(target)
                if found:
                    return found
        return []

    def _noun_before(self, verb: Token, sentence: Span) -> Token | None:
        for token in reversed(self.doc[max(sentence.start, verb.i - 3):verb.i]):
            if token.is_punct:
                return None
            if token.pos_ == "NOUN" and "Nom" in token.morph.get("Case"):
                return token
        return None

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
            out.append(agreed.word if agreed is not None else token.lower_)
        return " ".join(out)

    def _can_be_animate(self, noun: Token) -> bool:
        """`розпорядження міського голови`: the dictionary has a person among the word's readings."""
        return any(p.tag.POS == "NOUN" and p.tag.animacy == "anim" for p in analyzer(self.lang).parse(noun.lower_))

    def _unnamed_agent(self, noun: Token, animate: bool = False) -> list[str]:
        """`Поліція затримала`, `Protesters rallied`: a subject no name covers is still the actor when it
        is an organisation noun or a group of people; it gets an actor of its own."""
        lemma = noun.lemma_.lower()
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
        earlier = self._named_before_by_head(noun)
        if earlier is not None:
            return [earlier]
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
        self.new_actors.setdefault(actor.id, actor)
        self.actors.setdefault(actor.id, actor)
        return [actor.id]

    def _generic_body(self, name: str | None) -> list[str]:
        """A body the act itself implies (`взяли під варту`: a court) when the text names none."""
        if not name:
            return []
        actor = organisation_outside_kb(name, self.lang)
        self.new_actors.setdefault(actor.id, actor)
        self.actors.setdefault(actor.id, actor)
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

    def _governing_subject(self, pronoun: Token) -> list[str]:
        verb = pronoun.head
        if not self.parsed or verb.dep_ != "ccomp":
            return []
        for child in verb.head.children:
            if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and child.i != pronoun.i and \
                    child.lower_ not in self.lex.person_pronouns | self.lex.group_pronouns:
                return self._participants(child, None)
        return []

    def _named_before_by_head(self, noun: Token) -> str | None:
        """`Суд наклав арешт` after `Печерський районний суд`: the latest organisation named before
        with the same head word."""
        if self.lang == "en":
            return None
        lemmas = lemma_set(noun.text, self.lang) | {noun.lemma_.lower()}
        earlier = [m for m in self.mentions if m.end <= noun.idx and m.label == "ORG"
                   and any(lemmas & lemma_set(w, self.lang) for w in m.text.split())]
        return earlier[-1].actor if earlier else None

    def _names_someone(self, token: Token) -> bool:
        return token.pos_ == "PROPN" or token.lower_ in self.lex.person_pronouns

    def _participants(self, token: Token, speaker: str | None, modifiers: bool = True) -> list[str]:
        """The actors a noun phrase names: itself, the genitive it governs (`країни ЄС`), and what is
        coordinated with it (`США та НАТО`)."""
        if token.lower_ in self.lex.speaker_pronouns:
            return [speaker] if speaker else []
        reflexive = self._reflexive(token, speaker)
        if reflexive is not None:
            return reflexive
        if token.lower_ in self.lex.person_pronouns or token.lower_ in self.lex.group_pronouns:
            governing = self._governing_subject(token)
            if governing:
                return governing  # `Syria says it will not accept`: the one who says it
            person = self._last_person(token) if token.lower_ in self.lex.person_pronouns else None
            return [person] if person else []
        found = self._named_in(token, modifiers)
        for conj in (c for c in token.children if c.dep_ in COORDINATION):
            found += [x for x in self._named_in(conj, modifiers) if x not in found]
        return found

    def _named_in(self, token: Token, modifiers: bool = True) -> list[str]:
        mention = self.by_token.get(token.i)
        if mention is not None and mention.actor.startswith("kh:") and self._war_side(token):
            return self._war_side(token)  # `Окупанти кілька разів` taken for a name: the enemy
        if mention is not None:
            return [mention.actor]
        if token.lemma_.lower() in self.lex.resident_nouns | self.lex.opponent_nouns:
            # `громадянина Канади`, `противники української незалежності`: not Canada, not Ukraine
            return []
        if self.lang != "en" and token.pos_ == "NOUN" and self._animate(token):
            # `директора фірми «УПС» Тараса Палія`: the person named, not the firm they run
            person = next((self.by_token[t.i] for t in token.subtree if t.i > token.i and t.i in self.by_token
                           and self.by_token[t.i].label in ("PERS", "PER") and t.i <= token.i + 6), None)
            if person is not None:
                return [person.actor]
        for child in token.children:  # the first named genitive dependent: `керівництво Росії`
            if child.dep_ in ("nmod", "nmod:poss", "poss", "compound", "amod", "flat", "flat:title", "appos") \
                    and child.i in self.by_token and self._owned(child):
                return self._war_side(child) or [self.by_token[child.i].actor]  # `обстріл з боку НЗФ`
        for child in token.children:
            if child.dep_ == "nmod" and self._owned(child):
                deeper = self._named_in(child, modifiers)
                if deeper:
                    return deeper
        owner = self._pronoun_owner(token)  # `блокувати її роботу`
        if owner:
            return owner
        return self._modifying(token) if modifiers else []

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

    def _marked_agent(self, trigger: Token, sentence: Span) -> list[str]:
        """`обстріл з боку бойовиків`: the party named after an agent marker near the trigger."""
        words = [t.lower_ for t in sentence]
        for marker in self.lex.agent_markers:
            parts = marker.split()
            for k in range(len(words) - len(parts) + 1):
                start = sentence.start + k
                if words[k:k + len(parts)] != parts or abs(start - trigger.i) > 8 or \
                        (self.lang == "en" and start < trigger.i):
                    continue
                for token in self.doc[start + len(parts):min(start + len(parts) + 4, sentence.end)]:
                    mention = self.by_token.get(token.i) or self.modifiers.get(token.i)
                    if mention is not None:  # `з боку НЗФ` taken for a name: the enemy
                        return self._war_side(token) if mention.actor.startswith("kh:") and self._war_side(token) \
                            else [mention.actor]
                    if token.pos_ == "NOUN":
                        return self._unnamed_agent(token)
        return []

    def _located(self, verb: Token) -> list[str]:
        """`в Альянсі вимагають`: the organisation an impersonal plural speaks for."""
        if not self.lex.located_preps or "Plur" not in verb.morph.get("Number"):
            return []
        for token in self.doc[max(verb.sent.start, verb.i - 6):verb.i]:
            if token.lower_ in self.lex.located_preps and token.i + 1 < verb.i:
                mention = self.by_token.get(token.i + 1) or self.by_token.get(min(token.i + 2, verb.i - 1))
                if mention is not None and mention.label == "ORG":
                    return [mention.actor]
        return []

    def _nominative_before(self, verb: Token, sentence: Span) -> list[str]:
        start = sentence.start
        for token in self.doc[sentence.start:verb.i]:
            if token.text in (":",) or token.lower_ in ("що", "что", "that"):
                start = token.i + 1
        for token in reversed(self.doc[start:verb.i]):
            mention = self.by_token.get(token.i)
            if mention is not None and self._nominative_token(token) and self._can_be_nominative(token):
                if self._inside_prepositional(token, start):
                    continue
                return [mention.actor]
        return []

    def _inside_prepositional(self, token: Token, floor: int) -> bool:
        preps = set(self.lex.recipient_preps) | set(self.lex.located_preps)
        for back in range(token.i - 1, max(floor, token.i - 4) - 1, -1):
            word = self.doc[back]
            if word.lower_ in preps:
                return True
            if word.pos_ not in ("ADJ", "PROPN", "NOUN", "DET", "NUM") or word.is_punct:
                break
        return False

    def _can_be_nominative(self, token: Token) -> bool:
        if self.lang == "en" or token.pos_ not in ("NOUN", "PROPN"):
            return True
        return any(p.tag.case == "nomn" for p in analyzer(self.lang).parse(token.lower_)) or not \
            any(p.tag.case for p in analyzer(self.lang).parse(token.lower_))

    def _nominative_token(self, token: Token) -> bool:
        if self.lang == "en":
            return True
        cases = token.morph.get("Case")
        if cases:
            return "Nom" in cases
        return any(p.tag.case == "nomn" for p in analyzer(self.lang).parse(token.lower_))

    def _recipient(self, trigger: Token, sentence: Span, actor: list[str]) -> list[str]:
        candidates = self._parsed_recipients(trigger) if self.parsed else []
        challenged = self._challenged(trigger)
        if challenged:
            candidates.insert(0, challenged)
        if self._describing_participle(trigger):  # `Філіпчуку, затриманому за вимагання`: the one acted upon
            candidates.insert(0, self._described(trigger))
        if not self.parsed or trigger.pos_ not in ("VERB", "AUX"):
            # the words after the trigger: no parse, or a misread one (`привіз` tagged a noun)
            end = trigger.right_edge.i + 1 if self.parsed else sentence.end
            candidates += self._recipients_by_case(trigger, self.doc[sentence.start:max(end, trigger.i + 1)])
        candidates.append(self._owner(trigger))
        for group in candidates:
            group = [x for x in group if not self.sides.same_any(x, actor)]
            if group:
                return group
        return []

    def _owner(self, trigger: Token) -> list[str]:
        """`наклав арешт на будинок, що належить голові профспілки Філіпчуку`: when no party is acted on,
        the owner of the thing acted on is."""
        if not self.parsed:
            return []
        for token in trigger.subtree:
            if token.i > trigger.i and token.lemma_.lower() in self.lex.owner_verbs:
                for child in token.children:
                    if child.dep_ in OBJECT_DEPS and self._preposition(child) in (None, "to"):
                        found = self._participants(self._prepositional_object(child), None, modifiers=False)
                        if found:
                            return found
        return []

    def _describing_participle(self, trigger: Token) -> bool:
        """A passive participle that describes a noun: the parser's voice, or the dictionary's
        participle endings where the parser gives none."""
        if not self.parsed or self.lang == "en" or trigger.pos_ != "ADJ" or trigger.dep_ not in ("amod", "acl"):
            return False
        return "Pass" in trigger.morph.get("Voice") or any(
            "pssv" in p.tag for p in analyzer(self.lang).parse(trigger.lower_))

    def _described(self, participle: Token) -> list[str]:
        """The party a participle phrase is set after (`голові профспілки Дмитру Філіпчуку, затриманому`):
        the name right before its comma, which the parser may have hung elsewhere; else its head."""
        before = participle.i - 1
        while before > participle.sent.start and self.doc[before].is_punct:
            before -= 1
        mention = self.by_token.get(before)
        if mention is not None and before < participle.i - 1:
            return [mention.actor]
        return self._participants(participle.head, None, modifiers=False)

    def _challenged(self, trigger: Token) -> list[str]:
        """`звернувся до суду з позовом про визнання нечинним розпорядження міського голови`: the one
        whose act a claim challenges is its recipient; the court only hears it."""
        if not self.parsed or not self.lex.lawsuit_words:
            return []
        words = sorted(trigger.subtree, key=lambda t: t.i)
        claim = next((t for t in words if t.lemma_.lower() in self.lex.lawsuit_words
                      or t.lower_ in self.lex.lawsuit_words), None)
        about = next((t for t in words if claim is not None and t.i > claim.i and self._preposition(t) == "про"), None)
        if about is None:
            return []
        for token in self.doc[about.i + 1:about.right_edge.i + 1]:
            if token.dep_ != "case" and self._preposition(token) is not None:
                break  # `щодо перейменування вулиці`: what the act is about, not who made it
            if token.pos_ not in ("NOUN", "PROPN") or "Gen" not in token.morph.get("Case"):
                continue
            found = self._participants(token, None, modifiers=False)
            if not found and token.pos_ == "NOUN" and (self._animate(token) or self._can_be_animate(token)
                                                       or token.lemma_.lower() in self.agent_nouns):
                found = self._unnamed_agent(token, animate=True)
            if found:
                return found
        return []

    def _parsed_recipients(self, trigger: Token) -> list[list[str]]:
        direct, prepositional, owned, unnamed = [], [], [], []
        passive = self._passive(trigger)
        for child in trigger.children:
            if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and (passive or not self._can_be_nominative(child)):
                # a dative or accusative read as the subject, or the subject of a passive
                direct.append(self._participants(child, None, modifiers=False))
                unnamed.append(self._unnamed_recipient(child))
                continue
            if passive and child.dep_ == "agent":
                continue
            if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "xcomp", "ccomp") or child.dep_ in CLAUSE_DEPS \
                    or self._misread_subject(child):
                continue
            if child.dep_ not in OBJECT_DEPS:
                continue
            prep = self._preposition(child)
            if prep is None and child.dep_ in ("obj", "iobj", "dobj", "dative"):
                direct.append(self._participants(child, None))
                unnamed.append(self._unnamed_recipient(child, owner=True))
                for grandchild in child.children:  # `imposed sanctions on Belarus`
                    deeper = self._preposition(grandchild)
                    if deeper is not None and self._fits_preposition(deeper, grandchild):
                        target = self._prepositional_object(grandchild)
                        prepositional.append(self._participants(target, None, modifiers=False))
            elif prep is not None:
                if self._fits_preposition(prep, child) and child.lemma_.lower() not in self.lex.beneficiary_nouns:
                    # `у Мінську` is a place, `на користь міськради` one who gains: neither is the recipient
                    target = self._prepositional_object(child)
                    prepositional.append(self._participants(target, None, modifiers=False))
                    unnamed.append(self._unnamed_recipient(target))
                for stray in self._stray_objects(child):
                    direct.append(self._participants(stray, None))
                    unnamed.append(self._unnamed_recipient(stray))
            else:
                owned.append(self._participants(child, None))
        complements = [c for c in trigger.children if c.dep_ == "xcomp"]
        later = [g for c in complements for g in self._parsed_recipients(c)] if complements else []
        # `demanded that the US cancel the sale`: the one asked to act is the subject of what is asked
        later += [self._participants(s, None) for c in trigger.children if c.dep_ == "ccomp"
                  for s in c.children if s.dep_ == "nsubj"]
        # `agreed to provide aid for Romania`: what the complement does, after the trigger's own words;
        # a party the text names only by a common noun (`затримали громадянина`) comes last
        return [g for g in direct + prepositional + owned + later + unnamed if g]

    def _stray_objects(self, phrase: Token) -> list[Token]:
        """`звільнив від відповідальності інженера`, `у задоволенні позову прокуратурі відмовив`: an object
        the parser hung under the prepositional phrase before it; a dative, or a person that can be
        accusative, is no genitive modifier of that phrase but the verb's own object."""
        if self.lang == "en" or phrase.lemma_.lower() in SOURCE_NOUNS:  # `За версією правоохоронців`: a source
            return []
        found = []
        for token in phrase.subtree:
            if token.i == phrase.i or token.dep_ != "nmod" or token.pos_ not in ("NOUN", "PROPN") \
                    or self._preposition(token) is not None or token.head.dep_ not in ("nmod", "obl") \
                    or not (token.head.i == phrase.i or token.head.head.i == phrase.i):
                continue
            cases = {p.tag.case for p in analyzer(self.lang).parse(token.lower_)}
            # a locative needs a preposition: without one, `прокуратурі` is a dative
            if "nomn" not in cases and ("Dat" in token.morph.get("Case") or "datv" in cases and "gent" not in cases
                                        or self._animate(token) and "accs" in cases):
                found.append(token)
        return found[:1]

    def _unnamed_recipient(self, noun: Token, owner: bool = False) -> list[str]:
        """`затримали громадянина Канади`, `відмовив прокуратурі`: an unnamed person or body acted
        upon. English has no animacy to tell `protesters` from `sanctions`: only party nouns count."""
        if self.lang == "en" and noun.lemma_.lower() not in self.agent_nouns:
            return []
        found = self._unnamed_agent(noun)
        if found or self.lang == "en" or not owner:
            return found
        # `відмовився задовольнити позов військової прокуратури`: the owner of the claim acted upon
        owners = [c for c in noun.children if c.dep_ == "nmod" and self._preposition(c) is None]
        return next((x for x in (self._unnamed_agent(c) for c in owners) if x), [])

    def _prepositional_object(self, token: Token) -> Token:
        if self.lang != "en":
            return token
        return next((c for c in token.children if c.dep_ == "pobj"), token)

    def _preposition(self, token: Token) -> str | None:
        if self.lang == "en":
            return token.lower_ if token.dep_ in ("prep", "dative") and token.pos_ == "ADP" else None
        for child in token.children:
            if child.dep_ == "case":
                two = f"{child.lower_} {self.doc[child.i + 1].lower_}" if child.i + 1 < len(self.doc) else ""
                return two if two in self.lex.recipient_preps else child.lower_
        return None

    def _fits_preposition(self, prep: str, noun: Token) -> bool:
        case = self.lex.recipient_preps.get(prep)
        if case is None:
            return False
        return not case or not noun.morph.get("Case") or case in noun.morph.get("Case")

    def _recipients_by_case(self, trigger: Token, sentence: Span) -> list[list[str]]:
        """Without a parse: the named words after the trigger in its clause, an accusative or
        dative first, then those after a preposition the lexicon lists."""
        marked: list[list[str]] = []
        other: list[list[str]] = []
        for token in self.doc[trigger.i + 1:sentence.end]:
            if token.text in (";", ":") or token.lower_ in ("що", "что", "which", "that"):
                break
            mention = self.by_token.get(token.i)
            if mention is None or any(mention.actor in g for g in marked + other):
                continue
            cases = set(token.morph.get("Case"))
            prep = self._preposition_before(token)
            if prep in self.lex.recipient_preps or (prep is None and cases & {"Acc", "Dat"}):
                marked.append([mention.actor])
            elif prep is None and (not cases or "Gen" in cases):
                other.append([mention.actor])  # `відповідь Вашингтона щодо вимог Москви`: an owner, the weakest sign
        return marked + other

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

    def _actor_from_context(self, sentence: Span, previous: Span | None, speaker: str | None,
                            category: str | None = None) -> list[str]:
        """`Москву закликають до деескалації` after `Боррель відповів...`: the actor of the event
        just told, in this sentence or the one before; else the speaker whose words these are. A court
        that just ruled does not go on to suspect or charge: that is the police's or prosecution's."""
        for found in reversed(self.events):
            if found.sentence.start == sentence.start or (previous is not None
                                                          and found.sentence.start == previous.start):
                if category == "ACCUSE" and any(self._institution(x, self.lex.court_nouns) for x in found.actor) \
                        or any(x in self.inferred for x in found.actor):
                    return []  # nor does a court the text never named
                return list(found.actor)
        return [speaker] if speaker else []

    def _recipient_from_context(self, category: str, actor: list[str], sentence: Span,
                                previous: Span | None) -> list[str]:
        if category not in DIRECTED:
            return []
        for found in reversed(self.events):  # `Росіяни вимагали ...` after `Росія передала США ...`
            if found.recipient and self.sides.same_any_list(found.actor, actor) and (
                    found.sentence.start == sentence.start
                    or (previous is not None and found.sentence.start == previous.start)):
                return list(found.recipient)
        if category != "ACCUSE" or previous is None:
            return []
        # `Путін прокоментував відповідь НАТО та США. Він поскаржився, що ...`: those just named
        named = []
        for token in previous:
            mention = self.by_token.get(token.i)
            if mention is not None and mention.actor not in named and not self.sides.same_any(mention.actor, actor):
                named.append(mention.actor)
        return named[-2:] if len(named) <= 2 else []


def _infinitive_complement(token: Token) -> bool:
    """`наміру йти`, `від Росії вивести`: an infinitive that completes a noun, not a clause of its own."""
    return token.dep_ == "acl" and "Inf" in token.morph.get("VerbForm")
