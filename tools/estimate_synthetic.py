"""Each estimator's bias on synthetic populations of known size (the README's table).

python -m tools.estimate_synthetic prints a markdown table: for a population of 5,000 and four
lists recording 30%, 25%, 20% and 15% of it, each method's median estimate over `--runs`
populations, as a percentage of the truth, with the people's shared propensity to be recorded
(heterogeneity, the standard deviation on the logit scale) growing from 0 (independent lists).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import numpy as np

from casualty_recon.estimate import estimate_tables
from casualty_recon.estimate.synthetic import population_table

SIZE = 5_000
PROBABILITIES = (0.3, 0.25, 0.2, 0.15)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=10_000)
    args = parser.parse_args(argv)
    levels = (0.0, 0.5, 1.0, 1.5)
    results: dict[str, dict[float, list[float]]] = {}
    for level in levels:
        for run in range(args.runs):
            rng = np.random.default_rng([run, int(level * 10)])
            table = population_table(rng, SIZE, PROBABILITIES, heterogeneity=level)
            estimated = estimate_tables([table], seed=run, iterations=args.iterations)
            for _, e in estimated.rows():
                if e.ok and e.point is not None:
                    results.setdefault(e.label, {}).setdefault(level, []).append(e.point)
    print("| method | " + " | ".join(f"heterogeneity {level:g}" for level in levels) + " |")
    print("|---|" + "---:|" * len(levels))
    for label, by_level in results.items():
        cells = [
            f"{np.median(by_level[level]) / SIZE - 1:+.0%}" if level in by_level else ""
            for level in levels
        ]
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
