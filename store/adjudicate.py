"""Several reviewers on one corpus (issue 13): adjudicate (being built)."""
