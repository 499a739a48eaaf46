"""Decide stage: each detection gets a role, a rule, an action and an explanation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.decide.doc_type import DocTypeClassifier, DocTypeGuess
from pipeline.decide.minors import mark_minor, reference_year
from pipeline.decide.person_context import NearestPerson, mark_person_status, paragraph_window
from pipeline.decide.roles import (
    PUBLICITY_DOC_TYPES,
    RoleCue,
    RoleResolver,
    RosterRows,
    column_of,
    sentence_around,
    sentence_span,
)
from pipeline.decide.rule_schema import Rule, RuleError, load_pack, rules_dir
from pipeline.detect.recognizers.person_filters import has_word
from pipeline.document import ENTITIES, Detection


@dataclass(frozen=True, slots=True)
class Decision:
    """Why a detection gets its action (normalised offsets still, like the detection)."""

    detection: Detection
    rule: Rule
    role: RoleCue


class Decider:
    """Applies the rule packs: first matching rule wins, packs in file-name order."""

    def __init__(self, rules: list[Rule], doc_types: DocTypeClassifier, roles: RoleResolver):
        if not rules:
            raise RuleError("没有可用的处理规则")
        self.rules = rules
        self.doc_types = doc_types
        self.roles = roles
        self._document_words = frozenset(w for r in rules for w in r.document_context)
        # the rules that can apply to each entity, in order (a rule without `entity` fits all)
        self._by_entity: dict[str, list[Rule]] = {
            e: [r for r in rules if not r.entity or e in r.entity] for e in ENTITIES
        }
        self._needs_sentence = {e: any(r.context for r in rs) for e, rs in self._by_entity.items()}
        self._needs_paragraph = {
            e: any(r.document_context for r in rs) for e, rs in self._by_entity.items()
        }

    @classmethod
    def from_dir(cls, directory: Path | None = None) -> Decider:
        """Load every ``*.yaml`` rule pack in ``directory`` (besides doc types and roles)."""
        directory = directory or rules_dir()
        rules: list[Rule] = []
        for path in sorted(directory.glob("*.yaml")):
            if path.name in {"doc_types.yaml", "roles.yaml"}:
                continue
            rules.extend(load_pack(path).rules)
        return cls(
            rules,
            DocTypeClassifier.from_yaml(directory / "doc_types.yaml"),
            RoleResolver.from_yaml(directory / "roles.yaml"),
        )

    def doc_type(self, text: str) -> DocTypeGuess:
        return self.doc_types.classify(text)

    def decide(
        self,
        text: str,
        detections: list[Detection],
        doc_type: str,
        rosters: list[tuple[int, int, str]],
        word_starts: list[int] | None = None,
    ) -> list[Decision]:
        """Decisions for detections over normalised ``text``.

        ``word_starts`` (from segmentation) keep role cues on word boundaries.
        """
        rows = RosterRows(rosters)
        cues = self.roles.cue_index(text, word_starts) if detections else None
        roles: dict[int, RoleCue] = {}
        persons: list[tuple[int, int, str]] = []
        spans = [(d.start, d.end) for d in detections if d.entity == "PERSON"]
        year = reference_year(text) if spans else 0
        for i, det in enumerate(detections):  # people first: others may belong to them
            if det.entity == "PERSON":
                _note_column(text, det, rows)
                mark_person_status(text, det)
                mark_minor(text, det, spans, year, rows.header_at(det.start))
                role = self.roles.resolve(text, det, doc_type, rows, word_starts, cues)
                roles[i] = role
                private = det.attrs.get("third_party") or det.attrs.get("welfare_status")
                persons.append((det.start, det.end, "private" if private else role.role))
        nearest = NearestPerson(text, persons)
        out = []
        for i, det in enumerate(detections):
            role = roles.get(i) or self._role(text, det, doc_type, rows, word_starts, cues, nearest)
            needs_sentence = self._needs_sentence.get(det.entity, True)
            sentence = sentence_around(text, det.start, det.end) if needs_sentence else ""
            present = self._paragraph_words(text, det)
            rule = self.first_rule(det, role.role, doc_type, sentence, present)
            out.append(Decision(det, rule, role))
        return self._same_name(text, self._sensitive_beside(text, out, doc_type), doc_type)

    def _sensitive_beside(
        self, text: str, decisions: list[Decision], doc_type: str
    ) -> list[Decision]:
        """An uncued name allowed although its sentence tells a disease, an injury or a
        criminal matter (「职工韩立新……诊断为左锁骨骨折」「王建军……被依法追究刑事责任」) goes
        to review, except in a mandated publicity list. Reach: the sentence."""
        spans = [
            (d.detection.start, d.detection.end)
            for d in decisions
            if d.detection.entity in _SENSITIVE_BESIDE and d.rule.action != "allow"
        ]
        if not spans or doc_type in PUBLICITY_DOC_TYPES:
            return decisions  # a mandated list names its people; the disease itself is masked

        def beside(d: Decision) -> bool:
            s, e = sentence_span(text, d.detection.start, d.detection.end, None)
            return d.rule.action == "allow" and any(s <= a and b <= e for a, b in spans)

        return self._rerule(decisions, doc_type, "sensitive_in_sentence", beside)

    def _same_name(self, text: str, decisions: list[Decision], doc_type: str) -> list[Decision]:
        """A name redacted as a private person's is redacted wherever else the document
        names that person without a cue (「犯罪嫌疑人戈振宇……经审讯，戈振宇……」).

        Reach: the same name (two or more characters) in the same document; a mention with
        its own cue (局长戈振宇) keeps its own decision.
        """
        private = {
            name
            for d in decisions
            if d.detection.entity == "PERSON"
            and d.rule.action == "redact"
            and (d.role.role in _PRIVATE_ROLES or d.detection.attrs.get("third_party"))
            and _strong(d)
            and _name_like(name := text[d.detection.start : d.detection.end])
        }
        if not private:
            return decisions

        def repeated(d: Decision) -> bool:
            name = text[d.detection.start : d.detection.end]
            return d.rule.action != "redact" and len(name) >= 2 and name in private

        return self._rerule(decisions, doc_type, "same_as_private", repeated)

    def _rerule(
        self,
        decisions: list[Decision],
        doc_type: str,
        attr: str,
        picked: Callable[[Decision], bool],
    ) -> list[Decision]:
        """Decide again, with ``attr`` set, every uncued name (role unknown) ``picked``
        chooses; the rules with that attribute then apply to it."""
        out = []
        for d in decisions:
            det = d.detection
            if det.entity == "PERSON" and d.role.role == "unknown" and picked(d):
                det.attrs[attr] = True
                d = Decision(det, self.first_rule(det, "unknown", doc_type, ""), d.role)
            out.append(d)
        return out

    def _role(self, text, det, doc_type, rows, word_starts, cues, nearest) -> RoleCue:
        """A non-name finding's owner: its own cue, else the nearest private person before
        it in the same sentence or row (鄰居劉德華（電話…）).

        A private person named between a contact reading's cue and the item owns the item:
        「区公安分局失主李红 联系电话…」 is the owner's phone, not the bureau's (reach: the
        sentence or line, :class:`NearestPerson`); a cue after the person (「…请与县住建局
        联系（电话…）」) keeps its reading.
        """
        _note_column(text, det, rows)
        role = self.roles.resolve(text, det, doc_type, rows, word_starts, cues)
        if det.entity in _OWNED_BY_NEAREST and role.role in _OVERRIDABLE_ROLES:
            person = nearest.before(det.start)
            if (
                person is not None
                and person[2] in _PRIVATE_ROLES
                and (role.role == "unknown" or person[0] > role.at)
            ):
                return RoleCue(person[2], f"就近人名:{text[person[0] : person[1]]}", person[0])
        return role

    def _paragraph_words(self, text: str, det: Detection) -> frozenset[str]:
        """The rules' ``document_context`` words present in the finding's paragraph."""
        if not self._needs_paragraph.get(det.entity, True):
            return frozenset()
        window = paragraph_window(text, det.start, det.end)
        return frozenset(w for w in self._document_words if w in window)

    def first_rule(
        self,
        det: Detection,
        role: str,
        doc_type: str,
        sentence: str,
        document_words: frozenset[str] = frozenset(),
    ) -> Rule:
        """The first rule whose conditions hold (the pack's fallback at the latest)."""
        for rule in self._by_entity.get(det.entity, self.rules):
            if rule.applies(
                det.entity, role, doc_type, det.attrs, det.score, sentence, document_words
            ):
                return rule
        raise RuleError(f"没有规则适用于 {det.entity}（请在规则包末尾保留兜底规则）")


def _strong(d: Decision) -> bool:
    """A private reading tied to the name itself: its own cue right before it (犯罪嫌疑人戈振宇,
    之妻冶海燕), a welfare or health status beside it, or a roster's name column — not a
    private word somewhere in the sentence (「家长、学校多方评价，突出师德要求」)."""
    det, role = d.detection, d.role
    attrs = det.attrs
    if attrs.get("third_party") or attrs.get("welfare_status") or attrs.get("roster"):
        return True
    if attrs.get("cue") and attrs.get("via") in ("cue", "masked"):
        return True
    return role.at >= 0 and 0 <= det.start - (role.at + len(role.cue)) <= 1


def _name_like(name: str) -> bool:
    """A name worth carrying to its other mentions: not an ordinary dictionary word (师德,
    仲裁 — a wrong reading repeated would multiply), two to four characters or dotted."""
    return ("·" in name or 2 <= len(name) <= 4) and not has_word(name)


_SENSITIVE_BESIDE = frozenset({"HEALTH", "CRIMINAL_RECORD"})


_OWNED_BY_NEAREST = frozenset(
    {"MOBILE", "LANDLINE", "EMAIL", "QQ", "WECHAT", "LICENSE_PLATE", "BANK_CARD"}
)
_PRIVATE_ROLES = frozenset({"private", "party", "beneficiary"})
#: Readings a private person named nearer to the item overrides (not a roster column's).
_OVERRIDABLE_ROLES = frozenset({"unknown", "contact", "official"})


def _note_column(text: str, det: Detection, rows: RosterRows) -> None:
    """Record the roster column header of a detection in a table row (``attrs["column"]``)."""
    if "column" in det.attrs:
        return
    header = rows.header_at(det.start)
    if header is not None:
        column, headers = column_of(text, det.start, header)
        if 0 <= column < len(headers):
            det.attrs["column"] = headers[column]
