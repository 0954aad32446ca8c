"""The estimation methods a user can pick (`estimate --method`), in the order they are printed.

The one list of them: `estimate.run` runs them, the command line offers them. A module of its
own, importing nothing, so the command can build its choices without numpy.
"""

from __future__ import annotations

__all__ = ["METHODS"]

METHODS: tuple[str, ...] = ("lincoln-petersen", "chapman", "loglinear", "bma", "latent-class")
