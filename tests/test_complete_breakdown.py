"""`complete: true` on a breakdown's whole says its parts add up to it (SOURCES_FORMAT.md,
"Additions"). Parts that split the whole along one dimension and certainly add up to more than
it are an error at the `complete` key; parts that certainly add up to less are a note. All
figures here are synthetic."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from casualty_recon import loads
from casualty_recon.cli.app import app
from casualty_recon.model.errors import InputError

runner = CliRunner()

HEAD = """version: 1
# synthetic figures, invented for this test
parties:
  pro-government: [Syrian government, Russian forces]
sources:
  C: {name: Agency C}
claims:
"""


def claim(claim_id: str, figure: str, **fields: str) -> str:
    values = {
        "population": "civilians",
        "outcome": "killed",
        "area": "Syria",
        "as_of": "2020-02-01",
        **fields,
    }
    lines = [f"  - id: {claim_id}", "    source: C", f"    figure: {figure}"]
    lines += [f"    {key}: {value}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def whole(figure: str = "1,000", **fields: str) -> str:
    return claim("w", figure, complete="true", **fields)


def text(*claims: str) -> str:
    return HEAD + "".join(claims)


OVER = text(
    whole(),
    claim("p1", "700", perpetrators="Russian forces", breakdown_of="w"),
    claim("p2", "600", perpetrators="Islamic State", breakdown_of="w"),
)


def test_parts_adding_up_to_more_than_a_complete_whole_are_an_error_at_complete() -> None:
    result = runner.invoke(app, ["validate", "-", "--format", "plain"], input=OVER)
    assert result.exit_code == 1
    assert result.stdout == ""
    line = OVER.splitlines().index("    complete: true") + 1
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"error: <stdin>:{line}:15: `w` (1,000) says `complete: true`, but its parts by "
        "perpetrators, `p1` (700) and `p2` (600), add up to at least 1,300"
    )
    assert lines[1].startswith("  hint: the parts that split a complete whole")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("parts", "total"),
    [
        # floors: "more than 700" and "more than 600" are at least 701 and 601
        (("more than 700", "more than 600"), "at least 1,302"),
        # a range adds its low end
        (("between 500 and 800", "600"), "at least 1,100"),
    ],
)
def test_floors_and_ranges_add_up_by_their_low_ends(parts: tuple[str, str], total: str) -> None:
    with pytest.raises(InputError) as caught:
        loads(
            text(
                whole(),
                claim("p1", parts[0], population="children", breakdown_of="w"),
                claim("p2", parts[1], population="women", breakdown_of="w"),
            ),
            "case.yaml",
        )
    assert caught.value.problems[0].code == "bad-breakdown"
    assert f"add up to {total}" in str(caught.value)


@pytest.mark.parametrize(
    "document",
    [
        # floors may add up to the whole
        text(
            whole(),
            claim("p1", "more than 300", population="children", breakdown_of="w"),
            claim("p2", "more than 200", population="women", breakdown_of="w"),
        ),
        # an approximate whole: about 1,000 is 900 to 1,100
        text(
            whole("about 1,000"),
            claim("p1", "500", population="children", breakdown_of="w"),
            claim("p2", "450", population="women", breakdown_of="w"),
        ),
        # a part inside another part is not added: children are civilians
        text(
            whole(population="people"),
            claim("p1", "800", population="children", breakdown_of="w"),
            claim("p2", "900", population="civilians", breakdown_of="w"),
            claim("p3", "100", population="combatants", breakdown_of="w"),
        ),
        # places: Idlib and Hama make 1,000; Khan Shaykhun lies in Idlib
        text(
            whole(area="[Idlib, Hama]"),
            claim("p1", "700", area="Idlib", breakdown_of="w"),
            claim("p2", "300", area="Hama", breakdown_of="w"),
            claim("p3", "650", area="Khan Shaykhun", breakdown_of="w"),
        ),
    ],
)
def test_parts_that_can_add_up_to_the_whole_load(document: str) -> None:
    sources = loads(document, "case.yaml")
    assert sources.claim("w").complete is True
    assert [note for note in sources.notes if "complete" in note.message] == []


def test_overlapping_parts_are_not_summed() -> None:
    # health workers may be women: 700 and 600 of 1,000 is possible
    sources = loads(
        text(
            whole(),
            claim("p1", "700", population="women", breakdown_of="w"),
            claim("p2", "600", population="health workers", breakdown_of="w"),
        ),
        "case.yaml",
    )
    assert len(sources.claims) == 3


def test_parts_on_two_dimensions_or_another_day_are_no_split_of_the_whole() -> None:
    sources = loads(
        text(
            whole(),
            claim("p1", "700", perpetrators="Russian forces", breakdown_of="w"),
            claim(
                "p2", "600", population="children", perpetrators="Islamic State", breakdown_of="w"
            ),
            claim("p3", "600", perpetrators="Islamic State", as_of="2020-01-01", breakdown_of="w"),
        ),
        "case.yaml",
    )
    assert len(sources.claims) == 4


def test_parts_adding_up_to_less_than_a_complete_whole_are_a_note() -> None:
    document = text(
        whole(),
        claim("p1", "600", perpetrators="Russian forces", breakdown_of="w"),
        claim("p2", "up to 200", perpetrators="Islamic State", breakdown_of="w"),
    )
    result = runner.invoke(app, ["validate", "-", "--format", "plain"], input=document)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<stdin>: 3 claims")
    line = document.splitlines().index("    complete: true") + 1
    assert result.stderr == (
        f"note: <stdin>:{line}:15: `w` (1,000) says `complete: true`, but its parts by "
        "perpetrators, `p1` (600) and `p2` (up to 200), add up to at most 800: each part is "
        "read as all of its kind and the rest as none of them; add the missing parts, or "
        "remove `complete: true`\n"
    )


def test_an_open_part_never_adds_up_to_less() -> None:
    sources = loads(
        text(
            whole(), claim("p1", "more than 600", perpetrators="Russian forces", breakdown_of="w")
        ),
        "case.yaml",
    )
    assert not [note for note in sources.notes if "complete" in note.message]
