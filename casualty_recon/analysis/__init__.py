"""Layer 4: pure functions over the model: scope relations, timelines, pairs, the explanation
engine and the report object.

Imports `model`, `grammar` and `load`; never `render`, `cli`, typer or rich.
"""
