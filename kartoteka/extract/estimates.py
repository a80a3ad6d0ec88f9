"""Numbers that estimate something: "as many as 35,000 officers", "60-70 percent
of the officers", "the fantastic figure of 8,000,000".

A proposal's ``normalized`` reads modality, quantity and what was counted:
"as many as 35000 officers". Years, pages and single small numbers are not
estimates; a number is one when it is large (grouped by commas), a share
(percent), or said with a word of estimation.
"""

from __future__ import annotations

import re

from kartoteka.extract.annotation import Annotation

MODALITY = (
    "perhaps as many as", "as many as", "at least", "more than", "over",
    "nearly", "almost", "about", "around", "some", "up to", "roughly",
    "approximately",
)  # fmt: skip
_MODAL = "|".join(re.escape(m) for m in MODALITY)
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
ESTIMATE = re.compile(
    rf"(?:\b(?P<modality>{_MODAL}) |\bfigure of )?"
    rf"(?P<low>{_NUMBER})(?:\s*[-–]\s*(?P<high>{_NUMBER}))?"
    r"(?P<unit>\s*(?:percent|per cent|%))?"
    r"(?P<counted>(?: of(?: the| all)?)? [a-z]+(?:s|men|people)\b)?",
    re.IGNORECASE,
)


def _value(text: str) -> str:
    return text.replace(",", "")


def english_estimates(text: str) -> list[Annotation]:
    found = []
    for m in ESTIMATE.finditer(text):
        low, high, unit = m.group("low"), m.group("high"), m.group("unit")
        modality, counted = m.group("modality"), (m.group("counted") or "").strip()
        large = "," in low or (high is not None and "," in high)
        if not (large or unit or modality):
            continue
        if re.fullmatch(r"1[6-9]\d\d|20[0-2]\d", low) and not unit:
            continue  # a year
        quantity = _value(low) + (f"-{_value(high)}" if high else "")
        words = [
            modality and modality.lower(),
            quantity,
            "percent" if unit else None,
            counted,
        ]
        found.append(
            Annotation(
                "estimate",
                m.group(0).strip(),
                m.start(),
                m.start() + len(m.group(0).rstrip()),
                normalized=" ".join(w for w in words if w),
                confidence=0.6,
                rule="estimate:en",
            )
        )
    return found
