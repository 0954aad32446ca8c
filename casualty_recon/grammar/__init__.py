"""Layer 2: the small languages users write (numbers, figures, periods, places, parties).

Text to model values. Imports only `model`.
"""
