"""`revision`: the same source later gave a lower figure for the same scope."""

from __future__ import annotations

from casualty_recon.analysis.kinds.base import Kind, Pair
from casualty_recon.analysis.results import Difference, Found
from casualty_recon.grammar.wording import figure_words, human_day

TEMPLATE = (
    "{source} lowered its figure from {old} ({old_date}) to {new} ({new_date}); "
    "the older claim is superseded."
)


def detect(pair: Pair) -> list[Found]:
    a, b = pair.a, pair.b
    found = pair.evidence.revision(a, b)
    if found is None:
        return []
    older, newer = found
    sentence = TEMPLATE.format(
        source=a.source,
        old=figure_words(older.figure.text),
        old_date=human_day(older.as_of.latest),
        new=figure_words(newer.figure.text),
        new_date=human_day(newer.as_of.latest),
    )
    difference = Difference(
        "revision",
        older.id if older is a else newer.id,
        older.id if older is b else newer.id,
        "revised",
        "none",
        None,
        sentence,
    )
    return [Found(difference)]


KIND = Kind(
    name="revision",
    title="Revised figure",
    description="The same source later gave a lower figure for the same scope; the older claim "
    "is flagged.",
    pushes_up_when="n/a: flags the older claim",
    template=TEMPLATE,
    order=100,
    detect=detect,
    cause=False,
)
