"""Fake but well-formed values for the held-out labelled set (tests/fixtures/labelled_holdout/).

Same helpers as ``make_labelled_values.py`` (GB 11643 IDs, 62-BIN Luhn cards), but with
areas, mobile segments and a seed that the tuned 40-document set does not use, plus valid
GB 32100 unified social credit codes for organisations (which must NOT be labelled).
``python scripts/make_holdout_values.py`` prints the pool the documents were written from.
None of these values belongs to a real person or organisation.
"""

from __future__ import annotations

import argparse
import random

from make_labelled_values import full_width, make_bank_card, make_id, make_legacy_id

#: Area code -> (place, landline area code), all outside the provinces of the tuned set.
AREAS: dict[str, tuple[str, str]] = {
    "620102": ("兰州市城关区", "0931"),
    "620502": ("天水市秦州区", "0938"),
    "620702": ("张掖市甘州区", "0936"),
    "621102": ("定西市安定区", "0932"),
    "450312": ("桂林市临桂区", "0773"),
    "451002": ("百色市右江区", "0776"),
    "330106": ("杭州市西湖区", "0571"),
    "330302": ("温州市鹿城区", "0577"),
    "330523": ("湖州市安吉县", "0572"),
    "330782": ("义乌市", "0579"),
    "510703": ("绵阳市涪城区", "0816"),
    "511302": ("南充市顺庆区", "0817"),
    "511502": ("宜宾市翠屏区", "0831"),
    "230202": ("齐齐哈尔市龙沙区", "0452"),
    "231002": ("牡丹江市东安区", "0453"),
    "130102": ("石家庄市长安区", "0311"),
    "130403": ("邯郸市丛台区", "0310"),
    "130602": ("保定市竞秀区", "0312"),
    "130828": ("围场满族蒙古族自治县", "0314"),
}

MOBILE_SEGMENTS = (
    "130",
    "131",
    "132",
    "136",
    "137",
    "150",
    "152",
    "155",
    "157",
    "159",
    "173",
    "176",
    "180",
    "181",
    "182",
    "183",
    "185",
    "188",
    "189",
    "198",
)

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def org_code(rng: random.Random) -> str:
    """GB 11714 organisation code: 8 characters and a check character."""
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    total = sum(
        (int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, ORG_WEIGHTS, strict=True)
    )
    check = 11 - total % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def uscc(rng: random.Random, area: str, prefix: str = "91") -> str:
    """GB 32100 unified social credit code (prefix 91 company, 92 sole trader, 11 agency)."""
    first17 = prefix + area + org_code(rng)
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return first17 + USCC_CHARS[(31 - total % 31) % 31]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20250302)
    parser.add_argument("-n", type=int, default=6, help="values per area / kind")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for area, (name, code) in AREAS.items():
        ids = [make_id(rng, area, 1940, 2005) for _ in range(args.n)]
        print(f"ID {area} {name}: " + " ".join(ids))
        print(f"ID15 {area}: " + " ".join(make_legacy_id(rng, area) for _ in range(3)))
        lines = [f"{code}-{rng.randint(2, 8)}{rng.randint(0, 999_999):06d}" for _ in range(3)]
        print(f"LANDLINE {area}: " + " ".join(lines))
        print(f"USCC {area}: " + " ".join(uscc(rng, area, p) for p in ("91", "92", "12")))
    mobiles = [
        rng.choice(MOBILE_SEGMENTS) + f"{rng.randint(0, 99_999_999):08d}"
        for _ in range(args.n * 12)
    ]
    print("MOBILE: " + " ".join(mobiles))
    print("BANK19: " + " ".join(make_bank_card(rng) for _ in range(args.n * 3)))
    print("BANK16: " + " ".join(make_bank_card(rng, 16) for _ in range(args.n)))
    print("FULLWIDTH sample: " + full_width(mobiles[0]))


if __name__ == "__main__":
    main()
