from __future__ import annotations

from pathlib import Path

import pytest

from kartoteka import settings
from kartoteka.errors import ConfigError


def test_precedence_is_default_then_file_then_environment_then_flag(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("KARTOTEKA_DB", raising=False)
    config = tmp_path / "kartoteka.toml"
    assert settings.get("db", config=config) == "kartoteka.db"
    config.write_text('db = "from-file.db"\n', encoding="utf-8")
    assert settings.get("db", config=config) == "from-file.db"
    monkeypatch.setenv("KARTOTEKA_DB", "from-env.db")
    assert settings.get("db", config=config) == "from-env.db"
    assert settings.get("db", "from-flag.db", config=config) == "from-flag.db"


def test_a_broken_settings_file_is_a_config_error(tmp_path, monkeypatch):
    monkeypatch.delenv("KARTOTEKA_DB", raising=False)
    config = tmp_path / "kartoteka.toml"
    config.write_text("db = = x", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        settings.get("db", config=config)


def test_the_shared_folder_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("KARTOTEKA_SHARED", str(tmp_path))
    assert settings.shared_dir() == tmp_path


def test_a_missing_shared_folder_says_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("KARTOTEKA_SHARED", str(tmp_path / "nowhere"))
    with pytest.raises(
        ConfigError, match=r"shared material folder is missing.*KARTOTEKA_SHARED"
    ):
        settings.shared_dir()


def test_a_missing_shared_file_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("KARTOTEKA_SHARED", str(tmp_path))
    with pytest.raises(ConfigError, match=str(Path("seeds") / "x.txt")):
        settings.shared_path("seeds/x.txt")
