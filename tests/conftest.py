from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))

# No test's outcome may depend on how busy the machine is (issue 9, item 7): Hypothesis's default
# 200 ms deadline per example failed a property test of numbers under load. Speed lives in
# `make bench`, as ratios; here every property test runs without a deadline or a too-slow check.
settings.register_profile(
    "casualty-recon", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("casualty-recon")


def pytest_collection_finish() -> None:
    """Every module the tests import is loaded by now and lives as long as the process: move
    them out of the garbage collector's sight (`gc.freeze`), so that its full collections during
    the run scan the objects the tests make, not the whole of pandas, Splink and matplotlib
    again each time (measured with gc.callbacks: 1.4 -> 0.9 s of CPU in full collections over
    the two workers of a run). Nothing is kept that would have been collected: these objects
    are never garbage."""
    import gc

    gc.collect()
    gc.freeze()
