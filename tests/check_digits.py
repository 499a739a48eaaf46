"""Check digits computed independently of the code under test, for building fixtures."""

from __future__ import annotations


def with_check(first17: str) -> str:
    """``first17`` plus its GB 11643 (MOD 11-2) check character."""
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    total = sum(int(c) * w for c, w in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]


def uscc(first17: str) -> str:
    """``first17`` plus its GB 32100 unified social credit code check character."""
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [3**i % 31 for i in range(17)]
    total = sum(chars.index(c) * w for c, w in zip(first17, weights, strict=True))
    return first17 + chars[(31 - total % 31) % 31]


def luhn_complete(body: str) -> str:
    """``body`` plus the digit that makes it pass the Luhn check."""
    for d in "0123456789":
        digits = [int(c) for c in body + d][::-1]
        total = sum(
            x if i % 2 == 0 else (x * 2 - 9 if x > 4 else x * 2) for i, x in enumerate(digits)
        )
        if total % 10 == 0:
            return body + d
    raise AssertionError(body)
