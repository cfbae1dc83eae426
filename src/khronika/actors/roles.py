"""Role descriptions (`глава МЗС РФ`, `генсек НАТО`, `посол США в Росії`) and nominal references
(`європейського дипломата`): finding them in a text and the person each one stands for.

A role phrase is a role noun from `data/actors/roles.json` plus the country or organisation it
belongs to: the knowledge-base mention right after it (`Президент Росії`) or an adjective right
before it (`російський президент`). When a person's name follows directly, the phrase describes
that person; otherwise the phrase is resolved to whoever held the post on the article's date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc

from khronika.actors.build import curated
from khronika.actors.kb import Entry, KnowledgeBase, lemma_set, tokens
from khronika.model import Actor, Mention

MAX_DESCRIPTION_TOKENS = 12  # `Високий представник ЄС із закордонних справ та безпекової політики`


@dataclass
class RolePhrase:
    start: int  # characters
    end: int
    text: str
    kind: str  # role | nominal
    role: dict | None = None
    kinds: list[str] = field(default_factory=list)  # for nominal references: person kinds it may stand for
    slot: Entry | None = None  # the country or organisation of the post
    host: Entry | None = None  # an ambassador's host country
    modifiers: tuple[str, ...] = ()  # organisation keys or country codes an adjective before a nominal names
    new_name: tuple[int, int] | None = None  # a following person's name that the NER missed (characters)
    role_end: int = 0  # where the role words themselves end (`Secretary of State` in a longer phrase)


@dataclass(frozen=True)
class Lexeme:
    lemmas: tuple[frozenset[str], ...]
    role: int | None  # index into roles, or None for a nominal
    kinds: tuple[str, ...]


@cache
def _roles() -> list[dict]:
    return curated("roles.json")["roles"]


@cache
def _lexicon(lang: str) -> dict[str, list[Lexeme]]:
    data = curated("roles.json")
    index: dict[str, list[Lexeme]] = {}
    entries = [(phrase, i, tuple(role["kind"]))
               for i, role in enumerate(data["roles"]) for phrase in role.get(lang, [])]
    entries += [(noun, None, tuple(kinds)) for noun, kinds in data["nominals"].get(lang, {}).items()]
    for phrase, role, kinds in entries:
        lemmas = tuple(lemma_set(t, lang) for t in tokens(phrase))
        for first in lemmas[0]:
            index.setdefault(first, []).append(Lexeme(lemmas, role, kinds))
    return index


def find_role_phrases(doc: Doc, lang: str, mentions: list[Mention], kb: KnowledgeBase) -> list[RolePhrase]:
    lexicon = _lexicon(lang)
    by_token = _mentions_by_token(doc, mentions)
    phrases, i = [], 0
    while i < len(doc):
        lexeme, n = _longest_lexeme(doc, i, lang, lexicon)
        if lexeme is None:
            i += 1
            continue
        phrase = _phrase(doc, i, i + n, lexeme, by_token, kb, lang)
        if phrase:
            phrases.append(phrase)
            i = max(i + n, _token_at(doc, phrase.end))
        else:
            i += n
    return phrases


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char, alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _mentions_by_token(doc: Doc, mentions: list[Mention]) -> dict[int, Mention]:
    by_token = {}
    for mention in mentions:
        if mention.label not in ("PERS", "ORG", "LOC"):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                by_token.setdefault(token.i, mention)
    return by_token


def _longest_lexeme(doc: Doc, i: int, lang: str, lexicon) -> tuple[Lexeme | None, int]:
    best, best_n = None, 0
    for lexeme in _candidates(doc[i].text, lang, lexicon):
        n = len(lexeme.lemmas)
        if n > best_n and i + n <= len(doc) and all(
                lemma_set(doc[i + k].text, lang) & lexeme.lemmas[k] for k in range(n)):
            best, best_n = lexeme, n
    return best, best_n


def _candidates(word: str, lang: str, lexicon) -> list[Lexeme]:
    found = []
    for lemma in lemma_set(word, lang):
        found.extend(lexicon.get(lemma, []))
    return found


def _phrase(doc: Doc, start: int, end: int, lexeme: Lexeme, by_token: dict[int, Mention],
            kb: KnowledgeBase, lang: str) -> RolePhrase | None:
    """The role phrase from its noun to its country or organisation, extended to a following name."""
    role = _roles()[lexeme.role] if lexeme.role is not None else None
    if role is None and not _is_singular_noun(doc[start], lexeme):
        return None
    before = by_token.get(start - 1)
    modifier = kb.entries.get(before.actor) if before is not None and before.kind == "modifier" and before.actor \
        else None
    narrowing = _modifiers(doc[start - 1].text, lang) if start > 0 and role is None else ()
    first = start - 1 if (modifier or narrowing) else start
    slot, host, j = None, None, end
    if end - 1 in by_token and by_token[end - 1].label != "PERS":  # `глава МЗС` inside `МЗС РФ`
        mention = by_token[end - 1]
        slot = kb.entries.get(mention.actor or "")
        j = _token_after(doc, mention)
    elif end in by_token and by_token[end].label in ("ORG", "LOC") and by_token[end].kind != "modifier":
        mention = by_token[end]
        slot = kb.entries.get(mention.actor or "")
        j = _token_after(doc, mention)
    if slot is None:
        slot = modifier if role else None
    if slot is not None and j < len(doc) and doc[j].lower_ in ("в", "у", "in", "to") and j + 1 in by_token:
        mention = by_token[j + 1]
        if mention.label == "LOC" and mention.actor in kb.entries:
            host, j = kb.entries[mention.actor], _token_after(doc, mention)
    end_token, new_name = _extend_to_name(doc, j, by_token)
    if end_token is None:
        end_token = j if (slot is not None or role is None) else end
    if role is None and end_token > end and end_token not in by_token:
        end_token = end
    span = doc[first:end_token]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return RolePhrase(span.start_char, span.end_char, span.text, "role" if role else "nominal", role,
                      list(lexeme.kinds), slot, host, narrowing, new_name, doc[end - 1].idx + len(doc[end - 1]))


@cache
def _modifier_table(lang: str) -> dict[str, list[str]]:
    return curated("roles.json")["modifiers"].get(lang, {})


def _modifiers(word: str, lang: str) -> tuple[str, ...]:
    table = _modifier_table(lang)
    found: list[str] = []
    for lemma in lemma_set(word, lang):
        found.extend(table.get(lemma, []))
    return tuple(dict.fromkeys(found))


def _is_singular_noun(token, lexeme: Lexeme) -> bool:
    """A nominal reference is one person: `дипломата`, not `дипломати` or `політики` (policy)."""
    if "Plur" in token.morph.get("Number"):
        return False
    return token.lemma_.lower() in lexeme.lemmas[0] if token.lemma_ else True


def _token_after(doc: Doc, mention: Mention) -> int:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.end if span is not None else len(doc)


def _extend_to_name(doc: Doc, j: int, by_token: dict[int, Mention]) -> tuple[int | None, tuple[int, int] | None]:
    """If a person's name follows within a few words of description (lower-case words and names
    of organisations and places), the description ends where the name begins. A name the NER
    missed (two or three capitalised words right there) is returned as characters."""
    k = j
    while k < len(doc) and k - j <= MAX_DESCRIPTION_TOKENS:
        mention = by_token.get(k)
        if mention is not None and mention.label == "PERS" and mention.kind == "name":
            return k, None
        token = doc[k]
        if token.is_punct or token.is_space:
            return None, None
        if mention is None and token.text[:1].isupper() and not token.is_sent_start:
            name = _bare_name(doc, k, by_token)
            return (k, name) if name else (None, None)
        if "\n" in token.whitespace_:
            return None, None
        k += 1
    return None, None


def _bare_name(doc: Doc, k: int, by_token: dict[int, Mention]) -> tuple[int, int] | None:
    end = k
    while end < len(doc) and end - k < 3 and end not in by_token and doc[end].text[:1].isupper() \
            and doc[end].is_alpha:
        end += 1
    if end - k < 2 or (end < len(doc) and doc[end].text[:1].isupper()):
        return None
    return doc[k].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _positions(phrase: RolePhrase) -> list[str]:
    positions = []
    for position in phrase.role["positions"] if phrase.role else []:
        if position == "org_head":
            if phrase.slot is not None and phrase.slot.head:
                positions.append(phrase.slot.head)
        elif position == "head_of_state":
            if phrase.slot is not None and phrase.slot.type == "LOC":
                positions.extend(next(r for r in _roles() if r["role"] == "head_of_state")["positions"])
        elif "{host}" in position:
            if phrase.host is not None:
                positions.append(position.format(host=phrase.host.name))
        else:
            positions.append(position)
    return list(dict.fromkeys(positions))


def resolve_role(phrase: RolePhrase, kb: KnowledgeBase, day: str | None) -> str | None:
    """The one person who held the phrase's post on `day`, or None."""
    if phrase.kind != "role" or phrase.slot is None:
        return None
    slot = phrase.slot
    found: dict[str, Entry] = {}
    for position in _positions(phrase):
        if slot.type == "LOC" or slot.country and not _is_international(slot):
            holders = kb.holders(position, day, country=slot.country)
        else:
            holders = kb.holders(position, day, org=slot.key)
        found.update({h.id: h for h in holders})
    return next(iter(found)) if len(found) == 1 else None


def _is_international(entry: Entry) -> bool:
    return entry.type == "ORG" and not entry.country


def resolve_nominal(phrase: RolePhrase, people: list[tuple[int, str]], kb: KnowledgeBase, day: str | None,
                    local: dict[str, Actor]) -> str | None:
    """The nearest person named before the phrase whose post on `day` fits the noun (and the
    adjective: `європейського дипломата` is a diplomat of a European body)."""
    for start, person_id in sorted(people, key=lambda p: -p[0]):
        if start >= phrase.start or person_id not in kb.entries:
            continue
        entry = kb.entries[person_id]
        role = entry.role_on(day)
        if role is None or not set(phrase.kinds) & set(_kinds_of(role.position)):
            continue
        if phrase.modifiers and not _affiliated(entry, role, phrase.modifiers):
            continue
        return person_id
    return None


@cache
def _kinds_of(position: str) -> tuple[str, ...]:
    for role in _roles():
        if position in role["positions"] or position.lower().startswith("ambassador") and role["role"] == "ambassador":
            return tuple(role["kind"])
    return ()


def _affiliated(person: Entry, role, keys: tuple[str, ...]) -> bool:
    return bool({role.org, role.country, person.country} & set(keys))
