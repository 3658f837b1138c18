"""``python -m bench.eval_real``: scores on the real-shaped gold set, frozen and dev parts apart
(the evaluator lives with the gold set, in tests/gold/evaluate_real.py)."""

from tests.gold.evaluate_real import main

if __name__ == "__main__":
    raise SystemExit(main())
