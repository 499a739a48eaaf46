"""Build the token-classification model from a config and train it (seeded, resumable).

``train(config)`` is deterministic for a given config on one machine: the batch of step ``s``
is a function of the seed and ``s`` only, and the checkpoint carries the model, optimiser,
schedule and torch RNG state, so a resumed run continues exactly where it stopped.
"""

from __future__ import annotations

import functools
import math
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from transformers import BertConfig, BertForTokenClassification

from pipeline.ner.bio import tag_names
from pipeline.ner.config import fingerprint, load_config
from pipeline.ner.dataset import IGNORE, TrainingData, Window, collect, windows
from pipeline.ner.tokenizer import CharTokenizer
from pipeline.ner.wordmatch import FEATURES, Lexicon

CHECKPOINT = "checkpoint.pt"


def build_model(model_cfg: dict[str, Any], vocab_size: int, labels: list[str]) -> Any:
    """A randomly initialised token classifier of the configured architecture: BERT
    (eager attention: exports to ONNX) or the character BiLSTM-CRF of ``charnet``."""
    tags = tag_names(labels)
    lexicon = model_cfg.get("lexicon")
    if model_cfg.get("architecture", "bert") == "bilstm":
        from pipeline.ner.charnet import CharTaggerConfig, CharTaggerForTokenClassification

        return CharTaggerForTokenClassification(
            CharTaggerConfig(
                vocab_size=vocab_size,
                embedding_size=model_cfg["embedding_size"],
                bigram_buckets=model_cfg["bigram_buckets"],
                bigram_size=model_cfg["bigram_size"],
                hidden_size=model_cfg["hidden_size"],
                num_layers=model_cfg["num_layers"],
                dropout=model_cfg["dropout"],
                max_position_embeddings=model_cfg["max_len"],
                use_crf=model_cfg["use_crf"],
                lexicon_features=FEATURES if lexicon else 0,
                lexicon_size=(lexicon or {}).get("size", 32),
                id2label=dict(enumerate(tags)),
                label2id={t: i for i, t in enumerate(tags)},
            )
        )
    cfg = BertConfig(
        vocab_size=vocab_size,
        hidden_size=model_cfg["hidden_size"],
        num_hidden_layers=model_cfg["num_layers"],
        num_attention_heads=model_cfg["num_heads"],
        intermediate_size=model_cfg["intermediate_size"],
        max_position_embeddings=model_cfg["max_len"],
        hidden_dropout_prob=model_cfg["dropout"],
        attention_probs_dropout_prob=model_cfg["dropout"],
        type_vocab_size=1,
        pad_token_id=0,
        id2label=dict(enumerate(tags)),
        label2id={t: i for i, t in enumerate(tags)},
    )
    cfg._attn_implementation = "eager"
    return BertForTokenClassification(cfg)


def _batch(rows: list[Window]) -> dict[str, torch.Tensor]:
    width = max(len(row[0]) for row in rows)
    ids = torch.zeros((len(rows), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    labels = torch.full_like(ids, IGNORE)
    lexicon = torch.zeros_like(ids)
    for i, (x, y, bits) in enumerate(rows):
        ids[i, : len(x)] = torch.tensor(x)
        mask[i, : len(x)] = 1
        labels[i, : len(y)] = torch.tensor(y)
        if bits:
            lexicon[i, : len(bits)] = torch.tensor(bits)
    batch = {"input_ids": ids, "attention_mask": mask, "labels": labels}
    if rows[0][2]:
        batch["lexicon_ids"] = lexicon
    return batch


def build_lexicon(model_cfg: dict[str, Any]) -> Lexicon | None:
    """The configured word list (``model.lexicon: {source: jieba, max_len: N}``), if any."""
    spec = model_cfg.get("lexicon")
    if not spec:
        return None
    if spec.get("source", "jieba") != "jieba":
        raise ValueError(f"未知词典来源：{spec.get('source')}")
    return Lexicon.from_jieba(int(spec.get("max_len", 6)))


def batch_indices(
    n: int, batch_size: int, seed: int, step: int, lengths: list[int] | None = None
) -> list[int]:
    """The example indices of training step ``step`` (a seeded permutation per epoch).

    With ``lengths``, each run of 50 batches of the permutation is sorted by length and cut
    into batches, whose order is then shuffled: similar lengths share a batch (little
    padding) and the result is still a function of the seed and the step only.
    """
    per_epoch = max(1, math.ceil(n / batch_size))
    epoch, k = divmod(step, per_epoch)
    return _epoch_batches(n, batch_size, seed, epoch, tuple(lengths or ()))[k]


@functools.lru_cache(maxsize=2)
def _epoch_batches(
    n: int, batch_size: int, seed: int, epoch: int, lengths: tuple[int, ...]
) -> list[list[int]]:
    gen = torch.Generator().manual_seed(seed * 100_003 + epoch)
    perm = torch.randperm(n, generator=gen).tolist()
    if not lengths:
        return [perm[i : i + batch_size] for i in range(0, n, batch_size)]
    run = batch_size * 50
    batches: list[list[int]] = []
    for r in range(0, n, run):
        chunk = sorted(perm[r : r + run], key=lambda i: lengths[i])
        batches.extend(chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size))
    order = torch.randperm(len(batches), generator=gen).tolist()
    return [batches[i] for i in order]


def _eta(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}时{m:02d}分" if h else f"{m}分{s:02d}秒"


@dataclass
class TrainResult:
    model: Any
    tokenizer: CharTokenizer
    data: TrainingData
    steps: int
    total: int
    losses: list[float]
    config: dict[str, Any]
    resumed_from: int
    lexicon: Lexicon | None = None


def _save_checkpoint(path: Path, state: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    os.replace(tmp, path)


def train(
    config: dict[str, Any] | str | Path,
    *,
    resume: bool = True,
    max_steps: int | None = None,
    log: Callable[[str], None] | None = None,
    data: TrainingData | None = None,
) -> TrainResult:
    """Train from the config; resumes from ``work_dir/checkpoint.pt`` when one matches.

    ``max_steps`` stops early (the schedule still follows the configured length), which is
    how a smoke run or a test trains a few steps and later resumes.
    """
    cfg = load_config(config)
    tcfg, mcfg = cfg["train"], cfg["model"]
    log = log or _stderr_progress
    seed = cfg["seed"]
    torch.set_num_threads(tcfg["threads"])
    random.seed(seed)
    torch.manual_seed(seed)
    data = data or collect(cfg)
    work = Path(cfg["output"]["work_dir"])
    work.mkdir(parents=True, exist_ok=True)
    ckpt_path = work / CHECKPOINT
    state = torch.load(ckpt_path, weights_only=False) if resume and ckpt_path.is_file() else None
    if state is not None and state["fingerprint"] != fingerprint(cfg):
        raise ValueError(f"检查点 {ckpt_path} 与当前配置不符；删除它或使用 --no-resume")
    if state is not None:
        tokenizer = CharTokenizer(state["vocab"])
    else:
        vcfg = cfg["vocab"]
        tokenizer = CharTokenizer.build(
            (ex.text for ex in data.train), vcfg["min_freq"], vcfg["max_size"]
        )
    lexicon = build_lexicon(mcfg)
    rows = windows(data.train, tokenizer, cfg["labels"], mcfg["max_len"], lexicon)
    if not rows:
        raise ValueError("没有训练数据")
    total = tcfg["max_steps"] or tcfg["epochs"] * math.ceil(len(rows) / tcfg["batch_size"])
    model = build_model(mcfg, len(tokenizer), cfg["labels"])
    no_decay = [p for n, p in model.named_parameters() if n.endswith("bias") or "LayerNorm" in n]
    decay = [p for n, p in model.named_parameters() if not (n.endswith("bias") or "LayerNorm" in n)]
    optim = torch.optim.AdamW(
        [
            {"params": decay, "weight_decay": tcfg["weight_decay"]},
            {"params": no_decay, "weight_decay": 0.0},
        ],
        lr=tcfg["lr"],
    )
    warmup = int(total * tcfg["warmup_ratio"])

    def schedule(step: int) -> float:
        if step < warmup:
            return (step + 1) / max(1, warmup)
        return max(0.0, (total - step) / max(1, total - warmup))

    sched = torch.optim.lr_scheduler.LambdaLR(optim, schedule)
    step = 0
    if state is not None:
        model.load_state_dict(state["model"])
        optim.load_state_dict(state["optimizer"])
        sched.load_state_dict(state["scheduler"])
        torch.set_rng_state(state["torch_rng"])
        step = state["step"]
    resumed_from = step
    stop = min(total, max_steps) if max_steps is not None else total
    model.train()
    losses: list[float] = []
    started, window_loss, window_n = time.monotonic(), 0.0, 0
    lengths = [len(row[0]) for row in rows] if tcfg["bucket_by_length"] else None
    while step < stop:
        picked = batch_indices(len(rows), tcfg["batch_size"], seed, step, lengths)
        batch = _batch([rows[i] for i in picked])
        loss = model(**batch).loss
        optim.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), tcfg["grad_clip"])
        optim.step()
        sched.step()
        step += 1
        losses.append(loss.item())
        window_loss, window_n = window_loss + losses[-1], window_n + 1
        if step % tcfg["log_every"] == 0 or step == stop:
            rate = (step - resumed_from) / max(1e-9, time.monotonic() - started)
            log(
                f"步 {step}/{total}  损失 {window_loss / window_n:.4f}  "
                f"{rate:.2f} 步/秒  剩余约 {_eta((total - step) / max(rate, 1e-9))}"
            )
            window_loss, window_n = 0.0, 0
        if step % tcfg["checkpoint_every"] == 0 or step == stop:
            _save_checkpoint(
                ckpt_path,
                {
                    "step": step,
                    "fingerprint": fingerprint(cfg),
                    "vocab": tokenizer.tokens,
                    "model": model.state_dict(),
                    "optimizer": optim.state_dict(),
                    "scheduler": sched.state_dict(),
                    "torch_rng": torch.get_rng_state(),
                },
            )
    model.eval()
    return TrainResult(model, tokenizer, data, step, total, losses, cfg, resumed_from, lexicon)


def _stderr_progress(line: str) -> None:
    end = "\r" if sys.stderr.isatty() else "\n"
    print(line, end=end, file=sys.stderr, flush=True)
