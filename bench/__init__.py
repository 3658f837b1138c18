"""tandai's measurement scripts: benchmarks, the gold-set evaluation, crash and fuzz runs."""
