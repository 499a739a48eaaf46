import copy
import json

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from pipeline.ner.config import ConfigError, load_config  # noqa: E402
from pipeline.ner.dataset import chunk_bounds  # noqa: E402
from pipeline.ner.model import batch_indices, train  # noqa: E402


def _quiet(_line: str) -> None:
    pass


def test_loss_goes_down(tiny_config):
    result = train(tiny_config, log=_quiet)
    assert result.steps == 12
    first, last = sum(result.losses[:3]) / 3, sum(result.losses[-3:]) / 3
    assert last < first * 0.8


def test_resume_gives_the_same_next_steps(tiny_config, tmp_path):
    straight_cfg = copy.deepcopy(tiny_config)
    straight_cfg["output"]["work_dir"] = str(tmp_path / "straight")
    straight = train(straight_cfg, resume=False, max_steps=6, log=_quiet)

    first = train(tiny_config, resume=False, max_steps=3, log=_quiet)  # checkpoint at step 3
    resumed = train(tiny_config, resume=True, max_steps=6, log=_quiet)
    assert resumed.resumed_from == 3
    assert first.losses == straight.losses[:3]
    assert resumed.losses == pytest.approx(straight.losses[3:6], rel=1e-5)
    a, b = straight.model.state_dict(), resumed.model.state_dict()
    assert all(torch.allclose(a[k], b[k], atol=1e-6) for k in a)


def test_checkpoint_of_another_config_is_refused(tiny_config):
    train(tiny_config, max_steps=3, log=_quiet)
    other = copy.deepcopy(tiny_config)
    other["model"]["hidden_size"] = 16
    with pytest.raises(ValueError, match="检查点"):
        train(other, max_steps=4, log=_quiet)


def test_batches_are_a_seeded_permutation():
    steps = [batch_indices(10, 4, seed=1, step=s) for s in range(3)]
    assert sorted(i for b in steps for i in b) == list(range(10))
    assert batch_indices(10, 4, seed=1, step=1) == steps[1]
    assert batch_indices(10, 4, seed=1, step=3) != steps[0]  # epoch 2 is shuffled anew


def test_config_errors():
    with pytest.raises(ConfigError, match=r"model\.hiden"):
        load_config({"model": {"hiden_size": 3}})
    with pytest.raises(ConfigError):
        load_config({"model": {"hidden_size": 30, "num_heads": 4}})


def test_chunks_cut_at_sentence_ends():
    text = "一二三四五。六七八九十一二三四五六七。甲乙"
    bounds = chunk_bounds(text, 8)
    assert bounds[0] == (0, 6)  # after the 。 in the second half of the first piece
    assert bounds[-1][1] == len(text)
    assert [b[0] for b in bounds[1:]] == [b[1] for b in bounds[:-1]]
    assert all(e - s <= 8 for s, e in bounds)


def test_cli_train_then_eval(tiny_config, corpus_file, tmp_path, capsys):
    import yaml

    from pipeline.cli import main

    path = tmp_path / "tiny.yaml"
    path.write_text(yaml.safe_dump(tiny_config, allow_unicode=True), "utf-8")
    assert main(["train-ner", str(path), "--max-steps", "4"]) == 0  # stops early: no artifact
    artifact = tmp_path / "models" / "tiny-test"
    assert not artifact.exists()
    assert main(["train-ner", str(path)]) == 0  # resumes at step 4, finishes, ships
    manifest = json.loads((artifact / "manifest.json").read_text("utf-8"))
    assert manifest["training"]["steps"] == 12
    assert manifest["training"]["command"] == f"zwgk train-ner {path}"
    assert any(k.endswith("jieba") for k in manifest["eval"])
    assert manifest["data"][0]["licence"] == "test fixture"
    capsys.readouterr()
    assert main(["eval-ner", str(corpus_file), "--model", str(artifact)]) == 0
    out = capsys.readouterr().out
    assert "OnnxBackend" in out and "基线 jieba" in out and "ADDRESS" in out
