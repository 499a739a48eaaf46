"""Tag text with a trained model: overlapping windows, ONNX (int8) or torch, BIO → spans.

Each character is classified by the window in which it lies farthest from an edge, so every
character sees context on both sides; spans come from :func:`pipeline.ner.bio.bio_to_spans`.
Offsets index the given text (the tokenizer is one token per character).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from pipeline.ner.bio import Span, bio_to_spans, viterbi_batch, viterbi_decode
from pipeline.ner.onnx_export import ONNX_FILE
from pipeline.ner.tokenizer import CharTokenizer
from pipeline.ner.wordmatch import Lexicon


class Backend(Protocol):
    def logits(
        self, ids: np.ndarray, mask: np.ndarray, lexicon: np.ndarray | None = None
    ) -> np.ndarray: ...


class TorchBackend:
    """Runs a ``BertForTokenClassification`` (or anything returning ``.logits``)."""

    name = "torch"

    def __init__(self, model: Any) -> None:
        self.model = model.eval()

    def logits(
        self, ids: np.ndarray, mask: np.ndarray, lexicon: np.ndarray | None = None
    ) -> np.ndarray:
        import torch

        extra = {} if lexicon is None else {"lexicon_ids": torch.from_numpy(lexicon)}
        with torch.no_grad():
            out = self.model(
                input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask), **extra
            )
        return np.asarray(out.logits.numpy())


class OnnxBackend:
    """Runs an exported ONNX model with onnxruntime on the CPU."""

    name = "onnx"

    def __init__(self, path: str | Path, threads: int = 1) -> None:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])

    def logits(
        self, ids: np.ndarray, mask: np.ndarray, lexicon: np.ndarray | None = None
    ) -> np.ndarray:
        feeds = {"input_ids": ids, "attention_mask": mask}
        if lexicon is not None:
            feeds["lexicon_ids"] = lexicon
        return np.asarray(self.session.run(["logits"], feeds)[0])


def window_starts(n: int, size: int, overlap: int) -> list[int]:
    """Starts of windows of ``size`` characters covering ``[0, n)``, neighbours sharing at
    least ``overlap`` characters; the last window ends at ``n``."""
    if n <= size:
        return [0]
    stride = max(1, size - overlap)
    starts = list(range(0, n - size, stride))
    starts.append(n - size)
    return starts


def owner_window(n: int, starts: Sequence[int], size: int) -> list[int]:
    """For each character, the index of the window where it is farthest from an inner edge
    (a window edge at the text's start or end is not an edge)."""
    best = [-1] * n
    margin = [-1] * n
    for w, s in enumerate(starts):
        e = min(n, s + size)
        for i in range(s, e):
            left = i - s if s > 0 else n
            right = e - 1 - i if e < n else n
            m = min(left, right)
            if m > margin[i]:
                best[i], margin[i] = w, m
    return best


#: The fixed cost of one model call, in characters' worth of tagging (≈ 0.2 ms of onnxruntime
#: overhead against ≈ 13 µs per padded character for the BiLSTM).
CALL_CHARS = 16


def batches(lengths: Sequence[int], most: int) -> list[tuple[int, int]]:
    """``(start, end)`` index ranges cutting the ascending ``lengths`` into batches of at
    most ``most`` rows that minimise the characters the model runs over: every row is
    padded to its batch's longest, and each batch costs ``CALL_CHARS`` more (a dynamic
    programme over the cut points)."""
    n = len(lengths)
    cost = [0.0] + [float("inf")] * n
    cut = [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(max(0, j - most), j):
            c = cost[i] + CALL_CHARS + (j - i) * lengths[j - 1]
            if c < cost[j]:
                cost[j], cut[j] = c, i
    out: list[tuple[int, int]] = []
    j = n
    while j:
        out.append((cut[j], j))
        j = cut[j]
    return out[::-1]


class NerTagger:
    """Text → entity spans with any :class:`Backend`."""

    def __init__(
        self,
        backend: Backend,
        tokenizer: CharTokenizer,
        tags: Sequence[str],
        max_len: int,
        overlap: int = 32,
        batch_size: int = 16,
        transitions: Sequence[Sequence[float]] | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        self.backend, self.tokenizer, self.tags = backend, tokenizer, list(tags)
        #: dictionary-match features, for a model trained with them
        self.lexicon = lexicon
        #: CRF transition scores; without them the logits are turned into log-probabilities
        self.transitions = None if transitions is None else np.asarray(transitions)
        self.size = max_len - 2
        self.overlap = min(overlap, self.size // 2)
        self.batch_size = batch_size

    def predict_tags(self, text: str) -> list[str]:
        n = len(text)
        if n == 0:
            return []
        starts = window_starts(n, self.size, self.overlap)
        owner = owner_window(n, starts, self.size)
        scores = np.zeros((n, len(self.tags)), dtype=np.float32)
        for b in range(0, len(starts), self.batch_size):
            group = starts[b : b + self.batch_size]
            logp = self._scores([text[s : s + self.size] for s in group])
            for r, s in enumerate(group):
                w = b + r
                for i in range(s, min(n, s + self.size)):
                    if owner[i] == w:
                        scores[i] = logp[r, i - s]
        # BIO-constrained decoding over the whole text
        chosen = viterbi_decode(scores, self.tags, self.transitions)
        return [self.tags[t] for t in chosen]

    def predict(self, text: str) -> list[Span]:
        return bio_to_spans(self.predict_tags(text))

    def _scores(self, pieces: list[str]) -> np.ndarray:
        """Per-character scores ``(len(pieces), longest, tags)`` of a batch of texts, each at
        most ``size`` characters (row ``r``, column ``i`` = character ``i`` of piece ``r``):
        CRF emissions as they are, else log-softmax of the logits."""
        rows = [self.tokenizer.encode_window(p) for p in pieces]
        ids = np.zeros((len(rows), max(map(len, rows))), dtype=np.int64)
        mask = np.zeros_like(ids)
        for r, row in enumerate(rows):
            ids[r, : len(row)] = row
            mask[r, : len(row)] = 1
        if self.lexicon is None:  # a backend need not know the third input
            logits = self.backend.logits(ids, mask)
        else:
            logits = self.backend.logits(ids, mask, self.lexicon.window_ids(pieces, ids.shape[1]))
        logits = logits[:, 1:-1]  # drop [CLS] and the last column
        return logits if self.transitions is not None else _log_softmax(logits)

    def predict_windows(self, text: str, windows: Sequence[tuple[int, int]]) -> list[Span]:
        """Entity spans (offsets into ``text``) found inside the given windows of ``text``.

        This is the cascade's entry point: only the windows are read, in batches of similar
        length, and decoded together. A window longer than the model's size is tagged like
        a text of its own.
        """
        spans: list[Span] = []
        short = [(s, e) for s, e in windows if 0 < e - s <= self.size]
        for s, e in windows:
            if e - s > self.size:
                spans.extend(Span(s + a, s + b, lab) for a, b, lab in self.predict(text[s:e]))
        short.sort(key=lambda w: w[1] - w[0])
        for a, b in batches([e - s for s, e in short], self.batch_size):
            group = short[a:b]
            scores = self._scores([text[s:e] for s, e in group])
            paths = viterbi_batch(scores, [e - s for s, e in group], self.tags, self.transitions)
            for (s, _), path in zip(group, paths, strict=True):
                found = bio_to_spans([self.tags[t] for t in path])
                spans.extend(Span(s + a, s + c, lab) for a, c, lab in found)
        return spans

    @classmethod
    def load(cls, path: str | Path, backend: str = "auto", verify: bool = True) -> NerTagger:
        """A tagger from an artifact folder (hashes verified first). ``backend``: ``onnx``,
        ``torch`` or ``auto`` (ONNX when onnxruntime and the ONNX file exist, else torch)."""
        from pipeline.ner.artifact import load as load_artifact

        path = Path(path)
        if verify:
            load_artifact(path)
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        tags = [config["id2label"][str(i)] for i in range(len(config["id2label"]))]
        engine: Backend | None = None
        if backend in ("auto", "onnx") and (path / ONNX_FILE).is_file():
            try:
                engine = OnnxBackend(path / ONNX_FILE)
            except ImportError:
                if backend == "onnx":
                    raise
        elif backend == "onnx":
            raise FileNotFoundError(f"{path} 中没有 {ONNX_FILE}")
        if engine is None:
            from transformers import AutoModelForTokenClassification

            import pipeline.ner.charnet  # noqa: F401  (registers the BiLSTM-CRF type)

            engine = TorchBackend(AutoModelForTokenClassification.from_pretrained(str(path)))
        tokenizer = CharTokenizer.load(path)
        return cls(
            engine,
            tokenizer,
            tags,
            config["max_position_embeddings"],
            transitions=config.get("crf_transitions"),
            lexicon=Lexicon.load(path) if config.get("lexicon_features") else None,
        )


def _log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(-1, keepdims=True)
    return np.asarray(shifted - np.log(np.exp(shifted).sum(-1, keepdims=True)))
