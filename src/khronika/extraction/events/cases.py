"""A court case told across an article: a claim (a lawsuit, appeal or cassation) brought by a
claimant, then the rulings of one court after another on it, which seldom name a party again
(`суд першої інстанції в позові відмовив`, `ВГСУ відхилив касацію`). The claimant of a ruling that
names none is the one whose claim the article told last."""

from __future__ import annotations

from spacy.tokens import Span, Token

from khronika.actors.kb import knowledge_base
from khronika.extraction.events.lexicon import Entry
from khronika.extraction.events.merge import Found
from khronika.extraction.events.people import CHARGED_BY


class CaseRoles:
    """A mixin of `_Reader` (reader.py): the court and parties of a ruling on a claim."""

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
