"""Political events coded in PLOVER: who did what to whom, when, where, according to whom.

A trigger (a verb, or a verb with the noun that makes it an event: `йти на компроміс`) comes
from the per-language lexicon in `data/events/`. Its roles come from the dependency parse where
the language has one (uk, en), with case and prepositions deciding which dependent is the
recipient; without a parse (ru) from case and word order. Negation, obligation (`має закликати`)
and intention (`добиватимуться`, `мають намір`) are read from the trigger and the words that
govern it, and change the category the way the PLOVER manual says (a refused concession is a
REJECT; a future consultation is an AGREE). An event inside reported speech keeps the speaker as
`reported_by`; `ми закликаємо` makes the speaker's side the actor.

The same event said several times in an article is one event with several evidence spans.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from khronika.actors.kb import knowledge_base, lemma_set
from khronika.actors.link import organisation_outside_kb
from khronika.actors.names import slug
from khronika.extraction.quotes import cues
from khronika.language.morphology import analyzer, dictionary_lemmas
from khronika.model import Actor, Event, Mention, Quote, Timex

CLAUSE_DEPS = {"ccomp", "advcl", "acl", "acl:relcl", "relcl", "parataxis", "conj", "csubj", "list"}
OBJECT_DEPS = {"obj", "iobj", "dobj", "dative", "obl", "obl:arg", "nmod", "pobj", "prep", "attr", "dep"}
COORDINATION = {"conj"}
COOPERATIVE = {"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
BECOMES_AGREE_IN_FUTURE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
BECOMES_THREAT_IN_FUTURE = {"SANCTION", "COERCE", "ASSAULT", "PROTEST"}  # manual: THREATEN modes, CAMEO 13x
RECIPROCAL = {"CONSULT", "COOPERATE", "AGREE"}
DIRECTED = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "COERCE", "ASSAULT", "CONSULT", "SUPPORT"}
PARTICIPANT_LABELS = {"PERS", "PER", "ORG", "LOC", "GPE", "NORP"}
SOURCE_NOUNS = {"версія", "дані", "інформація", "слово", "думка", "оцінка", "версия", "данные", "информация"}
CLAUSE_PUNCT = {",", ";", ":", "—", "–", "(", ")", "«", "»", '"'}


@dataclass(frozen=True)
class Entry:
    type: str
    mode: str | None
    cue: str
    needs: tuple[str, ...] = ()  # lemmas one of which must depend on (or follow) the head


@dataclass
class Lexicon:
    heads: dict[str, list[Entry]]
    negation: frozenset[str]
    should: frozenset[str]
    intent: frozenset[str]
    speaker_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    recipient_preps: dict[str, str]
    located_preps: frozenset[str]
    agent_markers: tuple[str, ...] = ()
    party_nouns: frozenset[str] = frozenset()
    resident_nouns: frozenset[str] = frozenset()
    participles: tuple[tuple[str, str], ...] = ()
    threat_marks: frozenset[str] = frozenset()
    authority_nouns: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    enemy_nouns: frozenset[str] = frozenset()
    enemy_adjectives: frozenset[str] = frozenset()
    enemy_side: str | None = None
    own_side: str | None = None
    own_marks: frozenset[str] = frozenset()
    lawsuit_words: frozenset[str] = frozenset()
    court_nouns: frozenset[str] = frozenset()
    addressed_to_court: frozenset[str] = frozenset()
    addressed_to_authority: frozenset[str] = frozenset()
    arrival_verbs: frozenset[str] = frozenset()
    beneficiary_nouns: frozenset[str] = frozenset()


@cache
def lexicon(lang: str) -> Lexicon:
    data = json.loads(resources.files("khronika.data").joinpath("events", f"{lang}.json").read_text("utf-8"))
    modes = data.get("modes", {})
    heads: dict[str, list[Entry]] = {}
    for category, words in data["verbs"].items():
        for word in words:
            head, *rest = word.split()
            heads.setdefault(head, []).append(Entry(category, modes.get(head), word, tuple(rest)))
    for phrase in data.get("phrases", []):
        for head in phrase["head"]:
            entry = Entry(phrase["type"], phrase.get("mode"), f"{head} {phrase['with'][0]}", tuple(phrase["with"]))
            heads.setdefault(head, []).insert(0, entry)  # a phrase is more specific than the bare verb
    return Lexicon(heads, frozenset(data["negation"]), frozenset(data["should"]), frozenset(data["intent"]),
                   frozenset(data["speaker_pronouns"]), frozenset(data["person_pronouns"]),
                   frozenset(data.get("group_pronouns", [])),
                   dict(data["recipient_preps"]), frozenset(data["located_preps"]),
                   tuple(data.get("agent_markers", [])), frozenset(data.get("party_nouns", [])),
                   frozenset(data.get("resident_nouns", [])),
                   tuple((a, b) for a, b in data.get("participles", [])), frozenset(data.get("threat_marks", [])),
                   frozenset(data.get("authority_nouns", [])), frozenset(data.get("person_nouns", [])),
                   frozenset(data.get("enemy_nouns", [])), frozenset(data.get("enemy_adjectives", [])),
                   data.get("enemy_side"), data.get("own_side"), frozenset(data.get("own_marks", [])),
                   frozenset(data.get("lawsuit_words", [])), frozenset(data.get("court_nouns", [])),
                   frozenset(data.get("addressed_to_court", [])), frozenset(data.get("addressed_to_authority", [])),
                   frozenset(data.get("arrival_verbs", [])), frozenset(data.get("beneficiary_nouns", [])))


@dataclass
class Found:
    """An event as read from one sentence, before the article's mentions of it are merged."""

    trigger: Token
    entry: Entry
    type: str
    actor: list[str]
    recipient: list[str]
    sentence: Span
    negated: bool = False
    modality: str | None = None
    reported_by: str | None = None
    location: str | None = None
    date: str | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    silent: bool = False  # read only for the context it gives (`— ..., — зізнається Борис`: a speaker)


def find_events(doc: Doc, lang: str, mentions: list[Mention], actors: list[Actor], quotes: list[Quote],
                timexes: list[Timex], published: str | None) -> list[Event]:
    if lang not in ("uk", "ru", "en"):
        return []
    """The article's events. An actor that the text names only by a common noun (`Поліція
    затримала`) becomes an organisation actor, appended to `actors`."""
    reader = _Reader(doc, lang, mentions, actors, quotes, timexes, published)
    events = [reader.to_event(found) for found in merge(reader.run(), reader.sides)]
    used = {x for e in events for x in _as_list(e.actor) + _as_list(e.recipient)}
    known = {a.id for a in actors}
    actors += [a for a in reader.new_actors.values() if a.id in used and a.id not in known]
    return events


class _Reader:
    def __init__(self, doc: Doc, lang: str, mentions: list[Mention], actors: list[Actor], quotes: list[Quote],
                 timexes: list[Timex], published: str | None):
        self.doc, self.lang, self.lex = doc, lang, lexicon(lang)
        self.parsed = doc.has_annotation("DEP")
        self.actors = {a.id: a for a in actors}
        named = [m for m in mentions if m.actor and m.kind != "modifier" and m.label in PARTICIPANT_LABELS]
        # places stay parties (`Monrovia`): event data codes a place by its country, as the PLOVER gold does
        self.mentions = named
        self.quotes, self.timexes, self.published = quotes, timexes, published
        self.by_token = self._mentions_by_token(self.mentions)
        self.places = self.by_token
        # `Hungarian officials`, `українські військові`: an adjective names the party of its noun
        self.modifiers = self._mentions_by_token([m for m in mentions if m.actor and m.kind == "modifier"])
        self.events: list[Found] = []
        self.new_actors: dict[str, Actor] = {}
        self.agent_nouns = frozenset(cues(lang).get("organisation_nouns", [])) | self.lex.party_nouns

    # --- reading sentences -------------------------------------------------------------------
    def run(self) -> list[Found]:
        previous: Span | None = None
        for sentence in self.doc.sents:
            start = len(self.events)
            for trigger, entry in self._triggers(sentence):
                found = self._event(trigger, entry, sentence, previous)
                if found is not None:
                    self.events.append(found)
            self.events[start:] = self._one_per_phrase(self.events[start:])
            for found in self.events[start:]:
                found.silent = self._speech_cue(found.trigger, found.entry)
            for clause in self._must_clauses(sentence):
                found = self._demand(clause, sentence)
                if found is not None:
                    self.events.append(found)
            previous = sentence
        return [f for f in self.events if not f.silent]

    def _one_per_phrase(self, found: list[Found]) -> list[Found]:
        """`відбувся мінометний обстріл`, `Окупанти здійснили обстріл`: the phrase and its noun tell
        one event; the phrase keeps it, with the roles either of them found."""
        kept = list(found)
        for phrase in found:
            if not phrase.entry.needs:
                continue
            for noun in found:
                if noun is phrase or noun not in kept or noun.type != phrase.type or noun.entry.needs \
                        or not set(self._lemmas(noun.trigger)) & set(phrase.entry.needs) \
                        or abs(noun.trigger.i - phrase.trigger.i) > 6:
                    continue
                phrase.actor = phrase.actor or noun.actor
                phrase.recipient = phrase.recipient or noun.recipient
                kept.remove(noun)
        return kept

    def _triggers(self, sentence: Span) -> list[tuple[Token, Entry]]:
        found = []
        for token in sentence:
            if token.is_punct or token.is_space:
                continue
            entry = self._entry(token, sentence)
            if entry is not None and not self._attributive(token):
                found.append((token, entry))
        demanded = {t.i for t in self._must_clauses(sentence)}
        heads = {t.i for t, _ in found} | demanded
        # `вимагають від Росії вивести війська`: the withdrawal is what is asked for, not an event
        return [(t, e) for t, e in found if not self._content_of(t, heads) and t.i not in demanded]

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
        for lemma in self._lemmas(token):
            for entry in self.lex.heads.get(lemma, []):
                if not entry.needs or self._has_dependent(token, entry.needs, sentence):
                    return entry
        return None

    def _lemmas(self, token: Token) -> list[str]:
        lemmas = [token.lemma_.lower()]
        if self.lang != "en":  # a mistagged verb (`привіз` read as a noun) keeps its verb lemmas
            lemmas += [x for x in dictionary_lemmas(token.lower_, self.lang, "VERB") if x not in lemmas]
            if token.pos_ == "ADJ":  # `скоординована` (a passive participle)
                lemmas += [x for x in dictionary_lemmas(token.lower_, self.lang, "ADJ") if x not in lemmas]
            if token.pos_ in ("ADJ", "ADV", "VERB"):  # `затриманий`, `відкрито`: the verb they come from
                lemmas += [x for x in self._participle_verbs(lemmas + [token.lower_]) if x not in lemmas]
        return lemmas

    def _participle_verbs(self, words: list[str]) -> list[str]:
        verbs = []
        for word in words:
            for suffix, verb in self.lex.participles:
                if word.endswith(suffix) and len(word) > len(suffix) + 2:
                    verbs.append(word[:-len(suffix)] + verb)
                    break  # the longest suffix comes first in the list
        return verbs

    def _has_dependent(self, head: Token, needs: tuple[str, ...], sentence: Span) -> bool:
        wanted = set(needs)
        near = list(head.subtree) if self.parsed else []
        near += list(self.doc[head.i + 1:min(head.i + 5, sentence.end)])
        for token in near:
            if token.i == head.i:
                continue
            if {token.lemma_.lower(), token.lower_} & wanted or (self.lang != "en" and lemma_set(token.text, self.lang)
                                                                  & wanted):
                return True
        return False

    def _content_of(self, token: Token, heads: set[int]) -> bool:
        if not self.parsed:  # `призвал Германию ввести санкции`: an infinitive right after a trigger
            return "Inf" in token.morph.get("VerbForm") and any(token.i - 4 <= h < token.i for h in heads)
        current = token
        while (current.dep_ in ("xcomp", "obj", "dobj", "obl", "advcl", "ccomp", "nmod") or _infinitive_complement(
                current)) and current.head.i != current.i:
            current = current.head
            if current.i in heads:
                return True
        return False

    # --- one event ---------------------------------------------------------------------------
    def _event(self, trigger: Token, entry: Entry, sentence: Span, previous: Span | None) -> Found | None:
        governors = self._governors(trigger)
        negated = any(t.lower_ in self.lex.negation for g in [trigger, *governors] for t in self._negators(g))
        should = next((g for g in governors if self._is_should(g, trigger)), None)
        intended = any(g.lemma_.lower() in self.lex.intent or g.lower_ in self.lex.intent for g in governors) \
            or self._future(trigger)
        category, refused = entry.type, negated
        if negated:
            if category not in COOPERATIVE:
                return None  # `не атакували`: an event that did not happen is not coded
            category, negated = "REJECT", False  # a refused concession is a rejection that did happen
        quote = self._quote_at(trigger)
        speaker = quote.speaker if quote is not None else None
        subject_head = should if should is not None else trigger
        actor = self._actor(subject_head, trigger, sentence, speaker)
        if should is not None:
            # `Х заявив, що ЄС має закликати США`: the speaker asks the subject to act
            if speaker is None or not actor or speaker in actor:
                return None
            return self._found(trigger, entry, "REQUEST", [speaker], actor, sentence, negated, "should", None)
        if intended and not negated:
            if category in BECOMES_AGREE_IN_FUTURE:
                category = "AGREE"
            elif category in BECOMES_THREAT_IN_FUTURE or self._conditional(trigger, sentence):
                category = "THREATEN"  # `will impose a curfew`, `will withdraw unless ...`: a warning
            elif category == "RETREAT":
                category = "CONCEDE"
        if not actor and self.parsed:  # `ворожих обстрілів`, `сталося 9 ворожих обстрілів`: the enemy fired
            nouns = [trigger] if trigger.pos_ == "NOUN" else [c for c in trigger.children if entry.needs and set(
                self._lemmas(c)) & set(entry.needs)]
            actor = next((x for x in map(self._war_side, nouns) if x), [])
        if not actor:
            actor = self._actor_from_context(sentence, previous, speaker)
        if not actor and self._impersonal(subject_head):
            actor = self._earlier_institution(trigger)
        if not actor and category == "MOBILIZE" and self.lex.own_side and quote is None:
            actor = self._kb_actor(self.lex.own_side)  # `хвилі часткової мобілізації`: the press's own country
        # an event whose actor the text leaves unnamed (`fighting broke out`) is still coded, actor null
        recipient = self._recipient(trigger, sentence, actor)
        if not recipient:
            recipient = self._recipient_from_context(category, actor, sentence, previous)
        court = [x for x in self._addressee(trigger, entry) if not self.sides.same_any(x, actor)] \
            if entry.type == "REQUEST" and self._to_court(trigger, entry) else []
        if court and not any(self._institution(x, self.lex.court_nouns) for x in recipient):
            recipient = court  # `В суді слідчий клопотав про доступ до документів фірми`: to the court
        if not recipient:
            recipient = [x for x in self._addressee(trigger, entry) if not self.sides.same_any(x, actor)]
        if not recipient and category in RECIPROCAL and self.parsed:
            actor, recipient = self._two_sides(trigger, actor)
        if not recipient and category == "ASSAULT" and self.lex.enemy_side in actor and self.lex.own_side:
            recipient = self._kb_actor(self.lex.own_side)  # the enemy fired: at the press's own side
        if entry.cue in self.lex.arrival_verbs and all(
                getattr(self.actors.get(x), "type", "LOC") == "LOC" for x in recipient):
            return None  # `прибув до Криму`: travel, not a visit to someone
        reported_by = speaker if speaker and speaker not in actor else None
        if not actor and not recipient and quote is None and category not in ("ASSAULT", "PROTEST", "COERCE"):
            return None  # a bare verb with no party at all (`the talks were discussed`) says too little
        modality = "intended" if intended and not refused else None
        return self._found(trigger, entry, category, actor, recipient, sentence, negated, modality, reported_by)

    def _found(self, trigger: Token, entry: Entry, category: str, actor: list[str], recipient: list[str],
               sentence: Span, negated: bool, modality: str | None, reported_by: str | None) -> Found:
        clause = sentence
        found = Found(trigger, entry, category, actor, recipient, sentence, negated, modality, reported_by)
        found.date = self._date(sentence)
        found.location = self._location(trigger)
        found.evidence.append((clause.start_char, clause.end_char))
        return found

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

    # --- roles -------------------------------------------------------------------------------
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
                if speaker is not None and not self._names_someone(child) \
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
        return "Nom" in token.morph.get("Case") and bool(number) and number == token.morph.get("Number") \
            and any(c.dep_ == "obj" and c.i > verb.i for c in verb.children)

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
        return "Pass" in verb.morph.get("Voice") or "0" in verb.morph.get("Person")

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
        acted = [(f.trigger.idx, [x for x in f.actor if self._institution(x, kinds)]) for f in self.events
                 if f.trigger.i < trigger.i]
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
        if noun.pos_ != "NOUN" or not (lemma in self.agent_nouns or animate):
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
        if self.lang != "en" and "Sing" in noun.morph.get("Number") and "Nom" not in noun.morph.get("Case"):
            # `міського голови` is `міський голова`, not the plural the first dictionary reading gives
            native = self._nominative_singular(self.doc[words[0].i:noun.i + 1], noun)
            if native:
                native += self.doc[noun.i:end + 1].text[len(noun.text):]
                native = native[:1].upper() + native[1:]
                actor = Actor(f"kh:org:{slug(native)}", native, "ORG", {self.lang: native})
        self.new_actors.setdefault(actor.id, actor)
        self.actors.setdefault(actor.id, actor)
        return [actor.id]

    def _person_named_before(self, noun: Token) -> str | None:
        """`Суд не підтримав аргументації екс-чиновниці` after `Наталя Бережанська ...`: a bare singular
        person noun (`підозрювана`, `інженер`) is the person of its gender named last before it. One
        that says more (`29-річного мешканця Закарпаття`, `директора фірми`) introduces someone new."""
        if self.lang == "en" or "Sing" not in noun.morph.get("Number") or noun.lemma_.lower() in self.agent_nouns \
                or noun.lemma_.lower() in self.lex.resident_nouns or noun.i in self.modifiers:
            return None  # `киянин`, `громадянин`: a person of a place, someone new
        if any("Rel" in t.morph.get("PronType") for t in self.doc[noun.i + 1:min(noun.i + 4, noun.sent.end)]):
            return None  # `киянин, ім'я якого не розголошується`: described, so someone new
        if any(c.dep_ in ("nmod", "nummod", "nummod:gov", "appos", "flat", "flat:name", "acl", "acl:relcl")
               or any(ch.isdigit() for ch in c.text) for c in noun.children):
            return None
        gender = self._dictionary_genders(noun.lower_, lambda tag: noun.pos_ != "NOUN" or tag.POS == "NOUN")
        people = [m for m in self.mentions if m.end <= noun.idx and m.label in ("PERS", "PER")]
        if len(gender) != 1 or not people:
            return None
        return people[-1].actor if gender == self._genders(people[-1].actor) else None

    def _dictionary_genders(self, word: str, fits) -> set[str]:
        return {p.tag.gender for p in analyzer(self.lang).parse(word) if p.tag.gender and fits(p.tag)}

    def _genders(self, actor_id: str) -> set[str]:
        """A person's gender as the dictionary reads the names of all their mentions (`Андрій
        Павленко`, not only `Павленко`, which could be either); nothing when they disagree."""
        found: set[str] = set()
        for mention in self.mentions:
            if mention.actor == actor_id and mention.kind == "name":
                for word in mention.text.split():
                    genders = self._dictionary_genders(word.lower(), lambda tag: {"Name", "Surn"} & set(tag.grammemes))
                    found |= genders if len(genders) == 1 else set()
        return found if len(found) == 1 else set()

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
        if token.lemma_.lower() in self.lex.resident_nouns:
            return []  # `громадянина Канади`: a person, not Canada; an unnamed party of its own
        if self.lang != "en" and token.pos_ == "NOUN" and self._animate(token):
            # `директора фірми «УПС» Тараса Палія`: the person named, not the firm they run
            person = next((self.by_token[t.i] for t in token.subtree if t.i > token.i and t.i in self.by_token
                           and self.by_token[t.i].label in ("PERS", "PER") and t.i <= token.i + 6), None)
            if person is not None:
                return [person.actor]
        for child in token.children:  # the first named genitive dependent: `керівництво Росії`
            if child.dep_ in ("nmod", "nmod:poss", "poss", "compound", "amod", "flat", "flat:title", "appos") \
                    and child.i in self.by_token and self._owned(child):
                return [self.by_token[child.i].actor]
        for child in token.children:
            if child.dep_ == "nmod" and self._owned(child):
                deeper = self._named_in(child, modifiers)
                if deeper:
                    return deeper
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
                    if mention is not None:
                        return [mention.actor]
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
        if self.parsed and self.lang != "en" and trigger.dep_ in ("amod", "acl") and trigger.pos_ == "ADJ" \
                and "Pass" in trigger.morph.get("Voice"):  # `Філіпчуку, затриманому за вимагання`: the one acted upon
            candidates.insert(0, self._participants(trigger.head, None, modifiers=False))
        if not self.parsed or trigger.pos_ not in ("VERB", "AUX"):
            # the words after the trigger: no parse, or a misread one (`привіз` tagged a noun)
            end = trigger.right_edge.i + 1 if self.parsed else sentence.end
            candidates += self._recipients_by_case(trigger, self.doc[sentence.start:max(end, trigger.i + 1)])
        for group in candidates:
            group = [x for x in group if not self.sides.same_any(x, actor)]
            if group:
                return group
        return []

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

    def _actor_from_context(self, sentence: Span, previous: Span | None, speaker: str | None) -> list[str]:
        """`Москву закликають до деескалації` after `Боррель відповів...`: the actor of the event
        just told, in this sentence or the one before; else the speaker whose words these are."""
        for found in reversed(self.events):
            if found.sentence.start == sentence.start or (previous is not None
                                                          and found.sentence.start == previous.start):
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

    # --- place, time, speech -----------------------------------------------------------------
    def _location(self, trigger: Token) -> str | None:
        """A place named after `в/у/на/in/at` among the trigger's own words (`у Мінську`, `in Minsk`)."""
        if not self.parsed:
            return None
        words = [t for t in trigger.subtree if trigger.left_edge.i <= t.i <= trigger.right_edge.i]
        for token in words:
            mention = self.places.get(token.i)
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

    def _last_person(self, token: Token) -> str | None:
        people = [m for m in self.mentions if m.end <= token.idx and m.label in ("PERS", "PER")]
        return people[-1].actor if people else None

    def _mentions_by_token(self, mentions: list[Mention]) -> dict[int, Mention]:
        by_token: dict[int, Mention] = {}
        for mention in sorted(mentions, key=lambda m: m.end - m.start):  # the longest wins
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span or []:
                by_token[token.i] = mention
        return by_token

    @property
    def sides(self) -> Sides:
        return Sides(self.actors)

    def to_event(self, found: Found) -> Event:
        start, end = found.evidence[0]
        return Event(type=found.type, actor=_one_or_list(found.actor), recipient=_one_or_list(found.recipient),
                     date=found.date, evidence=self.doc.text[start:end].strip(), start=start, end=end,
                     mode=found.entry.mode, location=found.location, negated=found.negated,
                     trigger=found.trigger.text, cue=found.entry.cue, modality=found.modality,
                     reported_by=found.reported_by, spans=[list(s) for s in found.evidence])


class Sides:
    """Whether two actors are the same party: one id, a country and someone of it (Russia and
    Putin), or a person and the organisation whose post they hold (Borrell and the EU). Two bodies
    or people of one country are not one party: a prosecutor charges a railway official."""

    def __init__(self, actors: dict[str, Actor]):
        self.actors = actors

    def same(self, a: str, b: str) -> bool:
        if a == b:
            return True
        x, y = self.actors.get(a), self.actors.get(b)
        if x is None or y is None:
            return False
        if x.country and x.country == y.country and "LOC" in (x.type, y.type):
            return True
        return bool(x.affiliation and x.affiliation == y.name) or bool(y.affiliation and y.affiliation == x.name)

    def same_any(self, a: str, group: list[str]) -> bool:
        return any(self.same(a, b) for b in group)

    def same_any_list(self, left: list[str], right: list[str]) -> bool:
        return any(self.same(a, b) for a in left for b in right)


def merge(found: list[Found], sides: Sides) -> list[Found]:
    """One event per thing that happened: the same category, date and parties (or a party left
    unsaid in one telling) is a retelling, and its sentence becomes one more evidence span."""
    merged: list[Found] = []
    for event in found:
        same = next((m for m in merged if _retelling(m, event, sides)), None)
        if same is None:
            merged.append(event)
            continue
        same.evidence += [s for s in event.evidence if s not in same.evidence]
        if not same.recipient:
            same.recipient = event.recipient
    return merged


def _retelling(a: Found, b: Found, sides: Sides) -> bool:
    if a.type != b.type or a.date != b.date or a.negated != b.negated:
        return False
    if a.type == "ASSAULT" and (a.entry.cue != b.entry.cue or a.location != b.location):
        return False  # a front-line report lists one attack after another, each told its own way
    if not sides.same_any_list(a.actor, b.actor):
        return False
    return not a.recipient or not b.recipient or bool(set(a.recipient) & set(b.recipient)) \
        or sides.same_any_list(a.recipient, b.recipient)


def _infinitive_complement(token: Token) -> bool:
    """`наміру йти`, `від Росії вивести`: an infinitive that completes a noun, not a clause of its own."""
    return token.dep_ == "acl" and "Inf" in token.morph.get("VerbForm")


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _one_or_list(ids: list[str]) -> str | list[str] | None:
    if not ids:
        return None
    return ids[0] if len(ids) == 1 else list(ids)
