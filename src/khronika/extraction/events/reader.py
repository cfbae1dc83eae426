"""Reading an article's sentences into events: triggers, negation and modality, date, place and
speech, and `_Reader._event`, which reads one trigger in named steps. The roles come from the
mixins: actor.py (who acts), recipient.py (who is acted on), nouns.py (an event noun's parties),
parties.py and people.py (the parties a word names or stands for), unnamed.py (parties named only by
a common noun), context.py (roles from the events just told) and cases.py (court cases: claims,
motions, charges and the rulings on them)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from khronika.actors.kb import lemma_set
from khronika.extraction.events.actor import ActorRoles
from khronika.extraction.events.cases import CaseRoles
from khronika.extraction.events.context import ContextRoles
from khronika.extraction.events.learned import RecordedEvent, current_recording, models
from khronika.extraction.events.lexicon import (
    AUTHORITY_ACTS,
    BECOMES_AGREE_IN_FUTURE,
    BECOMES_THREAT_IN_FUTURE,
    CLAUSE_DEPS,
    CLAUSE_PUNCT,
    COOPERATIVE,
    PARTICIPANT_LABELS,
    RECIPROCAL,
    Entry,
    lexicon,
)
from khronika.extraction.events.merge import Found, Sides, merge
from khronika.extraction.events.nouns import NounRoles
from khronika.extraction.events.parties import Parties, _infinitive_complement
from khronika.extraction.events.people import People
from khronika.extraction.events.ranking import (
    NOBODY,
    ROLES,
    Context,
    candidates,
    mention_roots,
    nearness,
    nobody_features,
    party_features,
)
from khronika.extraction.events.recipient import RecipientRoles
from khronika.extraction.events.triggers import CONTENT_POS, Recorded, token_features
from khronika.extraction.events.unnamed import UnnamedParties
from khronika.extraction.quotes import cues
from khronika.language.morphology import analyzer, dictionary_lemmas
from khronika.model import Actor, Event, Mention, Quote, Timex, party_ids, party_value


def find_events(doc: Doc, lang: str, mentions: list[Mention], actors: list[Actor], quotes: list[Quote],
                timexes: list[Timex], published: str | None) -> list[Event]:
    """The article's events. An actor that the text names only by a common noun (`Поліція
    затримала`) becomes an organisation actor, appended to `actors`."""
    if lang not in ("uk", "ru", "en"):
        return []
    reader = _Reader(doc, lang, mentions, actors, quotes, timexes, published)
    events = [reader.to_event(found) for found in merge(reader.ranked(reader.run()), reader.sides)]
    used = {x for e in events for x in party_ids(e.actor) + party_ids(e.recipient)}
    known = {a.id for a in actors}
    actors += [a for a in reader.new_actors.values() if a.id in used and a.id not in known]
    return events


@dataclass
class _Draft:
    """One trigger's event while `_Reader._event` reads it, step by step."""

    trigger: Token
    entry: Entry
    sentence: Span
    previous: Span | None  # the sentence before, whose events lend roles
    category: str
    refused: bool  # negated: a refused concession, now a rejection, is no intention
    intended: bool  # announced or intended, not yet done
    should: Token | None  # `має закликати`: the modal whose subject is asked to act
    quote: Quote | None
    speaker: str | None
    subject_head: Token  # the word whose subject acts: the trigger, its modal or an event noun's carrier
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    own: tuple[list[str], list[str]] = field(default_factory=lambda: ([], []))  # an event noun's own parties
    doer: Token | None = None  # a doer the parser read as an object (`_doer_after_noun`)
    sentenced: list[str] = field(default_factory=list)  # the one a court's sentence befalls
    claim: Token | None = None  # the claim a ruling disposes of


class _Reader(NounRoles, People, ActorRoles, CaseRoles, RecipientRoles, ContextRoles, UnnamedParties, Parties):
    def __init__(self, doc: Doc, lang: str, mentions: list[Mention], actors: list[Actor], quotes: list[Quote],
                 timexes: list[Timex], published: str | None):
        self.doc, self.lang, self.lex = doc, lang, lexicon(lang)
        self.text = doc.text  # spaCy joins `doc.text` anew on every access
        self.parsed = doc.has_annotation("DEP")
        self.actors = {a.id: a for a in actors}
        # places stay parties (`Monrovia`): event data codes a place by its country, as the PLOVER gold does
        self.mentions = [m for m in mentions if m.actor and m.kind != "modifier" and m.label in PARTICIPANT_LABELS]
        self.quotes, self.timexes, self.published = quotes, timexes, published
        self.by_token = self._mentions_by_token(self.mentions)
        # `Hungarian officials`, `українські військові`: an adjective names the party of its noun
        self.modifiers = self._mentions_by_token([m for m in mentions if m.actor and m.kind == "modifier"])
        self.events: list[Found] = []
        self.sides = Sides(self.actors)  # reads `self.actors`, which grows with the actors found here
        self.new_actors: dict[str, Actor] = {}
        self.inferred: set[str] = set()  # bodies an act implies that the text never names
        self.person_genders: dict[str, set[str]] = {}  # `People._genders`, once per person
        self.parser_genders: dict[str, set[str]] = {}  # `People._verb_genders`: the parser's gender of a first name
        self.agent_nouns = frozenset(cues(lang).get("organisation_nouns", [])) | self.lex.party_nouns

    # --- reading sentences -------------------------------------------------------------------
    def run(self) -> list[Found]:
        previous: Span | None = None
        for sentence in self.doc.sents:
            start = len(self.events)
            must_clauses = self._must_clauses(sentence)
            lexical = {t.i: self._entry(t, sentence) for t in sentence if not (t.is_punct or t.is_space)}
            for trigger, entry in self._triggers(sentence, must_clauses, lexical):
                found = self._event(trigger, entry, sentence, previous)
                if found is not None:
                    self.events.append(found)
                    self.events += self._gapped(found)
            self.events += self._sponsorships(sentence) + self._duties_told(sentence)
            self.events += self._learned_triggers(sentence, previous, start, lexical)
            self.events[start:] = self._one_per_phrase(self.events[start:])
            self._upheld(self.events[start:])
            for found in self.events[start:]:
                found.silent = self._speech_cue(found.trigger, found.entry)
            for clause in must_clauses:
                found = self._demand(clause, sentence)
                if found is not None:
                    self.events.append(found)
            previous = sentence
        return [f for f in self.events if not f.silent]

    def _learned_triggers(self, sentence: Span, previous: Span | None, start: int,
                          lexical: dict[int, Entry | None]) -> list[Found]:
        """The events the trigger model (triggers.py) reads in the words of the sentence that no
        rule made a trigger of (`lexical`: each word's lexicon entry); while training records
        features (`recording`), none."""
        recording, model = current_recording(), models(self.lang).triggers
        if not self.parsed or recording is None and model is None:
            return []
        read = {f.trigger.i: f.type for f in self.events[start:]}
        party_types = {t.i: getattr(self.actors.get(self.by_token[t.i].actor), "type", "?")
                       for t in sentence if t.i in self.by_token}
        found: list[Found] = []
        for token in sentence:
            if token.pos_ not in CONTENT_POS or recording is None and token.i in read:
                continue  # a word the rules read is asked about only to record it for training
            entry = lexical.get(token.i)
            features = token_features(token, sentence, entry.type if entry else None, read.get(token.i), party_types)
            if recording is not None:
                recording.words.append(Recorded(token.idx, token.idx + len(token), features))
                continue
            category, _ = model.category(features)
            if category is None or self._told_near(token, category, self.events[start:] + found):
                continue
            event = self._event(token, Entry(category, None, token.lemma_.lower()), sentence, previous)
            if event is not None:
                found.append(event)
        return found

    def ranked(self, found: list[Found]) -> list[Found]:
        """The events with the roles the rules left empty filled by the party ranker (ranking.py),
        where one is trained; while training records each event's candidates (`recording`)."""
        recording, ranker = current_recording(), models(self.lang).parties
        if not self.parsed or recording is None and ranker is None:
            return found
        sentences = list(self.doc.sents)
        index = {s.start: k for k, s in enumerate(sentences)}
        roots = mention_roots(self.doc, self.mentions) | self._agent_nouns()
        context = Context([], [], set(), set())
        for event in found:
            chosen = (list(event.actor), list(event.recipient))
            near = sorted(candidates(sentences, index[event.sentence.start], roots, event.actor + event.recipient),
                          key=lambda c, t=event.trigger: nearness(c, t))
            parties = {c.actor: self.actors.get(c.actor) for c in near}  # the reader's own actors are among them
            scored = [(c.actor, party_features(c, event.trigger, event.type, chosen,
                                               getattr(parties[c.actor], "type", "?"), context, rank))
                      for rank, c in enumerate(near)] + [(NOBODY, nobody_features(event.trigger, event.type, chosen))]
            if recording is not None:
                recording.events.append(RecordedEvent(event.type, event.sentence.start_char, event.sentence.end_char,
                                                      {role: scored for role in ROLES},
                                                      {x: a.name for x, a in parties.items() if a is not None}))
            else:
                self._prefer(event, ranker, scored)
            context = Context(*chosen, context.actors | set(chosen[0]), context.recipients | set(chosen[1]))
        return found

    def _agent_nouns(self) -> dict[int, str]:
        """The party of each organisation or group noun that no name covers (`суд`, `слідчі`), by its
        token, so that a party named only so can be a candidate too."""
        parties = {}
        for token in self.doc:
            if token.i not in self.by_token and token.pos_ == "NOUN" and token.lemma_.lower() in self.agent_nouns:
                made = self._unnamed_agent(token)
                if made:
                    parties[token.i] = made[0]
        return parties

    def _prefer(self, event: Found, ranker, scored: list[tuple[str, list[str]]]) -> None:
        """A role the rules left empty takes the candidate the ranker prefers, unless that party fills
        the other role. A role the rules filled keeps their choice: in a cross-validation over the
        first two rounds of the train set, filling the empty roles alone gained as much as also
        replacing the rules' choices (events with both parties right: 50 of 196 with the rules, 67
        either way), and replacing lost two of the seed's events."""
        for role in ROLES:
            mine, other = (event.actor, event.recipient) if role == "actor" else (event.recipient, event.actor)
            better = ranker.preferred(role, scored, mine) if not mine else None
            if better is not None and better not in other:
                setattr(event, role, [better])

    def _told_near(self, token: Token, category: str, found: list[Found]) -> bool:
        """An event of this category already read on a word next to this one or linked to it
        (`наклав арешт`: the verb and its noun tell one event)."""
        return any(f.type == category and (abs(f.trigger.i - token.i) <= 3 or token.head == f.trigger
                                           or f.trigger.head == token) for f in found)

    def _gapped(self, found: Found) -> list[Found]:
        """`Росія постачає наступальну зброю Азербайджану, оборонну – Вірменії`: a clause after a comma
        whose verb a dash stands for repeats the act for the party named after the dash."""
        if not found.recipient or found.trigger.pos_ not in ("VERB", "AUX"):
            return []
        sentence = found.sentence
        for dash in self.doc[found.trigger.i + 2:sentence.end - 1]:
            if dash.text not in ("–", "—"):
                continue
            comma = next((t for t in reversed(self.doc[max(found.trigger.i + 1, dash.i - 4):dash.i]) if t.text == ","),
                         None)
            mention = self.by_token.get(dash.i + 1)
            if comma is None or mention is None or any(t.pos_ in ("VERB", "AUX") or t.i in self.by_token
                                                       for t in self.doc[comma.i + 1:dash.i]):
                return []
            if any(t.pos_ in ("VERB", "AUX") for t in self.doc[found.trigger.i + 1:comma.i]) \
                    or self.sides.same_any(mention.actor, found.actor + found.recipient):
                return []
            return [replace(found, recipient=[mention.actor], evidence=list(found.evidence))]
        return []

    def _one_per_phrase(self, found: list[Found]) -> list[Found]:
        """`відбувся мінометний обстріл`, `Окупанти здійснили обстріл`: the phrase and its noun tell
        one event; the phrase keeps it, with the roles either of them found, those the noun's own
        words name first."""
        kept = list(found)
        for phrase in found:
            if not phrase.entry.needs:
                continue
            for noun in found:
                if noun is phrase or noun not in kept or noun.entry.type != phrase.entry.type or noun.entry.needs \
                        or not set(self._lemmas(noun.trigger)) & set(phrase.entry.needs) \
                        or abs(noun.trigger.i - phrase.trigger.i) > 6:
                    continue
                # `відбувся протест студентів проти міністерства`: what the noun's own words name comes first
                phrase.actor = noun.own[0] or phrase.actor or noun.actor
                phrase.recipient = noun.own[1] or phrase.recipient or noun.recipient
                kept.remove(noun)
        return kept

    def _duties_told(self, sentence: Span) -> list[Found]:
        """`За словами Талащука, держава повинна переглянути механізм`: a speaker who says another party
        must act asks it to (the seed's `має закликати`), also when the act asked for is no trigger.
        A duty told in the past (`повинні були повернути`) describes, it asks nothing."""
        found = []
        for modal in sentence if self.parsed and self.lang != "en" else []:
            if modal.lemma_.lower() not in self.lex.duty_words or self._told_in_past(modal):
                continue
            act = next((c for c in modal.children if c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm")), None)
            subject = next((c for c in modal.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            quote = self._quote_at(modal)
            if act is None or subject is None or quote is None or quote.speaker is None \
                    or any(self.lex.heads.get(x) for x in self._lemmas(act)):  # a trigger: `_event` reads it
                continue
            recipient = self._participants(subject, quote.speaker) or self._unnamed_recipient(subject)
            if not recipient or self.sides.same_any(quote.speaker, recipient):
                continue
            entry = Entry("REQUEST", None, f"{modal.lemma_.lower()} {act.lemma_.lower()}")
            found.append(self._found(modal, entry, "REQUEST", [quote.speaker], recipient, sentence, False,
                                     "should", None))
        return found

    def _told_in_past(self, modal: Token) -> bool:
        return any(c.dep_ in ("aux", "cop") and "Past" in c.morph.get("Tense") for c in modal.children) \
            or "Past" in modal.morph.get("Tense")

    def _sponsorships(self, sentence: Span) -> list[Found]:
        """`фільм знято в рамках проекту організації «Інтерньюз-Україна» за фінансової підтримки уряду
        США`: the sponsor named after `за підтримки` backs the body whose work it is, named before it in
        the sentence; money (`фінансової`) makes the backing material help (AID)."""
        found = []
        for noun in sentence if self.parsed else []:
            if noun.lemma_.lower() not in self.lex.sponsor_nouns or self._preposition(noun) != "за":
                continue
            sponsor = next((x for x in (self._participants(c, None) for c in self._genitives(noun)) if x), [])
            backed = self._backed(noun, sponsor) if sponsor else []
            if not backed:
                continue
            words = {noun.lemma_.lower()} | {c.lemma_.lower() for c in noun.children if c.dep_ == "amod"}
            category = "AID" if words & self.lex.material_words else "SUPPORT"
            entry = Entry(category, None, f"за {noun.lemma_.lower()}")
            found.append(self._found(noun, entry, category, sponsor, backed, sentence, False, None, None))
        return found

    def _backed(self, noun: Token, sponsor: list[str]) -> list[str]:
        """The organisation named last before `за підтримки` in its sentence, whose work is backed."""
        for token in reversed(self.doc[noun.sent.start:noun.i]):
            mention = self.by_token.get(token.i)
            if mention is not None and mention.label == "ORG" and not self.sides.same_any(mention.actor, sponsor):
                return [mention.actor]
        return []

    def _triggers(self, sentence: Span, must_clauses: list[Token],
                  lexical: dict[int, Entry | None]) -> list[tuple[Token, Entry]]:
        """The sentence's trigger words with their lexicon entries (`lexical`: each word's entry), in
        order, less those that only say what another trigger asks for; the noun of a trigger phrase
        stays (`_phrase_noun`)."""
        found = [(self.doc[i], entry) for i, entry in lexical.items()
                 if entry is not None and not self._tells_no_act(self.doc[i])]
        demanded = {t.i for t in must_clauses}
        # what investigators found someone did is an event of its own, besides their accusation
        heads = {t.i for t, e in found if e.cue not in self.lex.finding_verbs} | demanded
        # `вимагають від Росії вивести війська`: the withdrawal is what is asked for, not an event
        kept = [(t, e) for t, e in found if not self._content_of(t, heads) and t.i not in demanded]
        entries = {t.i: e for t, e in kept}
        return sorted(kept + [(t, e) for t, e in found if (t, e) not in kept and self._phrase_noun(t, e, entries)],
                      key=lambda pair: pair[0].i)

    def _tells_no_act(self, token: Token) -> bool:
        """A trigger word that tells no act here: a participle that names a state, an act only supposed
        or asked for, an event noun only named, or what someone (un)wills."""
        return self._attributive(token) or self._hypothetical(token) or self._asked_for(token) \
            or self._unreal(token) or self._only_willed(token)

    def _phrase_noun(self, noun: Token, entry: Entry, entries: dict[int, Entry]) -> bool:
        """`провели обшуки в офісі фірми`: the noun of a phrase stays, to lend the phrase the parties
        it names (`_one_per_phrase` joins them)."""
        phrase = entries.get(noun.head.i)
        return entry.genitive is not None and phrase is not None and phrase.type == entry.type \
            and bool(set(self._lemmas(noun)) & set(phrase.needs))

    def _speech_cue(self, token: Token, entry: Entry) -> bool:
        """`— Звичайно, хвилююся, — зізнається Борис`: `зізнатися` that introduces someone's words is a
        way of saying them, not a confession."""
        if entry.type != "CONCEDE" or entry.needs or token.i < token.sent.start + 2:
            return False
        dash, before = self.doc[token.i - 1], self.doc[token.i - 2]
        return dash.text in ("-", "–", "—") and before.text in (",", "!", "?", "...", "…")

    def _attributive(self, token: Token) -> bool:
        """`поранених окупантів`, `окупованих територій`, `Затриманий зізнався`: a participle that
        describes a noun with no words of its own, or stands for a person, names a state, not an act;
        one with its own agent (`Підтриманий Адміністрацією проект`) still tells who did it."""
        if not self.parsed or self.lang == "en" or token.pos_ not in ("ADJ", "NOUN") \
                or not self._participle_verbs([token.lower_, token.lemma_.lower()]):
            return False
        if token.pos_ == "NOUN" and token.lemma_.lower() in self.lex.heads:
            return False  # a noun trigger (`обстріл`, `мітинг`) is an event of its own
        if token.dep_ in ("amod", "acl"):  # `затриманому за вимагання`: a participle clause still tells an act
            return not any(not c.is_punct and c.dep_ not in ("advmod", "cc", "case") for c in token.children)
        if token.dep_ not in ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "appos"):
            return False
        return not any(c.dep_ in ("obl", "obl:agent") and "Ins" in c.morph.get("Case") and self._preposition(c) is None
                       for c in token.children)

    def _asked_for(self, trigger: Token) -> bool:
        """`З проханням підтримати громади вони звернулися`: an infinitive that completes a request noun
        (which the parser hangs under it) is what is asked for, not an event."""
        return self.parsed and "Inf" in trigger.morph.get("VerbForm") and any(
            c.lemma_.lower() in self.lex.request_nouns and self._preposition(c) is not None for c in trigger.children)

    def _only_willed(self, trigger: Token) -> bool:
        """`небажання керівників іти на вибори, а бізнесу – поступатися територіями`: an infinitive that
        completes a noun of will, need or ability says what someone (un)wills, not what they did; so
        does one after the dash of a gapped clause that repeats such a noun's infinitive."""
        if not self.parsed or not self.lex.will_nouns or not self._infinitive(trigger):
            return False
        if self._wills(trigger):
            return True
        dashed = trigger.i > trigger.sent.start and self.doc[trigger.i - 1].text in ("–", "—", "-")
        return dashed and any(self._wills(t) for t in self.doc[trigger.sent.start:trigger.i - 1]
                              if t.pos_ == "VERB" and self._infinitive(t))

    def _wills(self, infinitive: Token) -> bool:
        """The infinitive comes right after the phrase of a will noun (`небажання деяких керівників
        іти`), whatever the parser hangs it on: the noun, its genitive or the verb."""
        if infinitive.i == infinitive.sent.start:
            return False
        word = self.doc[infinitive.i - 1]
        for _ in range(6):
            if word.lemma_.lower() in self.lex.will_nouns:
                return True
            if word.dep_ not in ("nmod", "amod", "det", "flat", "flat:title", "nummod") or word.head.i >= infinitive.i:
                return False
            word = word.head
        return False

    def _hypothetical(self, trigger: Token) -> bool:
        """`обіцяли помилування, якщо покається і визнає провину`: an act stated only as the condition
        of another (an `if` clause, its conjuncts too), or an infinitive in a question, is hypothetical."""
        if not self.parsed or not self.lex.condition_marks:
            return False
        if any(t.text == "?" for t in self.doc[trigger.i:trigger.sent.end]) and self._infinitive(trigger):
            return True  # `Чи не час вам зізнатись у безпорадності?`: an act only asked about
        clause = ([trigger, *self._governors(trigger)])[-1]
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        return any(c.dep_ == "mark" and c.lower_ in self.lex.condition_marks for c in clause.children)

    def _infinitive(self, verb: Token) -> bool:
        """The parser's reading, or the dictionary's only one (`зізнатись` read as a past form)."""
        if "Inf" in verb.morph.get("VerbForm"):
            return True
        parses = [p for p in analyzer(self.lang).parse(verb.lower_) if p.tag.POS in ("INFN", "VERB")]
        return bool(parses) and all(p.tag.POS == "INFN" or "infn" in p.tag.grammemes for p in parses)

    def _must_clauses(self, sentence: Span) -> list[Token]:
        """`The US declared that China must drop barriers`: a clause saying what another party must
        do, reported by a subject (English, where `must` is the clause verb's auxiliary)."""
        if not self.parsed or self.lang != "en":
            return []
        return [t for t in sentence if t.dep_ == "ccomp" and t.head.pos_ == "VERB"
                and any(c.dep_ == "aux" and c.lower_ in self.lex.should for c in t.children)
                and any(c.dep_ == "nsubj" for c in t.head.children)]

    def _demand(self, clause: Token, sentence: Span) -> Found | None:
        """The reporter demands of the clause's subject (manual REQUEST; the seed's `має закликати`)."""
        reporter = next(c for c in clause.head.children if c.dep_ == "nsubj")
        actor = self._participants(reporter, None) or self._unnamed_agent(reporter)
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        recipient = [x for s in subjects for x in (self._participants(s, None) or self._unnamed_recipient(s))]
        if not actor or (recipient and self.sides.same_any_list(actor, recipient)):
            return None
        entry = Entry("REQUEST", None, f"{clause.head.lemma_} {clause.lemma_}")
        return self._found(clause, entry, "REQUEST", actor, recipient, sentence, False, "should", None)

    def _entry(self, token: Token, sentence: Span) -> Entry | None:
        if self.lang == "en" and token.pos_ not in ("VERB", "AUX", "NOUN"):
            return None
        lemmas = self._lemmas(token)
        if self._finding_clause(token, lemmas) is not None:
            return Entry("ACCUSE", "allege", next(x for x in lemmas if x in self.lex.finding_verbs))
        for lemma in lemmas:
            for entry in self.lex.heads.get(lemma, []):
                if entry.genitive is not None and token.pos_ != "NOUN":
                    continue
                if not entry.needs or self._has_dependent(token, entry.needs, sentence):
                    return entry
        return None

    def _finding_clause(self, token: Token, lemmas: list[str] | None = None) -> Token | None:
        """`Слідчі встановили, що фірма ...`: the `що` clause of a verb of finding or asserting."""
        if not self.parsed or not self.lex.finding_verbs \
                or not set(lemmas if lemmas is not None else self._lemmas(token)) & self.lex.finding_verbs:
            return None
        clause = next((c for c in token.children if c.dep_ in ("ccomp", "csubj", "advcl")  # parsers differ
                       and any(m.dep_ == "mark" and m.lower_ in ("що", "что") for m in c.children)), None)
        return clause if clause is not None else self._as_found(token)

    def _as_found(self, token: Token) -> Token | None:
        """`Як встановило слідство, директор привласнив кошти`: the clause a `як` finding comments on,
        the one it hangs from or (parsers differ) the one hung from it."""
        if not any(c.lower_ in self.lex.finding_as and c.i < token.i for c in token.children):
            return None
        if token.dep_ in ("advcl", "parataxis", "parataxis:discourse") and token.head.i > token.i:
            return token.head
        return next((c for c in token.children if c.dep_ in ("parataxis", "ccomp", "conj") and c.i > token.i), None)

    def _finding(self, trigger: Token, entry: Entry, actor: list[str], sentence: Span,
                 reported_by: str | None) -> Found | None:
        """An authority's finding that someone did wrong accuses them; anyone else's is news."""
        clause = self._finding_clause(trigger)
        if clause is None or not actor or not all(self._institution(x) for x in actor):
            return None
        # `встановили, що у серпні-грудні «Компанія» поставила`: a misparse may split off the clause's verb
        clauses = [clause] + [c for c in trigger.children if c.dep_ in ("ccomp", "conj", "parataxis")
                              and c.i > clause.i and c.pos_ == "VERB"]
        subjects = next(([c for c in x.children if c.dep_ in ("nsubj", "nsubj:pass")] for x in clauses
                         if any(c.dep_ in ("nsubj", "nsubj:pass") for c in x.children)), [])
        found = (self._participants(s, None) or self._unnamed_recipient(s) or self._firm_named_before(s)
                 for s in subjects)
        recipient = [x for x in next((f for f in found if f), []) if not self.sides.same_any(x, actor)]
        if not recipient:
            return None
        return self._found(trigger, entry, "ACCUSE", actor, recipient, sentence, False, None, reported_by)

    def _firm_named_before(self, noun: Token) -> list[str]:
        """`Поліція вважає, що фірма не має ліцензії` after `ТОВ «АРС-2015»`: a bare word for a firm is the
        firm named last, not a body that acts on people."""
        if noun.lemma_.lower() not in self.lex.firm_nouns \
                or any(c.dep_ in ("nmod", "amod", "det") for c in noun.children):  # `ця фірма`, `фірма «Альфа»`
            return []
        named = [m for m in self.mentions if m.label == "ORG" and m.end <= noun.idx and not self._authority(m.text)]
        return [named[-1].actor] if named else []

    def _lemmas(self, token: Token) -> list[str]:
        lemmas = [token.lemma_.lower()]
        if self.lang != "en":  # a mistagged verb (`привіз` read as a noun) keeps its verb lemmas
            lemmas += [x for x in dictionary_lemmas(token.lower_, self.lang, "VERB") if x not in lemmas]
            if token.pos_ == "ADJ":  # `скоординована` (a passive participle)
                lemmas += [x for x in dictionary_lemmas(token.lower_, self.lang, "ADJ") if x not in lemmas]
            if token.pos_ in ("ADJ", "ADV", "VERB"):  # `затриманий`, `відкрито`: the verb they come from
                lemmas += [x for x in self._participle_verbs(lemmas + [token.lower_]) if x not in lemmas]
        return lemmas

    def _act_words(self, trigger: Token, entry: Entry) -> set[str]:
        """The words an act stands on: its trigger's lemmas and the words its phrase needs."""
        return set(self._lemmas(trigger)) | set(entry.needs)

    def _participle_verbs(self, words: list[str]) -> list[str]:
        verbs = []
        for word in words:
            for suffix, verb in self.lex.participles:
                if word.endswith(suffix) and len(word) >= len(suffix) + 2:  # `взятий` -> `взяти`
                    verbs.append(word[:-len(suffix)] + verb)
                    break  # the longest suffix comes first in the list
        return verbs

    def _has_dependent(self, head: Token, needs: tuple[str, ...], sentence: Span) -> bool:
        wanted = set(needs)
        near = list(head.subtree) if self.parsed else []
        if self._relative_clause(head):  # `угоду, яку підписали`: `яку` stands for the noun
            near.append(head.head)
        near += list(self.doc[head.i + 1:min(head.i + 5, sentence.end)]) + self._clause_before(head, sentence)
        for token in near:
            if token.i == head.i:
                continue
            if {token.lemma_.lower(), token.lower_} & wanted or (self.lang != "en" and lemma_set(token.text, self.lang)
                                                                  & wanted):
                return True
        return any(self._pronoun_for(token, wanted) for token in head.children if self.parsed)

    def _relative_clause(self, verb: Token) -> bool:
        """`угоду, яку підписали`: a clause on a noun that a relative pronoun opens."""
        return self.parsed and verb.dep_ in ("acl", "acl:relcl", "relcl") and any(
            "Rel" in c.morph.get("PronType") for c in verb.children)

    def _doer_after_noun(self, trigger: Token, entry: Entry) -> Token | None:
        """`Досудове розслідування проводить головне управління Нацполіції`: the phrase's own noun
        put first and read as the subject; the doer is the object the parser found after the verb."""
        if not self.parsed or not entry.needs or self._passive(trigger) or not any(
                c.dep_.startswith("nsubj") and set(self._lemmas(c)) & set(entry.needs) for c in trigger.children):
            return None  # `рахунки були заблоковані`: a passive's subject is rightly the thing acted on
        after = next((c for c in trigger.children if c.dep_ == "obj" and c.i > trigger.i), None)
        # `коли машини зупинились, бойовики та росіяни відкрили вогонь`: or the nominative just before,
        # which the parser hung on another verb
        start = next((t.i + 1 for t in reversed(self.doc[trigger.sent.start:trigger.i]) if t.text in CLAUSE_PUNCT),
                     trigger.sent.start)
        before = [t for t in self.doc[start:trigger.i] if t.pos_ in ("NOUN", "PROPN")
                  and "Nom" in t.morph.get("Case") and self._preposition(t) is None
                  and not set(self._lemmas(t)) & set(entry.needs)]
        return after if after is not None else next(iter(before), None)

    def _clause_before(self, head: Token, sentence: Span) -> list[Token]:
        """`З проханням підтримати громади голови звернулися`: the words before the head back to the
        clause's start, where a fronted object stands that a misparse may hang elsewhere. English
        word order puts the subject there (`unless the talks resume`), never the object."""
        if self.lang == "en":
            return []
        words = []
        for token in reversed(self.doc[max(sentence.start, head.i - 12):head.i]):
            if token.text in CLAUSE_PUNCT or token.lower_ in ("що", "что", "і", "та", "а", "але", "и", "но"):
                break
            words.append(token)
        return words

    def _pronoun_for(self, token: Token, wanted: set[str]) -> bool:
        """`Років два тому її хтось зірвав` after a paragraph on a memorial plaque: an object pronoun
        stands for the wanted noun when that noun is named in the sentences just before."""
        if token.dep_ not in ("obj", "obl", "iobj") or token.lower_ not in self.lex.person_pronouns:
            return False
        before = self.doc[max(0, token.sent.start - 80):token.i]
        return any({t.lemma_.lower(), t.lower_} & wanted for t in before if t.pos_ == "NOUN")

    def _content_of(self, token: Token, heads: set[int]) -> bool:
        if not self.parsed:  # `призвал Германию ввести санкции`: an infinitive right after a trigger
            return "Inf" in token.morph.get("VerbForm") and any(token.i - 4 <= h < token.i for h in heads)
        if token.dep_ == "xcomp" and "Fin" in token.morph.get("VerbForm") and "Inf" in token.head.morph.get("VerbForm"):
            return False  # a finite verb as an infinitive's complement is a misparse, not what is asked for
        current = token
        while (current.dep_ in ("xcomp", "obj", "dobj", "obl", "advcl", "ccomp", "nmod") or _infinitive_complement(
                current)) and current.head.i != current.i:
            current = current.head
            if current.i in heads:
                return True
        return False

    # --- one event ---------------------------------------------------------------------------
    # `_event` reads one trigger in steps: its category and modality, its actor (the trigger's own
    # words, then the fallbacks in order), its recipient (likewise), and last the checks that drop
    # what is no act on anyone. Each step reads and updates one `_Draft`.
    def _event(self, trigger: Token, entry: Entry, sentence: Span, previous: Span | None) -> Found | None:
        draft = self._category(trigger, entry, sentence, previous)
        if draft is None or not self._own_actor(draft):
            return None
        if draft.should is not None:
            return self._asked_of_subject(draft)
        self._future_category(draft)
        self._fallback_actor(draft)
        if entry.cue in self.lex.finding_verbs:
            actor = draft.actor
            return self._finding(trigger, entry, actor, sentence, draft.speaker if draft.speaker not in actor else None)
        if self._not_coded(draft):
            return None
        self._court_rules(draft)
        self._own_recipient(draft)
        self._fallback_recipient(draft)
        self._recipient_by_act(draft)
        self._two_sides_of(draft)
        return self._checked(draft)

    def _category(self, trigger: Token, entry: Entry, sentence: Span, previous: Span | None) -> _Draft | None:
        """The event's category, after negation (a refused concession is a rejection), a bribe and
        what governs the trigger (`має закликати`, `має намір`); None when no event happened."""
        governors = self._governors(trigger)
        negated = any(t.lower_ in self.lex.negation for g in [trigger, *governors] for t in self._negators(g))
        should = next((g for g in governors if self._is_should(g, trigger)), None)
        intended = any(g.lemma_.lower() in self.lex.intent or g.lower_ in self.lex.intent for g in governors) \
            or self._future(trigger if entry.genitive is None else trigger.head)  # a noun: its verb's tense
        category = entry.type
        if category == "ACCUSE" and any(0 < t.i - trigger.i <= 4 and self._lemmas(t)[0] in self.lex.symptom_words
                                        for t in trigger.subtree):
            return None  # `після скарг дочки на здоров'я`: a patient's complaint, not a grievance
        if negated:
            if category not in COOPERATIVE:
                return None  # `не атакували`: an event that did not happen is not coded
            category = "REJECT"  # a refused concession is a rejection that did happen
        if entry.type == "AGREE" and self._bribe_offer(trigger, sentence):
            category = "REQUEST"  # an official's offer of influence for money solicits a bribe
        quote = self._quote_at(trigger)
        return _Draft(trigger, entry, sentence, previous, category, refused=negated, intended=intended,
                      should=should, quote=quote, speaker=quote.speaker if quote is not None else None,
                      subject_head=should if should is not None else trigger)

    def _own_actor(self, draft: _Draft) -> bool:
        """The actor the trigger's own words name: an event noun's parties, else the subject of the
        trigger (or of the modal that governs it), else a doer the parser read as an object. False
        when an event noun only names the thing."""
        trigger, entry = draft.trigger, draft.entry
        if entry.genitive is not None and draft.should is None:
            parties = self._noun_parties(trigger, entry, draft.sentence, draft.speaker)
            if parties is None:
                return False
            actor, own_recipient, draft.subject_head = parties
            draft.actor = actor
            draft.own = (list(actor), list(own_recipient))
        else:
            draft.actor = self._ruling_owner(draft.subject_head) or self._actor(draft.subject_head, trigger,
                                                                                draft.sentence, draft.speaker)
        draft.doer = self._doer_after_noun(trigger, entry) if not draft.actor and entry.genitive is None else None
        if draft.doer is not None:
            draft.actor = self._participants(draft.doer, None) or self._unnamed_agent(draft.doer)
        return True

    def _asked_of_subject(self, draft: _Draft) -> Found | None:
        """`Х заявив, що ЄС має закликати США`: the speaker asks the subject to act."""
        if draft.speaker is None or not draft.actor or draft.speaker in draft.actor:
            return None
        return self._found(draft.trigger, draft.entry, "REQUEST", [draft.speaker], draft.actor, draft.sentence,
                           False, "should", None)

    def _future_category(self, draft: _Draft) -> None:
        """An act announced for the future is a promise or a warning, a retreat announced a concession."""
        if not draft.intended:
            return
        if draft.category in BECOMES_AGREE_IN_FUTURE:
            draft.category = "AGREE"
        elif draft.category in BECOMES_THREAT_IN_FUTURE or self._conditional(draft.trigger, draft.sentence):
            draft.category = "THREATEN"  # `will impose a curfew`, `will withdraw unless ...`: a warning
        elif draft.category == "RETREAT":
            draft.category = "CONCEDE"

    def _fallback_actor(self, draft: _Draft) -> None:
        """An actor the trigger's own words leave unnamed: the first of these, in order, that finds one."""
        for step in (self._war_side_firing, self._court_measure_taker, self._charge_bringer, self._actor_just_told,
                     self._authority_acting, self._own_side_mobilising):
            if draft.actor:
                return
            draft.actor = step(draft)

    def _war_side_firing(self, draft: _Draft) -> list[str]:
        """`ворожих обстрілів`, `сталося 9 ворожих обстрілів`: the enemy fired."""
        if not self.parsed:
            return []
        trigger, needs = draft.trigger, draft.entry.needs
        nouns = [trigger] if trigger.pos_ == "NOUN" else [c for c in trigger.children if needs and set(
            self._lemmas(c)) & set(needs)]
        nouns += [t for n in nouns for t in self._between(n)]  # `зіткнення між силами АТО і противником`
        return next((x for x in map(self._war_side, nouns) if x), [])

    def _received(self, draft: _Draft) -> bool:
        """`отримав штраф`: an event noun its subject receives."""
        return draft.entry.genitive is not None and bool(set(self._lemmas(draft.subject_head))
                                                         & self.lex.receiving_verbs)

    def _court_measure_taker(self, draft: _Draft) -> list[str]:
        """`був взятий під варту`, `отримав штраф`: custody or a sentence is a court's measure, whoever
        acted in the sentence before."""
        received = self._received(draft)
        if not (self._impersonal(draft.subject_head) or received) or not self._court_act(draft.trigger, draft.entry):
            return []
        actor = self._earlier_institution(draft.trigger, self.lex.court_nouns) or self._court_next(draft.sentence)
        if not actor and not received:  # a fine received may be a traffic police's: none is said
            actor = self._generic_body(self.lex.court_act_doer)
        return actor

    def _charge_bringer(self, draft: _Draft) -> list[str]:
        """An impersonal suspicion or charge: the prosecution's (`_charged_by`)."""
        if draft.category != "ACCUSE" or not self._impersonal(draft.subject_head):
            return []
        return self._charged_by(draft.trigger, draft.entry)

    def _actor_just_told(self, draft: _Draft) -> list[str]:
        """The actor of the event just told, else the speaker; a suspect no one names is not the police."""
        if self._unnamed_person_subject(draft.subject_head):
            return []
        # `мене затримали`, in a witness's words: others did it, not the witness
        speaker = None if self._they(draft.subject_head) else draft.speaker
        return self._actor_from_context(draft.sentence, draft.previous, speaker, draft.category)

    def _authority_acting(self, draft: _Draft) -> list[str]:
        """An impersonal act, or an authority's act told by its noun, is the authority's named or acting last."""
        if not (self._impersonal(draft.subject_head)
                or draft.entry.genitive is not None and draft.category in AUTHORITY_ACTS):
            return []
        # courts judge: a suspicion or charge left impersonal comes from the police or prosecution
        accusers = self.lex.authority_nouns - self.lex.court_nouns if draft.category == "ACCUSE" else None
        return self._earlier_institution(draft.trigger, accusers)

    def _own_side_mobilising(self, draft: _Draft) -> list[str]:
        """`хвилі часткової мобілізації`: the press's own country mobilises (outside quoted words)."""
        if draft.category != "MOBILIZE" or not self.lex.own_side or draft.quote is not None:
            return []
        return self._kb_actor(self.lex.own_side)

    def _not_coded(self, draft: _Draft) -> bool:
        """A court's support for a party, or an attack repelled right after it is told, is no event."""
        if draft.category == "SUPPORT" and draft.actor \
                and all(self._institution(x, self.lex.court_nouns) for x in draft.actor):
            return True  # `суд підтримав позицію прокуратури`: a court sides with a party only by its ruling
        return draft.category == "ASSAULT" and self._repelled(draft.trigger, draft.sentence, draft.previous)

    def _court_rules(self, draft: _Draft) -> None:
        """Only a court sentences or rules on a claim: the court named at the clause's start or acting last."""
        draft.sentenced = self._sentenced(draft.trigger, draft.entry, draft.actor)
        if draft.sentenced:
            draft.actor = self._ruling_court(draft.trigger, draft.sentence) or self._generic_body(
                self.lex.court_act_doer)
            if draft.own[0]:  # `штраф`: the noun's own reading yields too
                draft.own = (list(draft.actor), draft.sentenced)
        draft.claim = self._claim_ruled(draft.trigger) if draft.category == "REJECT" else None
        if draft.claim is not None and not any(self._court(x) for x in draft.actor):
            draft.actor = self._ruling_court(draft.trigger, draft.sentence) or draft.actor

    def _own_recipient(self, draft: _Draft) -> None:
        """The recipient the trigger's own words name, or that its category makes it."""
        trigger, entry, actor = draft.trigger, draft.entry, draft.actor
        # an event whose actor the text leaves unnamed (`fighting broke out`) is still coded, actor null
        recipient = draft.own[1] or (self._recipient(trigger, draft.sentence, actor) if entry.genitive is None else [])
        if draft.category == "REJECT":
            recipient = self._accusers(trigger, entry, actor) or recipient
        if draft.claim is not None:  # dismissing a claim rejects its claimant, told with it or before
            recipient = self._ruling_claimant(draft.claim, actor) or recipient
        if draft.category == "CONCEDE":
            recipient = self._ruled_on(trigger, draft.sentence) or recipient
        if draft.doer is not None:  # the doer read as an object is not also the one acted on
            recipient = [x for x in recipient if x not in actor and x not in self._unnamed_recipient(draft.doer)]
        draft.recipient = recipient

    def _fallback_recipient(self, draft: _Draft) -> None:
        """A recipient the trigger's own words leave unnamed: the first of these, in order, that finds one."""
        for step in (self._motion_maker, self._case_subject, self._recipient_just_told, self._things_just_told):
            if draft.recipient:
                return
            draft.recipient = step(draft)

    def _motion_maker(self, draft: _Draft) -> list[str]:
        return [x for x in self._motion_owner(draft.trigger) if not self.sides.same_any(x, draft.actor)]

    def _case_subject(self, draft: _Draft) -> list[str]:
        """`Відкрито кримінальне провадження`, `прокуратура перевірила`: a case or check that names no one
        is into the one the article's charges, arrests and sanctions befall most."""
        entry = draft.entry
        if draft.category == "ACCUSE" and (set(entry.needs) & self.lex.complaint_words or (
                entry.mode == "investigate" and self._authority_acts(draft.actor, draft.subject_head))):
            return self._most_charged(draft.actor)
        return []

    def _recipient_just_told(self, draft: _Draft) -> list[str]:
        return self._recipient_from_context(draft.category, draft.actor, draft.sentence, draft.previous)

    def _things_just_told(self, draft: _Draft) -> list[str]:
        return self._pronoun_object_owner(draft.trigger, draft.sentence, draft.previous, draft.actor)

    def _recipient_by_act(self, draft: _Draft) -> None:
        """What some acts make of the recipient: a monument, forces moved, a lawsuit granted, a contract
        annulled, a motion to a court."""
        trigger, entry, actor, category = draft.trigger, draft.entry, draft.actor, draft.category
        if entry.mode == "vandalize":
            draft.recipient = []  # `погруддя Тараса Шевченка`: whom a monument shows is not the one acted on
        if category == "MOBILIZE":  # `сформовано нові бригади`: the forces moved are the actor's own
            draft.recipient = [x for x in draft.recipient if x not in self._moved_forces(trigger)]
        if category == "SANCTION" and set(entry.needs) & self.lex.lawsuit_words:
            draft.recipient = self._sued(draft.recipient) or draft.recipient
        if category == "SANCTION" and not draft.recipient:
            draft.recipient = self._annulled_owner(trigger, entry, actor)
        court = [x for x in self._addressee(trigger, entry) if not self.sides.same_any(x, actor)] \
            if entry.type == "REQUEST" and self._to_court(trigger, entry) else []
        if court and not any(self._institution(x, self.lex.court_nouns) for x in draft.recipient):
            draft.recipient = court  # `В суді слідчий клопотав про доступ до документів фірми`: to the court
        if not draft.recipient:
            draft.recipient = [x for x in self._addressee(trigger, entry) if not self.sides.same_any(x, actor)]

    def _two_sides_of(self, draft: _Draft) -> None:
        """A pact or meeting names both its sides; the enemy's fire is at the press's own side."""
        trigger, category = draft.trigger, draft.category
        if not draft.recipient and len(draft.actor) > 1 and set(draft.entry.needs) & self.lex.pact_words:
            # `Росія та Україна підписали угоду`: each with the other
            draft.actor, draft.recipient = draft.actor[:1], draft.actor[1:]
        if not draft.recipient and category in RECIPROCAL and self.parsed:
            draft.actor, draft.recipient = self._two_sides(trigger, draft.actor)
        if not self.parsed and category in RECIPROCAL and not draft.actor:
            draft.actor, draft.recipient = self._sides_in_order(trigger, draft.sentence, draft.recipient)
        if not draft.recipient and category == "ASSAULT" and self.lex.enemy_side in draft.actor and self.lex.own_side:
            draft.recipient = self._kb_actor(self.lex.own_side)  # the enemy fired: at the press's own side

    def _checked(self, draft: _Draft) -> Found | None:
        """The event, unless it is no act on anyone: travel, a firm's contract, a kind of property, a bare
        verb, a proposal to no one. A place may still be the recipient, and a sentence befalls the sentenced."""
        trigger, entry, actor, category = draft.trigger, draft.entry, draft.actor, draft.category
        recipient = draft.recipient
        if entry.cue in self.lex.arrival_verbs and all(
                getattr(self.actors.get(x), "type", "LOC") == "LOC" for x in recipient):
            return None  # `прибув до Криму`: travel, not a visit to someone
        if not recipient and self.lex.place_is_recipient:
            place = self._location(trigger)  # `lifted a curfew in Montenegro`: the place's people are acted on
            recipient = [place] if place is not None and not self.sides.same_any(place, actor) else []
        if entry.needs and set(entry.needs) <= self.lex.state_pacts and not self._between_states(actor + recipient):
            return None  # a contract signed by a firm is business, not a pact
        if draft.sentenced:
            recipient = draft.sentenced
        speaker = draft.speaker
        reported_by = speaker if speaker and speaker not in actor else None
        if not recipient and "amod" in (trigger.dep_, trigger.head.dep_ if trigger.dep_ == "conj" else "") \
                and self.lang != "en":
            return None  # `арештованого та конфіскованого державою майна`: a kind of property, not an act on anyone
        if not actor and not recipient and draft.quote is None and category not in ("ASSAULT", "PROTEST", "COERCE"):
            return None  # a bare verb with no party at all (`the talks were discussed`) says too little
        if entry.type == "AGREE" and category == "AGREE" and not recipient and self.lex.offers_need_recipient:
            return None  # `пропонує закріпити в законі`: a proposal to no one is a policy idea, not an offer
        modality = "intended" if draft.intended and not draft.refused else None
        # a negated act was dropped or became a rejection (`_category`): what is left did happen
        found = self._found(trigger, entry, category, actor, recipient, draft.sentence, False, modality, reported_by)
        found.own = draft.own
        return found

    def _between_states(self, parties: list[str]) -> bool:
        return bool(parties) and all(getattr(self.actors.get(x), "type", None) == "LOC" for x in parties)

    def _repelled(self, attack: Token, sentence: Span, previous: Span | None) -> bool:
        """`... атакувала наших військових. Ворожий напад відбито.`: an attack repelled right after it is told
        is that attack, part of the clash (manual, MOBILIZE: returning fire is no event of its own)."""
        if not self.parsed or not set(self._lemmas(attack.head)) & self.lex.repelled_verbs:
            return False
        return any(f.type == "ASSAULT" and self._just_told(f, sentence, previous) for f in self.events)

    def _moved_forces(self, trigger: Token) -> list[str]:
        """What a mobilisation deploys or forms: its object, or the subject of its passive."""
        if not self.parsed:
            return []
        deps = ("obj", "nsubj:pass", "nsubj") if self._passive(trigger) else ("obj",)
        moved = [c for c in trigger.children if c.dep_ in deps and self._preposition(c) is None]
        return [x for c in moved for x in self._participants(c, None) + self._unnamed_recipient(c)]

    def _between(self, noun: Token) -> list[Token]:
        """The words of a clash's `між X і Y` phrase, where its two sides are named."""
        return [t for c in noun.children if self._preposition(c) in self.lex.between_preps for t in c.subtree]

    def _found(self, trigger: Token, entry: Entry, category: str, actor: list[str], recipient: list[str],
               sentence: Span, negated: bool, modality: str | None, reported_by: str | None) -> Found:
        found = Found(trigger, entry, category, actor, recipient, sentence, negated, modality, reported_by)
        found.date = self._date(sentence)
        found.location = self._location(trigger)
        found.evidence.append((sentence.start_char, sentence.end_char))
        return found

    def _pronoun_object_owner(self, trigger: Token, sentence: Span, previous: Span | None,
                              actor: list[str]) -> list[str]:
        """`вилучені злитки ... Суд наклав арешт на них`: a pronoun that names no party stands for the
        things just told, and the one acted on there is acted on again."""
        if not self.parsed or not any(c.dep_ in ("obj", "obl", "nmod") and c.pos_ == "PRON" and c.head.dep_ != "nsubj"
                                      and c.lemma_.lower() in self.lex.group_pronouns for c in trigger.subtree):
            return []
        return next(([x for x in f.recipient if not self.sides.same_any(x, actor)] for f in reversed(self.events)
                     if self._just_told(f, sentence, previous) and f.recipient), [])

    def _bribe_offer(self, trigger: Token, sentence: Span) -> bool:
        """`пообіцяв директору за $31 тис неправомірної вигоди вплинути`, `запропонував дати йому 40 тис
        грн`: a promise or offer for a bribe, or one asking money for oneself, is a demand for a bribe."""
        after = self.doc[trigger.i + 1:min(sentence.end, trigger.i + 20)]
        if any(t.lemma_.lower() in self.lex.bribe_words or t.lower_ in self.lex.bribe_words for t in after):
            return True
        return self.parsed and any(
            "Inf" in c.morph.get("VerbForm") and c.lemma_.lower() in self.lex.giving_verbs
            and any(g.lower_ in self.lex.person_pronouns and "Dat" in g.morph.get("Case") for g in c.children)
            and any(t.lower_ in self.lex.money_words or t.lemma_.lower() in self.lex.money_words for t in c.subtree)
            for c in trigger.children)

    def _governors(self, trigger: Token) -> list[Token]:
        """The words a trigger depends on inside its own clause (`не мають наміру йти`: мають, наміру)."""
        if not self.parsed:
            return [t for t in self.doc[max(trigger.sent.start, trigger.i - 4):trigger.i]
                    if not t.is_punct and t.text not in CLAUSE_PUNCT]
        chain, current = [], trigger
        while current.head.i != current.i and (current.dep_ not in CLAUSE_DEPS or _infinitive_complement(current)) \
                and len(chain) < 4:
            current = current.head
            chain.append(current)
        return chain

    def _negators(self, token: Token) -> list[Token]:
        if self.parsed:
            near = [c for c in token.children if c.dep_ in ("advmod", "neg", "det", "part", "discourse")]
            before = self.doc[token.i - 1] if token.i > token.sent.start else None
            return near + ([before] if before is not None else [])
        return [self.doc[token.i - 1]] if token.i > token.sent.start else []

    def _is_should(self, governor: Token, trigger: Token) -> bool:
        lemma = governor.lemma_.lower()
        if lemma not in self.lex.should and governor.lower_ not in self.lex.should:
            return False
        if self.lang == "uk" and lemma == "мати":  # `має закликати`, not `мають намір`
            return trigger.head.i == governor.i and trigger.dep_ == "xcomp"
        return True

    def _conditional(self, trigger: Token, sentence: Span) -> bool:
        """`... unless the president steps down`: a promised act made to depend on the other side."""
        return any(t.lower_ in self.lex.threat_marks for t in self.doc[trigger.i + 1:sentence.end])

    def _future(self, trigger: Token) -> bool:
        if self.lang == "en":
            return any(c.lower_ in ("will", "'ll", "shall", "would") for c in trigger.children)
        return "Fut" in trigger.morph.get("Tense") or any(
            c.lemma_.lower() in ("бути", "быть") and "Fut" in c.morph.get("Tense") for c in trigger.children) \
            or self._perfective_future(trigger)

    def _perfective_future(self, verb: Token) -> bool:
        """`запровадить`: a perfective verb read as present by the parser is a future; the
        dictionary knows it (it lists no present for a perfective verb)."""
        if verb.pos_ != "VERB" or "Pres" not in verb.morph.get("Tense"):
            return False
        finite = [p for p in analyzer(self.lang).parse(verb.lower_) if p.tag.POS == "VERB" and p.tag.tense]
        return bool(finite) and all(p.tag.tense == "futr" for p in finite)

    # --- place, time, speech -----------------------------------------------------------------
    def _location(self, trigger: Token) -> str | None:
        """A place named after `в/у/на/in/at` among the trigger's own words (`у Мінську`, `in Minsk`)."""
        if not self.parsed:
            return None
        words = [t for t in trigger.subtree if trigger.left_edge.i <= t.i <= trigger.right_edge.i]
        for token in words:
            mention = self.by_token.get(token.i)
            if mention is None or self._preposition_before(token) not in ("в", "у", "на", "in", "at", "во"):
                continue
            actor = self.actors.get(mention.actor)
            if actor is not None and actor.type == "LOC":
                return actor.id
        return None

    def _date(self, sentence: Span) -> str | None:
        for timex in self.timexes:
            if sentence.start_char <= timex.start < sentence.end_char and timex.type == "DATE" \
                    and len(timex.value) >= 7 and timex.value[:4].isdigit():
                return timex.value
        return self.published

    def _quote_at(self, token: Token) -> Quote | None:
        return next((q for q in self.quotes if q.start <= token.idx < q.end), None)

    def _mentions_by_token(self, mentions: list[Mention]) -> dict[int, Mention]:
        by_token: dict[int, Mention] = {}
        for mention in sorted(mentions, key=lambda m: m.end - m.start):  # the longest wins
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span or []:
                by_token[token.i] = mention
        return by_token

    def to_event(self, found: Found) -> Event:
        start, end = found.evidence[0]
        return Event(type=found.type, actor=party_value(found.actor), recipient=party_value(found.recipient),
                     date=found.date, evidence=self.text[start:end].strip(), start=start, end=end,
                     mode=found.entry.mode, location=found.location, negated=found.negated,
                     trigger=found.trigger.text, cue=found.entry.cue, modality=found.modality,
                     reported_by=found.reported_by, spans=[list(s) for s in found.evidence])
