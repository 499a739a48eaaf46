"""The default set of recognizers, in one place.

Imports happen inside :func:`default_recognizers` so that importing the package stays cheap.
"""

from __future__ import annotations

from pipeline.detect.base import Recognizer


def identifier_recognizers() -> list[Recognizer]:
    """The structured-identifier recognizers (numbers, accounts, online ids, plates)."""
    from pipeline.detect.recognizers.bank_card_recognizer import BankCardRecognizer
    from pipeline.detect.recognizers.id_card_recognizer import IdCardRecognizer
    from pipeline.detect.recognizers.license_plate_recognizer import LicensePlateRecognizer
    from pipeline.detect.recognizers.online_id_recognizer import (
        EmailRecognizer,
        IpAddressRecognizer,
        QQRecognizer,
        WechatRecognizer,
    )
    from pipeline.detect.recognizers.passport_recognizer import PassportRecognizer
    from pipeline.detect.recognizers.phone_recognizer import LandlineRecognizer, MobileRecognizer

    return [
        IdCardRecognizer(),
        MobileRecognizer(),
        LandlineRecognizer(),
        BankCardRecognizer(),
        EmailRecognizer(),
        QQRecognizer(),
        WechatRecognizer(),
        IpAddressRecognizer(),
        PassportRecognizer(),
        LicensePlateRecognizer(),
    ]


def default_recognizers(with_model: bool | None = None) -> list[Recognizer]:
    """Every built-in recognizer, ready to use (rosters and every person recognizer, the
    model's too, before sensitive categories, which link to names and roster rows).
    ``with_model``: add the NER cascade (default: unless ``ZWGK_NER`` turns it off); it is
    skipped with a warning when no model can be loaded."""
    from pipeline.detect.recognizers.address_recognizer import AddressRecognizer
    from pipeline.detect.recognizers.person_recognizer import PersonRecognizer
    from pipeline.detect.recognizers.public_lines import PublicLineRecognizer
    from pipeline.detect.recognizers.roster_recognizer import RosterRecognizer
    from pipeline.detect.recognizers.sensitive_recognizer import SensitiveCategoryRecognizer

    found: list[Recognizer] = [
        *identifier_recognizers(),
        RosterRecognizer(),
        PersonRecognizer(),
        AddressRecognizer(),
        PublicLineRecognizer(),
    ]
    from pipeline.detect.recognizers.ner_recognizer import load_default, ner_enabled

    if ner_enabled() if with_model is None else with_model:
        model = load_default()
        if model is not None:
            found.append(model)
    # last: a disease or a record is linked to names the model found too (兀志芳，重度失能)
    found.append(SensitiveCategoryRecognizer())
    return found


def default_exclusion_finder():
    """The function that marks spans known not to be personal information."""
    from pipeline.detect.recognizers.exclusions import find_exclusions

    return find_exclusions
