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
