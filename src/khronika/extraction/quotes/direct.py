"""Direct quotes: text in quotation marks that an attribution claims for someone, after the
quote (`"...", – повідомив Боррель`), before it (`Боррель заявив: «...»`, `Боррель: «...»`) or
inside it between dashes (`«A, – каже X. – B»`), or a whole sentence of direct speech standing
alone. Quoted names and titles have no attribution, so they are not quotes."""

from __future__ import annotations

import re

from khronika.extraction.quotes.marks import DASHES, Quoted
from khronika.model import Mention, Quote

MIN_DIRECT_WORDS = 3

# who said it, the speaker as the text names them, and the reporting verb's lemma
Attribution = tuple[Mention | None, str | None, str | None]


class Direct:
    """Direct quotes and their attributions. A mixin of `_Finder` (finder.py), whose state
    (`doc`, `text`, `quotes`...) and speaker lookups it uses."""

    def _direct(self, spans: list[Quoted]) -> None:
        """Direct quotes among these quoted spans: those with an attribution, or standing alone."""
        taken = [(q.start, q.end) for q in self.quotes]
        for quoted in spans:
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

    def _add_direct(self, quoted: Quoted, attribution: Attribution) -> None:
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

    def _interrupted(self, quoted: Quoted) -> list[tuple[Quoted, Attribution]] | None:
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

    def _attribution_after(self, quoted: Quoted) -> Attribution | None:
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

    def _attribution_before(self, quoted: Quoted) -> Attribution | None:
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
