"""The linkage benchmark of `make bench` (issue 14 part 5): our linkage of two lists end to end
against Splink's own DuckDB run of the same settings on the same files, as a ratio.

Two pairs: a synthetic pair of SIZE-record lists (tools/lists_synthetic.py, generated from the
real name and age distributions; 1,000,000 by default, `--size` or CASUALTY_RECON_LIST_SIZE to
change it) and the two Gaza releases (34,530 records) where ../shared/data/lists has them.

Each run is a child process (`python -m tools.lists_bench ours|splink A B`) so its peak memory is
its own (`tools.peak`: Linux VmHWM, which counts DuckDB's threads too and, unlike `ru_maxrss`,
is not inherited from the parent); progress goes to stderr. Ours is
`read_list` and `link_lists` (IDs hidden, as `make eval-link` does) and the one-to-one links at
the default threshold; the anchor reads and prepares the same records, then trains and scores
with Splink's own calls (the same settings and training steps) and clusters with Splink's
single-best-links. On the synthetic pair ours is also scored against the generator's truth.

`python -m tools.lists_bench --size 100000` runs just this piece of `make bench`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tools.eval_link import COLUMNS, RELEASES
from tools.peak import peak_rss_mb

ROOT = Path(__file__).resolve().parent.parent
GAZA = ROOT.parent / "shared" / "data" / "lists"
GAZA_FILES = RELEASES  # the two releases make eval-link scores, read with its columns
GAZA_COLUMNS = COLUMNS
DEFAULT_SIZE = 1_000_000
SIZE_VARIABLE = "CASUALTY_RECON_LIST_SIZE"


STARTED_VARIABLE = "CASUALTY_RECON_LIST_BENCH_STARTED"  # the parent's start, for its children
STARTED = float(os.environ.get(STARTED_VARIABLE) or time.time())


def _say(text: str) -> None:
    """Progress on stderr, with the seconds since this process started (a run of a million
    records takes minutes)."""
    sys.stderr.write(f"lists bench [{time.time() - STARTED:6.0f} s]: {text}\n")
    sys.stderr.flush()


def _tables(paths: list[str], columns: dict[str, str]) -> list[Any]:
    from casualty_recon.lists.read import read_list
    from casualty_recon.model.lists import ListSpec

    tables = []
    for number, path in enumerate(paths):
        spec = ListSpec(
            key=f"list-{'ab'[number]}",
            path=path,
            source="bench",
            format="json" if path.endswith(".json") else "csv",
            columns=columns,
        )
        tables.append(read_list(spec))
    return tables


def _columns(path: str) -> dict[str, str]:
    if path.endswith(".json"):
        return GAZA_COLUMNS
    from tools.lists_synthetic import COLUMNS

    return COLUMNS


def run_ours(paths: list[str]) -> dict[str, Any]:
    import numpy as np
    import pandas as pd

    from casualty_recon.lists.link import LinkOptions, link_lists

    started = time.perf_counter()
    tables = _tables(paths, _columns(paths[0]))
    _say(f"read {len(tables[0]):,} and {len(tables[1]):,} records")
    linkage = link_lists(tables, LinkOptions(use_ids=False, progress=_say))
    links = linkage.links()
    seconds = time.perf_counter() - started
    _say(f"ours: {len(links):,} links in {seconds:.0f} s; scoring them against the truth")
    result: dict[str, Any] = {
        "seconds": seconds,
        "links": len(links),
        "pairs_scored": len(linkage.pairs) + len(linkage.within),
        "steps": {name: round(value, 2) for name, value in linkage.seconds.items()},
    }
    del tables  # the links are scored from the files again, by row
    person_a, person_b = _truth(paths)
    found = pd.DataFrame(
        {
            "a": person_a[links["row_a"].to_numpy()],
            "b": person_b[links["row_b"].to_numpy()],
        }
    ).drop_duplicates()
    right = int((found["a"] == found["b"]).sum())
    true_total = len(np.intersect1d(person_a[person_a >= 0], person_b[person_b >= 0]))
    result["precision"] = right / max(len(found), 1)
    result["recall"] = right / max(true_total, 1)
    return result


def _truth(paths: list[str]) -> tuple[Any, Any]:
    """For each list, an array from row to person (a code shared by the two lists, -1 for no
    row): the generator's `person` column, or the Gaza IDs. Arrays, not dicts of strings: on a
    million records this is the benchmark's own memory, counted in the peak."""
    import numpy as np
    import pandas as pd

    people = []
    for path in paths:
        if path.endswith(".json"):
            records = json.loads(Path(path).read_text(encoding="utf-8"))
            people.append(pd.Series([str(r.get("id")) for r in records]))
            first = 1
        else:
            frame = pd.read_csv(path, usecols=["person"], dtype=str, keep_default_na=False)
            people.append(frame["person"])
            first = 2  # the header is line 1
    codes, _ = pd.factorize(pd.concat(people, ignore_index=True))
    out = []
    for part in np.split(codes, [len(people[0])]):
        by_row = np.full(len(part) + first, -1, dtype=np.int64)
        by_row[first:] = part
        out.append(by_row)
    return out[0], out[1]


def run_splink(paths: list[str]) -> dict[str, Any]:
    """Splink's own run: the same records, settings (blocking rules chosen the same way) and
    training calls (on the same sample when the lists are large); Splink's own clustering."""
    import logging

    from splink import DuckDBAPI, Linker

    from casualty_recon.lists.blocking import choose_blocking, splink_rules, training_sample
    from casualty_recon.lists.comparisons import settings as _settings
    from casualty_recon.lists.link import (
        DEFAULT_THRESHOLD,
        MIN_PROBABILITY,
        _register,
        _train,
        _use_trained,
        prepared_records,
    )
    from casualty_recon.lists.orderfree import KEY

    started = time.perf_counter()
    tables = _tables(paths, _columns(paths[0]))
    _say(f"splink: read {len(tables[0]):,} and {len(tables[1]):,} records; preparing them")
    records = prepared_records(tables)[0]
    keys = tuple(records)
    columns = set.intersection(*(set(frame.columns) for frame in records.values()))
    records, chosen, _, _ = choose_blocking(records, columns)
    columns.add(KEY)
    rules = splink_rules(chosen)
    db_api = DuckDBAPI()
    logging.getLogger("splink").setLevel(logging.ERROR)

    def linker_of(frames: dict[str, Any]) -> Any:
        inputs = _register(db_api, frames, keys, columns, "duckdb")
        return Linker(inputs, _settings(columns, "link_and_dedupe", rules), log_level=None)

    linker = linker_of(records)
    _say("splink: training")
    sample = training_sample(records)
    if sample is None:
        _train(linker, records, keys, columns, [])
    else:
        trainer = linker_of(sample[0])
        _train(trainer, sample[0], keys, columns, [])
        _use_trained(linker, trainer.misc.save_model_to_json())
        _train(linker, records, keys, columns, [], em=False)
    _say("splink: scoring")
    predictions = linker.inference.predict(threshold_match_probability=MIN_PROBABILITY)
    _say("splink: single best links")
    clusters = linker.clustering.cluster_using_single_best_links(
        predictions, ["list_0", "list_1"], threshold_match_probability=DEFAULT_THRESHOLD
    )
    frame = clusters.as_pandas_dataframe()
    seconds = time.perf_counter() - started
    _say(f"splink: {len(frame):,} records clustered in {seconds:.0f} s")
    return {"seconds": seconds, "clustered_records": len(frame)}


def child(argv: list[str]) -> int:
    """`ours A B` or `splink A B`: one run; prints its result as JSON, with peak memory."""
    which, paths = argv[0], argv[1:3]
    result = run_ours(paths) if which == "ours" else run_splink(paths)
    result["peak_mb"] = peak_rss_mb()
    print(json.dumps(result))
    return 0


def measure(which: str, paths: list[str]) -> dict[str, Any]:
    """Run one child; its progress passes through to stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "tools.lists_bench", which, *paths],
        stdout=subprocess.PIPE,
        text=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, STARTED_VARIABLE: str(STARTED)},
    )
    if done.returncode != 0:
        raise RuntimeError(f"lists bench: {which} run failed (exit {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def size_from_environment(default: int = DEFAULT_SIZE) -> int:
    text = os.environ.get(SIZE_VARIABLE, "")
    return int(text.replace("_", "")) if text.strip() else default


def synthetic(size: int) -> tuple[dict[str, Any], dict[str, Any], str]:
    """(ours, Splink's, where the distributions came from) on a generated pair of `size`."""
    from tools.lists_synthetic import write_pair

    with tempfile.TemporaryDirectory(prefix="casualty-recon-lists-") as tmp:
        _say(f"generating a synthetic pair of {size:,}-record lists")
        a, b, origin = write_pair(Path(tmp), size)
        _say(f"linking them with ours, then with Splink's own run ({a.parent})")
        ours = measure("ours", [str(a), str(b)])
        _say(f"ours: {ours['seconds']:.0f} s, peak {ours['peak_mb']:,.0f} MB")
        anchor = measure("splink", [str(a), str(b)])
        _say(f"Splink's own run: {anchor['seconds']:.0f} s, peak {anchor['peak_mb']:,.0f} MB")
    return ours, anchor, origin


def gaza() -> tuple[dict[str, Any], dict[str, Any]] | None:
    paths = [GAZA / name for name in GAZA_FILES]
    if not all(path.exists() for path in paths):
        return None
    names = [str(path) for path in paths]
    return measure("ours", names), measure("splink", names)


def main(argv: list[str]) -> int:
    import argparse

    if argv and argv[0] in ("ours", "splink"):
        return child(argv)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=size_from_environment())
    parser.add_argument("--skip-gaza", action="store_true")
    args = parser.parse_args(argv)
    from tools.bench import print_rows

    print_rows(rows(args.size, gaza_too=not args.skip_gaza))
    return 0


def rows(size: int, gaza_too: bool = True) -> list[Any]:
    """The rows `make bench` prints: each linkage's time over Splink's own run's."""
    from tools.bench import Row

    out = []
    ours, anchor, origin = synthetic(size)
    steps = ", ".join(f"{k} {v:.0f} s" for k, v in ours["steps"].items() if k != "total")
    note = (
        f"{steps}; Splink {anchor['seconds']:.1f} s; peak {ours['peak_mb']:.0f} MB (Splink "
        f"{anchor['peak_mb']:.0f} MB); P {ours.get('precision', 0):.4f} R "
        f"{ours.get('recall', 0):.4f}; names from {origin}"
    )
    out.append(
        Row(
            f"lists: link two synthetic {size:,}-record lists / Splink's own DuckDB run",
            f"{ours['seconds']:.1f} s",
            ours["seconds"] / anchor["seconds"],
            1.5,
            note,
        )
    )
    if size >= DEFAULT_SIZE:
        out.append(
            Row(
                f"lists: {size:,} records within 10 minutes and 8 GiB",
                f"{ours['seconds']:.0f} s, {ours['peak_mb']:.0f} MB",
                max(ours["seconds"] / 600, ours["peak_mb"] / 8192),
                1.0,
            )
        )
    found = gaza() if gaza_too else None
    if found is not None:
        ours, anchor = found
        out.append(
            Row(
                "lists: link the two Gaza releases (34,530 records) / Splink's own DuckDB run",
                f"{ours['seconds']:.1f} s",
                ours["seconds"] / anchor["seconds"],
                1.5,
                f"Splink {anchor['seconds']:.1f} s; peak {ours['peak_mb']:.0f} MB; "
                f"P {ours.get('precision', 0):.4f} R {ours.get('recall', 0):.4f}",
            )
        )
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
