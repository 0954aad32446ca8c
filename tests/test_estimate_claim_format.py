"""`estimate --claim` and the output format. The overlap counts are SYNTHETIC,
invented for the tests. Each test failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_recon.cli.app import app

SCOPE = (
    "--claim", "--source", "TESTA", "--population", "people", "--outcome", "killed",
    "--area", "Kosovo", "--as-of", "1999-06-20", "-m", "chapman",
)  # fmt: skip


def _counts(tmp_path: Path) -> Path:
    path = tmp_path / "two.csv"
    path.write_text("A,B,count\n1,0,60\n0,1,40\n1,1,20\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "table", "plain"])
def test_a_claim_with_another_format_is_a_usage_error(tmp_path: Path, fmt: str) -> None:
    """`estimate --claim --format json` wrote YAML all the same, with exit 0."""
    result = CliRunner().invoke(app, ["estimate", str(_counts(tmp_path)), *SCOPE, "-f", fmt])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"error: --claim writes a claim for sources.yaml (YAML), not {fmt}\n  hint: "
    )


@pytest.mark.parametrize("name", ["claim.json", "claim.csv", "claim.md"])
def test_a_claim_to_a_file_named_for_another_format_is_a_usage_error(
    tmp_path: Path, name: str
) -> None:
    """`-o claim.json` (the format follows the suffix, the README says) got YAML."""
    out = tmp_path / name
    args = ["estimate", str(_counts(tmp_path)), *SCOPE, "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"error: --claim writes a claim for sources.yaml (YAML), but {name} names another format"
    )
    assert not out.exists()


@pytest.mark.parametrize("name", ["claim.yaml", "claim.yml", "claim.txt", "claim"])
def test_a_claim_goes_to_a_yaml_or_plain_file(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    args = ["estimate", str(_counts(tmp_path)), *SCOPE, "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "basis: estimated" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["estimate", str(_counts(tmp_path)), *SCOPE, "-f", "auto"])
    assert result.exit_code == 0 and "basis: estimated" in result.stdout
