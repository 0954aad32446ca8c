"""Named-victim lists (issue 14): read, validate, link and compare lists of people.

A sibling of `analysis` (like `events` and `extract`): it imports `model`, `grammar` and `load`
only; its renderers live in `casualty_recon.render.lists` and its command in
`casualty_recon.cli.lists_command`. pandas, Splink and DuckDB (or pyspark) are imported here
and only here, so the other commands start without them.
"""
