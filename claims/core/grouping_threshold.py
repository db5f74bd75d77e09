"""The confidence from which a grouping proposal is preselected.

On its own so that reading it imports nothing else: the matcher (``claims.core.grouping``)
indexes its vocabulary through WordNet when imported, about 2 s, which start-up must not pay.
"""

DEFAULT_MIN_CONFIDENCE = 0.6
