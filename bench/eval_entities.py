"""``python -m bench.eval_entities``: the entity gold set's scores (the evaluator lives with the
gold set, in tests/gold/evaluate.py, because the tests use it too)."""

from tests.gold.evaluate import main

if __name__ == "__main__":
    raise SystemExit(main())
