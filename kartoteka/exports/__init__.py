"""Exports that other parts and outside checks rely on (see docs/export.md)."""
