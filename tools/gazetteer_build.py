"""Write the gazetteer's data files from pycountry (a dev dependency only).

Run as `python -m tools.gazetteer_build` (or `make gazetteer`). The output is committed,
so the tool never imports pycountry at run time: loading pycountry's subdivisions costs about
70 ms, reading the two TSV files a few.

- `data/countries.tsv`: alpha_2, name, common_name, official_name (one row per ISO 3166-1 country)
- `data/subdivisions.tsv`: code, name, type, country (first-level ISO 3166-2 subdivisions of every
  country: those without a parent)
- `data/names.tsv`: the name index the resolver searches (folded names to codes), so a run
  never folds thousands of names to find one
- `data/part_names.txt`: the ISO names that begin with a part word (`Central Darfur`), which
  the resolver must not read as a part of a shorter name

Both files are sorted by code and have a header row, so a rebuild is byte-identical.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "casualty_recon" / "data"
COUNTRIES_FILE = DATA / "countries.tsv"
SUBDIVISIONS_FILE = DATA / "subdivisions.tsv"
COUNTRY_COLUMNS = ("alpha_2", "name", "common_name", "official_name")
SUBDIVISION_COLUMNS = ("code", "name", "type", "country")
NAMES_FILE = DATA / "names.tsv"
PART_NAMES_FILE = DATA / "part_names.txt"
NAME_COLUMNS = ("tier", "key", "codes", "spelling")


def _clean(value: object) -> str:
    """A TSV cell: tabs and newlines never occur in ISO names, but make sure."""
    text = "" if value is None else str(value)
    return " ".join(text.replace("\t", " ").split())


def _table(columns: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    lines = ["\t".join(columns)]
    lines.extend("\t".join(row) for row in sorted(rows))
    return "\n".join(lines) + "\n"


def build() -> dict[Path, str]:
    """The text of each data file, freshly built from pycountry."""
    import pycountry  # dev dependency: imported only here

    countries = [
        (
            _clean(country.alpha_2),
            _clean(country.name),
            _clean(getattr(country, "common_name", "")),
            _clean(getattr(country, "official_name", "")),
        )
        for country in pycountry.countries
    ]
    subdivisions = [
        (
            _clean(sub.code),
            _clean(sub.name),
            _clean(sub.type),
            _clean(sub.country_code),
        )
        for sub in pycountry.subdivisions
        if sub.parent_code is None
    ]
    from casualty_recon.grammar.places import (
        Country,
        GazetteerData,
        Subdivision,
        name_table_rows,
        part_name_keys,
    )

    data = GazetteerData(
        {row[0]: Country(*row) for row in countries},
        {row[0]: Subdivision(*row) for row in subdivisions},
    )
    return {
        COUNTRIES_FILE: _table(COUNTRY_COLUMNS, countries),
        SUBDIVISIONS_FILE: _table(SUBDIVISION_COLUMNS, subdivisions),
        NAMES_FILE: _table(NAME_COLUMNS, name_table_rows(data)),
        PART_NAMES_FILE: "".join(f"{key}\n" for key in part_name_keys(name_table_rows(data))),
    }


def main() -> int:
    for path, text in build().items():
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
