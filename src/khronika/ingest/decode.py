"""Bytes to text: UTF-8 first, then the single-byte Cyrillic encodings of the region's web.

cp1251 and koi8-u both decode any byte string without error, so the candidates are scored by how
much the result looks like Cyrillic prose: letters in words of consistent case (`Україна`, not
`уКРА╞НА`). charset-normalizer handles everything else.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from khronika.ingest.errors import InputError

CYRILLIC_ENCODINGS = ("cp1251", "koi8-u", "koi8-r", "iso8859-5", "cp866", "mac-cyrillic")
_WORD = re.compile(r"[^\W\d_]+")
_PROSE_WORD = re.compile(r"^[А-ЯЁЇІЄҐA-Z]?[а-яёїієґ'’a-z]+$|^[А-ЯЁЇІЄҐA-Z]+$")
BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if any(head.startswith(bom) for _, bom in BOMS[1:]):
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(head) * 0.05


def decode_bytes(data: bytes, source: str) -> str:
    """Decode text bytes, or raise InputError for empty or binary input."""
    if not data.strip():
        raise InputError(source, "empty input")
    for encoding, bom in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if looks_binary(data):
        raise InputError(source, "binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = max(CYRILLIC_ENCODINGS, key=lambda enc: _prose_score(data.decode(enc, errors="replace")))
    text = data.decode(best, errors="replace")
    if _prose_score(text) >= 0.6 and _cyrillic_share(text) > 0.3:
        return text
    guess = from_bytes(data).best()
    if guess is None:
        raise InputError(source, "unknown text encoding")
    return str(guess)


def _prose_score(text: str) -> float:
    words = _WORD.findall(text[:20000])
    if not words:
        return 0.0
    return sum(bool(_PROSE_WORD.match(w)) for w in words) / len(words)


def _cyrillic_share(text: str) -> float:
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    return sum("\u0400" <= ch <= "\u04ff" for ch in letters) / max(1, len(letters))
