"""Settings as data: one table drives the CLI options, `kartoteka settings` and docs.

Precedence, lowest first: default < ``kartoteka.toml`` (in the working
folder) < ``KARTOTEKA_<NAME>`` environment variable < command-line flag.
"""

from __future__ import annotations

import os
import pwd
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kartoteka.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CONFIG = Path("kartoteka.toml")


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
    Setting(
        "actor",
        "",
        "who is writing, recorded in every revision; default the operating "
        "system's account name",
    ),
    Setting(
        "link_memory",
        "2GB",
        "the memory DuckDB may hold while linking 500,000 persons or more, "
        "beyond which it works from disk (more is quicker)",
    ),
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


def get(name: str, flag: str | None = None, config: Path = CONFIG) -> str:
    """The value of a setting, after every layer of precedence."""
    if flag is not None:
        return flag
    env = os.environ.get(f"KARTOTEKA_{name.upper()}")
    if env:
        return env
    from_file = _from_toml(name, config)
    return from_file if from_file is not None else _BY_NAME[name].default


def origin(name: str, flag: str | None = None, config: Path = CONFIG) -> str:
    """Where a setting's value in force comes from: flag, environment, file, default."""
    if flag is not None:
        return "command-line flag"
    if os.environ.get(f"KARTOTEKA_{name.upper()}"):
        return f"KARTOTEKA_{name.upper()}"
    if _from_toml(name, config) is not None:
        return str(config)
    return "default"


def describe(config: Path = CONFIG) -> list[tuple[str, str, str, str]]:
    """(name, value in force, where it comes from, help) for every setting."""
    rows = []
    for s in SETTINGS:
        value, source = get(s.name, config=config), origin(s.name, config=config)
        if s.name == "actor" and not value:
            value, source = actor_and_origin(config=config)
        rows.append((s.name, value, source, s.help))
    return rows


def actor(flag: str | None = None) -> str:
    """Who is writing: the flag or setting, else the operating system's account."""
    return actor_and_origin(flag)[0]


def actor_and_origin(flag: str | None = None, config: Path = CONFIG) -> tuple[str, str]:
    """The actor and where the name came from (a setting, or the account)."""
    if given := get("actor", flag, config=config):
        return given, origin("actor", flag, config=config)
    for variable in ("USER", "LOGNAME", "USERNAME"):
        if name := os.environ.get(variable):
            return name, f"${variable}"
    try:
        return pwd.getpwuid(os.getuid()).pw_name, "the operating system's account"
    except (KeyError, OSError):  # a uid with no account entry, as in some containers
        return f"uid {os.getuid()}", "the process's user id (no account name)"


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
