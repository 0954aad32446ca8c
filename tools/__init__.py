"""Development tools kept out of the installed package: `make bench`, `make eval-extract`,
`make gazetteer` and the events benchmark. Run them from the repository root, as
`python -m tools.bench`."""
