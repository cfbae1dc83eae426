"""Reported speech: `X заявив, що ...`, `За словами X, ...`, `Як повідомив X, ...`,
`..., – сказано в заяві МЗС`, `Про це X написав` (the sentence before), `..., пише X`, and verbs
whose object is the content (`заперечує свою причетність`, `повідомив про придбання`)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from khronika.actors.kb import lemma_set
from khronika.extraction.quotes.lexicon import NAME_DEPENDENTS, readings
from khronika.extraction.quotes.marks import DASHES, OPENING


class Reported:
    """Reported content and its speaker. A mixin of `_Finder` (finder.py), whose state (`doc`,
    `cues`, `quoted`...) and speaker lookups it uses."""

    def _reported_speech(self, sentence: Span, previous: Span | None) -> None:
        """Reported speech in one sentence: the fixed constructions first (`За словами X, ...`,
        `..., – сказано в заяві`, `Про це X написав`, `..., пише X`), then a reporting verb with
        its `що` clause, a reporting verb phrase, a verb whose object is the content."""
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
        if not found and not self._object_content(sentence):
            self._about_content(sentence)

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
        return any(t.pos_ in ("NOUN", "PROPN") and any(p.tag.case == "nomn" for p in readings(t.text, self.lang))
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

    def _opens_quote(self, token: Token) -> bool:
        return token.text in OPENING


def _phrase_at(words: list[str], parts: list[str], pronouns: dict) -> list[tuple[int, int]]:
    """Where a cue phrase occurs, also with a possessive pronoun inside (`за його словами`):
    (index, width in tokens)."""
    found = []
    n = len(parts)
    for k in range(len(words) - n + 1):
        if words[k:k + n] == parts:
            found.append((k, n))
        elif n >= 2 and k + n < len(words) and words[k] == parts[0] and words[k + 1] in pronouns \
                and words[k + 2:k + n + 1] == parts[1:]:
            found.append((k, n + 1))
    return found


def _content_end(sentence: Span) -> int:
    tokens = [t for t in sentence if not t.is_space]
    while tokens and (tokens[-1].text in (".", "!", "?", ";", "…") or tokens[-1].text in ('"', "»", "”")
                      and len(tokens) > 1 and tokens[-2].text in (".", "!", "?")):
        tokens = tokens[:-1]
    return tokens[-1].idx + len(tokens[-1].text) if tokens else sentence.end_char
