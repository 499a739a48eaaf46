"""The classification as an output may show it: evidence quoted with the screen's redactions.

Evidence cues are words of the document (a rule's cue, a model n-gram, the title, a marker);
a cue whose span touches a finding the screen masks is replaced by the masked quotation of
the span (``pipeline.output.quote``), and every free-text field is scrubbed of masked values.
``须遮蔽：…`` cues name an entity, never its value, and stay.
"""

from __future__ import annotations

from pipeline.classify.result import Classification
from pipeline.output.quote import Quoter

_LABEL = "须遮蔽："


def quote_classification(result: Classification, quoter: Quoter) -> Classification:
    """``result`` with its quoted text masked (in place; returned for convenience)."""
    if quoter.reveal:
        return result
    for ev in result.evidence:
        if ev.cue.startswith(_LABEL):
            if ev.sentence_span is not None and quoter.overlaps(*ev.sentence_span):
                ev.sentence = " ".join(quoter.quote(*ev.sentence_span).split())
            continue
        if quoter.overlaps(ev.start, ev.end):
            ev.cue = "".join(quoter.quote(ev.start, ev.end).split())
        ev.cue = quoter.scrub(ev.cue)
        if ev.sentence_span is not None and quoter.overlaps(*ev.sentence_span):
            ev.sentence = " ".join(quoter.quote(*ev.sentence_span).split())
        ev.sentence = quoter.scrub(ev.sentence)
    result.reason = quoter.scrub(result.reason)
    result.conflicts = quoter.scrub_all(result.conflicts)
    result.notes = quoter.scrub_all(result.notes)
    return result
