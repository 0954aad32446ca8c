"""`load_document` (the library entry for plain Python data) accepts the values a `sources.yaml`
accepts, and rejects the same ones (issue 17, second pass: a float ratio was refused as text,
`not "1.3"`, while the file's `ratio: 1.3` was read). The claims are synthetic."""

from __future__ import annotations

import pytest

from casualty_recon.load.loader import load_document, loads
from casualty_recon.load.yaml_writer import sources_yaml
from casualty_recon.model.claims import Sources
from casualty_recon.model.errors import InputError


def _document(**extra: object) -> dict[str, object]:
    document: dict[str, object] = {
        "version": 1,
        "sources": {"A": {"kind": "ngo"}},
        "claims": [
            {
                "id": "a",
                "source": "A",
                "figure": "more than 730",
                "population": "civilians",
                "outcome": "killed",
                "area": "Idlib",
                "as_of": "2019-08-20",
                "basis": "reported",
            }
        ],
    }
    document.update(extra)
    return document


def _both(document: dict[str, object]) -> tuple[Sources, Sources]:
    """The document loaded as plain data and as the YAML file the writer makes of it."""
    return load_document(document, "plain"), loads(sources_yaml(document, "f.yaml"), "f.yaml")


def _basis(ratio: object) -> dict[str, object]:
    return {
        "applies_to": "basis",
        "from": "verified",
        "to": "reported",
        "ratio": ratio,
        "reason": "synthetic",
    }


@pytest.mark.parametrize(
    ("assumption", "field", "expected"),
    [
        (_basis(1.3), "ratio", (1.3, 1.3)),
        (_basis([1.3, 1.8]), "ratio", (1.3, 1.8)),
        (_basis([1, 1.5]), "ratio", (1.0, 1.5)),
        (_basis(2), "ratio", (2.0, 2.0)),
        ({"applies_to": "as_of", "rate": 12.5, "reason": "synthetic"}, "rate", (12.5, 12.5)),
    ],
    ids=["float", "float range", "int and float", "int", "float rate"],
)
def test_plain_data_takes_the_numbers_a_file_takes(
    assumption: dict[str, object], field: str, expected: tuple[float, float]
) -> None:
    plain, from_file = _both(_document(assumptions=[assumption]))
    assert getattr(plain.assumptions[0], field) == expected
    assert plain.assumptions == from_file.assumptions


def test_a_float_tolerance_and_a_float_figure_read_alike() -> None:
    document = _document(settings={"about_tolerance": 0.2})
    document["claims"][0]["figure"] = 730.0  # type: ignore[index]
    plain, from_file = _both(document)
    assert plain.about_tolerance == from_file.about_tolerance == 0.2
    assert plain.claims[0].figure == from_file.claims[0].figure
    assert (plain.claims[0].figure.low, plain.claims[0].figure.high) == (730, 730)


@pytest.mark.parametrize(
    "ratio",
    [float("inf"), float("nan"), -1.5, [1.8, 1.3], "1.3"],
    ids=["inf", "nan", "negative", "backwards", "text"],
)
def test_plain_data_rejects_what_a_file_rejects(ratio: object) -> None:
    with pytest.raises(InputError) as plain:
        load_document(_document(assumptions=[_basis(ratio)]), "plain")
    assert str(plain.value).startswith("error: plain:1:1: the ratio of assumption 1")
    with pytest.raises(InputError):
        loads(sources_yaml(_document(assumptions=[_basis(ratio)]), "f.yaml"), "f.yaml")
