"""Peak resident memory of this process, for the benchmarks.

On Linux from /proc (VmHWM), which starts afresh in a spawned process: `ru_maxrss` does not
(Linux keeps it across exec), so a child of a large benchmark process reported its parent's
peak (every extract growth row said 1,088 MB after the events piece had run)."""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024
