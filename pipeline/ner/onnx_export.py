"""Export a trained token-classification model to ONNX and quantise it to int8."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

ONNX_FILE = "model.int8.onnx"


def _positional_lexicon(model: Any) -> Any:
    """A wrapper taking ``(input_ids, attention_mask, lexicon_ids)`` positionally (the
    model's own third positional argument is ``labels``) and returning the logits."""
    import torch

    class WithLexicon(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, lexicon_ids: Any) -> Any:
            out = self.model(
                input_ids=input_ids, attention_mask=attention_mask, lexicon_ids=lexicon_ids
            )
            return out.logits

    return WithLexicon()


def export_onnx(model: Any, out_dir: str | Path, *, quantize: bool = True) -> Path:
    """Write ``model.int8.onnx`` (dynamic int8 quantisation of the weights) or, with
    ``quantize=False``, ``model.onnx`` in fp32; inputs ``input_ids``/``attention_mask``
    (batch × sequence, both dynamic) and, for a model with dictionary features,
    ``lexicon_ids``; output ``logits``."""
    import torch

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    fp32 = out_dir / "model.onnx"
    model.eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones_like(ids)
    mask[1, 10:] = 0
    inputs: tuple[Any, ...] = (ids, mask)
    names = ["input_ids", "attention_mask"]
    graph = model
    if getattr(model.config, "lexicon_features", 0):
        inputs = (ids, mask, torch.full_like(ids, 5))
        names.append("lexicon_ids")
        graph = _positional_lexicon(model)
    axes = {0: "batch", 1: "sequence"}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            graph,
            inputs,
            str(fp32),
            input_names=names,
            output_names=["logits"],
            dynamic_axes={**{n: axes for n in names}, "logits": axes},
            opset_version=17,
            dynamo=False,
        )
    if not quantize:
        return fp32
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    target = out_dir / ONNX_FILE
    quiet = logging.getLogger()
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # the quantiser logs a pre-processing hint at WARNING
    try:
        quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
    finally:
        quiet.setLevel(level)
        fp32.unlink()
    return target
