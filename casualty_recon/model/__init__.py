"""Layer 1: plain typed values (claims, figures, spans, scopes, errors, column catalogues).

No I/O, and no imports from the rest of the package: every other layer speaks in these types.
"""
