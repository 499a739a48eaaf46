"""A character tokenizer: one token per character, so offsets map 1:1 to characters.

Characters are normalised with the normalise stage's length-preserving character map
(full-width → half-width, traditional → simplified) and lower-cased; whitespace becomes
``[SPACE]``. The vocabulary is saved as a BERT-style ``vocab.txt`` (one token per line, the
line number is the id) plus ``tokenizer_config.json``; for Chinese text without spaces
``transformers.BertTokenizerFast`` over the same file gives the same ids.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from pipeline.normalise.text_normaliser import char_table

PAD, UNK, CLS, SEP, SPACE = "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[SPACE]"
SPECIALS = (PAD, UNK, CLS, SEP, SPACE)
VOCAB_FILE = "vocab.txt"
CONFIG_FILE = "tokenizer_config.json"
#: Most characters the encoder remembers the id of.
_MEMO = 50_000


def normalise_char(ch: str) -> str:
    """The vocabulary key of one character."""
    if ch.isspace():
        return SPACE
    return ch.translate(char_table()).lower()[:1] or ch


class CharTokenizer:
    """Maps characters to ids and back; never merges or splits characters."""

    def __init__(self, tokens: Sequence[str]) -> None:
        if tuple(tokens[: len(SPECIALS)]) != SPECIALS:
            raise ValueError(f"词表必须以 {' '.join(SPECIALS)} 开头")
        self.tokens = list(tokens)
        self.ids = {t: i for i, t in enumerate(self.tokens)}
        if len(self.ids) != len(self.tokens):
            raise ValueError("词表中有重复的字符")
        self.pad_id, self.unk_id, self.cls_id, self.sep_id = (self.ids[t] for t in SPECIALS[:4])
        self._memo: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.tokens)

    @classmethod
    def build(
        cls, texts: Iterable[str], min_freq: int = 1, max_size: int | None = None
    ) -> CharTokenizer:
        """A vocabulary of the characters seen at least ``min_freq`` times (most frequent
        first, ties by code point, so the result does not depend on input order)."""
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(normalise_char(ch) for ch in text)
        for special in SPECIALS:
            counts.pop(special, None)
        ranked = sorted(
            (c for c, n in counts.items() if n >= min_freq), key=lambda c: (-counts[c], c)
        )
        if max_size is not None:
            ranked = ranked[: max(0, max_size - len(SPECIALS))]
        return cls([*SPECIALS, *ranked])

    def encode(self, text: str) -> list[int]:
        """One id per character of ``text`` (no [CLS]/[SEP]); each distinct character is
        normalised once (a memo of at most ``_MEMO`` characters)."""
        memo = self._memo
        missing = set(text).difference(memo)
        if missing:
            if len(memo) > _MEMO:
                memo.clear()
                missing = set(text)
            ids, unk = self.ids, self.unk_id
            memo.update((ch, ids.get(normalise_char(ch), unk)) for ch in missing)
        return list(map(memo.__getitem__, text))

    def encode_window(self, text: str) -> list[int]:
        """``[CLS]`` + one id per character + ``[SEP]``: token ``i + 1`` is character ``i``."""
        return [self.cls_id, *self.encode(text), self.sep_id]

    def decode(self, ids: Iterable[int]) -> str:
        """The normalised characters of ``ids`` (specials other than [SPACE] dropped)."""
        out = []
        for i in ids:
            tok = self.tokens[i]
            if tok == SPACE:
                out.append(" ")
            elif tok not in SPECIALS:
                out.append(tok)
        return "".join(out)

    def save(self, directory: str | Path) -> list[Path]:
        """Write ``vocab.txt`` and ``tokenizer_config.json``; returns the paths."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        vocab = directory / VOCAB_FILE
        vocab.write_text("".join(t + "\n" for t in self.tokens), encoding="utf-8")
        config = directory / CONFIG_FILE
        settings = {
            "tokenizer_class": "BertTokenizer",
            "do_lower_case": True,
            "tokenize_chinese_chars": True,
            "model_max_length": 512,
            "zwgk_tokenizer": "pipeline.ner.tokenizer.CharTokenizer",
            "zwgk_note": "one token per character; whitespace is [SPACE]; chars normalised "
            "by pipeline.normalise char_map then lower-cased",
        }
        config.write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n", "utf-8")
        return [vocab, config]

    @classmethod
    def load(cls, directory: str | Path) -> CharTokenizer:
        path = Path(directory) / VOCAB_FILE
        lines = path.read_text(encoding="utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return cls(lines)
