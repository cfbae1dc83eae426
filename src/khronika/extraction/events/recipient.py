"""The recipient of a trigger: its objects and the parties after a preposition the lexicon lists
(in the case it needs), read from the parse or, without one, from case; the one a participle
describes, whose act a claim challenges, or who owns the thing acted on; and the court or authority a
motion or confession goes to when the text names none."""

from __future__ import annotations

from spacy.tokens import Span, Token

from khronika.extraction.events.lexicon import CLAUSE_DEPS, OBJECT_DEPS, SOURCE_NOUNS, Entry
from khronika.extraction.events.state import ReaderState
from khronika.language.morphology import analyzer


class RecipientRoles(ReaderState):
    """A mixin of `_Reader` (reader.py): who is acted on."""

    def _to_court(self, trigger: Token, entry: Entry) -> bool:
        return bool((self._act_words(trigger, entry) | {trigger.lower_}) & self.lex.addressed_to_court)

    def _addressee(self, trigger: Token, entry: Entry) -> list[str]:
        """`Обвинувачений клопотав про звільнення`: a motion goes to the court, and `визнав вину` is a
        confession to the authority handling the case, when the text does not say to whom."""
        words = self._act_words(trigger, entry) | {trigger.lower_}
        if words & self.lex.addressed_to_court:
            return self._earlier_institution(trigger, self.lex.court_nouns)
        if words & self.lex.addressed_to_authority and (entry.cue.split()[0] in words or set(entry.needs) & words):
            return self._earlier_institution(trigger)
        return []

    def _recipient(self, trigger: Token, sentence: Span, actor: list[str]) -> list[str]:
        candidates = self._parsed_recipients(trigger) if self.parsed else []
        challenged = self._challenged(trigger)
        if challenged:
            candidates.insert(0, challenged)
        if self._describing_participle(trigger):  # `Філіпчуку, затриманому за вимагання`: the one acted upon
            candidates.insert(0, self._described(trigger))
        candidates.insert(0, self._shared_passive_subject(trigger))
        if not self.parsed or trigger.pos_ not in ("VERB", "AUX"):
            # the words after the trigger: no parse, or a misread one (`привіз` tagged a noun)
            end = trigger.right_edge.i + 1 if self.parsed else sentence.end
            candidates += self._recipients_by_case(trigger, self.doc[sentence.start:max(end, trigger.i + 1)])
        candidates.append(self._owner(trigger))
        candidates.append(self._author(trigger))
        for group in candidates:
            group = [x for x in group if not self.sides.same_any(x, actor)]
            if group:
                return group
        return []

    def _shared_passive_subject(self, trigger: Token) -> list[str]:
        """`Щекун пережив катування та був звільнений через обмін`: a passive coordinated with a verb,
        with no subject of its own, is done to that verb's subject."""
        if not self.parsed or trigger.dep_ != "conj" or not self._passive(trigger) \
                or any(c.dep_.startswith("nsubj") for c in trigger.children):
            return []
        return [x for c in trigger.head.children if c.dep_ in ("nsubj", "nsubj:pass")
                for x in self._participants(c, None)]

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

    def _author(self, trigger: Token) -> list[str]:
        """`погодились на пам'ятник, запропонований громадою`: when no party is acted on, the one who
        proposed or made the thing acted on (the agent of a passive participle on it) is."""
        if not self.parsed or self.lang == "en":
            return []
        for token in trigger.subtree:
            if token.i > trigger.i and token.pos_ == "ADJ" and token.dep_ in ("amod", "acl") \
                    and self._passive_participle(token):
                found = self._passive_agent(token)
                if found:
                    return found
        return []

    def _describing_participle(self, trigger: Token) -> bool:
        """A passive participle that describes a noun: the parser's voice, or the dictionary's
        participle endings where the parser gives none."""
        if not self.parsed or self.lang == "en" or trigger.pos_ != "ADJ" or trigger.dep_ not in ("amod", "acl") \
                or self._stance(trigger):
            return False
        return "Pass" in trigger.morph.get("Voice") or self._passive_participle(trigger)

    def _stance(self, adjective: Token) -> bool:
        """`селян, невдоволених порушенням прав`: an adjective of a stance names its bearer's act,
        whatever participle form it has."""
        return bool(set(self._lemmas(adjective)) & self.lex.stance_adjectives)

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
        about = next((t for t in words if claim is not None and t.i > claim.i and self._challenges(t)), None)
        if about is None:
            return []
        for token in self.doc[about.i + 1:about.right_edge.i + 1]:
            if token.dep_ != "case" and self._preposition(token) is not None:
                break  # `щодо перейменування вулиці`: what the act is about, not who made it
            if token.pos_ not in ("NOUN", "PROPN") or "Gen" not in token.morph.get("Case"):
                continue
            found = self._participants(token, None, modifiers=False)
            if not found and token.lemma_.lower() in self.lex.court_nouns:  # `рішення госпсуду`: the court named last
                found = self._earlier_institution(token, self.lex.court_nouns)
            if not found and token.pos_ == "NOUN" and (self._animate(token) or self._can_be_animate(token)
                                                       or token.lemma_.lower() in self.agent_nouns):
                found = self._unnamed_agent(token, animate=True)
            if found:
                return found
        return []

    def _challenges(self, token: Token) -> bool:
        """What a claim is about (`позов про визнання нечинним`), or the ruling it appeals against
        (`апеляцію на рішення госпсуду`): its owner is the one challenged."""
        prep = self._preposition(token)
        return prep == "про" or prep == "на" and token.lemma_.lower() in self.lex.ruling_nouns

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
                    elif self._instrumental_act(grandchild):  # `висловила невдоволення рішенням влади`
                        prepositional.append(self._participants(grandchild, None, modifiers=False))
                        unnamed.append(self._unnamed_recipient(grandchild, owner=True))
            elif prep is not None:
                if (self._fits_preposition(prep, child) or self._taken_from(trigger, prep, child)) \
                        and child.lemma_.lower() not in self.lex.beneficiary_nouns:
                    # `у Мінську` is a place, `на користь міськради` one who gains: neither is the recipient
                    target = self._prepositional_object(child)
                    prepositional.append(self._participants(target, None, modifiers=False))
                    unnamed.append(self._unnamed_recipient(target))
                for stray in self._stray_objects(child):
                    direct.append(self._participants(stray, None))
                    unnamed.append(self._unnamed_recipient(stray))
            else:
                owned.append(self._participants(child, None))
                if not passive and self._instrumental_act(child):
                    unnamed.append(self._unnamed_recipient(child, owner=True))
        complements = [c for c in trigger.children if c.dep_ == "xcomp"]
        later = [g for c in complements for g in self._parsed_recipients(c)] if complements else []
        # `demanded that the US cancel the sale`: the one asked to act is the subject of what is asked
        later += [self._participants(s, None) or self._unnamed_recipient(s) for c in trigger.children
                  if c.dep_ == "ccomp" or self._wish_clause(c) for s in c.children if s.dep_ == "nsubj"]
        # `agreed to provide aid for Romania`: what the complement does, after the trigger's own words;
        # a party the text names only by a common noun (`затримали громадянина`) comes last
        return [g for g in direct + prepositional + owned + later + unnamed if g]

    def _wish_clause(self, clause: Token) -> bool:
        """`вважає за необхідне, щоб уряд підвищив зарплати`: a clause of what is wished for."""
        return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.lex.wish_marks
                                              for c in clause.children)

    def _instrumental_act(self, token: Token) -> bool:
        """`невдоволення рішенням міської влади`: a bare instrumental names the act one is displeased
        with, whose owner is acted on (`language` aside: English marks no case)."""
        return self.lang != "en" and token.dep_ in ("obl", "nmod") and self._preposition(token) is None \
            and "Ins" in token.morph.get("Case")

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

    def _taken_from(self, trigger: Token, prep: str, noun: Token) -> bool:
        """`стягнути з ТОВ збитки`, `вимагав з підприємця гроші`: after a verb of taking, `з` with a
        genitive names the one taken from, who is acted on (elsewhere `з` + genitive is a place or a time)."""
        return trigger.lemma_.lower() in self.lex.taking_verbs and prep in ("з", "із", "зі") \
            and "Gen" in noun.morph.get("Case")

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
