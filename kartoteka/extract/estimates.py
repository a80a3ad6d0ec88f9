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


# How firmly the words put the number ("perhaps" → possible).
_CERTAINTY = {
    "perhaps as many as": "possible",
    "nearly": "probable", "almost": "probable", "about": "probable",
    "around": "probable", "some": "probable", "roughly": "probable",
    "approximately": "probable",
}  # fmt: skip


def _value(text: str) -> str:
    return text.replace(",", "")


def _details(
    low: str, high: str | None, percent: bool, modality: str | None, counted: str
) -> dict[str, object]:
    """The quantity as a claim's value reads it."""
    what = re.sub(r"^of(?: the| all)? ", "", counted)
    number = (
        {"low": float(_value(low)), "high": float(_value(high))}
        if high
        else {"value": float(_value(low))}
    )
    details: dict[str, object] = {
        **number,
        "unit": "percent" if percent else (what or None),
        "counted": what or None,
    }
    if modality:
        details["modality"] = modality.lower()
        details["certainty"] = _CERTAINTY.get(modality.lower(), "certain")
    return details


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
                details=_details(low, high, bool(unit), modality, counted),
            )
        )
    return found
