"""The actor of a trigger: its subject (or one the parser misread as an object), the subject it
shares with a coordinated verb, the agent of a passive (`затриманий поліцією`) or an agent marker
(`з боку бойовиків`), the organisation an impersonal plural speaks for (`в Альянсі вимагають`), a
nominative before the verb when there is no parse, and the authority named or acting last in the
article."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from khronika.actors.kb import lemma_set
from khronika.extraction.events.state import ReaderState
from khronika.language.morphology import analyzer

if TYPE_CHECKING:
    from khronika.model import Mention


class ActorRoles(ReaderState):
    """A mixin of `_Reader` (reader.py): who acts. It reads the reader's state (`doc`, `lex`,
    `by_token`, `mentions`, `actors`, `events`...)."""

    def _actor(self, head: Token, trigger: Token, sentence: Span, speaker: str | None) -> list[str]:
        if self._passive(head):  # `скоординована з Україною`, said by Blinken: his side did it
            return self._passive_agent(head) or self._marked_agent(trigger, sentence) or \
                ([speaker] if speaker is not None and self._quote_at(trigger) is not None else [])
        for child in head.children if self.parsed else []:
            if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and not self._can_be_nominative(child):
                continue  # `Бережанській повідомили про підозру`: a dative the parser took for the subject
            if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") or (child.dep_ == "agent" and self.lang == "en") \
                    or self._misread_subject(child) or self._unknown_doer(child):
                found = self._participants(child, speaker)
                if found:
                    return found
                if speaker is not None and not self._names_someone(child) and self._animate(child) \
                        and child.lemma_.lower() not in self.agent_nouns:  # `суд`, said by a lawyer, is the court
                    return [speaker]  # `дипломати добиватимуться` in Putin's words: his side acts
                unnamed = self._unnamed_agent(self._antecedent(child) or child)
                if unnamed:
                    return unnamed
        described = self._described_noun(head) or self._stance_bearer(head)
        if described is not None:
            found = self._participants(described, speaker) or self._unnamed_agent(described)
            if found:
                return found
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
        if speaker is not None and self._quote_at(trigger) is not None and not self._they(head):
            return [speaker]
        return []

    def _they(self, verb: Token) -> bool:
        """`мене затримали` in a witness's words: a plural verb with no subject done to the speaker is
        what others did to them (`закликають` alone speaks for the speaker's side)."""
        return self.parsed and self.lang != "en" and "Plur" in verb.morph.get("Number") \
            and not {"1", "2"} & set(verb.morph.get("Person")) \
            and any(c.dep_ in ("obj", "iobj", "obl") and c.lower_ in self.lex.speaker_pronouns for c in verb.children)

    def _misread_subject(self, token: Token) -> bool:
        """`Прикордонники 13 листопада затримали ... громадянина`: a nominative agreeing with the verb
        that the parser took for a second object (or, after the verb, for its only one)."""
        verb = token.head
        if not self.parsed or self.lang == "en" or token.dep_ != "obj" \
                or any(c.dep_.startswith("nsubj") for c in verb.children):
            return False
        if self._relative_clause(verb) and any(c.dep_ == "obj" and "Rel" in c.morph.get("PronType") and c.i != token.i
                                               for c in verb.children):
            # `угоду, яку підписала більшість фракцій`: `яку` is the object, so the other is the subject
            return self._can_be_nominative(token)
        number = verb.morph.get("Number")
        # `Прокурор це клопотання підтримав`: two objects, one of which only a nominative can be
        if not number or number != token.morph.get("Number"):
            return False
        if token.i > verb.i:  # `На його захист виступила Нацгвардія`: a subject after its verb
            return self._agrees_in_gender(token, verb) and "Nom" in token.morph.get("Case") \
                and self._nominative_only(token)
        return "Nom" in token.morph.get("Case") and any(c.dep_ == "obj" and c.i > verb.i for c in verb.children) \
            or self._nominative_only(token) and any(c.dep_ == "obj" and c.i != token.i for c in verb.children)

    def _described_noun(self, verb: Token) -> Token | None:
        """`владу, яка відмовляється виплачувати`: a clause on a noun opened by a nominative relative
        pronoun (which the parser may hang on another verb) has that noun for its subject."""
        if not self.parsed or verb.dep_ not in ("acl", "acl:relcl", "relcl") or verb.head.i >= verb.i \
                or any(c.dep_.startswith("nsubj") for c in verb.children):
            return None
        opener = next((t for t in self.doc[verb.head.i + 1:verb.i] if "Rel" in t.morph.get("PronType")), None)
        return verb.head if opener is not None and "Nom" in opener.morph.get("Case") else None

    def _stance_bearer(self, adjective: Token) -> Token | None:
        """`селян, невдоволених порушенням прав`: the peasants are the displeased ones."""
        if not self.parsed or adjective.dep_ not in ("amod", "acl") or not self._stance(adjective) \
                or adjective.head.i == adjective.i:
            return None
        return adjective.head

    def _agrees_in_gender(self, noun: Token, verb: Token) -> bool:
        """A past-tense verb shows its subject's gender (`виступила` a feminine noun)."""
        gender = verb.morph.get("Gender")
        return bool(gender) and gender == noun.morph.get("Gender")

    def _shared_subject(self, verb: Token, speaker: str | None) -> list[str]:
        """`Слідчі провели обшуки та наклали арешт`: a coordinated verb without a subject of its own
        shares the subject of the verb it is coordinated with."""
        if not self.parsed or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "ADJ") \
                or any(c.dep_.startswith("nsubj") for c in verb.children) or self._passive(verb.head):
            return []
        if "Plur" in verb.morph.get("Number") and "Sing" in verb.head.morph.get("Number"):
            return []  # `Поїхав Петро ..., а 29 серпня мене заарештували`: a plural verb has a subject of its own
        return self._actor(verb.head, verb.head, verb.sent, speaker)

    def _passive(self, verb: Token) -> bool:
        """`Філіпчук був затриманий`, `12 осіб заарештовано`, `protesters were arrested`: the subject,
        if there is one, is the party acted upon, not the actor."""
        if not self.parsed:
            return False
        if self.lang == "en":  # `is opposed to`, `is committed to`: a stance of the subject, not a passive
            return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and not any(
                (c.dep_ == "prep" and c.lower_ == "to") or c.dep_ == "xcomp" for c in verb.children)
        if self._stance(verb):  # `мешканці незадоволені`: the residents hold the stance
            return False
        return "Pass" in verb.morph.get("Voice") or "0" in verb.morph.get("Person") \
            or self._describing_participle(verb) or verb.lemma_.lower() in self.lex.reflexive_passives \
            or self._participle_with_agent(verb) or self._impersonal_form(verb)

    def _impersonal_form(self, verb: Token) -> bool:
        """`Відкрито кримінальне провадження` with `відкрито` tagged an adverb: a `-но/-то` form that
        comes from a verb is the impersonal passive."""
        return verb.pos_ == "ADV" and verb.lower_.endswith(("но", "то")) \
            and any(v in self.lex.heads for v in self._participle_verbs([verb.lower_]))

    def _participle_with_agent(self, verb: Token) -> bool:
        """`Підтриманий Адміністрацією Президента проект`: a passive participle with a bare
        instrumental is a passive whatever the parser labelled it; the instrumental acts."""
        if verb.pos_ != "ADJ" or not self._passive_participle(verb):
            return False
        return any(c.dep_ in ("obl", "obl:agent") and "Ins" in c.morph.get("Case") and self._preposition(c) is None
                   for c in verb.children)

    def _impersonal(self, verb: Token) -> bool:
        """`Мусаєву затримали`, `Відкрито провадження`: no subject, so the doer is one named before."""
        if self._passive(verb):
            return True
        if not self.parsed or self.lang == "en" or any(c.dep_.startswith("nsubj") and self._can_be_nominative(c)
                                                       for c in verb.children):
            return False  # `Бережанській повідомили`: a dative taken for the subject leaves it impersonal
        return "Plur" in verb.morph.get("Number") and "Fin" in verb.morph.get("VerbForm") \
            and "1" not in verb.morph.get("Person") and "2" not in verb.morph.get("Person")

    def _earlier_institution(self, trigger: Token, kinds: frozenset[str] | None = None) -> list[str]:
        """The authority named or acting last in the article (`Суд наклав арешт ... Конфіскували
        техніку`): courts, police and prosecutors keep acting until the text names another; a firm
        named in between (`провадження проти ТОВ «Альфа»`) is not one."""
        # a court inferred from an act (`взяли під варту`) was never named: it does not go on acting
        return self._latest_party(trigger, lambda m: self._authority(m.text, kinds),
                                  lambda x: self._institution(x, kinds) and x not in self.inferred)

    def _latest_party(self, before: Token, named: Callable[[Mention], bool], acts: Callable[[str], bool]) -> list[str]:
        """The organisation named (`named` picks the mention) or acting (`acts` picks the actor) last
        before a token: the actors of that one mention or event."""
        mentions = [(m.end, [m.actor]) for m in self.mentions if m.end <= before.idx and m.label == "ORG" and named(m)]
        actors = [(f.trigger.idx, [x for x in f.actor if acts(x)]) for f in self.events if f.trigger.i < before.i]
        latest = max([(at, ids) for at, ids in mentions + actors if ids], default=None, key=lambda pair: pair[0])
        return latest[1] if latest else []

    def _authority(self, text: str, kinds: frozenset[str] | None = None) -> bool:
        """`Прокуратура Херсонської області`, `СБУ`: a body that can act on a person, not a firm."""
        return bool(self._name_words(text) & (kinds or self.lex.authority_nouns))

    def _name_words(self, name: str) -> set[str]:
        """The words of a name, as written (lower-cased) and as the dictionary's lemmas."""
        return {x for w in name.split() for x in lemma_set(w, self.lang)} | {w.lower() for w in name.split()}

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
        """`в Альянсі вимагають`, `заявили в МЗС`: the organisation an impersonal plural speaks for;
        `у Кремлі розраховували дискредитувати`: the one the verb an infinitive completes speaks for."""
        while self.parsed and verb.dep_ in ("xcomp", "conj") and "Inf" in verb.morph.get("VerbForm") \
                and verb.head.i != verb.i:
            verb = verb.head
        if not self.lex.located_preps or "Plur" not in verb.morph.get("Number"):
            return []
        after = self.doc[verb.i + 1:min(verb.i + 3, verb.sent.end)]
        for token in after:
            mention = self.by_token.get(token.i + 1)
            if token.lower_ in self.lex.located_preps and mention is not None and mention.label == "ORG" \
                    and token.i + 1 < verb.sent.end:
                return [mention.actor]
        for token in self.doc[max(verb.sent.start, verb.i - 6):verb.i]:
            if token.lower_ in self.lex.located_preps and token.i + 1 < verb.i:
                at = token.i + 1 if token.i + 1 in self.by_token else min(token.i + 2, verb.i - 1)
                mention = self.by_token.get(at)
                if mention is not None and (mention.label == "ORG" or mention.kind == "metonym"):
                    return [self._fuller_name(self.doc[at], mention)]  # `у Кремлі`: the seat for its power
                body = self.doc[token.i + 1]
                if mention is None and body.lemma_.lower() in self.agent_nouns and not self._animate(body):
                    return self._unnamed_agent(body)  # `У міністерстві незадоволені`: the ministry named before
        return []

    def _nominative_before(self, verb: Token, sentence: Span) -> list[str]:
        start = sentence.start
        for token in self.doc[sentence.start:verb.i]:
            if token.text in (":",) or token.lower_ in ("що", "что", "that"):
                start = token.i + 1
        for token in reversed(self.doc[start:verb.i]):
            mention = self.by_token.get(token.i)
            if mention is not None and self._nominative_token(token) and self._can_be_nominative(token):
                # `На свій захист Бережанська пояснила`: no preposition governs a nominative
                governed = self._inside_prepositional(token, start) and (
                    self.lang == "en" or not self._nominative_only(token))
                if governed or self._one_for_many(token, verb):
                    continue
                return [mention.actor]
        return []

    def _one_for_many(self, token: Token, verb: Token) -> bool:
        """`Поїхав Петро ..., а 29 серпня мене заарештували`: one person named alone is no subject of a
        plural verb."""
        return verb.pos_ == "VERB" and "Plur" in verb.morph.get("Number") and "Sing" in token.morph.get("Number") \
            and not any(c.dep_ == "conj" for c in token.children)

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
        # a reading with no case (`директор`, as the dictionary lists some lemmas) rules nothing out
        return any(p.tag.case in ("nomn", None) for p in analyzer(self.lang).parse(token.lower_))

    def _nominative_token(self, token: Token) -> bool:
        if self.lang == "en":
            return True
        cases = token.morph.get("Case")
        if cases:
            return "Nom" in cases
        return any(p.tag.case == "nomn" for p in analyzer(self.lang).parse(token.lower_))
