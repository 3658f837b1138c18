"""Several reviewers on one corpus (issue 13): agreement (being built)."""
