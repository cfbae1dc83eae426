"""Link an article's mentions to actors: one id per actor however the text names it.

Order of work, each step using what the previous ones found:
1. Knowledge-base names, metonyms, demonyms and adjectives, matched on lemmas (`gazetteer`).
2. Person names from the NER: a knowledge-base person by spelling or by consonant key, else the
   full name given earlier in the article for a surname, else a new id from the name.
3. Role descriptions right before a name (`посол США в Росії Джон Салліван`) go with that name;
   standing alone (`Глава Кремля`) they go to whoever held the post on the publication date
   (`roles`). Nominal references (`європейського дипломата`) go to the nearest earlier person
   whose post fits.
4. Other organisations and places from the NER get an id derived from their normalised name.
An ambiguous mention stays unresolved, its candidates listed in `alternatives`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span

from khronika.actors.build import curated
from khronika.actors.kb import Entry, KnowledgeBase, knowledge_base, lemma_set, tokens
from khronika.actors.names import (
    consonant_key,
    full_forms,
    is_cyrillic,
    nominative_phrase,
    place_abbreviations,
    romanise,
    slug,
)
from khronika.actors.roles import find_role_phrases, resolve_nominal, resolve_role
from khronika.language.morphology import analyzer
from khronika.model import Actor, Mention

PARTICIPANT_LABELS = {"PERS", "ORG", "LOC"}
PARTICIPANT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "obj", "iobj", "dobj"}  # UD and spaCy English labels
LABEL_OF_TYPE = {"PER": "PERS", "ORG": "ORG", "LOC": "LOC"}


@dataclass
class Match:
    start: int  # token indexes, end exclusive
    end: int
    ids: list[str]
    how: str  # name | metonym | demonym | adjective


@dataclass
class Linked:
    """The linking state of one article."""
    doc: Doc
    lang: str
    day: str | None
    kb: KnowledgeBase
    mentions: list[Mention] = field(default_factory=list)
    local: dict[str, Actor] = field(default_factory=dict)  # actors outside the knowledge base
    people: list[tuple[int, str]] = field(default_factory=list)  # (char offset, id) of person mentions
    text: str = ""  # `doc.text`, which spaCy joins anew on every access
    attested: frozenset[str] = frozenset()  # nominative name words the article gives without doubt (`_attested_names`)


def gazetteer(doc: Doc, lang: str, kb: KnowledgeBase) -> list[Match]:
    """Longest knowledge-base names in the text, left to right, without overlaps."""
    matches, i = [], 0
    while i < len(doc):
        best = _longest_at(doc, i, lang, kb)
        if best:
            matches.append(best)
            i = best.end
        else:
            i += 1
    return matches


def _longest_at(doc: Doc, i: int, lang: str, kb: KnowledgeBase) -> Match | None:
    token = doc[i]
    if token.is_punct or token.is_space:
        return None
    langs = [lang] + (["en"] if lang != "en" and not is_cyrillic(token.text) else [])
    best: Match | None = None
    for alias_lang in langs:
        for alias in kb.candidates(alias_lang, lemma_set(token.text, alias_lang)):
            n = len(alias.lemmas)
            if i + n > len(doc) or (best and n < best.end - best.start):
                continue
            if all(_token_fits(doc[i + k], alias.lemmas[k], alias.capitalised[k], alias_lang) for k in range(n)):
                if best and n == best.end - best.start:
                    # `Білорусі` is both the country's name and a form of its demonym: the name wins
                    if _rank(alias.how) < _rank(best.how):
                        best.ids, best.how = [alias.entry], alias.how
                    elif _rank(alias.how) == _rank(best.how) and alias.entry not in best.ids:
                        best.ids = [*best.ids, alias.entry]
                else:
                    best = Match(i, i + n, [alias.entry], alias.how)
    if best and len(best.ids) == 1 and kb.entries[best.ids[0]].capital_of in kb.by_country:
        state = kb.by_country[kb.entries[best.ids[0]].capital_of]
        best = Match(best.start, best.end, [state.id, best.ids[0]], "capital")
    return best


@cache
def _state_acts(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    data = curated("roles.json")["state_acts"]
    return frozenset(data.get(lang, [])), frozenset(data["counterpart_prepositions"].get(lang, []))


def means_the_state(span: Span, lang: str) -> bool:
    """A capital stands for its state as a participant: the subject or object of a verb
    (`Москва заявила`, `закликали Москву`), the possessor of an act (`відповідь Вашингтона`) or a
    counterpart (`переговори з Москвою`). As a place (`у Москві`, `мер Києва`) it is the city."""
    root = span.root
    nouns, prepositions = _state_acts(lang)
    if root.dep_ in PARTICIPANT_DEPS:
        return True
    if root.dep_ in ("nmod", "nmod:poss", "poss") and (root.head.lemma_.lower() in nouns or root.head.lower_ in nouns):
        return True
    markers = [c for c in root.children if c.dep_ == "case"] + ([root.head] if root.dep_ == "pobj" else [])
    return any(m.lower_ in prepositions for m in markers)


HOW_RANK = {"name": 0, "demonym": 1, "metonym": 2, "adjective": 3}  # a name before a metonym of the same words


def _rank(how: str) -> int:
    return HOW_RANK.get(how, 4)


def _token_fits(token, lemmas: frozenset[str], capitalised: bool, lang: str) -> bool:
    if capitalised and not token.text[:1].isupper():
        return False
    return bool(lemma_set(token.text, lang) & lemmas)


def link(doc: Doc, entity_mentions: list[Mention], lang: str, day: str | None,
         kb: KnowledgeBase | None = None) -> tuple[list[Mention], list[Actor]]:
    """All mentions of the article (NER mentions, knowledge-base names, role phrases) with actor
    ids, and the actors they name."""
    state = Linked(doc, lang, day, kb or knowledge_base(), text=doc.text)
    matches = gazetteer(doc, lang, state.kb)
    covered = set()
    for match in matches:
        covered.update(range(doc[match.start].idx, doc[match.end - 1].idx + len(doc[match.end - 1].text)))
    kb_mentions = [_kb_mention(state, m) for m in matches]
    ner_mentions = []
    for mention in entity_mentions:
        if mention.label not in PARTICIPANT_LABELS:
            if mention.label != "MISC" or not set(range(mention.start, mention.end)) <= covered:
                ner_mentions.append(mention)  # a MISC span that is a knowledge-base name is that name
            continue
        ner_mentions.extend(_uncovered_parts(doc, mention, covered, lang))
    everything = sorted([*kb_mentions, *ner_mentions], key=lambda m: (m.start, -m.end))
    state.attested = _attested_names(state, ner_mentions)
    for mention in everything:
        if mention.label in PARTICIPANT_LABELS and mention.actor is None and not mention.alternatives:
            _link_new(state, mention)
        if mention.label == "PERS" and mention.actor:
            state.people.append((mention.start, mention.actor))
        state.mentions.append(mention)
    _first_names_in_full(state)
    _link_roles(state)
    state.mentions.sort(key=lambda m: (m.start, -m.end))
    return state.mentions, _actors(state)


def _kb_mention(state: Linked, match: Match) -> Mention:
    span = state.doc[match.start:match.end]
    if match.how == "capital":  # the state (`Москва відповіла`) or the city (`у Москві`)
        country, city = match.ids
        if means_the_state(span, state.lang):
            return Mention(span.start_char, span.end_char, span.text, "LOC", country, "metonym")
        return Mention(span.start_char, span.end_char, span.text, "LOC", city, "name")
    entries = _by_context([state.kb.entries[i] for i in match.ids], state.text)
    label = LABEL_OF_TYPE.get(entries[0].type, "ORG")
    kind = "modifier" if match.how == "adjective" else match.how
    if len(entries) == 1:
        return Mention(span.start_char, span.end_char, span.text, label, entries[0].id, kind)
    return Mention(span.start_char, span.end_char, span.text, label, None, kind, [e.id for e in entries])


def _by_context(entries: list[Entry], text: str) -> list[Entry]:
    """Namesakes (`Georgia`: the country or the US state) narrowed to the one whose context words
    the article contains most; a tie keeps them all, so the mention stays unresolved."""
    if len(entries) < 2:
        return entries
    hits = [sum(word in text for word in entry.context) for entry in entries]
    best = max(hits)
    return [e for e, h in zip(entries, hits, strict=True) if h == best] if best else entries


def _uncovered_parts(doc: Doc, mention: Mention, covered: set[int], lang: str) -> list[Mention]:
    """The NER mention, or the runs of its tokens that no knowledge-base name covers
    (`НАТО Йєнс Столтенберг` -> `Йєнс Столтенберг`); runs without a capitalised word are dropped."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return [mention]
    abbreviations = place_abbreviations(lang) if mention.label == "ORG" else frozenset()
    runs, current = [], []
    for token in span:
        if token.idx in covered and not (current and current[-1].lower_ in abbreviations
                                         and any(t.pos_ in ("NOUN", "PROPN") for t in current[:-1])):
            if current:
                runs.append(current)
            current = []
        else:  # `райсуду м. Києва`: the place after `м.` is part of the body's name (not `у м. Києві`)
            current.append(token)
    if current:
        runs.append(current)
    parts = []
    for run in runs:
        while run and (run[-1].is_punct or run[-1].is_space or run[-1].pos_ in ("CCONJ", "ADP")) \
                and not _closing_quote(run):
            run = run[:-1]
        while run and (run[0].is_punct or run[0].pos_ in ("CCONJ", "ADP")):
            run = run[1:]
        if run and any(t.text[:1].isupper() for t in run):
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            parts.append(Mention(start, end, doc[run[0].i:run[-1].i + 1].text, mention.label))
    return parts


QUOTES = {"»": "«", "”": "“", "“": "„", '"': '"'}


def _closing_quote(run: list) -> bool:
    """The run ends in a quotation mark that closes one opened in it (`фонд «Покуття»`)."""
    opening = QUOTES.get(run[-1].text)
    return opening is not None and any(t.text == opening for t in run[:-1])


def _link_new(state: Linked, mention: Mention) -> None:
    if mention.label == "PERS":
        entry_id = _person(state, mention)
    else:
        entry_id = _named_person(state, mention)
        if entry_id:
            mention.label = "PERS"
        else:  # `Вищий госпсуд`: the High Commercial Court in full
            entry_id = kb_body(state.kb, mention.text, state.lang)
    if entry_id is None:
        entry_id = _local_actor(state, mention)
    mention.actor = entry_id


def _first_names_in_full(state: Linked) -> None:
    """`пояснив Андрій` in an article that names `Андрієм Цикоревим` (before or after): a first name
    alone is the one person outside the base the article names in full with it."""
    if state.lang not in ("uk", "ru"):
        return
    full: dict[str, set[str]] = {}
    for actor in state.local.values():
        words = actor.names.get(state.lang, "").split()
        if actor.type == "PER" and len(words) > 1:
            full.setdefault(words[0].lower(), set()).add(actor.id)
    same = {}
    for actor in state.local.values():
        words = actor.names.get(state.lang, "").split()
        if actor.type == "PER" and len(words) == 1 and _given_name_only(words[0], state.lang) \
                and len(full.get(words[0].lower(), ())) == 1:
            same[actor.id] = next(iter(full[words[0].lower()]))
    for mention in state.mentions:
        if mention.actor in same:
            mention.actor = same[mention.actor]
    state.people = [(start, same.get(actor, actor)) for start, actor in state.people]
    for actor_id in same:
        del state.local[actor_id]


def _named_person(state: Linked, mention: Mention) -> str | None:
    """An organisation or place from the NER that is really the surname of a person named
    earlier in the article (`від міністра Лаврова` after `Сергія Лаврова`)."""
    if len(mention.text.split()) != 1:
        return None
    return _named_in_full_before(state, lemma_set(mention.text, state.lang), 1)


def _name_parts(text: str, lang: str, attested: frozenset[str] = frozenset(), gender: str | None = None) -> list[str]:
    """The words of a person's name in the nominative (`Сергія Лаврова` -> `Сергій Лавров`), the
    surname last; initials are left out (`Януковича В. Ф.` -> `Янукович`). `attested` and `gender`
    settle a form that two names share (see `_agreeing_nominatives`)."""
    parts = _name_words(text)
    if lang not in ("uk", "ru"):
        return parts
    return _agreeing_nominatives(parts, lang, attested, gender)


def _name_words(text: str) -> list[str]:
    words = [w for w in text.replace("\n", " ").split() if w[:1].isalpha()]
    return [w for w in words if len(w.rstrip(".")) > 1 and not (w.endswith(".") and len(w) <= 3)]


NAME_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
Reading = tuple[tuple[str, str], list]  # (case, gender), the fitting parse of each word (None where none)


def _agreeing_nominatives(words: list[str], lang: str, attested: frozenset[str] = frozenset(),
                          gender: str | None = None) -> list[str]:
    """The name's words read in the one case and gender that fits most of them (`Петра Гайдейчука`:
    masculine genitive, so `Петро`, not the woman's name `Петра`; `Олеся Статива`: feminine
    nominative, not the genitive of `Олесь`). A word with no reading in the nominative chosen stays
    as written (`Олена Шемякіна`, a feminine surname the dictionary lacks). Where readings of both
    genders fit as well (`Лесю Мусаєву`: `Лесь Мусаєв` to whom, or `Леся Мусаєва` whom), the gender
    the text shows (`gender`: the verb's agreement) wins, else a reading that starts with a first
    name, else the one whose nominatives the article attests elsewhere without that doubt
    (`attested`: `Мусаєва стверджувала`)."""
    readings = _best_readings(words, lang)
    if not readings:
        return [_nominative(w, lang) for w in words]
    if gender is not None:
        readings = [r for r in readings if r[0][1] == gender] or readings
    options = [(_given_name_first(words, r), _reading_nominatives(words, r, lang)) for r in readings]
    # a first word read as a first name (`Ганна`, not the surname `Ганн`), then the attested: the first on a tie
    return max(options, key=lambda o: (o[0], sum(n.lower() in attested for n in o[1])))[1]


def _given_name_first(words: list[str], reading: Reading) -> bool:
    """A name of several words begins with a first name in this reading."""
    first = reading[1][0]
    return len(words) < 2 or first is not None and "Name" in first.tag.grammemes


def _best_readings(words: list[str], lang: str) -> list[Reading]:
    """Every (case, gender) reading that fits the most words of a name, in `NAME_CASES` order."""
    parses = [[p for p in analyzer(lang).parse(w.lower()) if {"Name", "Surn", "Patr"} & p.tag.grammemes]
              for w in words]
    found: list[tuple[int, Reading]] = []
    for case in NAME_CASES:
        for gender in ("masc", "femn"):
            fits = [next((p for p in ps if p.tag.case == case and p.tag.gender == gender), None) for ps in parses]
            score = sum(f is not None for f in fits)
            if score:
                found.append((score, ((case, gender), fits)))
    best = max((score for score, _ in found), default=0)
    return [reading for score, reading in found if score == best]


def _reading_nominatives(words: list[str], reading: Reading, lang: str) -> list[str]:
    (case, gender), fits = reading
    return [_capitalised(f.normal_form) if f is not None else _capitalised(w.lower()) if case == "nomn"
            else _surname_nominative(w, case, gender) or _nominative(w, lang) for w, f in zip(words, fits, strict=True)]


def _attested_names(state: Linked, mentions: list[Mention]) -> frozenset[str]:
    """The nominative name words the article's person mentions give without doubt of gender: those
    read in one gender only (`Лесі Мусаєвої`), or in the gender of their verb (`Мусаєва
    стверджувала`). They settle the mentions that two names share (`_agreeing_nominatives`)."""
    if state.lang not in ("uk", "ru"):
        return frozenset()
    attested: set[str] = set()
    for mention in mentions:
        if mention.label != "PERS":
            continue
        words = _name_words(mention.text)
        readings = _best_readings(words, state.lang)
        gender = _mention_gender(state, mention)
        readings = [r for r in readings if r[0][1] == gender] if gender is not None else readings
        if readings and len({r[0][1] for r in readings}) == 1:
            attested.update(n.lower() for n in _reading_nominatives(words, readings[0], state.lang))
    return frozenset(attested)


# case endings of the possessive surnames (`-ов`, `-ев`, `-ін`: `Цикоревим` -> `Цикорев`), which the
# dictionary often lacks: (gender, case) -> endings to drop and the nominative ending to put back
SURNAME_ENDINGS = {
    ("masc", "gent"): ("а",), ("masc", "accs"): ("а",), ("masc", "datv"): ("ові", "у"),
    ("masc", "ablt"): ("им",), ("masc", "loct"): ("ові", "у", "і"),
    ("femn", "gent"): ("ої",), ("femn", "datv"): ("ій",), ("femn", "accs"): ("у",),
    ("femn", "ablt"): ("ою",), ("femn", "loct"): ("ій",),
}
SURNAME_STEMS = ("ов", "ев", "єв", "ів", "ин", "ін", "їн")


def _surname_nominative(word: str, case: str, gender: str) -> str | None:
    """An unknown possessive surname in the case and gender its first name shows, in the nominative
    (`Андрієм Цикоревим` -> `Цикорев`, `Марини Ансіфорової` -> `Ансіфорова`)."""
    lower = word.lower()
    for ending in SURNAME_ENDINGS.get((gender, case), ()):
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and stem.endswith(SURNAME_STEMS) and len(stem) > 3:
            return _capitalised(stem + ("а" if gender == "femn" else ""))
    return None


def _capitalised(lemma: str) -> str:
    return "-".join(part.capitalize() for part in lemma.split("-"))


def _nominative(word: str, lang: str) -> str:
    parses = analyzer(lang).parse(word.lower())
    named = [p for p in parses if {"Name", "Surn", "Patr"} & p.tag.grammemes]
    best = (named or parses)[0] if (named or parses) else None
    lemma = best.normal_form if best and best.is_known else word.lower()
    return _capitalised(lemma)


def _person(state: Linked, mention: Mention) -> str | None:
    parts = _name_parts(mention.text, state.lang, state.attested, _mention_gender(state, mention))
    if not parts:
        return None
    surname = lemma_set(parts[-1], state.lang) | lemma_set(mention.text.split()[-1], state.lang)
    return _named_in_full_before(state, surname, len(mention.text.split()), _mention_gender(state, mention)) \
        or _kb_person(state, parts)


def _named_in_full_before(state: Linked, surname: frozenset[str], words: int, gender: str | None = None) -> str | None:
    """The latest linked person whose name, longer than `words` words, ends in this surname
    (`Борреля` after `Жозеп Боррель`); of the mention's gender where it shows one (`Голяшкін` after
    `Олег Голяшкін` and his mother `Віра Голяшкіна`)."""
    found = [earlier.actor for earlier in reversed(state.mentions)
             if earlier.label == "PERS" and earlier.actor and len(earlier.text.split()) > words
             and surname & lemma_set(earlier.text.split()[-1], state.lang)]
    if gender is not None:
        fitting = [a for a in found if _actor_gender(state, a) in (None, gender)]
        found = fitting or found
    return found[0] if found else None


def _mention_gender(state: Linked, mention: Mention) -> str | None:
    """A person mention's gender where the text shows it: the past-tense verb it is the subject of
    (`Корнієць відповів`), else a surname with readings of one gender only (`Голяшкін`)."""
    if state.lang not in ("uk", "ru"):
        return None
    span = state.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.dep_ in ("nsubj", "nsubj:pass"):
        verb = set(root.head.morph.get("Gender"))
        if root.head.pos_ in ("VERB", "AUX") and len(verb) == 1:
            return {"Masc": "masc", "Fem": "femn"}.get(next(iter(verb)))
    genders = {p.tag.gender for p in analyzer(state.lang).parse(span[-1].text.lower())
               if "Surn" in p.tag.grammemes}
    return next(iter(genders)) if len(genders) == 1 and genders <= {"masc", "femn"} else None


def _actor_gender(state: Linked, actor_id: str) -> str | None:
    """The gender of a person outside the base by their first name."""
    actor = state.local.get(actor_id)
    if actor is None or actor.type != "PER":
        return None
    words = actor.names.get(state.lang, "").split()
    return _actor_gender_of(words[0], state.lang) if len(words) > 1 else None


def _kb_person(state: Linked, parts: list[str]) -> str | None:
    """A knowledge-base person whose name has the same consonant skeleton, active near the date."""
    if len(parts) == 1 and _given_name_only(parts[0], state.lang):
        return None  # `Андрій` alone is nobody's surname (its skeleton would match `Onodera`)
    ids = state.kb.surnames.get(consonant_key(parts[-1]), [])
    fitting = []
    for entry_id in dict.fromkeys(ids):
        entry = state.kb.entries[entry_id]
        if len(parts) > 1 and not _first_name_fits(entry, parts[0]):
            continue
        if len(parts) == 1 and state.day and entry.role_on(state.day) is None:
            continue  # a surname alone names the holder of a post on the day (any holder when undated)
        if not _active_near(entry, state.day):
            continue
        fitting.append(entry_id)
    return fitting[0] if len(fitting) == 1 else None


def _given_name_only(word: str, lang: str) -> bool:
    """The dictionary knows the word as a first name and never as a surname."""
    if lang not in ("uk", "ru"):
        return False
    tags = [p.tag.grammemes for p in analyzer(lang).parse(word.lower())]
    return any("Name" in t for t in tags) and not any("Surn" in t for t in tags)


def _first_name_fits(entry: Entry, first: str) -> bool:
    key = consonant_key(first)
    for values in entry.names.values():
        for value in values:
            words = value.split()
            if len(words) > 1 and _close(consonant_key(words[0]), key):
                return True
    return False


def _close(a: str, b: str) -> bool:
    """Equal, or one letter inserted, dropped or changed (`jns` / `ns`: Jens / Йєнс)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 2:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _active_near(entry: Entry, day: str | None) -> bool:
    if not entry.roles or not day:
        return True
    year = int(day[:4])
    for role in entry.roles:
        start = int(role.start[:4]) if role.start[:4].isdigit() else 0
        end = int(role.end[:4]) if role.end[:4].isdigit() else 9999
        if start - 1 <= year <= end + 3:
            return True
    return False


def _local_actor(state: Linked, mention: Mention) -> str:
    """An actor outside the knowledge base: its id follows from its normalised name, so the same
    person or organisation gets the same id in every article."""
    kind = {"PERS": "per", "ORG": "org", "LOC": "loc"}[mention.label]
    earlier = _same_organisation(state, mention) if kind != "per" else None
    if earlier:
        return earlier
    if mention.label == "PERS":
        native = " ".join(_name_parts(mention.text, state.lang, state.attested, _mention_gender(state, mention)))
        family = _family_name(state, mention, native)
        if family:
            native = f"{native} {family}"
        for actor in state.local.values():  # a surname alone after the full name of a local person
            if actor.type == "PER" and native and actor.names.get(state.lang, "").endswith(" " + native):
                return actor.id
    else:
        native = body_name(mention.text, state.lang)
    key = _local_id(kind, native, mention.text)
    if key not in state.local:
        name = romanise(native, state.lang) if mention.label == "PERS" else native
        state.local[key] = Actor(key, name, {"per": "PER", "org": "ORG", "loc": "LOC"}[kind], {state.lang: native})
    return key


KIN_NOUNS = {"uk": {"донька", "дочка", "син", "дружина", "чоловік", "брат", "сестра", "онук", "онука", "онучка",
                    "вдова", "невістка", "племінник", "племінниця"},
             "ru": {"дочь", "сын", "жена", "муж", "брат", "сестра", "внук", "внучка", "вдова", "невестка",
                    "племянник", "племянница"}}
POSSESSIVE = re.compile(r"(ов|ев|єв|ів|їв|ин|ін|їн)(а|е|ий|ого|ої|ій|ому|им|ою|у|і|ы|ым|ой)?$")


def _family_name(state: Linked, mention: Mention, native: str) -> str | None:
    """`Панкова донька Валентина` after `Федір Панко`: a first name alone after a kin noun and the
    possessive adjective of a surname the article gave before takes that surname (`Валентина
    Панко`), in the first name's gender (`Шемякін` -> `Шемякіна`)."""
    if state.lang not in KIN_NOUNS or " " in native or not native or not _given_name_only(native, state.lang):
        return None
    span = state.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start < 2:
        return None
    kin, owner = state.doc[span.start - 1], state.doc[span.start - 2]
    if not (lemma_set(kin.text, state.lang) | {kin.lower_}) & KIN_NOUNS[state.lang] or not owner.text[:1].isupper():
        return None
    stem = POSSESSIVE.sub("", owner.lower_)
    if stem == owner.lower_:
        return None
    for earlier in reversed(state.mentions):
        if earlier.label != "PERS" or not earlier.actor or len(earlier.text.split()) < 2:
            continue
        surname = _name_parts(earlier.text, state.lang)[-1]
        if re.sub(r"([оае]|ов|ев|єв|ін|ин|їн)$", "", surname.lower()) == stem:
            return _in_gender(surname, _actor_gender_of(native, state.lang))
    return None


def _actor_gender_of(first: str, lang: str) -> str | None:
    """The gender of a first name in the nominative (`Віра` feminine), if the dictionary gives one."""
    genders = {p.tag.gender for p in analyzer(lang).parse(first.lower())
               if "Name" in p.tag.grammemes and p.tag.case == "nomn"}
    return next(iter(genders)) if len(genders) == 1 else None


def _in_gender(surname: str, gender: str | None) -> str:
    """A masculine surname as a woman's (`Шемякін` -> `Шемякіна`, `Панський` -> `Панська`)."""
    if gender != "femn":
        return surname
    if surname.endswith(SURNAME_STEMS):
        return surname + "а"
    if surname.endswith(("ський", "цький")):
        return surname[:-2] + "а"
    return surname


def organisation_outside_kb(text: str, lang: str) -> Actor:
    """The actor for an organisation named by a common noun phrase (`прокуратура Києва`), with the
    same id rule as the organisations the NER finds; a knowledge-base body where the phrase is a
    short form of its name (`Київрада`)."""
    kb = knowledge_base()
    entry_id = kb_body(kb, text, lang)
    if entry_id is not None:
        return _kb_actor(kb, kb.entries[entry_id], None)
    native = body_name(text, lang)
    native = native[:1].upper() + native[1:]
    return Actor(_local_id("org", native, text), native, "ORG", {lang: native})


def body_name(text: str, lang: str) -> str:
    """The name of a body in full and in the nominative, its quotation marks closed: `Печерського
    райсуду` -> `Печерський районний суд`. The text's own form stays the mention's text."""
    name = nominative_phrase(full_forms(" ".join(text.split()), lang), lang)
    return name + "»" * (name.count("«") - name.count("»"))  # a span cut before its closing mark


def kb_body(kb: KnowledgeBase, text: str, lang: str) -> str | None:
    """The knowledge-base body a name with short forms names once they are written out (`Вищий
    госпсуд` -> `Вищий господарський суд`), matched word by word on lemmas, as the gazetteer does."""
    text = " ".join(text.split())
    full = full_forms(text, lang)
    if full == text:
        return None  # no short form: the gazetteer has already tried the name as written
    words = tokens(full)
    if not words:
        return None
    found = [alias.entry for alias in kb.candidates(lang, lemma_set(words[0], lang))
             if len(alias.lemmas) == len(words) and alias.how == "name"
             and all(lemma_set(w, lang) & lemmas for w, lemmas in zip(words, alias.lemmas, strict=True))]
    return found[0] if len(set(found)) == 1 else None


def _local_id(kind: str, native: str, text: str) -> str:
    """`kh:<kind>:<slug of the normalised name>`: the same actor outside the base gets the same id
    in every article."""
    return f"kh:{kind}:{slug(native) or slug(text)}"


def _same_organisation(state: Linked, mention: Mention) -> str | None:
    """Within an article, `(АМКУ)` right after `Антимонопольний комітет України`, and a bare
    `Міністерство` after a named ministry, are the organisation named before."""
    text = state.text
    before = text[:mention.start].rstrip()
    for earlier in reversed(state.mentions):
        if earlier.label not in ("ORG", "LOC") or not earlier.actor or earlier.kind == "modifier":
            continue
        if before.endswith("(") and text[earlier.end:mention.start].strip() == "(" and mention.text.isupper():
            return earlier.actor
        words = mention.text.split()
        if len(words) == 1 and len(earlier.text.split()) > 1 and earlier.label == mention.label \
                and lemma_set(words[0], state.lang) & lemma_set(earlier.text.split()[0], state.lang):
            return earlier.actor
    return None


def _link_roles(state: Linked) -> None:
    """Role phrases and nominal references, after the names they may point to are linked."""
    existing = {(m.start, m.end): m for m in state.mentions}
    for phrase in find_role_phrases(state.doc, state.lang, state.mentions, state.kb):
        same = existing.get((phrase.start, phrase.end))
        if same is not None and same.label in PARTICIPANT_LABELS:
            continue
        if phrase.new_name:
            _add_missed_name(state, *phrase.new_name)
        actor = _person_right_after(state, phrase) or resolve_role(phrase, state.kb, state.day)
        if phrase.kind == "nominal" and actor is None:
            actor = resolve_nominal(phrase, state.people, state.kb, state.day, state.local)
        if actor and same is not None:  # the NER's JOB mention (`міністра`) is the role phrase
            same.actor, same.kind, same.label = actor, phrase.kind, "PERS"
        elif actor:
            state.mentions.append(Mention(phrase.start, phrase.end, phrase.text, "PERS", actor, phrase.kind))
        if phrase.kind == "role":
            _drop_local_inside(state, phrase.start, phrase.role_end)


def _drop_local_inside(state: Linked, start: int, end: int) -> None:
    """A word of a role phrase that the NER took for an organisation outside the knowledge base
    (`State` in `Secretary of State`) is part of the role, not an actor."""
    state.mentions = [m for m in state.mentions
                      if not (start <= m.start and m.end <= end and m.actor in state.local
                              and m.label in ("ORG", "LOC") and (m.start, m.end) != (start, end))]


def _add_missed_name(state: Linked, start: int, end: int) -> None:
    mention = Mention(start, end, state.text[start:end], "PERS")
    _link_new(state, mention)
    state.people.append((start, mention.actor))
    state.mentions.append(mention)


def _person_right_after(state: Linked, phrase) -> str | None:
    """`генсек НАТО Йєнс Столтенберг`: the person whose name directly follows the role phrase."""
    for mention in state.mentions:
        if mention.label == "PERS" and mention.actor and 0 <= mention.start - phrase.end <= 1 \
                and mention.kind == "name":
            return mention.actor
    return None


def _actors(state: Linked) -> list[Actor]:
    ids = list(dict.fromkeys(m.actor for m in state.mentions if m.actor))
    actors = []
    for actor_id in ids:
        if actor_id in state.local:
            actors.append(state.local[actor_id])
            continue
        actors.append(_kb_actor(state.kb, state.kb.entries[actor_id], state.day))
    return actors


def _kb_actor(kb: KnowledgeBase, entry: Entry, day: str | None) -> Actor:
    role = entry.role_on(day)
    names = {lang: values[0] for lang, values in entry.names.items() if values}
    affiliation = kb.by_key[role.org].name if role and role.org in kb.by_key else None
    return Actor(entry.id, entry.name, entry.type, names, entry.country, affiliation,
                 role.position if role else None, entry.wikidata, True)

