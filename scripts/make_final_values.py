"""Fake but well-formed values for the final labelled set (tests/fixtures/labelled_final/).

Same helpers as ``make_labelled_values.py`` / ``make_holdout_values.py`` (GB 11643 IDs incl.
15-digit legacy IDs, 62-BIN cards passing Luhn, GB 32100 codes for organisations), with
areas (云南, 贵州, 江西, 山西, 内蒙古, 新疆, 海南, 福建漳州, 湖北宜昌), mobile segments, card BINs
and a seed that neither earlier set uses. ``python scripts/make_final_values.py`` prints the
pool the documents were written from. None of these values belongs to a real person or
organisation.
"""

from __future__ import annotations

import argparse
import random

from make_holdout_values import uscc
from make_labelled_values import full_width, luhn_ok, make_id, make_legacy_id

#: Area code -> (place, landline area code); none used by the tuned or held-out set.
AREAS: dict[str, tuple[str, str]] = {
    "530102": ("昆明市五华区", "0871"),
    "520102": ("贵阳市南明区", "0851"),
    "520502": ("毕节市七星关区", "0857"),
    "360102": ("南昌市东湖区", "0791"),
    "360403": ("九江市浔阳区", "0792"),
    "140105": ("太原市小店区", "0351"),
    "141002": ("临汾市尧都区", "0357"),
    "150203": ("包头市昆都仑区", "0472"),
    "150402": ("赤峰市红山区", "0476"),
    "650102": ("乌鲁木齐市天山区", "0991"),
    "654002": ("伊宁市", "0999"),
    "460108": ("海口市美兰区", "0898"),
    "460203": ("三亚市吉阳区", "0898"),
    "350602": ("漳州市芗城区", "0596"),
    "350623": ("漳浦县", "0596"),
    "420506": ("宜昌市夷陵区", "0717"),
}

MOBILE_SEGMENTS = ("134", "147", "153", "156", "175", "178", "184", "191", "193", "195", "197")
#: UnionPay BINs not used by the earlier sets (BOC, CMB, BoCom, PSBC, CIB) with card length.
BINS = (("621661", 19), ("622588", 16), ("622262", 19), ("621098", 19), ("622908", 18))


def make_card(rng: random.Random, bin_: str, length: int) -> str:
    body = bin_ + "".join(str(rng.randint(0, 9)) for _ in range(length - len(bin_) - 1))
    return next(body + c for c in "0123456789" if luhn_ok(body + c))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20250815)
    parser.add_argument("-n", type=int, default=6, help="values per area / kind")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for area, (name, code) in AREAS.items():
        ids = [make_id(rng, area, 1940, 2005) for _ in range(args.n)]
        print(f"ID {area} {name}: " + " ".join(ids))
        print(f"ID-minor {area}: " + " ".join(make_id(rng, area, 2008, 2016) for _ in range(3)))
        print(f"ID15 {area}: " + " ".join(make_legacy_id(rng, area) for _ in range(2)))
        lines = [f"{code}-{rng.randint(2, 8)}{rng.randint(0, 999_999):06d}" for _ in range(3)]
        print(f"LANDLINE {area}: " + " ".join(lines))
        print(f"USCC {area}: " + " ".join(uscc(rng, area, p) for p in ("91", "92", "11")))
    mobiles = [
        rng.choice(MOBILE_SEGMENTS) + f"{rng.randint(0, 99_999_999):08d}"
        for _ in range(args.n * 12)
    ]
    print("MOBILE: " + " ".join(mobiles))
    for bin_, length in BINS:
        print(f"BANK {bin_}/{length}: " + " ".join(make_card(rng, bin_, length) for _ in range(5)))
    print("FULLWIDTH sample: " + full_width(mobiles[0]))


if __name__ == "__main__":
    main()
