"""`validate`: check a sources file and show what was loaded."""

from casualty_recon.cli.common import fail, load, show, stderr
from casualty_recon.cli.options import ClaimsFormatOption, FileArgument
from casualty_recon.model.errors import CasualtyReconError


def validate(file: FileArgument = "sources.yaml", fmt: ClaimsFormatOption = "auto") -> None:
    """Check a sources file and show what was loaded.

    Every problem is reported at once as FILE:LINE:COLUMN with a hint; the exit code is 1 when
    there is any. Notes (a year taken from as_of, a default) go to stderr.

    Examples:

    \b
      casualty-recon validate

    \b
      casualty-recon validate claims.csv

      cat sources.yaml | casualty-recon validate -
    """
    try:
        sources = load(file)
        for note in sources.notes:
            stderr(str(note))
        show("claims", sources, fmt, command="validate")
    except CasualtyReconError as error:
        fail(error)
