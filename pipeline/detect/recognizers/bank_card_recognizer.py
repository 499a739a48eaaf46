"""Bank card and account numbers (BANK_CARD): 16-19 digits, Luhn, issuer prefix, keywords."""

from __future__ import annotations

import re
from typing import ClassVar

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.recognizers.validators import card_issuer, id18_ok, keyword_before, luhn_ok
from pipeline.document import Detection

# Groups of 4 separated by spaces or hyphens are joined by the normaliser before we look.
_CARD = re.compile(r"[0-9](?<![0-9A-Za-z*×][0-9])[0-9]{15,18}(?![0-9A-Za-z*×])")
_CUE = re.compile(
    r"银行卡号|银行账号|银行帐号|卡号|账号|帐号|账户|帐户|开户行|开户银行|开户|银行卡|存折|银行"
)
_WINDOW = 16
# A run right after a phone keyword or an area code is phone numbers typed together
# ((010)8420736784207338, 电话：0311-675634391863216608), not a card: no card keyword, no card.
_PHONE_CUE = re.compile(r"电话|传真|手机|座机|联系方式|Tel|TEL|tel|Phone|phone|热线")
_AREA_CODE_BEFORE = re.compile(r"(?:\(0[1-9][0-9]{1,2}\)|0[1-9][0-9]{1,2}[-—–一 ]{1,2})$")


class BankCardRecognizer(Recognizer):
    """Reports a run only if it passes Luhn or sits next to a card/account keyword."""

    name: ClassVar[str] = "BankCardRecognizer"
    entities: ClassVar[tuple[str, ...]] = ("BANK_CARD",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        found: list[Detection] = []
        for m in _CARD.finditer(text):
            s, e = m.span()
            digits = m.group()
            keyword = keyword_before(text, s, _CUE, _WINDOW)
            if len(digits) == 18 and not keyword and id18_ok(digits):
                continue  # a resident ID: IdCardRecognizer reports it
            if ctx.excluded(s, e):
                continue
            if not keyword and (
                _AREA_CODE_BEFORE.search(text, max(0, s - 6), s)
                or keyword_before(text, s, _PHONE_CUE, 10)
            ):
                continue
            luhn = luhn_ok(digits)
            issuer = card_issuer(digits)
            if luhn and (issuer or keyword):
                score = 0.97 if issuer and keyword else 0.92
            elif luhn:
                score = 0.5  # Luhn alone: one random digit run in ten passes it
            elif keyword:
                score = 0.6  # accounts (对公账户) need not pass Luhn
            else:
                continue
            parts = [f"{len(digits)}位", "Luhn校验通过" if luhn else "Luhn校验未通过"]
            if issuer:
                parts.append(f"卡BIN属{issuer}")
            if keyword:
                parts.append(f"关键词“{keyword}”")
            attrs = {
                "validated": luhn and bool(issuer or keyword),
                "keyword": keyword,
                "luhn": luhn,
                "issuer": issuer,
            }
            found.append(Detection("BANK_CARD", s, e, score, self.name, "，".join(parts), attrs))
        return found
