"""Optional polishing by a language model, behind one interface, off by default.

Two back ends: an OpenAI-compatible chat-completions endpoint over HTTP (what agencies run
on premises) and a local ``transformers`` causal-LM directory. Settings come from the
environment: ``ZWGK_LLM`` (``off`` | ``http`` | ``transformers``), ``ZWGK_LLM_URL``,
``ZWGK_LLM_MODEL``, ``ZWGK_LLM_API_KEY``, ``ZWGK_LLM_PATH``, ``ZWGK_LLM_TIMEOUT`` (seconds),
``ZWGK_LLM_MAX_TOKENS``. Every rewording goes through the faithfulness guard; a rejected one
is dropped and the extractive text kept.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from pipeline.normalise import normalise
from pipeline.outline.guard import check_point, evidence_text, support
from pipeline.outline.model import Evidence, Outline

#: sections whose points a model may reword (facts such as 文号 and 依据 stay as extracted)
POLISHED = (
    "background",
    "goals",
    "scope",
    "measures",
    "standards",
    "benefits",
    "terms",
    "timeline",
    "safeguards",
    "guide",
)
SYSTEM = (
    "你是政府政策解读的编辑助手。请把给出的要点改写成通俗、准确的一句解读，"
    "只能使用原文中的事实，数字、日期、文号、文件名称和“不超过”“最高”“以上”等限定词必须与原文一致，"
    "不得添加原文没有的内容。只输出改写后的一句话。"
)
MAX_ERRORS = 3


class PolishError(Exception):
    """The model could not be reached or gave no usable answer (message in Chinese)."""


class Polisher(Protocol):
    """Rewrites one point; ``name`` identifies the model in the guard report."""

    name: str

    def rewrite(self, point: str, evidence: str) -> str: ...


def build_prompt(point: str, evidence: str) -> str:
    return f"原文：{evidence}\n要点：{point}\n改写："


def clean_answer(answer: str) -> str:
    """The first non-empty line, without quotes or a leading label, at most 300 characters."""
    for line in answer.strip().splitlines():
        line = line.strip().strip("“”\"'")
        line = re.sub(r"^(?:改写|解读|答)[:：]\s*", "", line)
        if line:
            return line[:300]
    return ""


class HTTPPolisher:
    """An OpenAI-compatible ``/chat/completions`` endpoint (vLLM, Xinference, Ollama …)."""

    def __init__(
        self,
        url: str,
        model: str = "default",
        api_key: str | None = None,
        timeout: float = 30.0,
        max_tokens: int = 256,
    ) -> None:
        base = url.rstrip("/")
        self.url = base if base.endswith("/chat/completions") else base + "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.max_tokens = max_tokens
        self.name = f"http:{model}"

    def rewrite(self, point: str, evidence: str) -> str:
        body = {
            "model": self.model,
            "messages": [
                {"role": "system", "content": SYSTEM},
                {"role": "user", "content": build_prompt(point, evidence)},
            ],
            "temperature": 0,
            "max_tokens": self.max_tokens,
        }
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        req = urllib.request.Request(self.url, json.dumps(body).encode("utf-8"), headers)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                data = json.loads(resp.read().decode("utf-8"))
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise PolishError(f"语言模型服务不可用：{exc}") from exc
        except (ValueError, UnicodeDecodeError) as exc:
            raise PolishError(f"语言模型服务返回的不是 JSON：{exc}") from exc
        try:
            return str(data["choices"][0]["message"]["content"])
        except (KeyError, IndexError, TypeError) as exc:
            raise PolishError("语言模型服务的回答不是 chat-completions 格式") from exc


class TransformersPolisher:
    """A local causal-LM directory (``save_pretrained`` layout); needs the ``ner`` extra."""

    def __init__(self, path: str, max_new_tokens: int = 64) -> None:
        try:
            from transformers import AutoModelForCausalLM, AutoTokenizer
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise PolishError("未安装 transformers（pip install 'zwgk[ner]'）") from exc
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(path)
            self.model = AutoModelForCausalLM.from_pretrained(path)
        except (OSError, ValueError) as exc:
            raise PolishError(f"无法加载模型目录 {path}：{exc}") from exc
        self.model.eval()
        self.max_new_tokens = max_new_tokens
        self.name = f"transformers:{os.path.basename(path.rstrip('/'))}"

    def rewrite(self, point: str, evidence: str) -> str:
        import torch

        prompt = f"{SYSTEM}\n{build_prompt(point, evidence[:400])}"
        enc = self.tokenizer(prompt, return_tensors="pt")
        limit = getattr(self.model.config, "n_positions", None) or 1024
        ids = enc["input_ids"][:, -max(1, limit - self.max_new_tokens) :]
        with torch.no_grad():
            out = self.model.generate(
                ids,
                attention_mask=torch.ones_like(ids),
                max_new_tokens=self.max_new_tokens,
                do_sample=False,
                pad_token_id=self.tokenizer.pad_token_id or 0,
            )
        return str(self.tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=True))


def polisher_from_settings(env: Mapping[str, str] | None = None) -> Polisher | None:
    """The polisher the environment configures, or None (the default: off)."""
    env = os.environ if env is None else env
    kind = env.get("ZWGK_LLM", "off").strip().lower()
    if kind in ("", "off", "0", "false", "no"):
        return None
    if kind == "http":
        url = env.get("ZWGK_LLM_URL", "")
        if not url:
            raise PolishError("ZWGK_LLM=http 需要设置 ZWGK_LLM_URL")
        return HTTPPolisher(
            url,
            env.get("ZWGK_LLM_MODEL", "default"),
            env.get("ZWGK_LLM_API_KEY") or None,
            float(env.get("ZWGK_LLM_TIMEOUT", "30")),
            int(env.get("ZWGK_LLM_MAX_TOKENS", "256")),
        )
    if kind == "transformers":
        path = env.get("ZWGK_LLM_PATH", "")
        if not path:
            raise PolishError("ZWGK_LLM=transformers 需要设置 ZWGK_LLM_PATH（模型目录）")
        return TransformersPolisher(path, int(env.get("ZWGK_LLM_MAX_TOKENS", "64")))
    raise PolishError(f"未知的 ZWGK_LLM 取值：{kind}（off / http / transformers）")


def polish_outline(
    outline: Outline, resolve: Callable[[Evidence], str], polisher: Polisher
) -> dict[str, Any]:
    """Reword the points of :data:`POLISHED` sections; keep only what the guard accepts."""
    report: dict[str, Any] = {
        "used": True,
        "model": polisher.name,
        "accepted": 0,
        "rejected": 0,
        "errors": 0,
        "rejections": [],
    }
    errors = 0
    for section in outline.sections:
        if section.id not in POLISHED:
            continue
        for i, point in enumerate(section.points):
            if point.status != "auto" or not point.evidence:
                continue
            evidence = evidence_text(point, resolve)
            try:
                answer = clean_answer(polisher.rewrite(point.text, evidence))
            except PolishError as exc:
                errors += 1
                report["errors"] += 1
                report.setdefault("error", str(exc))
                if errors >= MAX_ERRORS:
                    report["stopped"] = "连续出错，已停止润色，保留抽取文本"
                    return report
                continue
            errors = 0
            problems = check_point(answer, evidence) if answer else [("empty", "", "回答为空")]
            if not problems and support(normalise(answer).text, "".join(evidence.split())) is None:
                problems = [("support", "", "回答过短或没有中文内容")]
            if problems:
                report["rejected"] += 1
                report["rejections"].append(
                    {
                        "section": section.id,
                        "point": i,
                        "text": answer[:120],
                        "reasons": [m for _, _, m in problems],
                    }
                )
                continue
            from pipeline.outline.figures import items_of

            point.extractive = point.text
            point.text = answer
            point.figures = items_of(answer).all()
            report["accepted"] += 1
    return report
