"""Suggested records: the sentences of an article that describe a police activity, each with its
slots pre-filled, ranked; accepting one saves it as a record, rejecting one is remembered.

``candidates`` finds and scores the sentences, ``sources`` carries the records of a coded copy
or rewrite over, and ``mixin.Suggesting`` is the part of ``Store`` that offers, accepts and
rejects them (and the completions and store-wide entity rules that learn from reviewers).
"""
