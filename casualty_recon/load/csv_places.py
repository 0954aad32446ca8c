"""Places as a claims CSV writes them: `area_places` gives each place as its code (`southern
SY-ID`); `area` and the re-created `areas:` as a user would write it (`southern Idlib`)."""

from __future__ import annotations

from casualty_recon.grammar.places import Gazetteer, display_name
from casualty_recon.model.errors import GrammarError

PlaceKey = tuple[str, str]  # (code, part or "")


def place_code(key: PlaceKey) -> str:
    """A place as area_places writes it: `southern SY-ID`."""
    code, part = key
    return f"{part} {code}" if part else code


def place_text(key: PlaceKey) -> str:
    """A place as a user would write it (`southern Idlib`), or its code when the name is
    ambiguous or unknown to the gazetteer."""
    code, part = key
    try:
        name = display_name(code)
        if Gazetteer().resolve(name) != Gazetteer().resolve(code):
            name = code
    except (KeyError, GrammarError):
        name = code
    return f"{part} {name}" if part else name
