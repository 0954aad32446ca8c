"""Golden files: what users see, compared byte for byte.

`make golden` (CASUALTY_RECON_GOLDEN=rewrite) rewrites them on purpose; review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
REWRITE = os.environ.get("CASUALTY_RECON_GOLDEN") == "rewrite"


def check_golden(name: str, actual: str | bytes) -> None:
    path = GOLDEN / name
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if REWRITE or not path.exists():
        if not REWRITE:
            raise AssertionError(
                f"golden file {path} is missing; run `make golden` to create it, then review it"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    expected = path.read_bytes()
    if data != expected:
        raise AssertionError(
            f"output differs from {path} (run `make golden` if the change is intended)\n"
            f"--- expected\n{expected.decode('utf-8', 'replace')}\n"
            f"--- actual\n{data.decode('utf-8', 'replace')}"
        )
