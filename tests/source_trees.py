"""The package's modules parsed once a test process.

test_layers and test_error_templates both walk the syntax of every module (parsing the package
and tools takes 0.7 s under load); they share the walk of each source text through this cache.
"""

from __future__ import annotations

import ast
import functools


@functools.cache
def walked(source: str) -> tuple[ast.AST, ...]:
    """Every node of `source`'s syntax tree, in `ast.walk` order (read them, never change them)."""
    return tuple(ast.walk(ast.parse(source)))
