"""The model's comparisons: what Splink compares between two records, level by level, and the
settings object both engines take (`settings`).

A name is compared part by part by position (first, father, grandfather, family name: the Arabic
order, where it works best), each part also found anywhere in the other name (a name written in
another order, or with a part dropped that shifts the others), and as a whole by its parts in
any order; the cross-script skeleton as well. Then the dates, sex, age and place where every
list has them. Every condition is one of Splink's dialect-aware levels or plain SQL that DuckDB
and Spark both read.
"""

from __future__ import annotations

from typing import Any

from casualty_recon.lists.blocking import candidate_rules, splink_rules

PART_COLUMNS = ("first", "father", "grand", "family")


def settings(columns: set[str], link_type: str, rules: list[Any] | None = None) -> Any:
    """Splink settings for the columns every list has; `rules` the blocking rules (by default
    every candidate rule, `blocking.candidate_rules`)."""
    import splink.comparison_level_library as cll
    from splink import SettingsCreator
    from splink.comparison_library import CustomComparison

    comparisons: list[Any] = []

    def comparison(
        column: str, levels: list[tuple[str, Any]], priors: list[float | None], null: str = ""
    ) -> None:
        """Levels from the strongest down; `priors` are their m values before training (used
        as they are where EM cannot run, e.g. a small list without duplicates); `null` the
        column whose missing value makes the comparison null (by default `column`). A level
        without a prior (None) weighs nothing, as a missing value does."""
        rest = max(0.01, 1 - sum(m for m in priors if m is not None))
        comparisons.append(
            CustomComparison(
                comparison_levels=[cll.NullLevel(null or column)]
                + [
                    level.configure(label_for_charts=label, m_probability=m)
                    if m is not None
                    else level.configure(label_for_charts=label)
                    for (label, level), m in zip(levels, priors, strict=True)
                ]
                + [cll.ElseLevel().configure(label_for_charts="different", m_probability=rest)],
                output_column_name=column,
            )
        )

    # Two names with the same parts in another order ("Abdi Mohamed", "Mohamed Abdi"): their
    # parts by position say nothing (weight 0); the whole-name comparison weighs them.
    reordered = cll.CustomLevel("parts_hash_l = parts_hash_r and name_hash_l <> name_hash_r")

    def text(column: str, tf: bool = False) -> None:
        exact = cll.ExactMatchLevel(column, term_frequency_adjustments=tf)
        comparison(
            column,
            [
                ("another order", reordered.configure(is_null_level=True)),
                ("exact", exact),
                ("Jaro-Winkler >= 0.92", cll.JaroWinklerLevel(column, 0.92)),
                ("Jaro-Winkler >= 0.8", cll.JaroWinklerLevel(column, 0.8)),
            ],
            [None, 0.85, 0.08, 0.04],
        )

    for part in PART_COLUMNS:
        text(part, tf=part in ("first", "family"))
    # The whole name: its consonants in Latin letters, in the order written or any order.
    comparison(
        "skeleton",
        [
            ("exact", cll.ExactMatchLevel("skeleton")),
            ("Jaro-Winkler >= 0.95", cll.JaroWinklerLevel("skeleton", 0.95)),
            ("same parts, another order", cll.ExactMatchLevel("parts_hash")),
            ("Jaro-Winkler >= 0.88", cll.JaroWinklerLevel("skeleton", 0.88)),
        ],
        [0.6, 0.22, 0.05, 0.08],
    )
    if "dob" in columns:
        comparison(
            "dob",
            [
                ("exact", cll.ExactMatchLevel("dob")),
                ("day and month swapped", cll.CustomLevel("dob_l = dob_swap_r", "dob")),
                ("one character apart", cll.LevenshteinLevel("dob", 1)),
                ("same year", cll.CustomLevel("substr(dob_l, 1, 4) = substr(dob_r, 1, 4)", "dob")),
            ],
            [0.87, 0.05, 0.05, 0.025],
        )
    if "sex" in columns:
        comparison("sex", [("same", cll.ExactMatchLevel("sex"))], [0.98])
    if "age" in columns:
        comparison(
            "age",
            [
                ("same", cll.ExactMatchLevel("age")),
                ("one year apart", cll.AbsoluteDifferenceLevel("age", 1)),
                ("five years apart", cll.AbsoluteDifferenceLevel("age", 5)),
            ],
            [0.75, 0.2, 0.04],
        )
    if "dod" in columns:
        comparison(
            "dod",
            [
                ("exact", cll.ExactMatchLevel("dod")),
                ("same month", cll.CustomLevel("substr(dod_l, 1, 7) = substr(dod_r, 1, 7)", "dod")),
            ],
            [0.8, 0.15],
        )
    if "place" in columns:
        comparison(
            "place",
            [
                ("exact", cll.ExactMatchLevel("place")),
                ("Jaro-Winkler >= 0.9", cll.JaroWinklerLevel("place", 0.9)),
            ],
            [0.8, 0.1],
        )
    if rules is None:
        rules = splink_rules(candidate_rules(columns))
    settings = SettingsCreator(
        link_type=link_type,  # type: ignore[arg-type]
        unique_id_column_name="row",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=rules,
        retain_intermediate_calculation_columns=True,  # mw_* columns: the evidence
        retain_matching_columns=False,
        em_convergence=0.001,  # weights move by less than this: enough for links, and fast
        max_iterations=15,
    )
    return settings
