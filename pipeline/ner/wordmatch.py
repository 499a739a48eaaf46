"""Dictionary matches as per-character features of the tagger (lexicon-enhanced NER).

Every dictionary word of two to ``max_len`` characters found in a text marks its characters
with the word's category and the character's place in it: B (first), M (inside), E (last).
Four categories × three places = 12 bits per character, passed to the model as one integer
(``lexicon_ids``) that the model unpacks. A character inside 「卡斯特罗」 (a transliterated
name in the dictionary) and at the end of 「钦点」 (an ordinary word) thus carries evidence
for both an entity and its boundary, also for names the training corpora never showed.

The word list is jieba's dictionary (MIT licence; shipped in the ``jieba`` PyPI package):
POS ``nr``/``nrfg``/``nrt`` → PER, ``ns`` → LOC, ``nt`` → ORG, every other word → WORD. A
model trained with it carries its own copy (``lexicon.tsv``, hashed in the manifest), so a
different jieba release never changes what the model sees.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.artifacts import sha256_file
from pipeline.normalise.text_normaliser import char_table

CATEGORIES = ("PER", "LOC", "ORG", "WORD")
PLACES = ("B", "M", "E")
#: bits per character
FEATURES = len(CATEGORIES) * len(PLACES)
LEXICON_FILE = "lexicon.tsv"
_JIEBA_CATEGORY = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}


def normalise_text(text: str) -> str:
    """The text as the tokenizer sees it, one character per character: full-width →
    half-width, traditional → simplified, lower case (whitespace never matches a word)."""
    table = char_table()
    fast = text.translate(table).lower()
    if len(fast) == len(text):
        return fast
    return "".join(ch.translate(table).lower()[:1] or ch for ch in text)


class Lexicon:
    """Words (normalised) → category index; :meth:`bits` finds them in a text."""

    def __init__(self, words: dict[str, int], max_len: int) -> None:
        self.words = words
        self.max_len = max_len
        #: first two characters → length of the longest word starting with them
        self.reach: dict[str, int] = {}
        for word in words:
            head = word[:2]
            self.reach[head] = max(len(word), self.reach.get(head, 0))

    def __len__(self) -> int:
        return len(self.words)

    @classmethod
    def from_jieba(cls, max_len: int = 6) -> Lexicon:
        """jieba's main dictionary, words of 2..``max_len`` characters."""
        words: dict[str, int] = {}
        for word, tag in _jieba_entries():
            if not 2 <= len(word) <= max_len:
                continue
            key = normalise_text(word)
            category = CATEGORIES.index(_JIEBA_CATEGORY.get(tag, "WORD"))
            # a word listed twice keeps its entity reading
            words[key] = min(category, words.get(key, category))
        return cls(words, max_len)

    def bits(self, text: str) -> list[int]:
        """One 12-bit integer per character of ``text``: bit ``3 * category + place``."""
        s = normalise_text(text)
        n = len(s)
        out = [0] * n
        get, reach = self.words.get, self.reach.get
        for i in range(n - 1):
            longest = reach(s[i : i + 2])
            if longest is None:
                continue
            for length in range(2, min(longest, n - i) + 1):
                category = get(s[i : i + length])
                if category is None:
                    continue
                base = 3 * category
                out[i] |= 1 << base
                inside = 1 << (base + 1)
                for k in range(i + 1, i + length - 1):
                    out[k] |= inside
                out[i + length - 1] |= 1 << (base + 2)
        return out

    def window_ids(self, pieces: list[str], width: int) -> np.ndarray:
        """``lexicon_ids`` (len(pieces), width) for windows ``[CLS] piece [SEP]``, zero-padded."""
        out = np.zeros((len(pieces), width), dtype=np.int64)
        for r, piece in enumerate(pieces):
            out[r, 1 : 1 + len(piece)] = self.bits(piece)
        return out

    def save(self, directory: str | Path) -> Path:
        """Write ``lexicon.tsv`` (``max_len`` on the first line, then word TAB category)."""
        path = Path(directory) / LEXICON_FILE
        lines = [f"# max_len\t{self.max_len}"]
        lines += [f"{w}\t{CATEGORIES[c]}" for w, c in sorted(self.words.items())]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, directory: str | Path) -> Lexicon:
        path = Path(directory) / LEXICON_FILE
        lines = path.read_text(encoding="utf-8").splitlines()
        head, _, value = lines[0].partition("\t")
        if head != "# max_len":
            raise ValueError(f"{path}: 第一行应为 “# max_len<TAB>N”")
        index = {c: i for i, c in enumerate(CATEGORIES)}
        words: dict[str, int] = {}
        for number, line in enumerate(lines[1:], start=2):
            word, _, category = line.partition("\t")
            if category not in index:
                raise ValueError(f"{path} 第 {number} 行：未知类别 {category!r}")
            words[word] = index[category]
        return cls(words, int(value))


def _jieba_dictionary() -> Path:
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def _jieba_entries() -> list[tuple[str, str]]:
    rows = []
    for line in _jieba_dictionary().read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            rows.append((parts[0], parts[2]))
    return rows


def provenance(lexicon: Lexicon) -> dict[str, Any]:
    """The training-data entry that documents the word list in the manifest."""
    source = _jieba_dictionary()
    try:
        version = metadata.version("jieba")
    except metadata.PackageNotFoundError:  # pragma: no cover - jieba is a dependency
        version = "?"
    return {
        "file": f"jieba {version} dict.txt (match features, words of 2-{lexicon.max_len} chars)",
        "sha256": sha256_file(source),
        "examples": len(lexicon),
        "entities": {
            c: sum(1 for v in lexicon.words.values() if v == i) for i, c in enumerate(CATEGORIES)
        },
        "licence": "MIT (jieba)",
    }
