"""Reading the `assumptions:` section of sources.yaml: each assumption's target as written (the
analysis registry checks it), its rate or its from/to values and ratio, located errors."""

from __future__ import annotations

import math

from casualty_recon.grammar.parties import resolve_perpetrators
from casualty_recon.grammar.places import Gazetteer
from casualty_recon.grammar.scope_words import OUTCOME_WORDS, POPULATION_WORDS
from casualty_recon.grammar.wording import or_list
from casualty_recon.load.node_reader import (
    NodeReader,
)
from casualty_recon.load.yaml_nodes import Node
from casualty_recon.model.claims import (
    BASES,
    OUTCOMES,
    POPULATIONS,
    Assumption,
    Sources,
)
from casualty_recon.model.errors import (
    ASSUMPTION_FIELD_MISSING,
    ASSUMPTION_NEEDS,
    ASSUMPTION_NEEDS_RATE,
    ASSUMPTION_NOT_FOR_RATE,
    ASSUMPTION_RATE_MISPLACED,
    ASSUMPTIONS_NOT_A_LIST,
    BASIS_UNKNOWN,
    INTERVAL_BACKWARDS,
    INTERVAL_BAD,
    INTERVAL_NEGATIVE,
    NOT_BOOLEAN,
    OUTCOME_UNKNOWN,
    POPULATION_UNKNOWN,
    SOURCE_UNKNOWN_BARE,
)

ASSUMPTION_FIELDS = ("applies_to", "from", "to", "ratio", "rate", "source", "reason")
# The claim fields whose values the loader can read in an assumption: a daily rate for the two
# date fields, `from`/`to` values for the others. Which kinds an assumption may target, and the
# fields each needs, are the analysis registry's business (analysis.kinds.check_assumptions, run
# right after loading, also for a kind outside these lists): the loader keeps `applies_to` as
# written and where each field was written.
RATE_FIELDS = ("as_of", "start")
VALUE_FIELDS = ("area", "population", "outcome", "perpetrators", "basis")


class AssumptionReader(NodeReader):
    """The node reader with what assumptions need (the builder of the whole file extends it)."""

    def assumptions(self, node: Node, sources: Sources, gazetteer: Gazetteer) -> list[Assumption]:
        if node.is_null:
            return []
        if node.kind != "seq":
            self.report(ASSUMPTIONS_NOT_A_LIST, node)
            return []
        out: list[Assumption] = []
        for index, item in enumerate(node.items, start=1):
            assumption = self.assumption(index, item, sources, gazetteer)
            if assumption is not None:
                out.append(assumption)
        return out

    def assumption(
        self, index: int, node: Node, sources: Sources, gazetteer: Gazetteer
    ) -> Assumption | None:
        fields = self.mapping(node, ASSUMPTION_FIELDS, f"assumption {index}")
        if fields is None:
            return None
        before = len(self.problems)
        for name in ("applies_to", "reason"):
            if name not in fields:
                self.report(ASSUMPTION_FIELD_MISSING, node, index=index, name=name)
        target = written = None
        if "applies_to" in fields:
            value_node = fields["applies_to"][1]
            text = self.text(value_node, "applies_to value")
            if text is not None:
                target = " ".join(text.lower().split())
                written = (text, value_node.where(self.path))
        reason = None  # required: an empty reason is an error, never a dropped assumption
        if "reason" in fields:
            reason = self.text(
                fields["reason"][1], f"the reason of assumption {index}", allow_numbers=True
            )
        ratio = rate = None
        from_value = to_value = None
        if target in RATE_FIELDS:
            if "rate" not in fields:
                self.report(ASSUMPTION_NEEDS_RATE, node, index=index, target=target)
            else:
                rate = self.number_interval(fields["rate"][1], f"the rate of assumption {index}")
            for name in ("from", "to", "ratio"):
                if name in fields:
                    self.report(ASSUMPTION_NOT_FOR_RATE, fields[name][0], name=name, target=target)
        elif target in VALUE_FIELDS:
            for name in ("from", "to", "ratio"):
                if name not in fields:
                    self.report(ASSUMPTION_NEEDS, node, index=index, target=target, name=name)
            if "ratio" in fields:
                ratio = self.number_interval(fields["ratio"][1], f"the ratio of assumption {index}")
            from_value = self.scope_value(fields.get("from"), target, sources, gazetteer)
            to_value = self.scope_value(fields.get("to"), target, sources, gazetteer)
            if "rate" in fields:
                self.report(
                    ASSUMPTION_RATE_MISPLACED,
                    fields["rate"][0],
                    target=target,
                    rate_targets=or_list(RATE_FIELDS),
                )
        elif target is not None:  # a kind the loader has no grammar for: values as written
            if "ratio" in fields:
                ratio = self.number_interval(fields["ratio"][1], f"the ratio of assumption {index}")
            if "rate" in fields:
                rate = self.number_interval(fields["rate"][1], f"the rate of assumption {index}")
            if "from" in fields:
                from_value = self.text(fields["from"][1], "from", allow_numbers=True)
            if "to" in fields:
                to_value = self.text(fields["to"][1], "to", allow_numbers=True)
        source = None
        if "source" in fields:
            source = self.text(
                fields["source"][1], "the source of an assumption", allow_numbers=True
            )
            if source is not None and source not in sources.sources:
                self.report(SOURCE_UNKNOWN_BARE, fields["source"][1], source=source)
        if len(self.problems) > before or target is None or reason is None:
            return None
        return Assumption(
            index=index,
            applies_to=target,
            reason=reason,
            from_value=from_value,
            to_value=to_value,
            ratio=ratio,
            rate=rate,
            source=source,
            location=node.where(self.path),
            applies_to_as_written=written,
            written_keys=tuple(
                (name, fields[name][0].where(self.path))
                for name in ("from", "to", "ratio", "rate")
                if name in fields
            ),
        )

    def boolean(self, node: Node, what: str) -> bool:
        if node.kind == "scalar" and node.tag == "bool" and node.text in ("true", "false"):
            return node.text == "true"
        shown = node.text if node.kind == "scalar" else node.describe()
        self.report(NOT_BOOLEAN, node, what=what, found=shown)
        return False

    def scope_value(
        self, entry: tuple[Node, Node] | None, target: str, sources: Sources, gazetteer: Gazetteer
    ) -> str | None:
        if entry is None:
            return None
        node = entry[1]
        if target == "basis":
            return self.choice(node, BASES, BASIS_UNKNOWN, "basis")
        if target == "population":
            return self.choice(
                node, POPULATIONS, POPULATION_UNKNOWN, "population", POPULATION_WORDS
            )
        if target == "outcome":
            return self.choice(node, OUTCOMES, OUTCOME_UNKNOWN, "outcome", OUTCOME_WORDS)
        text = self.text(node, target)
        if text is None:
            return None
        if target == "area":
            self.guarded(node, lambda: gazetteer.resolve(text))
        elif target == "perpetrators":
            self.guarded(node, lambda: resolve_perpetrators(text, sources.parties))
        return text

    def number_interval(self, node: Node, what: str) -> tuple[float, float] | None:
        raw = node.python()
        values = raw if isinstance(raw, list) else [raw]
        numbers = [
            v
            for v in values
            if isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
        ]
        if len(numbers) != len(values) or len(values) not in (1, 2):
            self.report(INTERVAL_BAD, node, what=what, found=node.describe())
            return None
        if any(v < 0 for v in numbers):
            shown = f"[{', '.join(f'{v:g}' for v in numbers)}]" if len(numbers) > 1 else numbers[0]
            self.report(INTERVAL_NEGATIVE, node, what=what, found=shown)
            return None
        low, high = float(numbers[0]), float(numbers[-1])
        if low > high:
            self.report(INTERVAL_BACKWARDS, node, what=what, low=low, high=high)
            return None
        return (low, high)
