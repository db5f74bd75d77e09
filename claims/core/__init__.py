"""The pure core: figures, intervals, units, extraction, comparison and grouping.

Nothing here imports Django or any app of the project (an import-linter contract in CI holds
that); the apps store, query and present what these modules compute.
"""
