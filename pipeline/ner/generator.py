"""Deterministic generator of government-document training text with entity spans.

Genres: penalty decisions, disclosure replies, appointment notices, notices with a contact,
subsidy rosters (TAB-separated rows) and commendations. Values are realistic: surnames drawn by
frequency rank, addresses built from the administrative-division gazetteer plus road,
community, building and village-group patterns, agency names from place + department.

Labelling conventions (the model learns these): a full address down to road/number or
village group is one ``ADDRESS`` span (its province/city/county included); a place named on its
own is ``LOCATION``; an agency or company with its place prefix is one ``ORG``; a post is
``TITLE``. Same seed → same documents, on any machine.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipeline.ner import lexicon as lx
from pipeline.ner.bio import Span
from pipeline.ner.corpus import Example

_DIVISIONS = Path(__file__).parents[1] / "detect" / "data" / "admin_divisions.tsv"
SOURCE = "zwgk generator"


@dataclass(frozen=True)
class County:
    province: str
    prefecture: str
    name: str


@cache
def counties() -> tuple[County, ...]:
    """Every county with its prefecture and province, from the gazetteer."""
    parent: dict[str, str] = {}
    rows = []
    for line in _DIVISIONS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        level, name, _short, _code, up = (line.split("\t") + [""] * 5)[:5]
        if level == "prefecture":
            parent[name] = up
        elif level == "county":
            rows.append((name, up))
    return tuple(County(parent.get(up, up), up, name) for name, up in rows if up in parent)


@cache
def _given_chars() -> tuple[str, ...]:
    return tuple(dict.fromkeys(lx.GIVEN_CHARS))


@cache
def _surnames() -> tuple[str, ...]:
    from pipeline.detect.recognizers.person_recognizer import SURNAMES_BY_FREQUENCY

    return tuple(SURNAMES_BY_FREQUENCY)


def _zipf(n: int, s: float = 1.0) -> list[float]:
    return [1.0 / (k + 1) ** s for k in range(n)]


@dataclass
class Doc:
    """Text built piece by piece; labelled pieces become spans."""

    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, label: str | None = None) -> Doc:
        if label is not None and text:
            self.spans.append(Span(self.length, self.length + len(text), label))
        self.parts.append(text)
        self.length += len(text)
        return self

    def example(self) -> Example:
        return Example("".join(self.parts), tuple(self.spans), SOURCE)


class Generator:
    """Draws values and documents from one seeded ``random.Random``."""

    def __init__(self, seed: int, version: int = 1) -> None:
        self.rng = random.Random(seed)
        #: 1: the genres ner-bilstm-0.3 was trained on; 2: adds honour lists (genres.py);
        #: 3: adds foreign names (友谊奖 lists, visit reports with a 化名 quote)
        self.version = version
        self._sw = _zipf(len(_surnames()), 1.1)
        self._gw = _zipf(len(_given_chars()), 0.6)

    # values --------------------------------------------------------------------------
    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def name(self) -> str:
        r = self.rng
        surname = (
            r.choice(lx.COMPOUND_SURNAMES)
            if r.random() < 0.01
            else r.choices(_surnames(), self._sw)[0]
        )
        n = 1 if r.random() < 0.3 else 2
        return surname + "".join(r.choices(_given_chars(), self._gw, k=n))

    def word_name(self) -> str:
        """A name whose given name is also a word (关海军, 宁彩霞), else an ordinary name."""
        if self.rng.random() < 0.5:
            return self.name()
        return self.name()[:1] + self.pick(lx.WORD_GIVEN_NAMES)

    def county(self) -> County:
        return self.rng.choice(counties())

    def place(self) -> str:
        """A named place on its own: county, prefecture or province (with its suffix)."""
        c = self.county()
        return self.rng.choice([c.name, c.name, c.prefecture, c.province])

    def township(self) -> str:
        return self.pick(lx.PLACE_ROOTS) + self.pick(lx.TOWNSHIP_KINDS)

    def address(self) -> str:
        r = self.rng
        c = self.county()
        head = ""
        if r.random() < 0.3:
            head = c.province + (c.prefecture if c.prefecture != c.province else "")
        elif r.random() < 0.5:
            head = c.prefecture if c.prefecture != c.province else ""
        head += c.name
        if r.random() < 0.35:  # rural: village + group
            village = self.pick(lx.PLACE_ROOTS) + r.choice(("村", "村", "社区"))
            group = r.choice((f"{r.randint(1, 15)}组", f"第{r.randint(1, 12)}村民小组", ""))
            return head + self.township() + village + (group or f"{r.randint(1, 99)}号")
        town = self.township() if r.random() < 0.4 else ""
        road = self.pick(lx.ROAD_ROOTS) + self.pick(lx.ROAD_KINDS) + f"{r.randint(1, 999)}号"
        if r.random() < 0.6:
            road += self.pick(lx.COMMUNITY_ROOTS) + self.pick(lx.COMMUNITY_KINDS)
            road += f"{r.randint(1, 40)}{self.pick(lx.BUILDING_KINDS)}"
            if r.random() < 0.6:
                road += f"{r.randint(1, 6)}单元"
            road += f"{r.randint(1, 33)}{r.randint(1, 4):02d}" + r.choice(("室", "室", "房", ""))
        return head + town + road

    def agency(self) -> str:
        r = self.rng
        c = self.county()
        if r.random() < 0.25:
            return c.name + self.township() + self.pick(lx.TOWN_UNITS)
        where = r.choice([c.name, c.name, c.prefecture, c.province])
        return where + self.pick(lx.DEPARTMENTS)

    def company(self) -> str:
        r = self.rng
        c = self.county()
        where = r.choice([c.name, c.prefecture, c.name[:2]])
        if r.random() < 0.2:
            return where + self.pick(lx.PLACE_ROOTS) + self.pick(lx.SHOP_KINDS)
        return (
            where
            + self.pick(lx.COMPANY_ROOTS)
            + self.pick(lx.COMPANY_TRADES)[:4]
            + (self.pick(lx.COMPANY_KINDS))
        )

    def date(self) -> str:
        r = self.rng
        return f"{r.randint(2016, 2025)}年{r.randint(1, 12)}月{r.randint(1, 28)}日"

    def mobile(self) -> str:
        r = self.rng
        return r.choice(("13", "15", "18", "17", "19")) + "".join(
            str(r.randint(0, 9)) for _ in range(9)
        )

    def id_number(self) -> str:
        r = self.rng
        body = f"{r.randint(110000, 659000)}{r.randint(1950, 2005)}{r.randint(1, 12):02d}"
        body += f"{r.randint(1, 28):02d}{r.randint(0, 999):03d}"
        weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        total = sum(int(ch) * w for ch, w in zip(body, weights, strict=True))
        return body + "10X98765432"[total % 11]

    # documents -----------------------------------------------------------------------
    def document(self) -> Example:
        from pipeline.ner.genres import GENRES, GENRES_V2, GENRES_V3

        genres = {1: GENRES, 2: GENRES_V2}.get(self.version, GENRES_V3)
        return self.rng.choice(genres)(self).example()

    def documents(self, n: int) -> Iterator[Example]:
        for _ in range(n):
            yield self.document()


def generate(n: int, seed: int, version: int = 1) -> list[Example]:
    """``n`` generated documents; the same ``(n, seed, version)`` always gives the same list."""
    return list(Generator(seed, version).documents(n))
