"""Fail when pyproject.toml and requirements.lock disagree (run by `make setup` and CI).

Every dependency of the project, its `dev` and its `ner` extras must be pinned in the lock
to a version its specifier admits; refresh the lock with `make lock` when this fails.
Standard library only: it runs before the virtual environment exists.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTRAS = ("dev", "ner")
_REQ = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)")
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", re.M)


def canonical(name: str) -> str:
    """PEP 503 name: lower case, runs of -_. as one dash."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _version(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", v.split("+")[0])[:4])


def admits(spec: str, version: str) -> bool:
    """Whether a comma-separated specifier (==, >=, <=, <, >, !=, ~=) admits `version`."""
    have = _version(version)
    for part in filter(None, (p.strip() for p in spec.split(","))):
        op, want_s = re.match(r"(==|>=|<=|!=|~=|<|>)\s*(.+)", part).groups()  # type: ignore[union-attr]
        want = _version(want_s)
        n = max(len(have), len(want))
        h, w = have + (0,) * (n - len(have)), want + (0,) * (n - len(want))
        ok = {
            "==": h == w,
            "!=": h != w,
            ">=": h >= w,
            "<=": h <= w,
            ">": h > w,
            "<": h < w,
            "~=": h >= w and h[: len(want) - 1] == w[: len(want) - 1],
        }[op]
        if not ok:
            return False
    return True


def problems(pyproject: Path, lock: Path) -> list[str]:
    """What disagrees between the project's requirements and the lock's pins."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in EXTRAS:
        wanted += project["optional-dependencies"][extra]
    pins = {canonical(n): v for n, v in _PIN.findall(lock.read_text(encoding="utf-8"))}
    out = []
    for req in wanted:
        m = _REQ.match(req)
        if not m:
            out.append(f"cannot read requirement {req!r}")
            continue
        name, spec = canonical(m.group(1)), m.group(2).strip()
        if name not in pins:
            out.append(f"{name}: required by pyproject.toml, not pinned in {lock.name}")
        elif spec and not admits(spec, pins[name]):
            out.append(f"{name}: {lock.name} pins {pins[name]}, pyproject.toml asks {spec}")
    return out


def main() -> int:
    found = problems(ROOT / "pyproject.toml", ROOT / "requirements.lock")
    for line in found:
        print(f"check_lock: {line}", file=sys.stderr)
    if found:
        print("check_lock: run `make lock` and commit requirements.lock", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
