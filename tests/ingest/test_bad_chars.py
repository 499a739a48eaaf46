"""The binary-content check counts exactly the characters real text does not contain."""

import random

from pipeline.ingest.text_file import _bad_char_ratio


def _is_bad(ch: str) -> bool:  # the definition, one character at a time (the oracle)
    o = ord(ch)
    if o < 32:
        return ch not in "\t\n\r\f"
    return 0x7F <= o <= 0x9F or 0xE000 <= o <= 0xF8FF or o == 0xFFFD


def test_bad_char_ratio_matches_the_definition():
    pool = [chr(i) for i in [*range(0x200), *range(0xDFF0, 0xF900), 0xFFFD, 0x4E00, 0x3000]]
    rng = random.Random(1)
    for _ in range(300):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 200)))
        assert _bad_char_ratio(text) == sum(map(_is_bad, text)) / len(text)
    assert _bad_char_ratio("") == 0.0
    assert _bad_char_ratio("政务公开\t\n") == 0.0
