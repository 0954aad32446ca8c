"""The README: its generated sections match the code, and it starts with the two commands."""

from __future__ import annotations

from pathlib import Path

from golden_helpers import REWRITE
from readme_sections import SECTIONS, pattern, render

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_starts_with_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    first_block = text.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_generated_sections_are_current() -> None:
    text = README.read_text(encoding="utf-8")
    fresh = render(text)
    if REWRITE:
        README.write_text(fresh, encoding="utf-8")
        return
    for name in SECTIONS:
        current = pattern(name).search(text)
        expected = pattern(name).search(fresh)
        assert current and expected
        assert current.group(2) == expected.group(2), (
            f"README section {name!r} is stale: run `make golden`"
        )
