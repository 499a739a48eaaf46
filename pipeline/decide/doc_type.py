"""Document type (文种/场景) from title and body keywords, as configured in doc_types.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.decide.rule_schema import RuleError, load_yaml, rules_dir

TITLE_WINDOW = 150
_CITED = re.compile("《[^》\n]{0,80}》")


@dataclass(frozen=True, slots=True)
class DocType:
    id: str
    name: str
    title: tuple[str, ...]
    body: tuple[str, ...]
    examples: tuple[str, ...]
    title_genre: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocTypeGuess:
    id: str
    name: str
    score: int
    cues: tuple[str, ...]


OTHER = DocTypeGuess("other", "其他", 0, ())


class DocTypeClassifier:
    """Scores every configured type; the best one at or above ``min_score`` wins."""

    def __init__(self, types: list[DocType], min_score: int) -> None:
        self.types = types
        self.min_score = min_score

    @classmethod
    def from_yaml(cls, path: Path | None = None) -> DocTypeClassifier:
        path = path or rules_dir() / "doc_types.yaml"
        data = load_yaml(path)
        types = []
        for raw in data.get("doc_types") or []:
            if not isinstance(raw, dict) or not raw.get("id") or not raw.get("title"):
                raise RuleError(f"{path.name}: 每个文种都需要 id 和 title 关键词")
            types.append(
                DocType(
                    str(raw["id"]),
                    str(raw.get("name", raw["id"])),
                    tuple(str(w) for w in raw.get("title") or ()),
                    tuple(str(w) for w in raw.get("body") or ()),
                    tuple(str(w) for w in raw.get("examples") or ()),
                    tuple(str(w) for w in raw.get("title_genre") or ()),
                )
            )
        return cls(types, int(data.get("min_score", 3)))

    def classify(self, text: str) -> DocTypeGuess:
        """The document type of normalised ``text`` with the cues that decided it."""
        # a document cited in the opening lines (根据《…实施方案》) says nothing of this one's type
        text = text[_content_start(text) :]
        head = _CITED.sub("", text[:TITLE_WINDOW])
        title = _title_lines(text)
        best = OTHER
        for t in self.types:
            if t.title_genre and not any(w in title for w in t.title_genre):
                continue
            cues = [w for w in t.title if w in head]
            score = 3 * len(cues)
            body_cues = [w for w in t.body if w in text]
            score += len(body_cues)
            if score >= self.min_score and score > best.score:
                best = DocTypeGuess(t.id, t.name, score, tuple(cues + body_cues))
        return best


#: A web page's chrome above the title: breadcrumbs, font and print controls, the QR line.
_CHROME = re.compile(
    r"[ \t]*(?:首页|当前位置|您的位置|您现在的位置)"
    r"|.*(?:>|»|【字体|字体[:：]|打印本页|关闭窗口|扫一扫|我要纠错)"
)


def _content_start(text: str, lines: int = 6) -> int:
    """Where the content begins: after up to ``lines`` leading chrome lines."""
    pos = 0
    for _ in range(lines):
        end = text.find("\n", pos)
        line = text[pos : end if end != -1 else len(text)]
        if line.strip() and not _CHROME.match(line):
            break
        if end == -1:
            break
        pos = end + 1
    return pos


def _title_lines(text: str, lines: int = 2, limit: int = 120) -> str:
    """The first ``lines`` non-empty lines of ``text`` (its issuer and title)."""
    out: list[str] = []
    for line in text[: limit * lines].splitlines():
        if line.strip():
            out.append(line.strip()[:limit])
            if len(out) == lines:
                break
    return "\n".join(out)
