"""The engines record linkage runs on (`lists link --engine`): DuckDB in process, or Spark.

The one list of them: `lists.link` dispatches on them, the command line offers them. A module of
its own, importing nothing, so the command can build its choices without pandas or Splink.
"""

from __future__ import annotations

__all__ = ["ENGINES"]

ENGINES: tuple[str, ...] = ("duckdb", "spark")
