"""Layer 3: input files to the model, every problem located.

`loader` reads sources.yaml (entry points; `builder` checks the node tree of `yaml_nodes` through
the typed access of `node_reader`), `reading` reads any input within the input limit,
`claims_csv` imports a claims table; `yaml_writer` (fresh documents) and `yaml_append` (claims
added to a file, comments kept) are the one writer of sources.yaml text, written to disk by the
CLI through `render.atomic`; `schema` and `starter` describe the format. Imports only `model`
and `grammar`.

`casualty_recon.load` is both this package and the library's `load` function
(`from casualty_recon import load; load("sources.yaml")`, a public contract older than the
package): the module is made callable so that importing the package, which binds it as the
attribute `load` of `casualty_recon`, cannot shadow the function.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casualty_recon.model.claims import Sources


class _CallableModule(types.ModuleType):
    def __call__(self, path: str | Path) -> Sources:
        from casualty_recon.load.loader import load

        return load(path)


sys.modules[__name__].__class__ = _CallableModule
