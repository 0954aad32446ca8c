"""The event dataset layouts: one module each, and the only list of event dataset kinds.

A layout is a module here named after its kind (`ged.py` for `--kind ged`) that defines
`LAYOUT` (an `events.layout.Layout`). `KINDS` is read from the module files of this folder,
without importing them (the CLI builds its `--kind` choices from it at start-up, where numpy and
pyarrow would cost too much), in the order of their names; `layouts()` imports them. Adding a
layout is adding its module: detection, `--kind`, the messages that list the datasets and the
tests that check the docs follow from here.
"""

from __future__ import annotations

import importlib
import os
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casualty_recon.events.layout import Layout

KINDS: tuple[str, ...] = tuple(
    sorted(
        {
            entry.name.removesuffix(".py")
            for folder in __path__
            for entry in os.scandir(folder)
            if entry.name.endswith(".py") and not entry.name.startswith("_")
        }
    )
)


@cache
def layouts() -> dict[str, Layout]:
    """Every layout, by kind (imports the layout modules on first use)."""
    found: dict[str, Layout] = {}
    for kind in KINDS:
        layout: Layout = importlib.import_module(f"{__name__}.{kind}").LAYOUT
        if layout.kind != kind:  # pragma: no cover - checked by the tests
            raise RuntimeError(f"layout module {kind} declares kind {layout.kind!r}")
        found[kind] = layout
    return found
