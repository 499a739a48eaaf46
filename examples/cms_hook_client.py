"""A CMS calling zwgk before publishing: the smallest useful client (standard library only).

    ZWGK_URL=http://127.0.0.1:8000 ZWGK_KEY=zwgk_… python examples/cms_hook_client.py page.txt

Exit 0: publish as is. Exit 1: publish the redacted version or send to review (printed).
"""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request


def prepublish(text: str, doc_id: str, url: str, key: str, timeout: float = 5.0) -> dict:
    """POST the document to /v1/hook/prepublish and return the verdict body."""
    req = urllib.request.Request(
        url.rstrip("/") + "/v1/hook/prepublish",
        data=json.dumps({"text": text, "id": doc_id, "source": doc_id}).encode("utf-8"),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {key}"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return dict(json.load(resp))


def main() -> int:
    path = sys.argv[1]
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    try:
        verdict = prepublish(text, path, os.environ["ZWGK_URL"], os.environ["ZWGK_KEY"])
    except urllib.error.HTTPError as exc:
        print(f"zwgk 拒绝请求：{exc.code} {exc.read().decode('utf-8', 'replace')}", file=sys.stderr)
        return 2
    print(verdict["summary"])
    for f in verdict["findings"]:
        print(f"  {f['entity']} {f['masked']} → {f['action']}（{f['rule']}：{f['reason']}）")
    if verdict["publishable"]:
        return 0
    print("\n--- 遮蔽稿 ---\n" + verdict["redacted"])
    return 1


if __name__ == "__main__":
    sys.exit(main())
