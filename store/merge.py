"""Several reviewers on one corpus (issue 13): merge (being built)."""
