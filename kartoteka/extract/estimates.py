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


# Russian: "около 40 тысяч офицеров", "не менее 680 тыс. человек", "свыше
# 1,5 млн", "60–70 % командиров".
RU_MODALITY = (
    "по разным оценкам", "по оценкам", "около", "примерно", "приблизительно",
    "не менее", "не более", "более", "свыше", "почти", "до",
)  # fmt: skip
_RU_CERTAINTY = {
    "около": "probable", "примерно": "probable", "приблизительно": "probable",
    "почти": "probable", "по оценкам": "probable", "по разным оценкам": "probable",
}  # fmt: skip
_RU_NUMBER = r"\d{1,3}(?:[  ]\d{3})+|\d+(?:,\d+)?"
_SCALE = {"тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3,
          "млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6}  # fmt: skip
RU_ESTIMATE = re.compile(
    rf"(?:(?<![\w-])(?P<modality>{'|'.join(re.escape(m) for m in RU_MODALITY)}) )?"
    rf"(?<![\w,.-])(?P<low>{_RU_NUMBER})(?:\s*[-–—]\s*(?P<high>{_RU_NUMBER}))?"
    r"(?:\s*(?P<scale>тыс\.|тысяч[аи]?|млн\.?|миллион(?:а|ов)?)(?!\w))?"
    r"(?P<unit>\s*(?:%|процент(?:а|ов)?(?!\w)))?"
    r"(?P<counted>(?: [а-яё]+){1})?",
    re.IGNORECASE,
)
# Words after a number that make it a date, an age or a term, not an estimate.
_NOT_COUNTED = re.compile(
    r"^(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
    r"|ноября|декабря|лет|года?|годах?|месяц\w*|дн\w+|г|гг|ст|статьи)$"
)


def _ru_value(text: str, scale: str | None) -> float:
    number = float(re.sub(r"[  ]", "", text).replace(",", "."))
    return number * _SCALE.get((scale or "").rstrip(".").lower(), 1)


def russian_estimates(text: str) -> list[Annotation]:
    found = []
    for m in RU_ESTIMATE.finditer(text):
        low, high, scale = m.group("low"), m.group("high"), m.group("scale")
        modality, percent = m.group("modality"), bool(m.group("unit"))
        counted = (m.group("counted") or "").strip()
        if _NOT_COUNTED.match(counted.lower()):
            counted = ""
            if not (scale or percent):
                continue  # "12 июня", "8 лет", "ст. 58"
        grouped = bool(re.search(r"\d[  ]\d{3}", low))
        if not (scale or percent or grouped or (modality and counted)):
            continue
        if re.fullmatch(r"1[6-9]\d\d|20[0-2]\d", low) and not (scale or percent):
            continue  # a year
        values = (
            {"low": _ru_value(low, scale), "high": _ru_value(high, scale)}
            if high
            else {"value": _ru_value(low, scale)}
        )
        details: dict[str, object] = {
            **values,
            "unit": "percent" if percent else (counted or None),
            "counted": counted or None,
        }
        if modality:
            details["modality"] = modality.lower()
            details["certainty"] = _RU_CERTAINTY.get(modality.lower(), "certain")
        words = m.group(0).rstrip()
        if not counted and m.group("counted"):
            words = words[: len(words) - len(m.group("counted"))].rstrip()
        found.append(
            Annotation(
                "estimate",
                words,
                m.start(),
                m.start() + len(words),
                normalized=" ".join(
                    str(w) for w in (modality, _quantity(values), details["unit"]) if w
                ),
                confidence=0.6,
                rule="estimate:ru",
                details=details,
            )
        )
    return found


def _quantity(values: dict[str, float]) -> str:
    def plain(x: float) -> str:
        return str(int(x)) if x.is_integer() else str(x)

    if "value" in values:
        return plain(values["value"])
    return f"{plain(values['low'])}-{plain(values['high'])}"
