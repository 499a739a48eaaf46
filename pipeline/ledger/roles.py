"""API key roles and the scopes each may use (no database imports: cheap for the service).

The service checks ``allowed(role, scope)``: no or unknown key → 401, known key whose role
lacks the scope → 403.
"""

from __future__ import annotations

#: Every scope the service knows. ``ledger``: read the ledger and set finding statuses;
#: ``report``: XLSX/HTML reports and statistics; ``keys``: manage API keys.
SCOPES: tuple[str, ...] = (
    "screen",
    "prepublish",
    "review",
    "redact",
    "classify",
    "parse",
    "ledger",
    "outline",
    "report",
    "keys",
)

_HOOK = frozenset({"screen", "prepublish"})
_REVIEWER = _HOOK | {"review", "redact", "classify", "parse", "ledger"}
_EDITOR = _REVIEWER | {"outline", "report"}

#: role → the scopes it may use. ``admin`` has every scope, including key management.
ROLE_SCOPES: dict[str, frozenset[str]] = {
    "hook": _HOOK,
    "reviewer": frozenset(_REVIEWER),
    "editor": frozenset(_EDITOR),
    "admin": frozenset(SCOPES),
}
ROLES: tuple[str, ...] = tuple(ROLE_SCOPES)
ROLE_ZH: dict[str, str] = {
    "hook": "发布钩子（仅审查/发布前检查）",
    "reviewer": "审核员",
    "editor": "编辑",
    "admin": "管理员",
}


def allowed(role: str, scope: str) -> bool:
    """Whether ``role`` may use ``scope``. Unknown roles get nothing; an unknown scope is a
    programming error and raises ``ValueError`` (so a typo never silently allows)."""
    if scope not in SCOPES:
        raise ValueError(f"未知权限范围：{scope}")
    return scope in ROLE_SCOPES.get(role, frozenset())
