"""`kartoteka names compare|key` as a user runs them."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kartoteka.interfaces.cli import cli


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), obj={})
    assert result.exit_code == 0, result.output
    return result.output


def test_compare_prints_score_match_and_explanation_as_json():
    out = json.loads(
        _run("names", "compare", "Тухачевского", "Toukhatchevski", "--json")
    )
    assert set(out) == {"score", "match", "explanation"}
    assert out["match"] is True and out["score"] == 1.0
    assert "french" in out["explanation"][0]
    apart = json.loads(
        _run(
            "names",
            "compare",
            "Иванов Иван Петрович",
            "Иванов Иван Сергеевич",
            "--json",
        )
    )
    assert apart["match"] is False and 0 <= apart["score"] < 0.85


def test_key_prints_the_parts_the_keys_and_the_romanizations():
    out = json.loads(_run("names", "key", "Тухачевского Михаила Николаевича", "--json"))
    assert out["readings"][0]["surname"] == "тухачевский"
    assert out["keys"]["surname"] == ["tuhačivski"]
    assert out["romanizations"]["BGN/PCGN"] == "Tukhachevskiy Mikhail Nikolayevich"
    assert (
        out["romanizations"]["ISO 9:1995 (GOST 7.79)"]
        == "Tuhačevskij Mihail Nikolaevič"
    )
    text = _run("names", "key", "M. N. Tukhachevsky")
    assert "surname: tukhachevsky" in text and "tuhačivski" in text
