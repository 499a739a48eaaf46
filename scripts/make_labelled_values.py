"""Fake but well-formed values for the hand-labelled evaluation set.

Prints a pool of resident ID numbers (GB 11643 check digit, real area codes, valid birth
dates), legacy 15-digit IDs, mobiles from real number segments and UnionPay (62 BIN) bank
cards passing Luhn. The documents in tests/fixtures/labelled/ were written by hand with
values taken from this pool (``python scripts/make_labelled_values.py --seed 20240611``);
the helpers are also imported by tests/evaluate to validate the labelled files.

None of these values belongs to a real person: sequence numbers are random and the
output is never checked against anything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

#: Real county-level area codes used in the documents, with a matching landline area code.
AREAS: dict[str, tuple[str, str]] = {
    "341502": ("六安市金安区", "0564"),
    "341503": ("六安市裕安区", "0564"),
    "341522": ("霍邱县", "0564"),
    "341523": ("舒城县", "0564"),
    "341524": ("金寨县", "0564"),
    "341525": ("霍山县", "0564"),
    "340104": ("合肥市蜀山区", "0551"),
    "410105": ("郑州市金水区", "0371"),
    "220104": ("长春市朝阳区", "0431"),
    "350123": ("罗源县", "0591"),
    "370303": ("淄博市张店区", "0533"),
    "320106": ("南京市鼓楼区", "025"),
    "510104": ("成都市锦江区", "028"),
    "430102": ("长沙市芙蓉区", "0731"),
    "440106": ("广州市天河区", "020"),
}

MOBILE_SEGMENTS = ("139", "138", "151", "186", "177", "135", "158", "187", "133", "199", "166")


def id_check_digit(first17: str) -> str:
    """GB 11643 MOD 11-2 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def id_is_valid(value: str) -> bool:
    """18-digit ID: check digit and birth date; 15-digit ID: birth date (19yy)."""
    value = value.upper()
    try:
        if len(value) == 18 and value[:17].isdigit():
            dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
            return id_check_digit(value[:17]) == value[17]
        if len(value) == 15 and value.isdigit():
            dt.date(1900 + int(value[6:8]), int(value[8:10]), int(value[10:12]))
            return True
    except ValueError:
        return False
    return False


def luhn_ok(digits: str) -> bool:
    """Luhn checksum over a digit string."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def make_id(rng: random.Random, area: str, year_from: int, year_to: int) -> str:
    start = dt.date(year_from, 1, 1).toordinal()
    end = dt.date(year_to, 12, 31).toordinal()
    birth = dt.date.fromordinal(rng.randint(start, end))
    first17 = f"{area}{birth:%Y%m%d}{rng.randint(10, 999):03d}"
    return first17 + id_check_digit(first17)


def make_legacy_id(rng: random.Random, area: str) -> str:
    first, last = dt.date(1930, 1, 1).toordinal(), dt.date(1960, 12, 31).toordinal()
    birth = dt.date.fromordinal(rng.randint(first, last))
    return f"{area}{birth:%y%m%d}{rng.randint(10, 999):03d}"


def make_mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_SEGMENTS) + f"{rng.randint(0, 99_999_999):08d}"


def make_bank_card(rng: random.Random, length: int = 19) -> str:
    bin_ = rng.choice(("622848", "621700", "622202", "621799", "623059"))
    body = bin_ + "".join(str(rng.randint(0, 9)) for _ in range(length - len(bin_) - 1))
    for check in "0123456789":
        if luhn_ok(body + check):
            return body + check
    raise AssertionError("unreachable")


def full_width(value: str) -> str:
    """Digits and X to full-width forms (１３８…)."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() or c == "X" else c for c in value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument("-n", type=int, default=6, help="values per area / kind")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for area, (name, _) in AREAS.items():
        ids = [make_id(rng, area, 1940, 2005) for _ in range(args.n)]
        print(f"ID {area} {name}: " + " ".join(ids))
        print(f"ID15 {area}: " + " ".join(make_legacy_id(rng, area) for _ in range(2)))
    print("MOBILE: " + " ".join(make_mobile(rng) for _ in range(args.n * 10)))
    print("BANK19: " + " ".join(make_bank_card(rng) for _ in range(args.n * 2)))
    print("BANK16: " + " ".join(make_bank_card(rng, 16) for _ in range(args.n)))
    for area, (_, code) in AREAS.items():
        lines = [f"{code}-{rng.randint(2, 8)}{rng.randint(0, 999_999):06d}" for _ in range(3)]
        print(f"LANDLINE {area}: " + " ".join(lines))


if __name__ == "__main__":
    main()
