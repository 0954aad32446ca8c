"""Layer 6: the typer command line: parse options, call the library, render, map errors to
exit codes. The only layer that imports `render`, typer or rich."""
