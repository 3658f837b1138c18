"""Interchange: tandai's coding out to the formats other tools read, and their annotations in.

One module per format (``prodigy``, ``doccano``, ``labelstudio``, ``brat``, ``conll``, ``spacy``,
``events``), each with a streaming writer; ``importing`` reads the annotation tools' files back
into a store. ``common`` holds what they share: the articles to export with their corrected
entities (noise left out), tokens, and code-point offsets.

Offsets are Unicode code points into ``Article.text`` (Python string indices): an emoji is one
position. doccano alone gets UTF-16 units, which its JavaScript front end counts (``doccano``).
"""
