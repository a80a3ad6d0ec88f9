"""The only package that touches the database."""

from kartoteka.storage.store import Store
from kartoteka.storage.writer import Change, Writer

__all__ = ["Change", "Store", "Writer"]
