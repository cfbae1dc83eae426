"""Quotations and who said them: direct quotes, reported speech and mixed quotes (uk, ru, en).

- Direct: text in quotation marks that an attribution claims for someone, after the quote
  (`"...", – повідомив Боррель`) or before it (`Боррель заявив: «...»`, `Боррель: «...»`).
  Quoted names and titles (`газета "День"`, `"договору про гарантії безпеки"`) have no
  attribution, so they are not quotes.
- Reported: `X заявив, що ...`; `За словами X, ...`; `Як повідомив X, ...`;
  `..., – сказано в заяві МЗС`; `Про це X написав у Twitter` (the sentence before). The
  quote's span is the reported content. Content with a quoted fragment inside is `mixed`.
- Speaker: the linked mention that is the subject of the reporting verb (its parse, else the
  nearest nominative mention before the verb, else the one right after it); pronouns and
  `за його словами` go to the last person spoken about.

The cue lexicons are data files (`data/quotes/{uk,ru,en}.json`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from khronika.actors.kb import lemma_set
from khronika.actors.link import organisation_outside_kb
from khronika.model import Actor, Mention, Quote

OPENING = {"«": "»", "„": "“", "“": "”", '"': '"'}
DASHES = {"–", "—", "-", "―"}
UD_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct", "Voc": "voct"}
MIN_DIRECT_WORDS = 3
NAME_DEPENDENTS = {"nmod", "amod", "flat", "flat:name", "appos"}  # words that belong to an organisation's name



@dataclass(frozen=True)
class Quoted:
    """Characters between a pair of quotation marks (marks excluded)."""
    start: int
    end: int


@cache
def cues(lang: str) -> dict:
    data = json.loads(resources.files("khronika.data").joinpath("quotes", f"{lang}.json").read_text("utf-8"))
    data["verb_set"] = frozenset(data["verbs"])
    return data


def quoted_spans(text: str) -> list[Quoted]:
    """Balanced quotation-mark pairs. Typographic marks nest and may run over paragraphs: a quote
    that goes on in the next paragraph reopens it with the same mark and closes only at its end
    (`«...¶«...»` is one quote). Straight quotes pair within a paragraph. An unclosed mark opens nothing."""
    spans, stack = [], []
    paragraph_start = True
    for i, char in enumerate(text):
        if char == "\n":
            stack = [s for s in stack if s[0] != '"']
            paragraph_start = True
            continue
        continuing = paragraph_start and stack and char == stack[-1][0] and char != '"'
        if not char.isspace():
            paragraph_start = False
        if continuing:
            continue
        if char == '"':
            if stack and stack[-1][0] == '"':
                _, start = stack.pop()
                spans.append(Quoted(start + 1, i))
            elif _opens(text, i):
                stack.append((char, i))
            continue
        if stack and char == OPENING[stack[-1][0]]:
            _, start = stack.pop()
            spans.append(Quoted(start + 1, i))
        elif char in OPENING and (char != "“" or _opens(text, i)):
            stack.append((char, i))
    return sorted(spans, key=lambda q: q.start)


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,«„") and not after.isspace()


def find_quotes(doc: Doc, lang: str, mentions: list[Mention], actors: list[Actor] | None = None) -> list[Quote]:
    """The article's quotes. A speaker that the text names only by a common noun phrase
    (`прокуратура Києва заявила`, `в лікарні повідомили`) becomes an organisation mention and
    actor, appended to `mentions` and `actors`."""
    if lang not in ("uk", "ru", "en"):
        return []
    finder = _Finder(doc, lang, mentions)
    quotes = finder.run()
    known = {a.id for a in actors} if actors is not None else set()
    for mention, actor in finder.new_speakers:
        mentions.append(mention)
        if actors is not None and actor.id not in known:
            actors.append(actor)
            known.add(actor.id)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return quotes


class _Finder:
    def __init__(self, doc: Doc, lang: str, mentions: list[Mention]):
        self.doc, self.lang, self.text = doc, lang, doc.text
        self.cues = cues(lang)
        self.mentions = [m for m in mentions if m.label in ("PERS", "ORG", "LOC") and m.kind != "modifier"
                         and not self._common_noun(m)]
        self.quoted = quoted_spans(self.text)
        self.outlets = self._outlets(mentions)
        self.quotes: list[Quote] = []
        self.people: list[Mention] = []  # persons as the text brings them up, the latest last
        self.authors: list[Mention] = []  # persons whose material the article retells
        self.new_speakers: list[tuple[Mention, Actor]] = []

    def run(self) -> list[Quote]:
        previous = None
        waiting = sorted(self.quoted, key=lambda q: q.end)
        for sentence in self.doc.sents:
            self._sentence(sentence, previous)
            if sentence.text.strip():
                previous = sentence
            # direct quotes in the order the text gives them, so that `за її словами` after
            # `«...», – каже художниця Олеся Статива` knows who she is
            done = [q for q in waiting if q.end <= sentence.end_char]
            waiting = waiting[len(done):]
            self._direct(done)
        self._direct(waiting)
        self.quotes.sort(key=lambda q: q.start)
        return _without_overlaps(self.quotes)

    # --- reported speech -----------------------------------------------------------------
    def _sentence(self, sentence: Span, previous: Span | None) -> None:
        found = self._according_to(sentence) or self._statement(sentence) or self._about_this(sentence, previous) \
            or self._trailing(sentence)
        if not found:
            for token in sentence:
                if (self._is_cue_verb(token) or self._statement_that(token)) and self._reported_after(sentence, token):
                    found = True
                    break
        phrase = self._phrase_verb(sentence) if not found else None
        if phrase is not None:
            verb, last, cue = phrase
            found = self._reported_after(sentence, last, cue, speaking=verb)
        if not found:
            self._object_content(sentence) or self._about_content(sentence)
        people = [m for m in self.mentions if sentence.start_char <= m.start < sentence.end_char
                  and m.label == "PERS" and m.actor and self._nominative(m)]
        subject = self._main_subject(sentence)
        if subject is not None or people:
            self._remember(subject or people[-1])

    def _main_subject(self, sentence: Span) -> Mention | None:
        """The person the sentence is about: the subject of its main clause, named (`Олена
        Шемякіна каже`) or a person noun that introduced a name before (`Вітчим - людина ..., на
        печінці - святий Миколай` after `вітчим Юрій Ісиков`)."""
        subject = next((t for t in sentence.root.children if t.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
            return None
        named = self._mention_at(subject)
        if named is not None:
            return named if named.label == "PERS" else None
        return self._introduced_as(subject) if self._person_noun(subject) else None  # `Вітчим` may be PROPN

    def _is_cue_verb(self, token: Token) -> bool:
        if token.is_punct or not token.is_alpha:
            return False
        lemmas = {token.lemma_.lower()} | lemma_set(token.text, self.lang) | self._infinitives(token)
        if not lemmas & self.cues["verb_set"] or token.pos_ not in ("VERB", "AUX", "ADJ", ""):
            return False
        return not self._authorial(token)

    def _infinitives(self, token: Token) -> set[str]:
        """`стверджуючи` -> `стверджувати`: a gerund's verb, by the suffix table of the cue file."""
        if "Conv" not in token.morph.get("VerbForm"):
            return set()
        word = token.lower_
        return {word[: -len(old)] + new for old, new in self.cues.get("gerunds", []) if word.endswith(old)}

    def _phrase_verb(self, sentence: Span) -> tuple[Token, Token, str] | None:
        """A reporting verb phrase (`дійшов висновку`, `прийшла до висновку`): its verb, its last
        word and the phrase."""
        words = [lemma_set(t.text, self.lang) | {t.lower_} for t in sentence]
        for phrase in self.cues.get("phrases", []):
            parts = phrase.split()
            for k in range(len(words) - len(parts) + 1):
                if all(parts[j] in words[k + j] for j in range(len(parts))):
                    return sentence[k], sentence[k + len(parts) - 1], phrase
        return None

    def _authorial(self, token: Token) -> bool:
        """`Зазначимо, що`, `Нагадаємо`: the author speaking (first person or imperative)."""
        if "1" in token.morph.get("Person") or "Imp" in token.morph.get("Mood"):
            return True
        if token.i > 0 and self.doc[token.i - 1].lower_ in self.cues.get("authorial_modals", []):
            return True  # `Варто зазначити, що`: the author's own remark
        parses = [p for p in _parses(token.text, self.lang) if p.tag.POS in ("VERB", "INFN")]
        return bool(parses) and all(p.tag.person == "1per" or p.tag.mood == "impr" for p in parses)

    def _reported_after(self, sentence: Span, verb: Token, cue: str | None = None,
                        speaking: Token | None = None) -> bool:
        """`X заявив, що CONTENT` / `X said that CONTENT`: content from the complementiser on."""
        i = verb.i + 1
        while i < sentence.end and i - verb.i <= 6 and self.doc[i].lower_ not in self.cues["that"]:
            if self.doc[i].text in (".", "!", "?", ":") or self._opens_quote(self.doc[i]):
                return False
            i += 1
        if i >= sentence.end or self.doc[i].lower_ not in self.cues["that"]:
            return False
        start = self.doc[i + 1].idx if i + 1 < sentence.end else None
        if start is None:
            return False
        end = _content_end(sentence)
        speaking = speaking or (verb.head if "Conv" in verb.morph.get("VerbForm") else verb)
        impersonal = verb.lower_ in self.cues["statement"] and not self._is_cue_verb(verb)
        speaker = self._document_source(verb, sentence) if impersonal else self._subject(speaking, sentence)
        infinitive = sorted(self._infinitives(verb) & self.cues["verb_set"])
        self._add(start, end, speaker, cue or (infinitive[0] if infinitive else verb.lemma_.lower()), sentence)
        return True

    def _object_content(self, sentence: Span) -> bool:
        """`Мусєєв заперечує свій зв'язок з фірмами`, `прокурор пообіцяв показати документи`: the
        verb's object or infinitive up to the end of the clause is what was said."""
        verbs = set(self.cues.get("object_verbs", []))
        naming = set(self.cues.get("naming_verbs", []))
        for token in sentence:
            lemmas = {token.lemma_.lower()} | lemma_set(token.text, self.lang)
            if not lemmas & (verbs | naming) or token.pos_ != "VERB" or self._authorial(token):
                continue
            start = token.i + 1
            if start >= sentence.end or self.doc[start].lower_ in self.cues["that"] \
                    or self.doc[start].is_punct and not self._opens_quote(self.doc[start]):
                continue
            end = self._clause_end(start, sentence)
            if end - start < 2:
                continue
            content = self.doc[start:end]
            if not lemmas & verbs and not any(content.start_char <= q.start and q.end <= content.end_char
                                              and self._is_speech(q) for q in self.quoted):
                continue  # `називав Мартиненка «смотрящім»`: naming reports words only in quotation marks
            self._add(content.start_char, content.end_char, self._subject(token, sentence),
                      token.lemma_.lower(), sentence)
            return True
        return False

    def _document_source(self, verb: Token, sentence: Span) -> Mention | None:
        """`В ухвалі йдеться, що`: the body that issues the document named before the verb (the
        court the article named), if the lexicon knows who issues it."""
        for noun in reversed([t for t in self.doc[sentence.start:verb.i] if t.pos_ == "NOUN"]):
            found = self._as_written(noun, self._agency(noun))
            if found is not None:
                return found
        return None

    def _statement_that(self, token: Token) -> bool:
        """`В ухвалі йдеться, що ...`: an impersonal statement verb right before `, що` (not the
        relative `що` of `Йдеться про землю, що знаходиться ...`)."""
        if token.lower_ not in self.cues["statement"] or token.i + 2 >= len(self.doc):
            return False
        return self.doc[token.i + 1].text == "," and self.doc[token.i + 2].lower_ in self.cues["that"]

    def _clause_end(self, start: int, sentence: Span) -> int:
        """The token after the clause that starts at `start`: the next comma or sentence mark
        outside quotation marks (`дякує «за допомогу, підтримку» депутатам`)."""
        end, depth = start, 0
        while end < sentence.end:
            text = self.doc[end].text
            if text in OPENING and (text != '"' or depth == 0):
                depth += 1
            elif text in OPENING.values() and depth:
                depth -= 1
            elif depth == 0 and text in (",", ".", ";", "!", "?", ":"):
                break
            end += 1
        return end

    def _about_content(self, sentence: Span) -> bool:
        """`повідомив про придбання акцій`, `заявляє про 72 млн грн`: a statement verb whose `про`
        phrase is the claim itself (unlike the topic of `розповів про`)."""
        verbs = set(self.cues.get("about_verbs", []))
        for token in sentence[:-2]:
            lemmas = {token.lemma_.lower()} | lemma_set(token.text, self.lang)
            after = self.doc[token.i + 1]
            if not lemmas & verbs or token.pos_ != "VERB" or after.lower_ != "про" or self._authorial(token):
                continue
            end = self._clause_end(after.i + 1, sentence)
            content = self.doc[after.i + 1:end]
            acts = set(self.cues.get("not_claims", []))
            if len(content) < 2 or any((lemma_set(t.text, self.lang) | {t.lower_}) & acts for t in content[:2]):
                continue  # `повідомили про підозру`: a legal act, not a claim
            self._add(content.start_char, content.end_char, self._subject(token, sentence), token.lemma_.lower(),
                      sentence)
            return True
        return False

    def _trailing(self, sentence: Span) -> bool:
        """`CONTENT, пише Максим Опанасенко на сайті «Свідомо».`, `CONTENT, йдеться на місцевих
        ресурсах.`: a reporting verb right after a comma near the end of the sentence."""
        tokens = [t for t in sentence if not t.is_space]
        for k in range(3, len(tokens)):
            token, comma = tokens[k], tokens[k - 1]
            statement = token.lower_ in self.cues["statement"]
            if comma.text != "," or not (statement or self._is_cue_verb(token)) or len(tokens) - k > 12:
                continue
            rest = self.doc[token.i + 1:sentence.end]
            if any(t.lower_ in self.cues["that"] or t.text == "," for t in rest):
                continue  # `..., сказав, що`: the content comes after
            speaker = self._document_owner(token, sentence) if statement \
                else self._speaker_after(token, sentence.end_char)
            if not statement and speaker is None:
                continue  # `..., написав заяву`: a verb with no speaker after it is the narrative going on
            self._add(sentence.start_char, comma.idx, speaker, token.lemma_.lower(), sentence)
            return True
        return False

    def _according_to(self, sentence: Span) -> bool:
        """`За словами X, CONTENT`, `Як повідомив X, CONTENT` (also mid-sentence)."""
        words = [t.lower_ for t in sentence]
        for phrase in self.cues["according_to"]:
            for k, width in _phrase_at(words, phrase.split(), self.cues["pronouns"]):
                after = sentence[k + width:]
                comma = next((t for t in after if t.text == ","), None)
                if comma is None or comma.i + 1 >= sentence.end:
                    continue
                who = self.doc[sentence.start + k + 1:comma.i] if width > len(phrase.split()) \
                    else self.doc[sentence.start + k + width:comma.i]
                if any(t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm") for t in who):
                    self._add_unpunctuated(sentence, who, phrase)  # `За даними слідства невстановлені особи ...`
                    return True
                first = next((t for t in who if t.pos_ == "NOUN"), None)
                person = self._named_by_head(first) if first is not None and self._person_noun(first) else None
                speaker = person or self._mention_in(who) or self._outlet_in(who) or self._pronoun(who) or next(
                    (found for t in who if t.pos_ == "NOUN" and (found := self._named_by_head(t))), None)
                if len(who) > 12 or self._is_record(who):
                    continue  # too far from the cue to be its source, or a register rather than a speaker
                # `Мак, за її словами, символізує ...`: a cue inside the clause leaves the whole clause
                inside = k > 0 and sentence[k - 1].text == "," and self._subject_only(sentence[:k - 1])
                start = sentence.start_char if inside else self.doc[comma.i + 1].idx
                named_here = speaker is not None and who.start_char <= speaker.start < who.end_char
                self._add(start, _content_end(sentence), speaker, phrase, sentence,
                          speaker_text=speaker.text if named_here else who.text)
                return True
        return False

    def _subject_only(self, before: Span) -> bool:
        """`Мак, за її словами, символізує`: what precedes a mid-sentence cue is a subject (a noun
        that can be nominative, no verb yet), not an opening adverbial (`Між тим, за даними ...`)."""
        if any(t.pos_ == "VERB" for t in before):
            return False
        return any(t.pos_ in ("NOUN", "PROPN") and any(p.tag.case == "nomn" for p in _parses(t.text, self.lang))
                   for t in before)

    def _add_unpunctuated(self, sentence: Span, rest: Span, phrase: str) -> None:
        """`За даними слідства невстановлені особи розтратили ...` (no comma after the source): the
        source is the noun phrase right after the cue, the content begins after it."""
        head = rest[0]
        end = head.i
        for token in self.doc[head.i + 1:rest.end]:
            if token.dep_ not in NAME_DEPENDENTS or not head.i <= token.head.i <= end:
                break
            end = token.i
        source = self.doc[head.i:end + 1]
        if end + 1 >= sentence.end or self._is_record(self.doc[head.i:end + 3]):
            return  # `За даними «ВДЗ» фірма ...`: a register's data, not a speaker's words
        speaker = self._mention_in(source) or self._outlet_in(source) or self._pronoun(source) \
            or self._named_by_head(source.root)
        self._add(self.doc[end + 1].idx, _content_end(sentence), speaker, phrase, sentence, speaker_text=source.text)

    def _statement(self, sentence: Span) -> bool:
        """`CONTENT, – сказано в заяві МЗС`: the content before the dash."""
        for token in sentence:
            if token.lower_ in self.cues["statement"] and token.i >= sentence.start + 2:
                dash = self.doc[token.i - 1]
                comma = self.doc[token.i - 2]
                if dash.text in DASHES and comma.text in (",", '"', "»", "”"):
                    rest = self.doc[token.i + 1:sentence.end]
                    speaker = self._mention_in(rest)
                    self._add(sentence.start_char, comma.idx, speaker, token.lower_, sentence,
                              channel=self._channel(rest))
                    return True
        return False

    def _about_this(self, sentence: Span, previous: Span | None) -> bool:
        """`Про це X написав у Twitter`: the sentence before (`previous`) is what X wrote."""
        lowered = sentence.text.lower()
        for opener in self.cues["about_this"]:
            if not lowered.startswith(opener):
                continue
            verb = next((t for t in sentence if self._is_cue_verb(t) or t.lower_ in self.cues["statement"]), None)
            if verb is None or previous is None:
                return False
            if self._is_record(self.doc[verb.i + 1:sentence.end]):
                return True  # `Про це повідомляється у «Віснику державних закупівель»`: a register, not a speaker
            impersonal = verb.lower_ in self.cues["statement"]
            speaker = self._document_owner(verb, sentence) if impersonal else None
            speaker = speaker or self._subject(verb, sentence)
            self._add(previous.start_char, _content_end(previous), speaker, verb.lemma_.lower(), previous,
                      channel=self._channel(sentence))
            return True
        return False

    def _document_owner(self, verb: Token, sentence: Span) -> Mention | None:
        """`Про це йдеться в матеріалі Оксани Коваленко на «Українській правді»`, `... в ухвалі
        Печерського райсуду`: whoever the document belongs to, the first person, organisation or
        outlet named after the impersonal verb."""
        rest = self.doc[verb.i + 1:sentence.end]
        named = [m for m in self.mentions if rest.start_char <= m.start < rest.end_char and m.actor
                 and m.label in ("PERS", "ORG")]
        outlet = next((o for o in self.outlets if rest.start_char <= o.start < rest.end_char), None)
        first = min([*named, *([outlet] if outlet else [])], key=lambda m: m.start, default=None)
        if first is not None:
            if first.label == "PERS" and self._authored(first):
                self.authors.append(first)  # `в матеріалі Оксани Коваленко`: later `журналіст` is she
            return self._speaking(first) if first is outlet else first
        nouns = set(self.cues.get("organisation_nouns", []))
        head = next((t for t in rest if t.pos_ == "NOUN" and (lemma_set(t.text, self.lang) | {t.lemma_}) & nouns), None)
        return self._organisation_phrase(head, verb, sentence.end) if head is not None else None

    # --- direct quotes -------------------------------------------------------------------
    def _direct(self, quoted_spans: list[Quoted]) -> None:
        taken = [(q.start, q.end) for q in self.quotes]
        for quoted in quoted_spans:
            inner = self.text[quoted.start:quoted.end]
            if len(re.findall(r"\w+", inner)) < MIN_DIRECT_WORDS:
                continue
            if any(s <= quoted.start and quoted.end <= e for s, e in taken):
                continue  # a quoted fragment inside reported content: that quote is mixed
            split = self._interrupted(quoted)
            if split is not None:
                for part, attribution in split:
                    self._add_direct(part, attribution)
                continue
            attribution = self._attribution_after(quoted) or self._attribution_before(quoted)
            if attribution is None and self._stands_alone(quoted, inner):
                attribution = (None, None, None)  # a line of direct speech; its speaker is not named here
            if attribution is not None:
                self._add_direct(quoted, attribution)

    def _add_direct(self, quoted: Quoted, attribution: tuple) -> None:
        speaker, speaker_text, cue = attribution
        start, end = quoted.start, quoted.end
        while start < end and self.text[start].isspace():  # `« Так »` in tokenised text: the words only
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        self.quotes.append(Quote(start, end, self.text[start:end], "direct", speaker and speaker.actor,
                                 speaker_text, cue))
        if speaker is not None and speaker.label == "PERS":
            self._remember(speaker)

    def _interrupted(self, quoted: Quoted) -> list[tuple[Quoted, tuple]] | None:
        """`« A , - каже Мамлєєв . - B »`: an attribution inside the marks, between dashes, cuts the
        quote in two; both parts are the speaker's."""
        span = self.doc.char_span(quoted.start, quoted.end, alignment_mode="contract")
        tokens = [t for t in span if not t.is_space] if span is not None else []
        for k in range(1, len(tokens) - 3):
            if tokens[k].text not in DASHES or tokens[k - 1].text not in {",", "!", "?", "…"}:
                continue
            verb = next((t for t in tokens[k + 1:k + 3] if self._is_cue_verb(t)), None)
            if verb is None:
                continue
            close = next((j for j in range(k + 2, min(len(tokens), k + 16)) if tokens[j].text in DASHES
                          and tokens[j - 1].text in {".", ","}), None)
            if close is None or close + 1 >= len(tokens):
                return None
            speaker = self._speaker_after(verb, tokens[close].idx)
            attribution = (speaker, speaker.text if speaker else None, verb.lemma_.lower())
            first = Quoted(quoted.start, tokens[k - 1].idx)
            second = Quoted(tokens[close + 1].idx, quoted.end)
            return [(first, attribution), (second, attribution)]
        return None

    def _stands_alone(self, quoted: Quoted, inner: str) -> bool:
        """A whole sentence of direct speech in quotation marks, where the text itself stops
        (`… кипить життя. «Я любила залазити на дерева».`): it opens a sentence, holds at least
        five words and ends a sentence inside or right after the marks."""
        before = self.text[:quoted.start - 1].rstrip()
        after = self.text[quoted.end + 1:].lstrip()
        opens = not before or before[-1] in ".!?:\n…"
        ends = inner.rstrip()[-1:] in ".!?…" or after[:1] in (".", "!", "?", "")
        return opens and ends and len(re.findall(r"\w+", inner)) >= 5

    def _attribution_after(self, quoted: Quoted):
        """`"...", – повідомив Боррель.` / `"...," he said.`"""
        span = self.doc.char_span(quoted.end + 1, min(len(self.text), quoted.end + 80), alignment_mode="contract")
        if span is None:
            return None
        tokens = [t for t in span if not t.is_space]
        k = 0
        while k < len(tokens) and tokens[k].text in {",", ".", "!", "?", "…"} | DASHES:
            k += 1
        if self.lang != "en" and not any(t.text in DASHES for t in tokens[:k]):
            return None  # `"...". Зазначимо` starts a new sentence; the attribution is `" – сказав`
        for token in tokens[k:k + 3]:
            if self._is_cue_verb(token):
                speaker = self._speaker_after(token, token.sent.end_char)
                text = speaker.text if speaker is not None else None
                return speaker, text, token.lemma_.lower()
        return None

    def _speaker_after(self, verb: Token, limit: int) -> Mention | None:
        """Who speaks in `– каже X`, `– розповідає директор «Глибокої» Шаміль Мамлєєв`, `– нагадав
        суд`: a person named in the attribution (over the organisation that qualifies them), a
        pronoun, an organisation, else a noun subject; never a name inside the quote itself."""
        end = verb.i + 1
        while end < len(self.doc) and self.doc[end].idx < limit and end - verb.i <= 14 \
                and self.doc[end].text not in (".", "!", "?", ";") and self.doc[end].text not in DASHES:
            end += 1
        clause = self.doc[verb.i + 1:end]
        inside = [m for m in self.mentions if clause.start_char <= m.start < clause.end_char and m.actor] \
            if len(clause) else []
        person = next((m for m in inside if m.label == "PERS"), None)
        found = person or self._pronoun(clause[:3]) or self._mention_in(clause)
        if found is not None:
            return found
        noun = next((t for t in clause[:3] if t.pos_ in ("NOUN", "PROPN")), None)
        if noun is None:
            return None
        return self._named_by_head(noun) or self._organisation_phrase(noun, verb, end)

    def _attribution_before(self, quoted: Quoted):
        """`Боррель заявив: «...»` / `Боррель: «...»`."""
        head = self.text[max(0, quoted.start - 120):quoted.start - 1].rstrip()
        if not head.endswith(":"):
            return None
        at = self.text.rfind(":", 0, quoted.start)
        colon = self.doc.char_span(at, at + 1, alignment_mode="expand")
        opening = colon[0].sent.start_char if colon is not None and len(colon) else quoted.start - 120
        # the verb may stand far back in a long sentence (`Бубка привітав ..., ... у світі: «...»`)
        span = self.doc.char_span(max(0, opening, quoted.start - 400), quoted.start - 1, alignment_mode="contract")
        if span is None:
            return None
        sentence = span[-1].sent if len(span) else None
        verb = next((t for t in reversed(span) if self._is_cue_verb(t)), None)
        if verb is not None:
            speaker = self._subject(verb, sentence)
            return speaker, speaker.text if speaker else None, verb.lemma_.lower()
        colon = span[-1]
        speaker = self._mention_before(colon, adjacent=True)
        if speaker is None and colon.i > 0 and self._is_wording(self.doc[colon.i - 1]):
            # `комітет відхилив пропозиції з однаковим формулюванням: «...»`: the subject's words
            speaker = self._subject(colon.sent.root, colon.sent)
            return speaker, speaker.text if speaker else None, None
        return (speaker, speaker.text, None) if speaker is not None else None

    def _is_wording(self, token: Token) -> bool:
        lemmas = lemma_set(token.text, self.lang) | {token.lower_}
        return bool(lemmas & set(self.cues.get("wording_nouns", [])))

    # --- speakers ------------------------------------------------------------------------
    def _subject(self, verb: Token, sentence: Span | None) -> Mention | None:
        located = self._located_source(verb)
        if located is not None:
            return located
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubj:pass"):
                if child.i > verb.i and child.pos_ == "NOUN":  # `ТД «Украгропром» повідомив держпідприємство`:
                    named = self._mention_before(verb, nominative=True, within=sentence)  # the object misparsed
                    if named is not None:
                        return named
                found = self._mention_at(child) or self._outlet_in(self.doc[child.i:child.i + 1]) \
                    or self._pronoun(self.doc[child.i:child.i + 1]) \
                    or self._named_by_head(child) or self._organisation_phrase(child, verb)
                if found is not None:
                    return found
                if child.i < verb.i and child.pos_ == "NOUN" and self._person_noun(child):
                    return None  # `Замовник зазначив`: a person noun the text does not resolve, not a name nearby
        before = self._mention_before(verb, nominative=True, within=sentence)
        if before is not None:
            return before
        start = sentence.start if sentence is not None else verb.sent.start
        outlet = self._outlet_in(self.doc[start:verb.i])  # `Також ZIK повідомив`
        if outlet is not None:
            return outlet
        window = []
        for token in self.doc[verb.i + 1:min(verb.i + 6, len(self.doc))]:
            if token.lower_ in self.cues["that"] or token.text in (",", ":", ".") or token.text in OPENING:
                break
            window.append(token)
        after = self._mention_in(self.doc[verb.i + 1:verb.i + 1 + len(window)]) if window else None
        after = after or self._outlet_in(self.doc[verb.i + 1:min(verb.i + 4, verb.sent.end)])
        found = after or self._pronoun(self.doc[max(verb.i - 3, 0):verb.i + 1 + len(window)])
        if found is None:  # a common-noun subject before the verb, or right after it
            start = within_start = sentence.start if sentence is not None else verb.sent.start
            nouns = [t for t in self.doc[start:verb.i] if t.pos_ == "NOUN" and self._may_be_nominative(t)]
            nouns += [t for t in window if t.pos_ == "NOUN" and "Nom" in t.morph.get("Case")]
            after_verb = [t for t in window if t.pos_ in ("NOUN", "PROPN") and "Nom" in t.morph.get("Case")]
            for noun in (nouns[-1:] if within_start < verb.i else []) + nouns[:1]:
                found = self._named_by_head(noun)
                if found is not None:
                    break
            if found is None and after_verb:  # `Про це повідомляє прес-служба обласної прокуратури`
                found = self._organisation_phrase(after_verb[0], verb, verb.i + 1 + len(window))
        return found or self._unnamed_subject(verb, sentence)

    def _unnamed_subject(self, verb: Token, sentence: Span | None) -> Mention | None:
        """`Він пиячить і відсидів, каже: «...»`: a subject pronoun earlier in the sentence; `Запевняє,
        що ...`: a singular verb with no subject at all goes on about the latest person of its gender."""
        start = sentence.start if sentence is not None else verb.sent.start
        before = self.doc[start:verb.i]
        pronoun = next((t for t in before if t.lower_ in self.cues.get("subject_pronouns", [])), None)
        if pronoun is not None:
            return self._pronoun(self.doc[pronoun.i:pronoun.i + 1])
        if "Plur" in verb.morph.get("Number") and "1" not in verb.morph.get("Person") \
                and not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in before):
            return self._group_before(verb)
        if "Sing" not in verb.morph.get("Number") or "1" in verb.morph.get("Person") \
                or any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in before):
            return None  # a noun before the verb may be its subject, misparsed
        gender = {"Fem": "femn", "Masc": "masc"}.get(next(iter(verb.morph.get("Gender")), ""))
        return self._person_of_gender(gender)

    def _group_before(self, verb: Token) -> Mention | None:
        """`Натомість повідомили, що ...` after `... – залізничники також відмовились`: a plural verb
        with no subject goes on about the plural subject of the sentence before, if that names a body."""
        start = verb.sent.start
        if start == 0:
            return None
        previous = self.doc[start - 1].sent
        while not previous.text.strip() and previous.start > 0:
            previous = self.doc[previous.start - 1].sent
        subjects = [t for t in previous if t.dep_ == "nsubj" and t.pos_ == "NOUN" and "Plur" in t.morph.get("Number")
                    and "Plur" in t.head.morph.get("Number") and t.head.pos_ == "VERB"]
        if not subjects:
            return None
        subject = subjects[-1]
        found = self._agency(subject)
        return self._as_written(subject, found) if found is not None else None

    def _may_be_nominative(self, token: Token) -> bool:
        """Nominative by the parse, or by the dictionary where the parser chose an equal form
        (`сайт ... заявляє`: masculine inanimate accusative)."""
        cases = set(token.morph.get("Case"))
        if "Nom" in cases:
            return True
        parses = _parses(token.text, self.lang)
        if cases - {"Acc", "Voc"} and any(p.tag.case in {UD_CASES.get(c) for c in cases} for p in parses):
            return False  # a genitive that could be a nominative plural (`мерії`) stays genitive
        # `Відповідні документи прокурор пообіцяв`: a case the word cannot have is the parser's slip
        return any(p.tag.case == "nomn" for p in parses)

    def _named_by_head(self, token: Token) -> Mention | None:
        """A subject that is a common noun (`Суд зазначив`, `прес-служба прокуратури повідомила`):
        the organisation in its genitive dependents, else the latest organisation or person named
        before whose name has the same head word (`суд` -> `Вищий господарський суд`)."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        phrase = self._own_words(token)
        inside = [m for m in (self._mention_at(d) for d in phrase) if m is not None]
        # `Депутат міськради Олег Савченко`: the named person speaks; `Заступник голови РДА`: a person
        # noun is not the organisation it works for
        person = next((m for m in inside if m.label == "PERS"), None)
        if person is not None or self._person_noun(token):
            return person or self._as_written(token, self._referent(token))
        named = next((m for m in inside if m.label == "ORG"), None)
        noun = next((d for d in phrase if self._organisation_noun(d)), None)
        if noun is not None and (named is None or noun.idx < named.start):
            # `сайт Департаменту економіки мерії заявляє`: the department, the nearer body
            return self._organisation_phrase(noun, token, token.sent.end)
        if named is not None:
            return named
        return self._as_written(token, self._referent(token))

    def _own_words(self, token: Token) -> list[Token]:
        """The noun's dependents up to the first punctuation mark either side: a parser may hang the
        next clause's subject on it (`Як зазначає видання, Андрій Артеменко ...`)."""
        words = [d for d in token.subtree if d.i != token.i]
        return [d for d in words if not any(t.is_punct and t.text not in OPENING and t.text not in OPENING.values()
                                            for t in self.doc[min(d.i, token.i):max(d.i, token.i)])]

    def _referent(self, token: Token) -> Mention | None:
        """Whom a common noun refers back to: the latest actor named with the same head word
        (`суд` -> `Вищий господарський суд`), the body behind an investigation, the outlet named
        before, or for a person noun the person the text is about."""
        lemmas = lemma_set(token.text, self.lang)
        earlier = [m for m in self.mentions if m.end <= token.idx and m.actor and m.label in ("ORG", "PERS")
                   and any(lemmas & lemma_set(w, self.lang) for w in m.text.split())]
        if earlier:
            return earlier[-1]
        body = self._agency(token) or self._outlet_named_by(token)
        if body is not None:
            return body
        if self._person_noun(token):
            gender = self._gender_of(token)
            introduced, latest = self._introduced_as(token), self._person_of_gender(gender)
            if introduced is not None and gender is not None and latest is not None and latest.start > introduced.end:
                return latest  # `розповідає художниця` about the woman the text has gone on to, not one named long ago
            return introduced or self._author(token) or self._person_of_gender(gender)
        return None

    def _authored(self, person: Mention) -> bool:
        """The person's name follows a word for written material (`матеріалі Оксани Коваленко`)."""
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None or span.start == 0:
            return False
        word = self.doc[span.start - 1]
        return bool((lemma_set(word.text, self.lang) | {word.lower_}) & set(self.cues.get("author_works", [])))

    def _author(self, token: Token) -> Mention | None:
        """`– пише журналіст` in an article that retells `матеріал Оксани Коваленко`: its author."""
        lemmas = lemma_set(token.text, self.lang) | {token.lower_}
        if not self.authors or not lemmas & set(self.cues.get("author_nouns", [])):
            return None
        return self.authors[-1]

    def _person_noun(self, token: Token) -> bool:
        """Animate by the parse or, where the parser slipped (`прокурор` read as inanimate), by every
        reading in the dictionary."""
        if self._organisation_role(token):
            return False  # `Замовник зазначив`: the procuring body, not a person
        if "Anim" in token.morph.get("Animacy"):
            return True
        nouns = [p for p in _parses(token.text, self.lang) if p.tag.POS == "NOUN"]
        return bool(nouns) and all("anim" in p.tag.grammemes for p in nouns)

    def _as_written(self, token: Token, referent: Mention | None) -> Mention | None:
        """The speaker as the text names it here (`він`, `суд`, `журналіст`), standing for the actor
        it refers to."""
        if referent is None:
            return None
        return Mention(token.idx, token.idx + len(token.text), token.text, referent.label, referent.actor)

    def _organisation_role(self, token: Token) -> bool:
        lemmas = lemma_set(token.text, self.lang) | {token.lemma_.lower(), token.lower_}
        return bool(lemmas & set(self.cues.get("organisation_roles", [])))

    def _organisation_noun(self, token: Token) -> bool:
        nouns = set(self.cues.get("organisation_nouns", []))
        lemmas = lemma_set(token.text, self.lang) | {token.lemma_.lower()}
        return token.pos_ in ("NOUN", "PROPN") and bool(lemmas & nouns)

    def _introduced_as(self, token: Token) -> Mention | None:
        """`Режисер сказав` after `вистава режисера Романа Мархоліа`: the person the text named
        right after the same person noun."""
        lemmas = lemma_set(token.text, self.lang) | {token.lower_}
        for mention in reversed([m for m in self.mentions if m.end <= token.idx and m.label == "PERS" and m.actor]):
            before = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if before is not None and before.start > 0:
                word = self.doc[before.start - 1]
                if lemmas & (lemma_set(word.text, self.lang) | {word.lower_}):
                    return mention
        return None

    def _gender_of(self, token: Token) -> str | None:
        """A feminine person noun (`художниця`) is a woman; a masculine one may be anyone."""
        return "femn" if "Fem" in token.morph.get("Gender") else None

    def _organisation_phrase(self, head: Token, verb: Token, limit: int | None = None) -> Mention | None:
        """`Прокуратура Києва заявила`: an inanimate subject noun with the words that name it (its
        adjectives and genitive dependents next to it) is a speaking organisation."""
        role = self._organisation_role(head)
        if head.pos_ not in ("NOUN", "PROPN", "X") or "Anim" in head.morph.get("Animacy") and not role \
                or head.is_stop:
            return None
        organisation_nouns = set(self.cues.get("organisation_nouns", []))
        if head.pos_ == "NOUN" and not role \
                and not (lemma_set(head.text, self.lang) | {head.lemma_.lower()}) & organisation_nouns:
            return None  # `Правильність рішення підтвердив суд`: an abstract noun does not speak
        start = head.i
        while start - 1 >= verb.sent.start and self.doc[start - 1].dep_ == "amod" \
                and self.doc[start - 1].head.i == head.i:
            start -= 1
        end = head.i
        for token in self.doc[head.i + 1:min(limit or verb.i, head.i + 5)]:
            attached = token.head if token.dep_ != "amod" else token.head.head
            if token.dep_ not in NAME_DEPENDENTS or not start <= attached.i <= end + 1:
                break
            end = token.i
        return self._new_organisation(self.doc[start:end + 1])

    def _new_organisation(self, span: Span) -> Mention:
        actor = organisation_outside_kb(span.text, self.lang)
        mention = Mention(span.start_char, span.end_char, span.text, "ORG", actor.id)
        self.mentions.append(mention)
        self.new_speakers.append((mention, actor))
        return mention

    def _common_noun(self, mention: Mention) -> bool:
        """`Режисер сказав` at the start of a sentence: the NER may take a capitalised person noun for
        a name or place. A single word that opens its sentence and that the same text also writes in
        lower case (`режисера Романа Мархоліа`) is a common noun."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if mention.label not in ("PERS", "LOC") or span is None or len(span) != 1 or not span[0].is_sent_start:
            return False
        lemmas = lemma_set(span[0].text, self.lang) | {span[0].lower_}
        return any(t.text[:1].islower() and lemmas & (lemma_set(t.text, self.lang) | {t.lower_})
                   for t in self.doc if t.i != span[0].i and t.is_alpha)

    def _outlets(self, mentions: list[Mention]) -> list[Mention]:
        """Media outlets: the NER tags them as works (`ART`: `ZIK`, `«Слідство.Інфо»`). A name in
        quotation marks is the whole quoted span, also where the NER stopped at a line break."""
        outlets = []
        for mention in mentions:
            if mention.label != "ART":
                continue
            start, end = mention.start, mention.end
            around = next((q for q in self.quoted if q.start <= start < q.end), None)
            if around is not None and around.end - around.start < 60:
                start, end = around.start, around.end
            outlets.append(Mention(start, end, self.text[start:end], "ORG"))
        return outlets

    def _outlet_in(self, span: Span) -> Mention | None:
        """An outlet that starts in `span` (or whose quotation mark does), as a speaking organisation."""
        if not len(span):
            return None
        outlet = next((o for o in self.outlets if span.start_char <= o.start <= span.end_char), None)
        return self._speaking(outlet) if outlet is not None else None

    def _speaking(self, outlet: Mention) -> Mention:
        if outlet.actor is None:
            actor = organisation_outside_kb(outlet.text, self.lang)
            outlet.actor = actor.id
            self.mentions.append(outlet)
            self.new_speakers.append((outlet, actor))
        return outlet

    def _outlet_named_by(self, token: Token) -> Mention | None:
        """`за даними видання`, `пише газета`: the latest outlet named before."""
        lemmas = lemma_set(token.text, self.lang) | {token.lower_}
        if not lemmas & set(self.cues.get("outlet_nouns", [])):
            return None
        earlier = [o for o in self.outlets if o.end <= token.idx]
        return self._speaking(earlier[-1]) if earlier else None

    def _agency(self, token: Token) -> Mention | None:
        """`за даними слідства`, `Слідчі встановили`: the investigating body the article names
        (the police, a prosecutor's office), the nearest one before, else the first one after."""
        lemmas = lemma_set(token.text, self.lang) | {token.lower_}
        markers = next((set(v) for k, v in self.cues.get("agencies", {}).items() if k in lemmas), None)
        if not markers:
            return None
        bodies = [m for m in self.mentions if m.label == "ORG" and m.actor and m.start != token.idx
                  and any(markers & (lemma_set(w, self.lang) | {w.lower()}) for w in m.text.split())]
        before = [m for m in bodies if m.end <= token.idx]
        if before or bodies:
            return before[-1] if before else bodies[0]
        # a body the NER missed (`Поліція підозрює ...` in the lead): the noun itself names it
        nouns = [t for t in self.doc if t.pos_ in ("NOUN", "PROPN") and t.i != token.i
                 and markers & (lemma_set(t.text, self.lang) | {t.lower_}) and self._organisation_noun(t)]
        earlier = [t for t in nouns if t.i < token.i]
        noun = earlier[-1] if earlier else (nouns[0] if nouns else None)
        if noun is not None:
            return self._organisation_phrase(noun, noun, noun.sent.end)
        if markers & lemmas:  # `За даними податківців` with no tax office named: the staff stand for it
            return self._new_organisation(self.doc[token.i:token.i + 1])
        return None

    def _located_source(self, verb: Token) -> Mention | None:
        """`в МВС заявили`, `у лікарні повідомили`: the organisation the impersonal plural speaks for."""
        if "Plur" not in verb.morph.get("Number"):
            return None
        for token in self.doc[max(verb.sent.start, verb.i - 6):verb.i]:
            if token.lower_ in ("в", "у", "in") and token.i + 1 < verb.i:
                found = self._mention_at(self.doc[token.i + 1])
                if found is not None and found.label == "ORG":
                    return found
                head = next((t for t in self.doc[token.i + 1:verb.i] if t.pos_ == "NOUN"), None)
                if head is not None:  # `в обласній клінічній лікарні повідомили`
                    return self._organisation_phrase(head, verb)
        return None

    def _mention_at(self, token: Token) -> Mention | None:
        containing = [m for m in self.mentions if m.start <= token.idx < m.end and m.actor]
        if not containing:
            return None
        return self._by_name(max(containing, key=lambda m: m.end - m.start))

    def _by_name(self, mention: Mention) -> Mention:
        """A role phrase (`Президент НОК`) followed or filled by the person's name (`Сергій Бубка`):
        the name is how the text names the speaker."""
        if mention.kind != "role":
            return mention
        named = [m for m in self.mentions if m.kind == "name" and m.actor == mention.actor and m is not mention
                 and mention.start <= m.start and not self.text[mention.end:m.start].strip()]
        return min(named, key=lambda m: m.start) if named else mention

    def _mention_in(self, span: Span) -> Mention | None:
        if not len(span):
            return None
        inside = [m for m in self.mentions if span.start_char <= m.start < span.end_char and m.actor]
        if not inside:
            return None
        first = min(m.start for m in inside)
        return max((m for m in inside if m.start == first), key=lambda m: m.end - m.start)

    def _mention_before(self, token: Token, nominative: bool = False, adjacent: bool = False,
                        within: Span | None = None) -> Mention | None:
        floor = within.start_char if within is not None else token.sent.start_char
        candidates = [m for m in self.mentions if floor <= m.start and m.end <= token.idx and m.actor
                      and m.label in ("PERS", "ORG")]
        if adjacent:
            candidates = [m for m in candidates if not self.text[m.end:token.idx].strip()]
        if nominative:
            candidates = [m for m in candidates if self._nominative(m)]
        if not candidates:
            return None
        people = [m for m in candidates if m.label == "PERS"]
        candidates = people or candidates  # `Депутат ... Олег Савченко (Свобода) заявив`: the person speaks
        # the outermost mention (`Керівник ... Чен Вейхуа`) over the names inside it, nearest first
        best_end = max(m.end for m in candidates)
        nearest = [m for m in candidates if m.end == best_end] or candidates
        return self._by_name(min(nearest, key=lambda m: m.start))

    def _titled_by(self, span: Span) -> Token | None:
        """The person noun a name stands in apposition to (`донька Валентина`), right before it."""
        root = span.root
        if root.dep_ not in ("flat:title", "appos", "nmod") or root.head.i != span.start - 1 \
                or root.head.pos_ != "NOUN" or not self._person_noun(root.head):
            return None
        return root.head  # `донька Валентина` read as `daughter of Valentyn` is the parser's slip

    def _nominative(self, mention: Mention) -> bool:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return True
        head = span[0]
        if self.lang == "en":
            return True
        cases = head.morph.get("Case")
        if "Yes" in head.morph.get("Uninflect"):
            return True  # `ТД «Украгропром»`: an abbreviation has every case
        if span.root.dep_ in ("nsubj", "nsubj:pass") or "Nom" in span[-1].morph.get("Case"):
            return True  # `Олеся Статива показала`: the parser may read one word of a name in another case
        if self._titled_by(span) is not None and "Nom" in self._titled_by(span).morph.get("Case"):
            return True  # `донька Валентина`: a name agrees with the noun it names
        if cases:
            return "Nom" in cases
        return any(p.tag.case == "nomn" for p in _parses(head.text, self.lang))

    @property
    def last_person(self) -> Mention | None:
        return self.people[-1] if self.people else None

    def _remember(self, person: Mention) -> None:
        self.people.append(person)

    def _pronoun(self, span: Span) -> Mention | None:
        for token in span:
            gender = self.cues["pronouns"].get(token.lower_)
            if gender is not None:
                return self._as_written(token, self._person_of_gender(gender))
        return None

    def _person_of_gender(self, gender: str | None) -> Mention | None:
        """The latest person of this gender (`вона` after `дружина Олена ... Андрій`), none if the
        text has spoken of no one of it; an unknown gender takes the latest person."""
        if gender == "plur":
            return None  # `вони`: a group, not the one person the text spoke of last
        if gender in ("masc", "femn"):
            return next((p for p in reversed(self.people) if self._gender(p) in (None, gender)), None)
        return self.last_person

    def _gender(self, mention: Mention) -> str | None:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        title = self._titled_by(span) if span is not None else None
        genders = set((title or span[0]).morph.get("Gender")) if span is not None else set()
        if genders == {"Fem"}:
            return "femn"
        return "masc" if genders == {"Masc"} else None

    def _channel(self, span: Span) -> str | None:
        for token in span:
            for lemma in {token.lower_, token.lemma_.lower()} | lemma_set(token.text, self.lang):
                if lemma in self.cues["channels"]:
                    return self.cues["channels"][lemma]
        return None

    def _opens_quote(self, token: Token) -> bool:
        return token.text in OPENING

    def _add(self, start: int, end: int, speaker: Mention | None, cue: str, sentence: Span,
             speaker_text: str | None = None, channel: str | None = None) -> None:
        while start < end and self.text[start] in " ,:–—-":
            start += 1
        if end - start < 3:
            return
        kind = "mixed" if any(start <= q.start and q.end <= end and self._is_speech(q) for q in self.quoted) \
            else "indirect"
        self.quotes.append(Quote(start, end, self.text[start:end], kind, speaker.actor if speaker else None,
                                 speaker_text or (speaker.text if speaker else None), cue,
                                 channel or self._channel(sentence), self._via(sentence)))
        if speaker is not None and speaker.label == "PERS":
            self._remember(speaker)

    def _is_record(self, span: Span) -> bool:
        records = self.cues.get("records", [])
        return any(lemma.startswith(tuple(records)) for t in span for lemma in lemma_set(t.text, self.lang))

    def _is_speech(self, quoted: Quoted) -> bool:
        """A quoted fragment of someone's words (`"все більш турбулентною"`), not a quoted name
        (`«Укрзалізниця»`, `«ПМК № 15»`), which starts with a capital and is short."""
        inner = self.text[quoted.start:quoted.end].strip()
        letters = [c for c in inner if c.isalpha()]
        return bool(letters) and (letters[0].islower() or len(inner.split()) >= 4)

    def _via(self, sentence: Span) -> str | None:
        lowered = sentence.text.lower()
        for phrase in self.cues["via"]:
            at = lowered.find(phrase)
            if at >= 0:
                after = self.doc.char_span(sentence.start_char + at + len(phrase), sentence.end_char,
                                           alignment_mode="contract")
                found = self._mention_in(after) if after is not None else None
                if found is not None:
                    return found.text
        return None


def _phrase_at(words: list[str], parts: list[str], pronouns: dict) -> list[tuple[int, int]]:
    """Where a cue phrase occurs, also with a possessive pronoun inside (`за його словами`):
    (index, width in tokens)."""
    found = []
    n = len(parts)
    for k in range(len(words) - n + 1):
        if words[k:k + n] == parts:
            found.append((k, n))
        elif n >= 2 and k + n < len(words) + 0 and words[k] == parts[0] and words[k + 1] in pronouns \
                and words[k + 2:k + n + 1] == parts[1:]:
            found.append((k, n + 1))
    return found


def _content_end(sentence: Span) -> int:
    tokens = [t for t in sentence if not t.is_space]
    while tokens and (tokens[-1].text in (".", "!", "?", ";", "…") or tokens[-1].text in ('"', "»", "”")
                      and len(tokens) > 1 and tokens[-2].text in (".", "!", "?")):
        tokens = tokens[:-1]
    return tokens[-1].idx + len(tokens[-1].text) if tokens else sentence.end_char


@cache
def _parses(word: str, lang: str):
    from khronika.language.morphology import analyzer

    return tuple(analyzer(lang).parse(word.lower())) if lang in ("uk", "ru") else ()


def _without_overlaps(quotes: list[Quote]) -> list[Quote]:
    kept: list[Quote] = []
    for quote in quotes:
        if any(q.start < quote.end and quote.start < q.end for q in kept):
            continue
        kept.append(quote)
    return kept
