"""The Gaza MoH releases of January and April 2024 (../shared/data/lists), where present.

A slice keeps it quick: 3,000 January records and 4,000 April ones (the same people's April
records where they have one, then others), linked with the IDs hidden and scored against them.
`make eval-link` does the whole pair.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from casualty_recon.lists.link import LinkOptions, link_lists
from casualty_recon.lists.read import read_list
from casualty_recon.lists.validate import validate_list
from casualty_recon.model.lists import ListSpec

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "lists"
COLUMNS = {
    "id": "id",
    "name": "name",
    "name_alt": "en_name",
    "sex": "sex",
    "age": "age",
    "dob": "dob",
}
pytestmark = pytest.mark.skipif(
    not (DATA / "gaza-moh-2024-01.json").exists(), reason=f"{DATA} is absent (shared data)"
)


def _spec(name: str) -> ListSpec:
    return ListSpec(
        key=name[9:16], path=str(DATA / name), source="MoH", format="json", columns=COLUMNS
    )


@pytest.mark.slow  # 3,000 x 4,000 real records linked without ids (10 s): `.ci/run` runs it
def test_gaza_releases_validate_and_link_with_ids_hidden() -> None:
    jan = read_list(_spec("gaza-moh-2024-01.json"))
    apr = read_list(_spec("gaza-moh-2024-04.json"))
    check = validate_list(jan)
    assert (check.records, check.duplicate_ids, check.missing["dob"]) == (14_140, 0, 997)
    assert validate_list(apr).records == 20_390
    head = jan.frame.iloc[:3000]
    wanted = set(head["id"])
    same = apr.frame[apr.frame["id"].isin(wanted)]
    others = apr.frame[~apr.frame["id"].isin(wanted)].iloc[: 4000 - len(same)]
    import pandas as pd

    jan = dataclasses.replace(jan, frame=head)
    apr = dataclasses.replace(apr, frame=pd.concat([same, others]))
    linkage = link_lists([jan, apr], LinkOptions(use_ids=False))
    a, b = linkage.records[jan.spec.key], linkage.records[apr.spec.key]
    id_a = dict(zip(a["row"], a["id"], strict=True))
    id_b = dict(zip(b["row"], b["id"], strict=True))
    links = linkage.links()
    right = sum(id_a[x] == id_b[y] for x, y in zip(links["row_a"], links["row_b"], strict=True))
    truth = len(wanted & set(b["id"]))
    assert right / len(links) >= 0.99  # precision
    assert right / truth >= 0.99  # recall
