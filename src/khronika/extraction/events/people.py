"""Which person a word stands for: a bare person noun (`обвинувачений`, `жінку`), a pronoun (`вона`,
`йому`, `себе`) or a subject no name covers, read from the article's people, their genders and the
events told about them so far."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from spacy.tokens import Span, Token

from khronika.extraction.events.state import ReaderState
from khronika.extraction.quotes import cues
from khronika.language.morphology import analyzer
from khronika.model import Mention

SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass")
CHARGED_BY = frozenset({"ACCUSE", "COERCE", "SANCTION"})  # what befalls the one an article is about
VERB_GENDERS = {"Masc": "masc", "Fem": "femn"}


class People(ReaderState):
    """A mixin of `_Reader`, beside the role mixins: the person behind a person noun or pronoun."""

    def _person_named_before(self, noun: Token) -> str | None:
        """`Суд не підтримав аргументації екс-чиновниці` after `Наталя Бережанська ...`: a bare singular
        person noun (`підозрювана`, `інженер`) is a person of its gender named before it: the last one, or
        for a noun of the accused (`обвинувачений`, `фігурант`: `accused_nouns`) the one the article's
        charges and arrests befall, not a witness named in between. One that says more (`29-річного
        мешканця Закарпаття`, `директора фірми`) introduces someone new, and an official of the case
        (`прокурор`, `суддя`: `official_nouns`) is only one the article gave that title."""
        if not self._bare_person_noun(noun):
            return None
        gender = self._dictionary_genders(noun.lower_, lambda tag: noun.pos_ != "NOUN" or tag.POS == "NOUN")
        if len(gender) != 1:
            return None
        words = {noun.lemma_.lower(), noun.lower_}
        accused = bool(words & self.lex.accused_nouns)
        people = [m.actor for m in self._people_before(noun.idx) if self._genders(m.actor) == gender]
        if words & self.lex.official_nouns:  # `Прокурор підтримав` is not the accused named last
            people = [x for x in people if self._introduced_as(words, x, noun.idx)]
        else:  # `Про це пише Федір Орищук`: who reports the story is none of its people
            people = [x for x in people if not self._reporter(x, noun.idx)]
        if not people:
            return self._charged_unnamed(gender) if accused else None
        return self._accused(people) if accused else people[-1]

    def _bare_person_noun(self, noun: Token) -> bool:
        if self.lang == "en" or "Sing" not in noun.morph.get("Number") or noun.lemma_.lower() in self.agent_nouns \
                or noun.lemma_.lower() in self.lex.resident_nouns or noun.i in self.modifiers:
            return False  # `киянин`, `громадянин`: a person of a place, someone new
        if any("Rel" in t.morph.get("PronType") for t in self.doc[noun.i + 1:min(noun.i + 4, noun.sent.end)]):
            return False  # `киянин, ім'я якого не розголошується`: described, so someone new
        return not any(c.dep_ in ("nmod", "nummod", "nummod:gov", "appos", "flat", "flat:name", "acl", "acl:relcl")
                       and not self._participle_complement(noun, c)
                       or any(ch.isdigit() for ch in c.text) for c in noun.children)

    def _participle_complement(self, noun: Token, child: Token) -> bool:
        """`Підозрюваний у крадіжці`: a participle's prepositional phrase says what it is about, not who."""
        return noun.pos_ == "ADJ" and child.dep_ == "nmod" and any(c.dep_ == "case" for c in child.children)

    def _reporter(self, actor_id: str, before: int) -> bool:
        """A person named so far only as the one who tells the story (`Про це пише Федір Орищук у
        «Главкомі»`): each mention the subject of a speech verb in a sentence that says `про це`."""
        mentions = [m for m in self._people_before(before) if m.actor == actor_id]
        return bool(mentions) and all(self._reporting(m) for m in mentions)

    def _reporting(self, mention: Mention) -> bool:
        token = self._mention_root(mention)
        if token is None or not (token.dep_ in SUBJECTS or token.dep_ == "obj" and token.i > token.head.i
                                 and self._nominative_only(token)):  # `Про це пише Федір Орищук`, read as object
            return False
        said = cues(self.lang)
        text = token.sent.text.lower()
        return token.head.lemma_.lower() in set(said.get("verb_set", ())) | set(said.get("verbs", ())) \
            and any(phrase in text for phrase in said.get("about_this", []))

    def _introduced_as(self, words: set[str], actor_id: str, before: int) -> bool:
        """The article gave the person that title (`прокурор Ігор Сас`, `прокурора Саса`): one of the
        words of a mention of theirs, or of the few words right before one, is that noun."""
        for mention in self._people_before(before):
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand") \
                if mention.actor == actor_id else None
            if span is not None and any({t.lemma_.lower(), t.lower_} & words
                                        for t in self.doc[max(span.sent.start, span.start - 4):span.end]):
                return True
        return False

    def _accused(self, people: list[str]) -> str:
        """Of the people a noun of the accused may mean (in the order named), the one most charged,
        arrested or sanctioned in the events so far, then the most mentioned, then the last."""
        charged = Counter(x for f in self.events if f.type in CHARGED_BY for x in f.recipient)
        mentioned = Counter(people)
        order = {actor: k for k, actor in enumerate(people)}
        return max(mentioned, key=lambda a: (charged[a], mentioned[a], order[a]))

    def _most_charged(self, besides: list[str]) -> list[str]:
        """`Підприємиця звернулася до правоохоронних органів із заявою`: a complaint that names no one is
        against the one the article's charges, arrests and sanctions befall most."""
        charged = Counter(x for f in self.events if f.type in CHARGED_BY for x in f.recipient
                          if not self.sides.same_any(x, besides))
        return [charged.most_common(1)[0][0]] if charged else []

    def _charged_unnamed(self, gender: set[str]) -> str | None:
        """`затримали 29-річного мешканця Закарпаття ... Підозрюваний зізнався`: with no one named, the
        suspect is the unnamed person of that gender charged or arrested last."""
        for found in reversed(self.events):
            for actor_id in found.recipient if found.type in CHARGED_BY else []:
                actor = self.actors.get(actor_id)
                if actor is not None and not actor.in_kb and actor_id in self.new_actors \
                        and self._person_phrase(actor.names.get(self.lang, actor.name), gender):
                    return actor_id
        return None

    def _person_phrase(self, name: str, gender: set[str]) -> bool:
        """An unnamed party's words name one person of that gender (`29-річний мешканець`)."""
        return any(p.tag.POS == "NOUN" and p.tag.animacy == "anim" and p.tag.number != "plur" and p.tag.case == "nomn"
                   and {p.tag.gender} == gender for w in name.split() for p in analyzer(self.lang).parse(w.lower()))

    def _people_before(self, offset: int) -> list[Mention]:
        return [m for m in self.mentions if m.end <= offset and m.label in ("PERS", "PER")]

    def _dictionary_genders(self, word: str, fits: Callable[[Any], object]) -> set[str]:
        """The genders the dictionary gives a word, in the readings `fits` accepts (a pymorphy3 tag)."""
        return {p.tag.gender for p in analyzer(self.lang).parse(word) if p.tag.gender and fits(p.tag)}

    def _genders(self, actor_id: str) -> set[str]:
        """A person's gender: that of their first name in the nominative (`Леся Мусаєва`), else of the
        past-tense verbs their mentions are the subject of (`Мусаєва стверджувала`), else of the
        dictionary's readings of all their mentions' names, else the parser's; nothing when these disagree."""
        if actor_id not in self.person_genders:
            found = self._name_gender(actor_id) or self._verb_genders(actor_id) or self._mention_genders(actor_id) \
                or self.parser_genders.get(actor_id, set())
            self.person_genders[actor_id] = found if len(found) == 1 else set()
        return self.person_genders[actor_id]

    def _name_gender(self, actor_id: str) -> set[str]:
        actor = self.actors.get(actor_id)
        words = (actor.names.get(self.lang) or "").split() if actor is not None and actor.type == "PER" else []
        if len(words) < 2:
            return set()
        return self._dictionary_genders(words[0].lower(), lambda tag: "Name" in tag.grammemes and tag.case == "nomn")

    def _verb_genders(self, actor_id: str) -> set[str]:
        """The gender of the verbs the person's mentions are the subject of (`Інспектор Богдан Савчук
        прийшов`: through the title the name stands beside). The parser's gender of their first name, a
        weaker sign (it reads `Митрофан` as a woman's), is kept for when nothing else tells."""
        verbs, given = set(), set()
        for mention in self.mentions:
            token = self._mention_root(mention) if mention.actor == actor_id else None
            if token is None:
                continue
            given |= {VERB_GENDERS[g] for t in self.doc[token.i:token.i + 1] if "Giv" in t.morph.get("NameType")
                      for g in t.morph.get("Gender") if g in VERB_GENDERS}
            if token.dep_ in ("appos", "flat", "flat:title", "flat:name") and token.head.i < token.i:
                token = token.head  # `Інспектор Богдан Савчук`: the title is the subject
            if token.dep_ in SUBJECTS and token.head.pos_ in ("VERB", "AUX"):
                verbs |= {VERB_GENDERS[g] for g in token.head.morph.get("Gender") if g in VERB_GENDERS}
        self.parser_genders[actor_id] = given
        return verbs

    def _mention_genders(self, actor_id: str) -> set[str]:
        found: set[str] = set()
        for mention in self.mentions:
            if mention.actor == actor_id and mention.kind == "name":
                for word in mention.text.split():
                    genders = self._dictionary_genders(word.lower(), lambda tag: {"Name", "Surn"} & set(tag.grammemes))
                    found |= genders if len(genders) == 1 else set()
        return found

    def _mention_root(self, mention: Mention) -> Token | None:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span.root if span is not None and self.parsed else None

    def _last_person(self, token: Token) -> str | None:
        """`вона`, `йому`: the last person named before, of the pronoun's gender where it has one; with no
        such name, a person the text has just introduced by a common noun (`із приватною підприємицею ...
        її роботу`). A noun after a fitting name is often that person described (`учителя словесності`)."""
        gender = self._pronoun_gender(token)
        if gender:  # `канадець перебуває в розшуку, де його засуджено`: the subject of the clause before
            found = self._subject_earlier_in_sentence(token, gender)
            if found is not None:
                return found
        continued = self._continued_subject(token, gender) if gender and token.dep_ in SUBJECTS else None
        if continued is not None:
            return continued
        people = [m for m in self._people_before(token.idx) if not gender or self._genders(m.actor) in (set(), gender)]
        noun = self._person_noun_before(token, gender) if gender and not people else None
        if noun is not None:
            unnamed = self._unnamed_agent(noun, animate=True)
            if unnamed:
                return unnamed[0]
        return people[-1].actor if people else None

    def _subject_earlier_in_sentence(self, pronoun: Token, gender: set[str]) -> str | None:
        """The person of that gender who is the subject of another clause earlier in the pronoun's
        sentence (never of its own clause, which `себе` would name)."""
        own = self._clause_verb(pronoun)
        subjects = [t for t in self.doc[pronoun.sent.start:pronoun.i] if t.dep_ in SUBJECTS and t.head.i != own.i
                    and t.lower_ not in self.lex.person_pronouns]
        for subject in reversed(subjects):
            found = self._subject_person(subject, gender)
            if found is not None:
                return found
        return None

    def _clause_verb(self, token: Token) -> Token:
        current = token
        while current.head.i != current.i and current.pos_ not in ("VERB", "AUX"):
            current = current.head
        return current

    def _continued_subject(self, pronoun: Token, gender: set[str]) -> str | None:
        """`Позов подав киянин ... Він подав позов`: a subject pronoun goes on with the person who was the
        subject of the sentence before, named or not, when that person is of its gender."""
        sentence = pronoun.sent
        if any(t.dep_ in SUBJECTS for t in self.doc[sentence.start:pronoun.i]) or sentence.start == 0:
            return None  # the pronoun is not the first subject of its sentence
        before = self.doc[sentence.start - 1].sent
        for subject in self._subjects(before):
            found = self._subject_person(subject, gender)
            if found is not None:
                return found
        return None

    def _continued_group(self, pronoun: Token) -> list[str]:
        """`Він разом із Ролланом Кадиєвим вистрибнув із потяга. Вони повернулися`: a plural subject
        pronoun that opens its sentence goes on with the parties who were the subject of the sentence
        before, a plural one or one with the companions it acted `разом з`."""
        sentence = pronoun.sent
        if pronoun.dep_ not in SUBJECTS or "Plur" not in pronoun.morph.get("Number") or sentence.start == 0 \
                or any(t.dep_ in SUBJECTS for t in self.doc[sentence.start:pronoun.i]):
            return []
        before = self.doc[sentence.start - 1].sent
        for subject in self._subjects(before):
            if subject.lower_ in self.lex.group_pronouns:
                return []  # a chain of pronouns is too far to follow
            companions = self._companions(subject.head)
            if "Plur" not in subject.morph.get("Number") and not companions:
                continue
            found = self._participants(subject, None) or self._unnamed_agent(subject)
            if found:
                return found + [x for x in companions if x not in found]
        return []

    def _companions(self, verb: Token) -> list[str]:
        """`вистрибнув разом із Ролланом Кадиєвим`: those named with `разом з` acted with the subject."""
        together = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ in self.lex.together_marks]
        return [x for t in together for c in t.children if c.dep_ in ("obl", "nmod")
                for x in self._participants(c, None)]

    def _subjects(self, sentence: Span) -> list[Token]:
        """The subjects of a sentence, its main verb's first; a nominative person the parser took for an
        object after its verb (`Позов подав киянин`) is one too."""
        subjects = [t for t in sentence if t.dep_ in SUBJECTS or t.dep_ == "obj" and t.pos_ == "NOUN"
                    and t.i > t.head.i and self._nominative_only(t)]
        return sorted(subjects, key=lambda t: (t.head.i != sentence.root.i, t.i))

    def _common_noun(self, token: Token) -> bool:
        """`Прокурор це клопотання підтримав`: a capitalised first word the parser took for a name, which
        no mention covers and the dictionary knows only as a common noun."""
        if token.pos_ != "PROPN" or token.i in self.by_token or token.i != token.sent.start or self.lang == "en":
            return False
        parses = analyzer(self.lang).parse(token.lower_)
        return bool(parses) and all(p.tag.POS == "NOUN" and not {"Name", "Surn", "Patr", "Geox", "Orgn"}
                                    & set(p.tag.grammemes) for p in parses)

    def _nominative_only(self, noun: Token) -> bool:
        """`киянин`, `пенсіонер`: the dictionary reads the word in the nominative only (a person's
        accusative would be `киянина`)."""
        cases = {p.tag.case for p in analyzer(self.lang).parse(noun.lower_) if p.tag.POS == "NOUN"}
        return bool(cases) and cases <= {"nomn", "voct"}

    def _subject_person(self, subject: Token, gender: set[str]) -> str | None:
        """The person of that gender a subject names, by name, pronoun or person noun."""
        if subject.lower_ in self.lex.person_pronouns:
            return self._last_person(subject) if self._pronoun_gender(subject) == gender else None
        named = self._participants(subject, None, modifiers=False)  # `Інспектор Богдан Савчук`: the name
        if named:
            person = self.actors.get(named[0])
            return named[0] if len(named) == 1 and person is not None and person.type == "PER" \
                and self._genders(named[0]) == gender else None
        if subject.pos_ == "NOUN" and "Sing" in subject.morph.get("Number") and self._animate(subject) \
                and subject.lemma_.lower() not in self.agent_nouns \
                and self._dictionary_genders(subject.lower_, lambda tag: tag.POS == "NOUN") == gender:
            found = self._unnamed_agent(subject, animate=True)
            return found[0] if found else None
        return None

    def _person_noun_before(self, token: Token, gender: set[str]) -> Token | None:
        """The last singular person noun of that gender in this sentence or the one before that no
        name covers or follows (`директору Анатолію Лейку` is that name)."""
        sentences = list(self.doc.sents) if self.parsed else []
        k = next((i for i, s in enumerate(sentences) if s.start <= token.i < s.end), None)
        start = sentences[k - 1].start if k else token.sent.start if self.parsed else max(0, token.i - 30)
        for word in reversed(self.doc[start:token.i]):
            if word.pos_ != "NOUN" or word.i in self.by_token or word.i in self.modifiers or "Sing" not in \
                    word.morph.get("Number") or word.lemma_.lower() in self.agent_nouns or not self._animate(word):
                continue
            if any(t.i in self.by_token for t in word.subtree if t.i > word.i) or word.dep_ in ("appos", "flat:title"):
                continue
            if self._dictionary_genders(word.lower_, lambda tag: tag.POS == "NOUN") == gender:
                return word
        return None

    def _pronoun_owner(self, noun: Token) -> list[str]:
        """`блокувати її роботу`: what a person owns stands for them as the party acted upon; a person
        (`його дружині`) is a party of their own."""
        if self.lang == "en" or noun.pos_ != "NOUN" or self._animate(noun) or noun.lemma_.lower() in self.agent_nouns:
            return []
        for child in noun.children:
            if child.i < noun.i and child.dep_ in ("det", "nmod:poss") and child.lower_ in self.lex.person_pronouns:
                person = self._last_person(child)
                return [person] if person else []
        return []

    def _pronoun_gender(self, token: Token) -> set[str]:
        """`її`, `неї` stand for a woman, `його`, `йому` for a man (or a thing, which is no person): the
        gender of the personal pronoun the word is a form of, whatever the noun a possessive agrees with."""
        if self.lang == "en":
            return set()
        genders = self._dictionary_genders(token.lower_, lambda tag: "pers" in tag.grammemes) - {"neut"}
        return genders if len(genders) == 1 else set()

    def _reflexive(self, token: Token, speaker: str | None) -> list[str] | None:
        """`Звинувачення проти себе Філіпчук називає замовними`: `себе` is the subject of its clause."""
        if token.lower_ not in self.lex.reflexive_pronouns or not self.parsed:
            return None
        current = token
        while current.head.i != current.i:
            current = current.head
            subject = next((c for c in current.children if c.dep_ in SUBJECTS), None)
            if subject is not None:
                return self._participants(subject, speaker)
        return []

    def _unnamed_person_subject(self, verb: Token) -> bool:
        """`Підозрюваний у скоєному злочині зізнався` with no one named to be the suspect: the subject
        is a person the text does not name, so the actor of the event before (the police who caught
        him) must not stand in for it."""
        if not self.parsed or self.lang == "en":
            return False
        for child in verb.children:
            if child.dep_ not in SUBJECTS or child.i in self.by_token or not self._can_be_nominative(child):
                continue
            if child.lower_ in self.lex.person_pronouns or child.lemma_.lower() in self.agent_nouns:
                continue
            if child.pos_ == "NOUN" and self._animate(child) or child.pos_ == "ADJ" and self._dictionary_genders(
                    child.lower_, lambda tag: tag.POS == "NOUN" and tag.animacy == "anim" and tag.case == "nomn"):
                return True  # `Підозрюваний`: a participle the dictionary also knows as a person noun
        return False
