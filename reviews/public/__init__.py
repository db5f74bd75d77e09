"""Public pages for readers: published fact-checks and the metrics they belong to, no login."""
