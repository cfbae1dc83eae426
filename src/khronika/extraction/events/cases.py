"""A court case told across an article: a claim (a lawsuit, appeal or cassation) brought by a
claimant, then the rulings of one court after another on it, which seldom name a party again
(`суд першої інстанції в позові відмовив`, `ВГСУ відхилив касацію`). The claimant of a ruling that
names none is the one whose claim the article told last. Motions, charges and their denials are
read here too: who made a motion, who brought a charge, whom a granted lawsuit befalls."""

from __future__ import annotations

from spacy.tokens import Span, Token

from khronika.actors.kb import knowledge_base
from khronika.extraction.events.lexicon import Entry
from khronika.extraction.events.merge import Found
from khronika.extraction.events.people import CHARGED_BY
from khronika.extraction.events.state import ReaderState


class CaseRoles(ReaderState):
    """A mixin of `_Reader` (reader.py): the court and parties of a ruling on a claim, a motion or a
    charge."""

    def _claim_ruled(self, trigger: Token) -> Token | None:
        """`в позові відмовив`, `відхилив касацію`: the claim a ruling verb disposes of, its object or
        its `в`-phrase."""
        if not self.parsed:
            return None
        # `відмовився задовольнити позов`: the claim may be the object of the refused infinitive
        verbs = [trigger] + [c for c in trigger.children if c.dep_ == "xcomp"]
        return next((c for v in verbs for c in v.children if c.dep_ in ("obj", "obl")
                     and c.lemma_.lower() in self.lex.lawsuit_words), None)

    def _court(self, actor_id: str) -> bool:
        """A court, by the name the text gives it or by any of its names in the knowledge base (`ВГСУ`
        is the `Вищий господарський суд`)."""
        entry = knowledge_base().entries.get(actor_id)
        names = entry.names.get(self.lang, []) if entry is not None else []
        return self._institution(actor_id, self.lex.court_nouns) or any(
            self._authority(name, self.lex.court_nouns) for name in names)

    def _ruling_court(self, trigger: Token, sentence: Span) -> list[str]:
        """Only a court rules on a claim: a court noun that opens the ruling's clause (the parser may
        hang it elsewhere: `весною суд першої інстанції ... в позові відмовив`), else the court named or
        acting last."""
        for token in self.doc[sentence.start:trigger.i]:
            if token.lemma_.lower() in self.lex.court_nouns and token.pos_ in ("NOUN", "PROPN") \
                    and "Nom" in token.morph.get("Case") and self._preposition(token) is None:
                court = self._participants(token, None) or self._unnamed_agent(token)
                if court:
                    return court
        return self._earlier_institution(trigger, self.lex.court_nouns)

    def _claimant(self, actor: list[str]) -> list[str]:
        """The one whose claim the article told last: the author of a lawsuit or appeal, or the one
        whose claim an earlier ruling dismissed."""
        for found in reversed(self.events):
            if found.type == "ACCUSE" and self._told(found) & self.lex.lawsuit_words:
                party = found.actor
            elif found.type == "REJECT" and self._claim_ruled(found.trigger) is not None:
                party = found.recipient
            else:
                continue
            party = [x for x in party if not self.sides.same_any(x, actor)]
            if party:
                return party
        return []

    def _ruling_claimant(self, claim: Token, actor: list[str]) -> list[str]:
        """`відхилив касацію військової прокуратури`: the claim's own genitive, else the claimant told before."""
        owners = [c for c in claim.children if c.dep_ == "nmod" and self._preposition(c) is None]
        named = next((x for x in (self._participants(c, None) for c in owners) if x), [])
        return [x for x in named if not self.sides.same_any(x, actor)] or self._claimant(actor)

    def _annulled_owner(self, trigger: Token, entry: Entry, actor: list[str]) -> list[str]:
        """`визнав недійсним договір оренди ділянки, яку райдержадміністрація віддала фірмі`: annulling
        a contract or decision rules against the party named first in its own words, the one who made
        it, when no party is its object."""
        if not self.parsed or not set(entry.needs) & self.lex.annulment_words:
            return []
        annulled = [c for c in trigger.children if c.dep_ in ("obj", "nsubj:pass", "nsubj")]
        for token in (t for c in annulled for t in self._own_words(c) if t.i != c.i):
            mention = self.by_token.get(token.i)
            party = self.actors.get(mention.actor) if mention is not None else None
            if party is not None and party.type != "LOC" and not self.sides.same_any(party.id, actor):
                return [party.id]
        return []

    def _own_words(self, noun: Token) -> list[Token]:
        """A noun's phrase, and the relative clause after it (`договір ..., яку РДА віддала фірмі`),
        which the parser may hang elsewhere."""
        words = list(noun.subtree)
        after = self.doc[noun.right_edge.i + 1:noun.sent.end]
        if len(after) > 1 and after[0].text == "," and "Rel" in after[1].morph.get("PronType"):
            words += list(after)
        return words

    def _upheld(self, found: list[Found]) -> None:
        """`апеляційний суд залишив без змін ухвалу райсуду, який відмовився відпустити Науменка`: upholding
        a ruling rejects the appeal of the one that ruling went against, told in the ruling's own words."""
        for ruling in (f for f in found if f.type == "REJECT" and not f.recipient and self.parsed):
            # the ruling upheld is the verb's object, which the parser may hang under `без змін`
            nouns = [t for t in ruling.trigger.subtree if 0 < t.i - ruling.trigger.i <= 4
                     and t.lemma_.lower() in self.lex.ruling_nouns]
            words = {t.i for n in nouns for t in self._own_words(n)}
            ruled = next((f for f in found if f is not ruling and f.trigger.i in words and f.recipient
                          and not self.sides.same_any_list(f.recipient, ruling.actor)), None)
            if ruled is not None:
                ruling.recipient = list(ruled.recipient)

    def _sentenced(self, trigger: Token, entry: Entry, actor: list[str]) -> list[str]:
        """`Суд врахував, що Тютюнник ... визнав вину ... і призначив йому штраф`: a sentence or fine is a
        court's measure; a person the article already charges or sanctions, read as its subject, is the
        one it befalls (the parser hangs the verb in the clause about them)."""
        if entry.type != "SANCTION" or not actor or not self._court_act(trigger, entry):
            return []
        charged = {x for f in self.events if f.type in CHARGED_BY for x in f.recipient}
        people = all(getattr(self.actors.get(x), "type", None) == "PER" for x in actor)
        return list(actor) if people and set(actor) <= charged else []

    # --- motions, charges and the rulings on them --------------------------------------------
    def _motion_owner(self, trigger: Token) -> list[str]:
        """`Прокурор це клопотання підтримав`: supporting or opposing a motion or claim told before
        acts on the one who made it, the actor of the latest request or claim with that word."""
        if not self.parsed:
            return []
        said = [c for c in trigger.children if c.dep_ in ("obj", "nsubj", "obl")]
        # `Проти задоволення клопотання прокуратури виступив`: the motion may be the phrase's genitive
        said += [g for c in said for g in c.children if g.dep_ == "nmod" and self._preposition(g) is None]
        words = {self._lemmas(c)[0] for c in said}
        words &= self.lex.addressed_to_court | self.lex.lawsuit_words
        if not words:
            return []
        for found in reversed(self.events):
            told = self._told(found)
            # a motion (`клопотання`) is the latest request, whatever verb told it (`попросила суд`)
            motion = found.type == "REQUEST" and (told | words) & self.lex.addressed_to_court
            if found.actor and (told & words or motion):
                return list(found.actor)
        return []

    def _accusers(self, trigger: Token, entry: Entry, actor: list[str]) -> list[str]:
        """`Звинувачення проти себе Філіпчук називає замовними`, `На свій захист Бережанська пояснила`:
        denying a charge rejects the ones who brought it, the actor of the latest accusation against the
        one who denies it."""
        charge = any(e.type == "ACCUSE" and e.genitive is not None for c in trigger.children
                     if c.dep_ in ("obj", "nsubj", "nsubj:pass") for e in self.lex.heads.get(c.lemma_.lower(), []))
        denied = {self._lemmas(c)[0] for c in trigger.children if c.dep_ == "obj"}  # `заперечував свою причетність`
        if not self.parsed or not (charge or (set(entry.needs) | denied) & self.lex.defence_words):
            return []
        return next((list(f.actor) for f in reversed(self.events) if f.type == "ACCUSE" and f.actor
                     and self.sides.same_any_list(f.recipient, actor)), [])

    def _told(self, found: Found) -> set[str]:
        """The words an event told before stands on: its cue, the words its phrase needs, its trigger's lemmas."""
        return {found.entry.cue, *found.entry.needs, *self._lemmas(found.trigger)}

    def _sued(self, claimants: list[str]) -> list[str]:
        """`Суд задовольнив позов прокуратури`: granting a claim sanctions the one it was brought
        against (the recipient of the claimant's lawsuit told before), not the claimant."""
        lawsuits = [f for f in reversed(self.events) if f.type == "ACCUSE" and f.recipient
                    and self._told(f) & self.lex.lawsuit_words]
        by_claimant = [f for f in lawsuits if self.sides.same_any_list(f.actor, claimants)]
        # the claimant may be named another way (`прокуратура столиці`, `столична прокуратура`)
        against = by_claimant or [f for f in lawsuits if not self.sides.same_any_list(f.recipient, claimants)]
        return list(against[0].recipient) if against else []

    def _court_next(self, sentence: Span) -> list[str]:
        """`Павленко отримав штраф. Про це свідчить вирок Сєвєродонецького міського суду.`: a lead that
        names no court has it in the sentence after, where the article gives its source."""
        after = self.doc[sentence.end:min(sentence.end + 60, len(self.doc))]
        end = next((t.idx for t in after if t.is_sent_start and t.i > sentence.end), len(self.text))
        return next(([m.actor] for m in self.mentions if m.label == "ORG" and sentence.end_char <= m.start < end
                     and self._authority(m.text, self.lex.court_nouns)), [])

    def _court_act(self, trigger: Token, entry: Entry) -> bool:
        return bool(self._act_words(trigger, entry) & self.lex.court_acts)

    def _charged_by(self, trigger: Token, entry: Entry) -> list[str]:
        """`Бережанській повідомили про підозру`, `Науменко підозрюється`: a suspicion or charge left
        impersonal is the prosecution's (Ukrainian criminal procedure), the prosecutor named last if
        any, else the police or investigators named last, else a prosecution the text does not name."""
        charge = bool(self._act_words(trigger, entry) & self.lex.charge_words)
        if not charge and entry.mode != "investigate":
            return []
        # `Відкрито кримінальне провадження`: a case or check is opened by police or prosecutors named before,
        # not by the suspect the sentence before told of
        found = self._earlier_institution(trigger, self.lex.prosecutor_nouns) or self._earlier_institution(
            trigger, self.lex.authority_nouns - self.lex.court_nouns)
        return found or (self._generic_body(self.lex.charge_doer) if charge else [])

    def _authority_acts(self, actor: list[str], verb: Token) -> bool:
        """The act is left impersonal, or done by a body that acts on people (police, prosecutors)."""
        return self._impersonal(verb) or any(self._institution(x) for x in actor)

    def _ruling_owner(self, verb: Token) -> list[str]:
        """`ухвала Печерського районного суду, якою відсторонили посадовицю`: what a ruling did (`якою`,
        by which) was done by the one whose ruling it is (the parser may hang the clause on that owner)."""
        if not self.parsed or not any("Rel" in c.morph.get("PronType") and "Ins" in c.morph.get("Case")
                                      for c in verb.children if c.i < verb.i):
            return []
        for noun in (verb.head, verb.head.head):
            if noun.lemma_.lower() in self.lex.ruling_nouns:
                owners = [c for c in noun.children if c.dep_ == "nmod" and self._preposition(c) is None]
                return next((x for x in (self._participants(c, None) for c in owners) if x), [])
        return []

    def _ruled_on(self, trigger: Token, sentence: Span) -> list[str]:
        """`скасував ухвалу райсуду, якою відсторонили посадовицю`: undoing a ruling eases the one it
        acted on, not the court that gave it."""
        if not self.parsed:
            return []
        rulings = [c for c in trigger.children if c.dep_ == "obj" and c.lemma_.lower() in self.lex.ruling_nouns]
        for verb in (t for r in rulings for t in r.subtree if t.pos_ == "VERB" and self._ruling_owner(t)):
            return self._recipient(verb, sentence, self._ruling_owner(verb))
        return []
