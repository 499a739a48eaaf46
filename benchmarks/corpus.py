"""A deterministic generated corpus of government-style documents (seeded), plus the seeds.

``load_corpus(size, seed)`` returns documents totalling at least ``size`` UTF-8 bytes, built
from ``corpus_templates`` with fresh names, ID numbers (valid check digits), mobiles,
landlines, addresses, bank cards (valid Luhn) … in every slot, and caches them as JSONL under
``benchmarks/corpus/`` (gitignored). Each document records how many values of each kind were
planted (a sanity check for the benchmark, not a labelled set).

Usage: ``python benchmarks/corpus.py [--size 10MB] [--seed 20240501]``
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import corpus_templates as T

HERE = Path(__file__).resolve().parent
CACHE = HERE / "corpus"
SEEDS = HERE.parent.parent / "shared" / "seeds"
DEFAULT_SIZE = 10 * 1024 * 1024
DEFAULT_SEED = 20240501

#: slot kind → entity label it plants (context slots plant nothing)
PLANTS = {
    "name": "PERSON", "id": "ID_CARD", "mobile": "MOBILE", "landline": "LANDLINE",
    "address": "ADDRESS", "bank": "BANK_CARD", "email": "EMAIL", "qq": "QQ",
    "plate": "LICENSE_PLATE", "ip": "IP_ADDRESS",
}  # fmt: skip
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_SLOT = re.compile(r"\{(\w+)\}")


def id_check_digit(first17: str) -> str:
    """GB 11643 check character for the first 17 digits."""
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def luhn_complete(partial: str) -> str:
    """``partial`` plus the digit that makes it pass the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return partial + str((10 - total % 10) % 10)


class Filler:
    """Fills slots with fresh random values from one seeded RNG; counts what it planted."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.planted: Counter[str] = Counter()
        self.seq = 0

    def fill(self, template: str) -> str:
        return _SLOT.sub(lambda m: self.value(m.group(1)), template)

    def value(self, kind: str) -> str:
        if kind in PLANTS:
            self.planted[PLANTS[kind]] += 1
        return getattr(self, f"_{kind}")()

    # --- personal information -----------------------------------------------------------
    def _name(self) -> str:
        r = self.rng
        surname = r.choice(("欧阳", "司马", "上官")) if r.random() < 0.03 else r.choice(T.SURNAMES)
        return surname + "".join(r.choice(T.GIVEN) for _ in range(r.choice((1, 2, 2))))

    def _birthday(self) -> date:
        return date(1940, 1, 1) + timedelta(days=self.rng.randrange(70 * 365))

    def _id(self) -> str:
        r = self.rng
        body = f"{r.choice(T.REGIONS)}{self._birthday():%Y%m%d}{r.randrange(1000):03d}"
        value = body + id_check_digit(body)
        return value.translate(_FULL_WIDTH) if r.random() < 0.05 else value

    def _mobile(self) -> str:
        r = self.rng
        value = r.choice(T.MOBILE_PREFIXES) + f"{r.randrange(10**8):08d}"
        roll = r.random()
        if roll < 0.05:
            return value.translate(_FULL_WIDTH)
        if roll < 0.10:
            return f"{value[:3]} {value[3:7]} {value[7:]}"
        return value

    def _landline(self) -> str:
        r = self.rng
        area = r.choice(T.AREA_CODES)
        local = str(r.randint(2, 8)) + f"{r.randrange(10**7):07d}"[: 7 if len(area) == 3 else 6]
        return f"({area}){local}" if r.random() < 0.2 else f"{area}-{local}"

    def _address(self) -> str:
        r = self.rng
        return (
            f"{r.choice(T.PLACES)}{r.randint(1, 399)}号{r.choice(T.ESTATES)}"
            f"{r.randint(1, 30)}栋{r.randint(1, 3)}单元{r.randint(1, 33)}0{r.randint(1, 4)}室"
        )

    def _bank(self) -> str:
        r = self.rng
        length = r.choice((16, 19, 19))
        card = luhn_complete(r.choice(T.BANK_BINS) + "".join(
            str(r.randrange(10)) for _ in range(length - 7)
        ))  # fmt: skip
        if r.random() < 0.15:
            return " ".join(card[i : i + 4] for i in range(0, len(card), 4))
        return card

    def _email(self) -> str:
        r = self.rng
        return f"{r.choice(T.MAIL_USERS)}{r.randint(1, 9999)}@{r.choice(T.MAIL_DOMAINS)}"

    def _qq(self) -> str:
        return str(self.rng.randint(10**5, 3 * 10**9))

    def _plate(self) -> str:
        r = self.rng
        tail = "".join(r.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(4))
        return f"{r.choice(T.PROVINCE_ABBR)}{r.choice('ABCDEFGHJK')}{r.randrange(10)}{tail}"

    def _ip(self) -> str:
        r = self.rng
        return f"{r.randint(36, 223)}.{r.randrange(256)}.{r.randrange(256)}.{r.randint(1, 254)}"

    # --- context ------------------------------------------------------------------------
    def _date(self) -> str:
        d = date(2019, 1, 1) + timedelta(days=self.rng.randrange(5 * 365))
        return f"{d.year}年{d.month}月{d.day}日"

    def _birth(self) -> str:
        d = self._birthday()
        return f"{d.year}年{d.month}月"

    def _year(self) -> str:
        return str(self.rng.randint(2018, 2024))

    def _num(self) -> str:
        return str(self.rng.choice((self.rng.randint(1, 99), self.rng.randint(100, 99999))))

    def _small(self) -> str:
        return str(self.rng.randint(1, 6))

    def _seq(self) -> str:
        self.seq += 1
        return str(self.seq)

    def _sex(self) -> str:
        return self.rng.choice("男女")

    def _org(self) -> str:
        return self.rng.choice(T.ORGS)

    def _county(self) -> str:
        return self.rng.choice(T.COUNTIES)

    def _subject(self) -> str:
        return self.rng.choice(T.SUBJECTS)

    def _uscc(self) -> str:
        r = self.rng
        tail = "".join(r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(10))
        return f"1134{r.randint(1000, 1599)}{tail}"

    def _zip(self) -> str:
        return f"{self.rng.randint(100000, 850000)}"

    def _siteid(self) -> str:
        return f"34150000{self.rng.randint(10, 99)}"


def _roster(f: Filler) -> str:
    title, header, row = f.rng.choice(T.ROSTERS)
    f.seq = 0
    rows = [f.fill("\t".join(row)) for _ in range(f.rng.randint(3, 15))]
    return "\n".join([f.fill(title), "\t".join(header), *rows])


def make_document(rng: random.Random, min_chars: int = 0) -> tuple[str, Counter[str]]:
    """One document (title + paragraphs, sometimes a roster); at least ``min_chars`` long."""
    f = Filler(rng)
    parts = [f.fill(rng.choice(T.TITLES))]
    target = max(min_chars, rng.choice((300, 800, 1500, 3000, 6000)))
    size = len(parts[0])
    while size < target:
        part = _roster(f) if rng.random() < 0.06 else f.fill(rng.choice(T.PARAGRAPHS))
        parts.append(part)
        size += len(part) + 1
    return "\n".join(parts), f.planted


def document_of_bytes(n_bytes: int, seed: int = DEFAULT_SEED) -> str:
    """A document cut to about ``n_bytes`` UTF-8 bytes (for the latency runs)."""
    text, _ = make_document(random.Random(f"{seed}-{n_bytes}"), min_chars=n_bytes)
    return text.encode("utf-8")[:n_bytes].decode("utf-8", errors="ignore")


def generate(size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED) -> Iterator[dict]:
    """Documents until their UTF-8 sizes add up to ``size`` bytes."""
    rng = random.Random(seed)
    total = 0
    n = 0
    while total < size:
        text, planted = make_document(rng)
        n += 1
        total += len(text.encode("utf-8")) + 1
        yield {"id": f"g{n:06d}", "text": text, "planted": dict(sorted(planted.items()))}


def corpus_path(size: int, seed: int) -> Path:
    return CACHE / f"generated-seed{seed}-{size}.jsonl"


def ensure_corpus(size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED) -> Path:
    """The cache file for ``(size, seed)``, generated on first use."""
    path = corpus_path(size, seed)
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for doc in generate(size, seed):
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
        tmp.replace(path)
    return path


def load_corpus(size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED) -> list[dict]:
    """The documents of the cached corpus for ``(size, seed)``."""
    with ensure_corpus(size, seed).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def load_seed_documents(directory: Path = SEEDS) -> list[str]:
    """The real seed documents in ``../shared/seeds`` (empty when absent)."""
    if not directory.is_dir():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt"))]


def chunks(texts: list[str], size: int = 2000) -> list[str]:
    """The texts joined by blank lines, cut into pieces of at most ``size`` characters.

    Cuts fall on a line break (or after 。) in the second half of a window when there is one,
    so a cut rarely splits a value.
    """
    stream = "\n\n".join(texts)
    out: list[str] = []
    pos = 0
    while pos < len(stream):
        end = min(pos + size, len(stream))
        if end < len(stream):
            cut = max(
                stream.rfind("\n", pos + size // 2, end), stream.rfind("。", pos + size // 2, end)
            )
            if cut > 0:
                end = cut + 1
        out.append(stream[pos:end])
        pos = end
    return out


def parse_size(value: str) -> int:
    """``10MB``, ``200KB``, ``500000`` → bytes (binary units)."""
    m = re.fullmatch(r"\s*([0-9.]+)\s*([KMG]?)B?\s*", value.upper())
    if not m:
        raise argparse.ArgumentTypeError(f"无法识别的大小: {value}")
    return int(float(m.group(1)) * {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}[m.group(2)])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=parse_size, default=DEFAULT_SIZE)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args()
    docs = load_corpus(args.size, args.seed)
    planted: Counter[str] = Counter()
    for d in docs:
        planted.update(d["planted"])
    chars = sum(len(d["text"]) for d in docs)
    print(f"{corpus_path(args.size, args.seed)}: {len(docs)} docs, {chars} chars")
    print(json.dumps(dict(sorted(planted.items())), ensure_ascii=False))


if __name__ == "__main__":
    main()
