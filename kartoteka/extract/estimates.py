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


_YEAR = re.compile(r"1[6-9]\d\d|20[0-2]\d")


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _plain(number: float) -> str:
    return str(int(number)) if number.is_integer() else str(number)


def _estimate(
    m: re.Match[str],
    words: str,
    number: tuple[float, float | None],
    percent: bool,
    modality: str | None,
    counted: str,
    lang: str,
) -> Annotation:
    """One proposal: ``normalized`` reads modality, quantity and what was
    counted as written; ``details`` the quantity as a claim's value reads it."""
    low, high = number
    what = re.sub(r"^of(?: the| all)? ", "", counted) or None
    quantity = _plain(low) + (f"-{_plain(high)}" if high is not None else "")
    details: dict[str, object] = {
        **({"value": low} if high is None else {"low": low, "high": high}),
        "unit": "percent" if percent else what,
        "counted": what,
    }
    if modality:
        details["modality"] = modality.lower()
        certainties = _CERTAINTY if lang == "en" else _RU_CERTAINTY
        details["certainty"] = certainties.get(modality.lower(), "certain")
    said = [modality and modality.lower(), quantity, "percent" if percent else None]
    return Annotation(
        "estimate",
        words,
        m.start(),
        m.start() + len(words),
        normalized=" ".join(w for w in [*said, counted] if w),
        confidence=0.6,
        rule=f"estimate:{lang}",
        details=details,
    )


def english_estimates(text: str) -> list[Annotation]:
    found = []
    for m in ESTIMATE.finditer(text):
        low, high, unit = m.group("low"), m.group("high"), m.group("unit")
        modality, counted = m.group("modality"), (m.group("counted") or "").strip()
        large = "," in low or (high is not None and "," in high)
        if not (large or unit or modality):
            continue
        if _YEAR.fullmatch(low) and not unit:
            continue
        number = (_number(low), _number(high) if high else None)
        words = m.group(0).strip()
        found.append(_estimate(m, words, number, bool(unit), modality, counted, "en"))
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
        if _YEAR.fullmatch(low) and not (scale or percent):
            continue
        words = m.group(0).rstrip()
        if not counted and m.group("counted"):
            words = words[: len(words) - len(m.group("counted"))].rstrip()
        number = (_ru_value(low, scale), _ru_value(high, scale) if high else None)
        found.append(_estimate(m, words, number, percent, modality, counted, "ru"))
    return found
