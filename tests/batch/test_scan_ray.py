"""``--engine ray``: the same per-batch function on Ray Data gives the same records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.batch.scan import local_runner, run_scan

ray = pytest.importorskip("ray")

ID = "341502198503121230"


def _archive(root: Path) -> None:
    root.mkdir()
    for i in range(24):
        text = f"第{i}号答复：申请人张晓明，身份证号{ID}。" if i % 2 else f"第{i}号通知：今天开会。"
        (root / f"d{i:02d}.txt").write_text(text, encoding="utf-8")
    (root / "page.html").write_text("<p>联系人王小红，电话13912345678</p>", encoding="utf-8")
    (root / "broken.pdf").write_bytes(b"not a pdf at all")


def _records(out: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {r["path"]: r for r in rows}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_ray_engine_matches_local_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.batch.scan_ray import ray_runner

    monkeypatch.setenv("ZWGK_NER", "0")
    _archive(tmp_path / "in")
    local_out, ray_out = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    run_scan(str(tmp_path / "in"), str(local_out), runner=local_runner(1))
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        runner = ray_runner(workers=2)
        outcome = run_scan(str(tmp_path / "in"), str(ray_out), runner=runner, batch_size=4)
        # the contact line (联系人 + mobile) is allowed since PI-MOBILE-STAFF keeps staff contacts
        assert outcome.counts == {"block": 12, "pass": 13, "error": 1}
        assert _records(ray_out) == _records(local_out)
        # resumable and idempotent in the same way
        again = run_scan(str(tmp_path / "in"), str(ray_out), runner=runner, batch_size=4)
        assert again.counts == {"skipped": 26}
    finally:
        ray.shutdown()
