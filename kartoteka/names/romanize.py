"""Cyrillic names in Latin letters under the usual schemes (iuliia)."""

from __future__ import annotations

import iuliia

SCHEMES = {
    "BGN/PCGN": iuliia.BGN_PCGN,
    "ALA-LC": iuliia.ALA_LC,
    "ISO 9:1995 (GOST 7.79)": iuliia.GOST_779,
    "Wikipedia": iuliia.WIKIPEDIA,
    "Scientific": iuliia.SCIENTIFIC,
    "MVD 782 (passports)": iuliia.MVD_782,
    "ICAO Doc 9303": iuliia.ICAO_DOC_9303,
}


def romanize(text: str) -> dict[str, str]:
    """The name under each scheme; a name already in Latin letters is returned as is."""
    return {label: schema.translate(text) for label, schema in SCHEMES.items()}
