"""Development tools kept out of the installed package: `make bench`, `make eval-extract`,
`make gazetteer` and the events benchmark. Run from the repository root
(`python -m tools.bench`)."""
