"""Record linkage of named-victim lists with Splink (Fellegi-Sunter, trained by EM without labels).

One settings object serves both engines: DuckDB in process (the default) and Spark
(`engine="spark"`, `local[*]` or a master URL). Every SQL condition is either one of Splink's
dialect-aware comparison levels or plain SQL both engines read, and every derived column (the
normalised name, its parts, the cross-script skeleton, the date of birth with day and month
swapped) is computed here in pandas, so both engines see the same input and the same model.

The steps:

1. IDs first: a record whose ID appears exactly once in each list is linked to its namesake with
   probability 1 (evidence `same ID`).
2. The model: Splink estimates the chance that two random records match from exact name and
   date-of-birth agreement, u by random sampling, m by EM on two blockings (by date of birth,
   then by first and family name with ages within a year), then scores every blocked pair across
   and within the lists. A list written family name first against the other is turned first
   (`order.orient`); the comparisons are in `comparisons.py`.
3. One to one: across the two lists, pairs are taken from the most to the least probable and a
   pair is kept when neither record is linked yet (ties: the lowest rows first), the same rule as
   Splink's single-best-links clustering; records already linked by ID are not offered again.
   Within a list, pairs above the threshold are flagged as suspected duplicates, never removed.

Counts are reported at several thresholds (THRESHOLDS) since the answer moves with it; the
default is DEFAULT_THRESHOLD (see `make eval-link`).
"""

from __future__ import annotations

import copy
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from casualty_recon.lists.blocking import choose_blocking, splink_rules, training_sample
from casualty_recon.lists.comparisons import settings as _settings
from casualty_recon.lists.engines import ENGINES
from casualty_recon.lists.evidence import evidence_texts
from casualty_recon.lists.names import family_last, normalise, skeleton, sorted_name
from casualty_recon.lists.order import orient, parts_by_position, text_hash
from casualty_recon.lists.orderfree import KEY
from casualty_recon.lists.read import ListTable, text_dtype
from casualty_recon.lists.records import MAX_AGE, parse_age, parse_date, parse_sex
from casualty_recon.lists.scored import scored_duckdb, split_scored
from casualty_recon.model.errors import UsageError
from casualty_recon.model.usage import (
    DUCKDB_MEMORY_BAD,
    ENGINE_UNKNOWN,
    LINK_HOW_MANY,
    LIST_TWICE,
    SPARK_MISSING,
)

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_THRESHOLD = 0.9
THRESHOLDS = (0.5, 0.8, 0.9, 0.95, 0.99)
MIN_PROBABILITY = 0.1  # pairs below this are not kept at all
DUCKDB_MEMORY = "4GB"  # DuckDB's own memory, beyond which it spills to disk
SEED = 14
# Columns of the prepared records kept only to show them, never compared by the model.
SHOWN_ONLY = ("name", "place_text")


@dataclass(frozen=True, slots=True)
class LinkOptions:
    engine: str = "duckdb"
    master: str = "local[*]"
    use_ids: bool = True  # link on the ID column first where both lists have one
    threshold: float = DEFAULT_THRESHOLD
    progress: Callable[[str], None] | None = None
    # A model trained before (`Linkage.model`, Splink's model dict): score with it, no training.
    trained: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class ThresholdCount:
    threshold: float
    both: int  # people in both lists (one-to-one links)
    by_id: int  # of which linked by ID
    only_a: int
    only_b: int
    duplicates: int  # suspected duplicate pairs within the lists


@dataclass
class Linkage:
    """The scored pairs of one run; `links(t)` and `counts()` derive the rest."""

    keys: tuple[str, ...]
    records: dict[str, pd.DataFrame]  # per list: row, id and the prepared columns
    pairs: pd.DataFrame  # across: row_a, row_b, probability, evidence, method (id or model)
    within: pd.DataFrame  # within a list: list, row_l, row_r, probability, evidence
    threshold: float = DEFAULT_THRESHOLD
    engine: str = "duckdb"
    seconds: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what training could not do
    model: dict[str, Any] = field(default_factory=dict)  # the trained Splink model

    def links(self, threshold: float | None = None) -> pd.DataFrame:
        """One-to-one links across the two lists at `threshold` (ID links always count)."""
        cut = self.threshold if threshold is None else threshold
        return self._with_evidence(one_to_one(self.pairs, cut))

    def duplicates(self, threshold: float | None = None) -> pd.DataFrame:
        cut = self.threshold if threshold is None else threshold
        found = self.within[self.within["probability"] >= cut].reset_index(drop=True)
        return self._with_evidence(found)

    def _with_evidence(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The evidence of each pair in words, from its match weights (`mw_*`), written only
        for the pairs shown: on a million records there are millions of scored pairs."""
        import numpy as np

        if "evidence" in frame.columns:
            return frame
        texts = evidence_texts(frame, self.model, self.records, self.keys)
        if "method" in frame.columns:
            texts = np.where(frame["method"].to_numpy() == "id", "same ID", texts)
        weights = [c for c in frame.columns if c.startswith("mw_")]
        return frame.drop(columns=weights).assign(evidence=texts)

    def counts(self, thresholds: Sequence[float] = THRESHOLDS) -> list[ThresholdCount]:
        out = []
        sizes = [len(self.records[key]) for key in self.keys]
        for cut in sorted({*thresholds, self.threshold}):
            links = one_to_one(self.pairs, cut) if len(self.keys) == 2 else self.pairs.iloc[0:0]
            both = len(links)
            by_id = int((links["method"] == "id").sum()) if both else 0
            only_b = sizes[1] - both if len(sizes) == 2 else 0
            duplicates = int((self.within["probability"] >= cut).sum())
            out.append(ThresholdCount(cut, both, by_id, sizes[0] - both, only_b, duplicates))
        return out


def one_to_one(pairs: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """Greedy single best links: most probable first, each record used once; ID links first."""
    import numpy as np

    if pairs.empty:
        return pairs.copy()
    chosen = pairs[pairs["probability"] >= threshold]
    order = np.lexsort(
        (
            chosen["row_b"].to_numpy(),
            chosen["row_a"].to_numpy(),
            -chosen["probability"].to_numpy(),
            (chosen["method"] != "id").to_numpy(),
        )
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    keep = []
    rows_a, rows_b = chosen["row_a"].to_numpy(), chosen["row_b"].to_numpy()
    for index in order:
        a, b = int(rows_a[index]), int(rows_b[index])
        if a in used_a or b in used_b:
            continue
        used_a.add(a)
        used_b.add(b)
        keep.append(index)
    return chosen.iloc[sorted(keep)].reset_index(drop=True)


# --- preparing the records ---------------------------------------------------------------------


def prepared_records(
    tables: Sequence[ListTable], given: Mapping[str, pd.DataFrame] | None = None
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Every list prepared (`prepare`, or as the caller already has it in `given`) and a list
    written family name first turned (`order.orient`, on a copy), with a note saying so."""
    given = given or {}
    return orient(
        {t.spec.key: given[t.spec.key] if t.spec.key in given else prepare(t) for t in tables}
    )


def prepare(table: ListTable) -> pd.DataFrame:
    """The columns the model compares, computed once in pandas for both engines."""
    import pandas as pd

    frame = table.frame
    out = pd.DataFrame({"row": frame["row"].astype("int64")})
    out["id"] = frame["id"] if "id" in frame.columns else ""
    names = frame["name"] if "name" in frame.columns else pd.Series("", index=frame.index)
    alt = frame["name_alt"] if "name_alt" in frame.columns else pd.Series("", index=frame.index)
    out["name"] = names
    # A family name marked by upper case goes last, where the parts by position expect it.
    norm = _map_unique(names, lambda text: normalise(family_last(text)))
    out["name_norm"] = norm.where(norm != "")
    for column, values in parts_by_position(norm).items():
        out[column] = values
    # The name in any order, its parts sorted (with one part left out: `orderfree`, over both
    # lists). Compared as 64-bit hashes: the training pairs (millions) carry them.
    out["parts_hash"] = text_hash(_map_unique(norm, sorted_name))
    out["name_hash"] = text_hash(norm)
    # The cross-script key: from the other script's name where there is one.
    source = alt.where(alt != "", names)
    skeletons = _map_unique(source, lambda text: skeleton(family_last(text)))
    out["skeleton"] = skeletons.where(skeletons != "")
    if "sex" in frame.columns:
        sex = parse_sex(frame["sex"])
        out["sex"] = sex.where(sex != "")
    if "age" in frame.columns:
        age = parse_age(frame["age"])
        out["age"] = age.where((age >= 0) & (age <= MAX_AGE))
    for name in ("dob", "dod"):
        if name in frame.columns:
            days = parse_date(frame[name])
            out[name] = days.dt.strftime("%Y-%m-%d").where(days.notna())
            if name == "dob":
                swap = days.dt.strftime("%Y-%d-%m")
                out["dob_swap"] = swap.where(days.notna() & (days.dt.day <= 12))
    if "place" in frame.columns:
        place = _map_unique(frame["place"], normalise)
        out["place"] = place.where(place != "")
        # As written, to show (`lists compare` by place): not a model column.
        out["place_text"] = frame["place"].str.strip().where(place != "")
    numbers = ("row", "age", "parts_hash", "name_hash")
    return out.astype({c: text_dtype() for c in out.columns if c not in numbers})


def _map_unique(values: pd.Series, function: Callable[[str], str]) -> pd.Series:
    """`values.map(function)`, calling it once per distinct value (names, places repeat)."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values.astype(str))
    done = np.array([function(value) for value in uniques], dtype=object)
    return pd.Series(done[codes] if len(codes) else [], index=values.index, dtype=object)


# --- the model ---------------------------------------------------------------------------------


def _db_api(engine: str, master: str) -> Any:
    if engine == "duckdb":
        return _duckdb_api()
    if engine != "spark":
        raise UsageError.of(ENGINE_UNKNOWN, engine=engine, engines=", ".join(ENGINES))
    try:
        from pyspark.sql import SparkSession
        from splink import SparkAPI
        from splink.backends.spark import similarity_jar_location
    except ImportError:
        raise UsageError.of(SPARK_MISSING) from None
    spark = (
        SparkSession.builder.master(master)
        .appName("casualty-recon lists")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", "2" if master.startswith("local") else "200")
        .config("spark.default.parallelism", "2" if master.startswith("local") else "200")
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return SparkAPI(spark_session=spark, break_lineage_method="persist")  # type: ignore[no-untyped-call]


def _duckdb_api() -> Any:
    """DuckDB in process, its memory bounded (DUCKDB_MEMORY, or $CASUALTY_RECON_DUCKDB_MEMORY)
    so that a million records spill to a temporary directory rather than fill the machine."""
    import os
    import re
    import tempfile

    import duckdb
    from splink import DuckDBAPI

    limit = os.environ.get("CASUALTY_RECON_DUCKDB_MEMORY", DUCKDB_MEMORY).strip()
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", limit, re.IGNORECASE):
        raise UsageError.of(DUCKDB_MEMORY_BAD, limit=limit)
    connection = duckdb.connect()
    connection.execute(f"SET memory_limit = '{limit}'")
    spill = os.path.join(tempfile.gettempdir(), "casualty-recon-duckdb")
    connection.execute(f"SET temp_directory = '{spill}'")
    return DuckDBAPI(connection=connection)


def link_lists(
    tables: Sequence[ListTable],
    options: LinkOptions | None = None,
    prepared: Mapping[str, pd.DataFrame] | None = None,
) -> Linkage:
    """Link one list with itself (duplicates) or two lists (and each with itself).

    `prepared`: records as `prepare` gives them, by list key, where the caller already has them
    (`overlap_lists` prepares each list once for all the pairs it is in); read, never changed."""
    options = options or LinkOptions()
    if not 1 <= len(tables) <= 2:
        raise UsageError.of(LINK_HOW_MANY)
    keys = tuple(table.spec.key for table in tables)
    if len(set(keys)) != len(keys):
        raise UsageError.of(LIST_TWICE, key=keys[0])
    say = options.progress or (lambda _text: None)
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    say(f"preparing {sum(len(table) for table in tables):,} records (names, dates)")
    records, prepared_notes = prepared_records(tables, prepared)
    for note in prepared_notes:
        say(note)
    seconds["prepare"] = time.perf_counter() - start
    columns = set.intersection(*(set(frame.columns) for frame in records.values()))
    link_type = "dedupe_only" if len(tables) == 1 else "link_and_dedupe"
    say(f"linking {' and '.join(f'{k} ({len(records[k]):,})' for k in keys)} on {options.engine}")
    if sum(len(frame) for frame in records.values()) < 2:
        note = "fewer than two records in all: no pair to compare, no link"
        say(note)
        return _no_pairs(keys, records, options, seconds, [note])
    start = time.perf_counter()
    records, chosen, notes, counted = choose_blocking(records, columns)
    columns.add(KEY)
    seconds["blocking"] = time.perf_counter() - start
    for note in notes:
        say(note)
    if counted == 0:  # Splink would score no pair at all: nothing to train or predict
        note = "no two records share a blocking key (name, name parts, birth date): no link"
        say(note)
        return _no_pairs(keys, records, options, seconds, [*notes, note])
    told = len(notes)
    import logging  # Splink only where there is a pair to score (its import alone takes a second)

    from splink import Linker

    rules = splink_rules(chosen)
    db_api = _db_api(options.engine, options.master)
    logging.getLogger("splink").setLevel(logging.ERROR)
    inputs = _register(db_api, records, keys, columns, options.engine)
    # Splink's settings validation only logs warnings (silenced above) about columns missing
    # from the inputs; the settings are built from the columns every list has, so it is skipped.
    linker = Linker(
        inputs, _settings(columns, link_type, rules), log_level=None, validate_settings=False
    )
    start = time.perf_counter()
    sample = training_sample(records) if len(keys) == 2 else None
    if options.trained is not None:
        say("using the trained model given")
        _use_trained(linker, options.trained)
    elif sample is not None:
        frames, share = sample
        say(f"training on {share:.0%} of the records (by family name), then prior and u on all")
        trainer = Linker(
            _register(db_api, frames, keys, columns, options.engine),
            _settings(columns, link_type, rules),
            log_level=None,
            validate_settings=False,
        )
        _train(trainer, frames, keys, columns, notes)
        _use_trained(linker, trainer.misc.save_model_to_json())
        # The sample's tables (its pairs, term frequencies) leave the engine's memory.
        trainer.table_management.invalidate_cache()  # type: ignore[no-untyped-call]
        del trainer, frames, sample
        _train(linker, records, keys, columns, notes, em=False)
        notes.append(f"m values trained on {share:.0%} of the records, sampled by family name")
    else:
        say("training: probability two records match, u by sampling, m by EM")
        _train(linker, records, keys, columns, notes)
    seconds["train"] = time.perf_counter() - start
    for note in notes[told:]:
        say(note)
    start = time.perf_counter()
    say("scoring the blocked pairs")
    predictions = linker.inference.predict(threshold_match_probability=MIN_PROBABILITY)
    model = linker.misc.save_model_to_json()
    weights = [f"mw_{c['output_column_name']}" for c in model["comparisons"]]
    if options.engine == "duckdb" and len(keys) == 2:
        pairs, within = scored_duckdb(db_api, predictions.physical_name, keys, weights)
    else:
        scored = predictions.as_pandas_dataframe()  # type: ignore[no-untyped-call]
        pairs, within = split_scored(scored, keys, weights)
        del scored
    if options.engine == "duckdb":
        predictions.drop_table_from_database_and_remove_from_cache()
    seconds["predict"] = time.perf_counter() - start
    if options.engine == "spark":
        db_api.spark.catalog.clearCache()
    if options.use_ids and len(keys) == 2:
        pairs = _with_id_links(pairs, records[keys[0]], records[keys[1]])
    else:
        pairs["method"] = "model"
    seconds["total"] = sum(seconds.values())
    return Linkage(
        keys, records, pairs, within, options.threshold, options.engine, seconds, notes, model
    )


def _no_pairs(
    keys: tuple[str, ...],
    records: dict[str, pd.DataFrame],
    options: LinkOptions,
    seconds: dict[str, float],
    notes: list[str],
) -> Linkage:
    """A linkage without a scored pair: every record only in its list."""
    import pandas as pd

    pairs = pd.DataFrame(
        {
            "row_a": pd.Series(dtype="int64"),
            "row_b": pd.Series(dtype="int64"),
            "probability": pd.Series(dtype=float),
            "method": pd.Series(dtype=object),
        }
    )
    within = pd.DataFrame(
        {
            "list": pd.Series(dtype=object),
            "row_l": pd.Series(dtype="int64"),
            "row_r": pd.Series(dtype="int64"),
            "probability": pd.Series(dtype=float),
        }
    )
    seconds["total"] = sum(seconds.values())
    return Linkage(keys, records, pairs, within, options.threshold, options.engine, seconds, notes)


def _register(
    db_api: Any,
    records: dict[str, pd.DataFrame],
    keys: tuple[str, ...],
    columns: set[str],
    engine: str,
) -> Any:
    """The lists' model columns as the engine's tables (one, or a list of two)."""
    inputs = []
    model_columns = ["row", *sorted(columns - {"row", "id", *SHOWN_ONLY})]
    for number, key in enumerate(keys):
        frame = records[key][model_columns]
        if engine == "spark":
            kept = ("row", "age", "parts_hash", "name_hash", KEY)
            frame = frame.astype({c: "string" for c in model_columns if c not in kept})
            given: Any = frame
        else:  # DuckDB reads Arrow in place, not a copy of each text as a Python object
            import pyarrow as pa

            given = pa.Table.from_pandas(frame, preserve_index=False)
        # A Spark session is shared by every run in the process: table names must be fresh.
        table = f"casualty_recon_{uuid.uuid4().hex[:12]}_list_{number}"
        inputs.append(
            db_api.register(given, dataset_display_name=f"list_{number}", table_name=table)
        )
    return inputs if len(inputs) > 1 else inputs[0]


def _train(
    linker: Any,
    records: dict[str, pd.DataFrame],
    keys: tuple[str, ...],
    columns: set[str],
    notes: list[str],
    em: bool = True,
) -> None:
    """The prior from exact agreement, u by random sampling, m by EM on two blockings (unless
    `em` is False: the m values trained on a sample are kept)."""
    from splink import block_on
    from splink.internals.exceptions import EMTrainingException

    deterministic: list[Any] = [
        block_on("name_norm", "dob") if "dob" in columns else block_on("name_norm")
    ]
    try:
        linker.training.estimate_probability_two_random_records_match(deterministic, recall=0.8)
    except ValueError:  # more exact agreement than a recall of 0.8 allows (a tiny list)
        linker.training.estimate_probability_two_random_records_match(deterministic, recall=1.0)
    sizes = [len(records[key]) for key in keys]
    total = sizes[0] * sizes[1] if len(sizes) == 2 else sizes[0] * (sizes[0] - 1) / 2
    prior = linker._settings_obj._probability_two_random_records_match
    if not 0 < prior < 1:  # no exact agreement at all (a small list without duplicates)
        floor = min(0.5, 1 / max(total, 2))
        linker._settings_obj._probability_two_random_records_match = floor
        agree = "no pair agrees" if prior <= 0 else "every pair agrees"  # 1: a record or two
        fields = "name and birth date" if "dob" in columns else "name"
        notes.append(f"{agree} exactly on {fields}; prior set to {floor:.3g}")
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=SEED, num_chunks=1)
    # Namesakes share a first and a family name (many do where names have two parts): blocked
    # on those alone, EM takes them for matches and learns that matches differ in age and date
    # of birth. An age within a year as well keeps the block to the people it is meant to find.
    names = "first family"
    rules: tuple[str, ...] = ("dob", names) if "dob" in columns else (names, "skeleton")
    if not em:
        rules = ()
    elif len(keys) == 1:
        # Within one list true duplicates are too rare for EM: it learns families instead
        # (siblings share father, grandfather and family name). The prior m values are kept.
        rules = ()
        notes.append("one list: m values are the priors (EM needs a second list)")
    for rule in rules:
        blocking: Any = block_on(*rule.split())
        if rule == names and "age" in columns:
            blocking = "l.first = r.first and l.family = r.family and abs(l.age - r.age) <= 1"
        saved = copy.deepcopy(linker._settings_obj)
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                blocking, estimate_without_term_frequencies=True
            )
        except EMTrainingException:  # the rule pairs no records at all (tiny or unlike lists)
            linker._settings_obj = saved
            notes.append(f"EM blocked on {rule}: no pair of records agrees on it; priors kept")
        except (ValueError, ZeroDivisionError, ArithmeticError) as error:
            # EM can collapse (no matches among the blocked pairs: a list without duplicates).
            # A failed session can leave the model without the comparisons it blocked on.
            linker._settings_obj = saved
            notes.append(f"EM blocked on {rule} did not converge ({error}); priors kept")


def _use_trained(linker: Any, model: dict[str, Any]) -> None:
    """Copy a trained model's prior and m and u values, level by level (matched by label)."""
    settings = linker._settings_obj
    settings._probability_two_random_records_match = model["probability_two_random_records_match"]
    trained = {
        (comparison["output_column_name"], level.get("label_for_charts")): level
        for comparison in model["comparisons"]
        for level in comparison["comparison_levels"]
    }
    for comparison in settings.comparisons:
        for level in comparison.comparison_levels:
            values = trained.get((comparison.output_column_name, level.label_for_charts))
            if values is not None and not level.is_null_level:
                level.m_probability = values.get("m_probability")
                level.u_probability = values.get("u_probability")


def _with_id_links(pairs: pd.DataFrame, a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """ID links first: an ID written once in each list links its two records outright."""
    import pandas as pd

    def unique_ids(frame: pd.DataFrame) -> pd.DataFrame:
        ids = frame[frame["id"] != ""]
        return ids[~ids["id"].duplicated(keep=False)][["row", "id"]]

    by_id = unique_ids(a).merge(unique_ids(b), on="id", suffixes=("_a", "_b"))
    id_pairs = pd.DataFrame(
        {
            "row_a": by_id["row_a"].to_numpy(dtype="int64"),
            "row_b": by_id["row_b"].to_numpy(dtype="int64"),
            "probability": 1.0,
            "method": "id",
        }
    )
    linked_a, linked_b = set(id_pairs["row_a"]), set(id_pairs["row_b"])
    model = pairs[~pairs["row_a"].isin(linked_a) & ~pairs["row_b"].isin(linked_b)]
    model = model.assign(method="model")
    return pd.concat([id_pairs, model], ignore_index=True)
