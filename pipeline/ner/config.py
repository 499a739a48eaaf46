"""Training configuration: YAML/JSON merged over defaults; unknown keys are an error."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

DEFAULTS: dict[str, Any] = {
    "version": "ner-small-0.1",
    "seed": 13,
    "labels": ["PERSON", "LOCATION", "ORG", "TITLE", "ADDRESS"],
    "data": {
        # paths (relative to the current directory) or {"path": …, "licence": …, "repeat": N,
        # "replace": N (N extra copies with mentions swapped, pipeline/ner/augment.py),
        # "dev_fraction": F (this corpus holds out its own share)}
        "corpora": [],
        "max_per_file": None,  # cap the examples read from each corpus
        "generated": {"documents": 0, "seed": 7, "version": 1},
        "dev_fraction": 0.02,
        "split_seed": 13,
        "replace_labels": ["PERSON"],  # labels whose mentions ``replace: N`` swaps
    },
    "vocab": {"min_freq": 2, "max_size": 8000},
    "model": {
        # "bert" (BertForTokenClassification) or "bilstm" (pipeline/ner/charnet.py)
        "architecture": "bert",
        "hidden_size": 192,
        "num_layers": 3,
        "num_heads": 4,
        "intermediate_size": 512,
        "max_len": 128,
        "dropout": 0.1,
        # bilstm only
        "embedding_size": 128,
        "bigram_buckets": 50021,
        "bigram_size": 64,
        "use_crf": True,
        # dictionary-match features (pipeline/ner/wordmatch.py), e.g.
        # {"source": "jieba", "max_len": 6, "size": 32}; bilstm only
        "lexicon": None,
    },
    "train": {
        "batch_size": 32,
        "lr": 5.0e-4,
        "weight_decay": 0.01,
        "warmup_ratio": 0.05,
        "epochs": 2,
        "max_steps": None,
        "checkpoint_every": 500,
        "log_every": 20,
        "threads": 2,
        "grad_clip": 1.0,
        # batches of similar length (less padding); the order stays a function of the seed
        "bucket_by_length": False,
    },
    "output": {"work_dir": "work/ner", "artifact_dir": "models/ner", "onnx": True},
}


class ConfigError(ValueError):
    """A configuration that cannot be used."""


def _merge(base: dict[str, Any], override: dict[str, Any], where: str) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in override.items():
        if key not in base:
            raise ConfigError(f"配置项未知：{where}{key}")
        if isinstance(base[key], dict) and isinstance(value, dict):
            out[key] = _merge(base[key], value, f"{where}{key}.")
        else:
            out[key] = value
    return out


def load_config(source: str | Path | dict[str, Any]) -> dict[str, Any]:
    """The full configuration from a YAML/JSON file or a dict (missing keys take defaults)."""
    if isinstance(source, dict):
        raw = source
    else:
        path = Path(source)
        if not path.is_file():
            raise ConfigError(f"找不到配置文件：{path}")
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            raw = json.loads(text)
        else:
            import yaml

            raw = yaml.safe_load(text) or {}
    if not isinstance(raw, dict):
        raise ConfigError("配置文件顶层必须是映射")
    config = _merge(DEFAULTS, raw, "")
    model = config["model"]
    if model["architecture"] not in ("bert", "bilstm"):
        raise ConfigError("model.architecture 只能是 bert 或 bilstm")
    if model["architecture"] == "bert" and model["hidden_size"] % model["num_heads"]:
        raise ConfigError("model.hidden_size 必须能被 model.num_heads 整除")
    lexicon = model["lexicon"]
    if lexicon is not None:
        if not isinstance(lexicon, dict) or set(lexicon) - {"source", "max_len", "size"}:
            raise ConfigError("model.lexicon 只能含 source、max_len、size")
        if model["architecture"] != "bilstm":
            raise ConfigError("model.lexicon（词典特征）只用于 bilstm 结构")
    if model["max_len"] < 8:
        raise ConfigError("model.max_len 至少为 8")
    return config


#: Options added after models had shipped: left out of the fingerprint while at their default,
#: so an older config keeps the fingerprint its model's manifest records.
ADDED_LATER = (("model", "lexicon"), ("data", "replace_labels"))


def fingerprint(config: dict[str, Any]) -> str:
    """A hash of everything that shapes the trained weights (not logging or output paths);
    a checkpoint is resumed only under the same fingerprint."""
    relevant = {k: config[k] for k in ("seed", "labels", "data", "vocab", "model")}
    for section, key in ADDED_LATER:
        if config[section][key] == DEFAULTS[section][key]:
            relevant[section] = {k: v for k, v in relevant[section].items() if k != key}
    relevant["train"] = {k: v for k, v in config["train"].items() if k not in ("log_every",)}
    blob = json.dumps(relevant, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]
