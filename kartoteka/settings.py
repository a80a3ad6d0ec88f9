"""Settings as data: one table drives the CLI options, `kartoteka settings` and docs.

Precedence, lowest first: default < ``kartoteka.toml`` (in the working
folder) < ``KARTOTEKA_<NAME>`` environment variable < command-line flag.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kartoteka.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "kartoteka.db", "the store: a SQLite file path, or a database URL"),
    Setting(
        "shared",
        "",
        "the shared material folder (seeds/, data/); default ../shared beside "
        "the project root",
    ),
    Setting("actor", "", "who is writing, recorded in every revision; default $USER"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _from_toml(name: str, config: Path) -> str | None:
    if not config.is_file():
        return None
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{config}: not valid TOML: {exc}") from exc
    value = data.get(name)
    return None if value is None else str(value)


def get(
    name: str, flag: str | None = None, config: Path = Path("kartoteka.toml")
) -> str:
    """The value of a setting, after every layer of precedence."""
    if flag is not None:
        return flag
    env = os.environ.get(f"KARTOTEKA_{name.upper()}")
    if env:
        return env
    from_file = _from_toml(name, config)
    return from_file if from_file is not None else _BY_NAME[name].default


def describe(config: Path = Path("kartoteka.toml")) -> list[tuple[str, str, str]]:
    """(name, value in force, help) for every setting."""
    return [(s.name, get(s.name, config=config), s.help) for s in SETTINGS]


def actor(flag: str | None = None) -> str:
    return get("actor", flag) or os.environ.get("USER") or "kartoteka"


def shared_dir(flag: str | None = None) -> Path:
    """The shared material folder, or a ConfigError saying what is missing."""
    given = get("shared", flag)
    candidate = Path(given) if given else PROJECT_ROOT.parent / "shared"
    if not candidate.is_dir():
        how = (
            "as KARTOTEKA_SHARED or --shared says"
            if given
            else "../shared beside the project"
        )
        raise ConfigError(
            f"the shared material folder is missing: {candidate} ({how}); "
            "set KARTOTEKA_SHARED to the folder that holds seeds/ and data/"
        )
    return candidate


def shared_path(relative: str, flag: str | None = None) -> Path:
    """A file inside the shared folder, or a ConfigError naming it."""
    path = shared_dir(flag) / relative
    if not path.exists():
        raise ConfigError(f"missing shared file: {path}")
    return path
