"""A character BiLSTM-CRF tagger as a ``transformers`` token-classification model.

Why not only BERT: trained from scratch on two CPU cores, a small BERT learns Chinese names
more slowly than a recurrent tagger (see docs/ner.md for the measured comparison). This model
keeps the ``transformers`` contract — a ``PretrainedConfig``, ``save_pretrained`` /
``from_pretrained`` on a local folder, ``input_ids``/``attention_mask`` in, ``logits`` out —
so the artifact, ONNX export and inference code serve both architectures.

Inputs per character: its embedding plus two hashed embeddings of the character bigrams on
its left and right (hash embeddings: two hash functions, summed, so that two frequent bigrams
rarely share both buckets). The bigram ids are computed inside the model from ``input_ids``,
so the ONNX graph needs nothing beyond the character ids. With ``lexicon_features`` > 0 the
model also reads ``lexicon_ids``: per character an integer whose bits are dictionary-match
features (:mod:`pipeline.ner.wordmatch`); they are unpacked in the graph and projected to
``lexicon_size`` dimensions beside the embeddings.

The backward direction of each layer reads every sequence reversed *within its length*, so
right padding never leaks into real characters and batches need no packing (which would not
export to ONNX). With ``use_crf`` the loss is the CRF negative log-likelihood; the learnt
transition scores are saved in the config (``crf_transitions``) for the decoder.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn
from transformers import (
    AutoConfig,
    AutoModelForTokenClassification,
    PretrainedConfig,
    PreTrainedModel,
)
from transformers.modeling_outputs import TokenClassifierOutput

IGNORE = -100
_HASH_A, _HASH_B = 1_000_003, 7_919


class CharTaggerConfig(PretrainedConfig):
    """Sizes of the BiLSTM-CRF tagger (``max_position_embeddings`` = window length)."""

    model_type = "zwgk_char_tagger"

    def __init__(
        self,
        vocab_size: int = 8000,
        embedding_size: int = 128,
        bigram_buckets: int = 50_021,
        bigram_size: int = 64,
        hidden_size: int = 128,
        num_layers: int = 2,
        dropout: float = 0.3,
        max_position_embeddings: int = 128,
        use_crf: bool = True,
        crf_transitions: list[list[float]] | None = None,
        lexicon_features: int = 0,
        lexicon_size: int = 32,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("pad_token_id", 0)
        super().__init__(**kwargs)
        self.vocab_size = vocab_size
        self.embedding_size = embedding_size
        self.bigram_buckets = bigram_buckets
        self.bigram_size = bigram_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.dropout = dropout
        self.max_position_embeddings = max_position_embeddings
        self.use_crf = use_crf
        self.crf_transitions = crf_transitions
        self.lexicon_features = lexicon_features
        self.lexicon_size = lexicon_size


def reverse_within(x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """Reverse each row's first ``lengths[b]`` steps of ``x`` (B, T, D); padding stays put."""
    steps = x.shape[1]
    pos = torch.arange(steps, device=x.device).unsqueeze(0).expand(x.shape[0], steps)
    rev = lengths.unsqueeze(1) - 1 - pos
    index = torch.where(rev >= 0, rev, pos)
    return x.gather(1, index.unsqueeze(-1).expand_as(x))


def crf_nll(
    emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor, trans: torch.Tensor
) -> torch.Tensor:
    """Mean negative log-likelihood of ``tags`` under a linear-chain CRF.

    ``emissions`` (B, T, K); ``mask`` (B, T) must be a prefix mask with ``mask[:, 0]`` true.
    ``trans[i, j]`` scores tag ``j`` following tag ``i``; there are no start/end scores.
    """
    batch = torch.arange(emissions.shape[0], device=emissions.device)
    score = emissions[batch, 0, tags[:, 0]]
    alpha = emissions[:, 0]
    for t in range(1, emissions.shape[1]):
        m = mask[:, t]
        step = trans[tags[:, t - 1], tags[:, t]] + emissions[batch, t, tags[:, t]]
        score = score + step * m
        nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), dim=1) + emissions[:, t]
        alpha = torch.where(m.unsqueeze(1).bool(), nxt, alpha)
    return (torch.logsumexp(alpha, dim=1) - score).mean()


class CharTaggerForTokenClassification(PreTrainedModel):
    """Character + hashed-bigram embeddings → stacked BiLSTM → tag scores (+ CRF loss)."""

    config_class = CharTaggerConfig
    base_model_prefix = "tagger"

    def __init__(self, config: CharTaggerConfig) -> None:
        super().__init__(config)
        self.num_labels = config.num_labels
        self.chars = nn.Embedding(config.vocab_size, config.embedding_size, padding_idx=0)
        self.bigrams_a = nn.Embedding(config.bigram_buckets, config.bigram_size)
        self.bigrams_b = nn.Embedding(config.bigram_buckets, config.bigram_size)
        width = config.embedding_size + 2 * config.bigram_size
        self.lexicon: nn.Linear | None = None
        if config.lexicon_features:
            self.lexicon = nn.Linear(config.lexicon_features, config.lexicon_size)
            width += config.lexicon_size
        self.forward_layers = nn.ModuleList()
        self.backward_layers = nn.ModuleList()
        for _ in range(config.num_layers):
            self.forward_layers.append(nn.LSTM(width, config.hidden_size, batch_first=True))
            self.backward_layers.append(nn.LSTM(width, config.hidden_size, batch_first=True))
            width = 2 * config.hidden_size
        self.drop = nn.Dropout(config.dropout)
        labels = int(config.num_labels or 0)
        self.classifier = nn.Linear(width, labels)
        self.transitions = nn.Parameter(torch.zeros(labels, labels))
        self.post_init()

    def _init_weights(self, module: nn.Module) -> None:
        if isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, std=0.1)
            if module.padding_idx is not None:
                with torch.no_grad():
                    module.weight[module.padding_idx].zero_()
        elif isinstance(module, nn.Linear):
            nn.init.xavier_uniform_(module.weight)
            nn.init.zeros_(module.bias)

    def _bigram(self, left: torch.Tensor, right: torch.Tensor) -> torch.Tensor:
        buckets = self.config.bigram_buckets
        a = (left * _HASH_A + right) % buckets
        b = (left * _HASH_B + right * 31 + 17) % buckets
        return self.bigrams_a(a) + self.bigrams_b(b)

    def _lexicon(self, lexicon_ids: torch.Tensor | None, mask: torch.Tensor) -> torch.Tensor:
        """The projected dictionary-match bits (B, T, lexicon_size)."""
        assert self.lexicon is not None
        if lexicon_ids is None:
            raise ValueError("this model reads dictionary features: pass lexicon_ids")
        powers = 2 ** torch.arange(self.config.lexicon_features, device=mask.device)
        bits = torch.div((lexicon_ids * mask).unsqueeze(-1), powers, rounding_mode="floor") % 2
        return self.lexicon(bits.to(self.lexicon.weight.dtype))

    def emissions(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        lexicon_ids: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """Per-character tag scores (B, T, K)."""
        mask = attention_mask.to(input_ids.dtype)
        ids = input_ids * mask
        prev = torch.nn.functional.pad(ids[:, :-1], (1, 0))
        nxt = torch.nn.functional.pad(ids[:, 1:], (0, 1))
        parts = [self.chars(ids), self._bigram(prev, ids), self._bigram(ids, nxt)]
        if self.lexicon is not None:
            parts.append(self._lexicon(lexicon_ids, mask))
        x = torch.cat(parts, dim=-1)
        lengths = mask.sum(1).clamp(min=1)
        for fwd, bwd in zip(self.forward_layers, self.backward_layers, strict=True):
            x = self.drop(x)
            ahead, _ = fwd(x)
            behind, _ = bwd(reverse_within(x, lengths))
            x = torch.cat([ahead, reverse_within(behind, lengths)], dim=-1)
        return self.classifier(self.drop(x))

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor | None = None,
        labels: torch.Tensor | None = None,
        lexicon_ids: torch.Tensor | None = None,
        **_: Any,
    ) -> TokenClassifierOutput:
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        logits = self.emissions(input_ids, attention_mask, lexicon_ids)
        loss = None
        if labels is not None:
            loss = self.loss(logits, labels)
        return TokenClassifierOutput(loss=loss, logits=logits)

    def loss(self, logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """CRF NLL over the labelled positions (a contiguous run after [CLS]) or, without
        CRF, token cross-entropy."""
        if not self.config.use_crf:
            flat = logits.reshape(-1, logits.shape[-1])
            return nn.functional.cross_entropy(flat, labels.reshape(-1), ignore_index=IGNORE)
        emissions, tags = logits[:, 1:], labels[:, 1:]
        mask = tags != IGNORE
        mask[:, 0] = True  # a window holds at least one character
        return crf_nll(emissions, tags.clamp(min=0), mask.long(), self.transitions)

    def store_transitions(self) -> None:
        """Copy the learnt CRF transitions into the config (saved with it, read by the
        decoder of every backend, ONNX included)."""
        if self.config.use_crf:
            self.config.crf_transitions = self.transitions.detach().double().tolist()


AutoConfig.register(CharTaggerConfig.model_type, CharTaggerConfig, exist_ok=True)
AutoModelForTokenClassification.register(
    CharTaggerConfig, CharTaggerForTokenClassification, exist_ok=True
)
