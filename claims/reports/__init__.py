"""Diff reports: for each metric, every figure stated, who stated it, and where they disagree.

``build`` reads the database in one pass (a fixed number of queries per batch of metrics) and
runs the pure comparison core on each metric; ``render`` writes text, Markdown, CSV, JSON or a
self-contained HTML page with a chart per metric (``chart``).
"""
