"""The registry of difference kinds: one module per kind, and everything derived from it (the
engine's detection and waterfall order, the report, the README table, assumption targets)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_recon import compare, loads
from casualty_recon.analysis import kinds as registry
from casualty_recon.analysis.engine import Engine
from casualty_recon.analysis.evidence import Evidence, dimension_key
from casualty_recon.analysis.kinds import Kind, Pair
from casualty_recon.analysis.report import is_shortfall
from casualty_recon.analysis.results import (
    Context,
    Difference,
    Found,
    PairResult,
    Quantity,
    afterword,
)
from casualty_recon.analysis.verdicts import catalogue_markdown
from casualty_recon.cli.app import app
from casualty_recon.load.assumption_reader import RATE_FIELDS, VALUE_FIELDS
from casualty_recon.load.schema import schema_json
from casualty_recon.model.claims import Claim
from casualty_recon.model.errors import InputError
from casualty_recon.model.spans import Span

FILE = """\
version: 1
sources:
  A: {kind: ngo}
  B: {kind: un}
claims:
  - {id: x, source: A, figure: "120", population: civilians, outcome: killed, area: Idlib,
     as_of: 2019-06-01, notes: red}
  - {id: y, source: B, figure: "100", population: civilians, outcome: killed, area: Idlib,
     as_of: 2019-06-01, notes: blue}
"""


def test_the_registry_holds_the_ten_kinds_in_waterfall_order() -> None:
    names = [kind.name for kind in registry.kinds()]
    assert names == [
        "bounds",
        "coverage",
        "records",
        "as_of",
        "start",
        "area",
        "population",
        "outcome",
        "perpetrators",
        "basis",
        "relay",
        "revision",
    ]
    orders = [kind.order for kind in registry.kinds()]
    assert orders == sorted(orders)
    assert registry.assumable() == (
        "as_of",
        "start",
        "area",
        "population",
        "outcome",
        "perpetrators",
        "basis",
    )


def test_the_loader_reads_the_values_of_every_assumable_kind() -> None:
    """The registry says which kinds an assumption may target and how (a daily rate or a
    from/to ratio); the loader, below analysis, must have a grammar for each one's values."""
    rate = {kind.name for kind in registry.kinds() if kind.assumable == "rate"}
    ratio = {kind.name for kind in registry.kinds() if kind.assumable == "ratio"}
    assert rate == set(RATE_FIELDS)
    assert ratio == set(VALUE_FIELDS)


def test_every_kind_closes_with_a_break_even() -> None:
    """A kind that can close a residual words its own break-even (`Kind.break_even`)."""
    for kind in registry.kinds():
        assert kind.closes == (kind.break_even is not None), kind.name


def test_every_kind_module_declares_its_entry_and_the_readme_lists_it() -> None:
    table = catalogue_markdown()
    for module in registry.MODULES:
        kind = module.KIND
        assert module.__name__.rsplit(".", 1)[1] == kind.name
        assert f"| `{kind.name}` | {kind.title} | {kind.pushes_up_when} |" in table


def _colour(pair: Pair) -> list[Found]:
    if pair.a.notes == pair.b.notes:
        return []
    difference = Difference(
        "colour", pair.a.notes or "", pair.b.notes or "", "wider", "up", True, "Red is wider."
    )
    return [Found(difference, Quantity(Span(1.2, 1.2), ("paint",), "by eye", True))]


def _notes(evidence: Evidence, value: str, claim: Claim) -> bool:
    """The toy kinds' matching of an assumption's from/to value: the claim's notes."""
    return claim.notes == value


@pytest.fixture
def toy() -> Iterator[Kind]:
    kind = registry.register(
        Kind("colour", "Different colours", "Red counts more.", "A is red", "", 75, _colour, True)
    )
    yield kind
    registry.unregister("colour")


def test_a_toy_kind_flows_through_detection_waterfall_report_and_readme(toy: Kind) -> None:
    sources = loads(FILE, "toy.yaml")
    report = compare(sources, pair=("x", "y"))
    pair = report.pairs[0]
    colour = [d for d in pair.differences if d.kind == "colour"]
    assert len(colour) == 1 and colour[0].effect == Span(20, 20)
    assert [s.kind for s in pair.steps] == ["colour"]
    assert pair.verdict == "explained"
    assert "| `colour` | Different colours | A is red | Red counts more. |" in catalogue_markdown()
    table = catalogue_markdown().splitlines()
    assert (
        table.index(next(r for r in table if "`colour`" in r))
        == table.index(next(r for r in table if "`perpetrators`" in r)) + 1
    )  # order 75: after perpetrators (70), before basis (80)
    document = report.to_dict()
    assert "colour" in json.dumps(document)


def test_a_toy_kind_open_to_assumptions_becomes_a_target(toy: Kind) -> None:
    registry.register(toy._replace(assumable="ratio", matches=_notes))
    assert "colour" in registry.assumable()
    schema = json.loads(schema_json(registry.assumable()))
    applies_to = schema["properties"]["assumptions"]["items"]["properties"]["applies_to"]
    assert applies_to == {"$ref": "#/definitions/applies_to"}
    enum = schema["definitions"]["applies_to"]["anyOf"][0]["enum"]
    assert enum == [*registry.assumable()] and enum.index("colour") == enum.index("basis") - 1
    sources = loads(
        FILE + "assumptions:\n  - {applies_to: colour, from: blue, to: red, ratio: [1, 2], "
        "reason: test}\n",
        "toy.yaml",
    )
    Engine(sources)  # accepted: the registry lets assumptions target it


def test_unknown_assumption_target_is_a_located_error_from_the_registry(tmp_path: Path) -> None:
    text = FILE + (
        "assumptions:\n"
        "  - applies_to: basiss\n"
        "    from: verified\n"
        "    to: reported\n"
        "    ratio: [1.3, 1.8]\n"
        "    reason: typo\n"
    )
    sources = loads(text, "bad.yaml")
    with pytest.raises(InputError) as caught:
        Engine(sources)
    assert str(caught.value) == (
        'error: bad.yaml:11:17: unknown applies_to value "basiss"\n'
        "  hint: did you mean basis? applies_to values: as_of, start, area, population, "
        "outcome, perpetrators, basis"
    )
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    for command in ("validate", "report"):
        result = CliRunner().invoke(app, [command, str(path)])
        assert result.exit_code == 1
        assert result.stdout == ""
        assert f"error: {path}:11:17: unknown applies_to value" in result.stderr
        assert "Traceback" not in result.stderr


def _dated_pair_with(kind: Kind) -> PairResult:
    """The toy file's pair x, y (both with a start) compared with `kind` registered."""
    registry.register(kind)
    try:
        dated = FILE.replace("as_of:", "start: 2019-01-01, as_of:")
        return compare(loads(dated, "toy.yaml"), pair=("x", "y")).pairs[0]
    finally:
        registry.unregister(kind.name)


def _lack(pair: Pair) -> list[Found]:
    difference = Difference("lack", "", "", "shortfall", "none", None, "B lacks some.", shortfall=7)
    return [Found(difference)]


def test_a_shortfall_is_read_from_the_difference_not_from_the_kind_name() -> None:
    """The unexplained verdict's reason and the report's pairs shown in full read a measured
    shortfall (`Difference.shortfall`) from whichever kind sets it, never the name `coverage`."""
    pair = _dated_pair_with(Kind("lack", "Lacking", "B lacks some.", "n/a", "", 16, _lack))
    assert [d.kind for d in pair.differences] == ["lack"]
    assert pair.verdict == "unexplained"
    assert "falls short in coverage by at least 7: counts are floors" in pair.reason
    assert is_shortfall(pair)


def test_a_kind_writes_its_sentence_once_from_the_engine_context() -> None:
    """What the waterfall learns of a difference (its applied effect, that its evidence runs
    against its direction) reaches the kind's writer as a `Context`; the engine appends
    nothing to a written sentence."""

    def detect(pair: Pair) -> list[Found]:
        def write(context: Context) -> str:
            return f"Paint moved b by {context.effect}; against: {context.against}."

        difference = Difference("paint", "", "", "narrower", "down", False, write(Context()))
        quantity = Quantity(Span(1.2, 1.2), ("paint",), "by eye", True)
        return [Found(difference, quantity, write)]

    pair = _dated_pair_with(Kind("paint", "Paint", "Paint.", "n/a", "", 75, detect))
    assert [d.sentence for d in pair.differences] == [
        "Paint moved b by +20 (by eye); against: raises."
    ]
    assert afterword(Context()) == ""
    assert afterword(Context(against="raises")) == (
        " The evidence runs the other way, so this effect raises b."
    )


def test_the_registry_checks_the_fields_a_toy_assumable_kind_needs(
    toy: Kind, tmp_path: Path
) -> None:
    """The loader has no grammar for a toy kind's values and keeps them as written; the
    registry's check still asks for the fields its `assumable` needs, located, in the loader's
    wording: a rate and no from/to/ratio, or from, to and a ratio and no rate."""
    registry.register(toy._replace(assumable="rate"))
    rate_text = FILE + "assumptions:\n  - {applies_to: colour, from: blue, reason: test}\n"
    with pytest.raises(InputError) as caught:
        Engine(loads(rate_text, "toy.yaml"))
    assert str(caught.value) == (
        "error: toy.yaml:11:5: assumption 1 on colour needs a daily `rate`\n"
        "  hint: for example: rate: [5, 8]   # deaths a day\n"
        "error: toy.yaml:11:26: `from` does not apply to a colour rate\n"
        "  hint: a time assumption has `rate` (a day) and optionally `source`"
    )
    registry.register(toy._replace(assumable="ratio", matches=_notes))
    # The kinds a rate applies to come from the registry: a toy rate kind is named with them.
    registry.register(toy._replace(name="pace", order=76, assumable="rate"))
    try:
        _check_ratio_fields(tmp_path)
    finally:
        registry.unregister("pace")


def _check_ratio_fields(tmp_path: Path) -> None:
    ratio_text = FILE + (
        "assumptions:\n  - {applies_to: colour, from: blue, rate: 2, reason: test}\n"
    )
    with pytest.raises(InputError) as caught:
        Engine(loads(ratio_text, "toy.yaml"))
    assert str(caught.value) == (
        "error: toy.yaml:11:5: assumption 1 on colour needs `to`\n"
        "  hint: for example: from: verified, to: reported, ratio: [1.3, 1.8]\n"
        "error: toy.yaml:11:5: assumption 1 on colour needs `ratio`\n"
        "  hint: for example: from: verified, to: reported, ratio: [1.3, 1.8]\n"
        "error: toy.yaml:11:38: `rate` applies to as_of, start or pace, not colour\n"
        "  hint: a share or basis assumption has from, to and ratio"
    )
    path = tmp_path / "toy.yaml"
    path.write_text(ratio_text, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {path}:11:5: assumption 1 on colour needs `to`\n")
    assert "Traceback" not in result.stderr


def _tint(pair: Pair) -> list[Found]:
    quantity = pair.evidence.assumed_ratio("tint", pair.a, pair.b)
    difference = Difference("tint", "", "", "wider", "up", True, "Tinted.")
    return [Found(difference, quantity)]


def test_a_toy_ratio_kind_matches_assumption_values_as_it_declares() -> None:
    """Which claims an assumption's from/to values name is the kind's own `matches`: a new
    ratio kind is never matched as an area (the old fall-through), and one without `matches`
    is refused at registration."""
    tint = Kind("tint", "Tint", "Tint.", "n/a", "", 75, _tint, assumable="ratio")
    with pytest.raises(ValueError, match="tint: assumable='ratio' needs `matches`"):
        registry.register(tint)
    registry.register(tint._replace(matches=_notes))
    try:
        text = FILE + (
            "assumptions:\n  - {applies_to: tint, from: blue, to: red, ratio: 1.2, reason: test}\n"
        )
        pair = compare(loads(text, "toy.yaml"), pair=("x", "y")).pairs[0]
    finally:
        registry.unregister("tint")
    tinted = [d for d in pair.differences if d.kind == "tint"]
    assert len(tinted) == 1 and tinted[0].effect == Span(20, 20)
    assert tinted[0].evidence == ("assumption:1",)
    with pytest.raises(ValueError, match="tint is not a share dimension"):
        dimension_key("tint", pair.a)
