"""Which sentences of an article describe a police activity, and how sure that is.

A sentence is proposed when it has an actor (a police unit, a police role, personnel) and an
activity (trigger words of the taxonomy, or a sentence like ones this store's reviewers coded),
with the things records are made of around them (a count, a date, a place). The score is a
logistic blend of those cues (weights set on the dev part of the real-shaped gold set); a
sentence that only quotes someone, sets no scene or is the headline scores low.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from store.classify import TypeClassifier
from store.model import Article, Entity
from store.text.sentences import sentences

_ACTOR = re.compile(
    r"(?<![^\W_])(?:personel|polisi|polri|petugas|anggota|polwan|jajaran|aparat|bhabinkamtibmas|"
    r"kapolres|kapolresta|kapolsek|kapolda|kasat\w*|kanit\w*|kabag\w*|brimob|satbrimob)(?![^\W_])",
    re.IGNORECASE)
_QUOTE_START = re.compile(r"^\s*[\"“”'‘]")
_SPEECH = re.compile(r"[,.]?[\"”’]\s*(?:ujar|kata|ucap|tegas|jelas|tutur|ungkap|imbuh|pungkas|sebut)",
                     re.IGNORECASE)
_NOT_EVENT = re.compile(r"(?<![^\W_])(?:mengimbau|berharap|meminta|mengajak|mengingatkan|menegaskan|"
                        r"menyampaikan|mengatakan|menjelaskan|menyebut|mengapresiasi|berterima kasih)"
                        r"(?![^\W_])", re.IGNORECASE)
_PLANNED = re.compile(r"(?<![^\W_])(?:akan|dijadwalkan|rencananya|direncanakan)(?![^\W_])", re.IGNORECASE)
MIN_WORDS = 6
THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    score: float


def _in_noise(start: int, end: int, noise: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in noise)


def sentence_score(article: Article, start: int, end: int, inside: Sequence[Entity],
                   classifier: TypeClassifier) -> float:
    """How likely the sentence ``start:end`` describes an activity a reviewer would code (0..1)."""
    text = article.text[start:end]
    n_words = len(text.split())
    if n_words < MIN_WORDS:
        return 0.0
    labels = {e.label for e in inside}
    unit = any(e.label == "POLICE_UNIT" for e in inside)
    actor = unit or bool(_ACTOR.search(text)) or "PERSONNEL" in labels
    lex = sum(classifier.lexicon_scores(text).values())
    _, learned_p = classifier.guess(text) if classifier.learned else ("", 0.0)
    z = -3.2
    z += 1.6 if actor else 0.0
    z += 0.6 if unit else 0.0
    z += min(lex, 2.0) * 1.3
    z += 0.5 if "PERSONNEL" in labels else 0.0
    z += 0.5 if "DATE" in labels else 0.0
    z += 0.5 if "LOC" in labels else 0.0
    z += 0.3 if labels & {"MILITARY_UNIT", "ELECTION_BODY", "GOV_ORG"} else 0.0
    z += 1.0 * learned_p if classifier.learned >= 20 else 0.0
    if _QUOTE_START.match(text) or _SPEECH.search(text):
        z -= 1.2
    if _NOT_EVENT.search(text):
        z -= 1.0
    if text.rstrip().endswith("?"):
        z -= 1.5
    if _PLANNED.search(text):
        z -= 0.2
    if n_words > 70:
        z -= 0.8
    return 1.0 / (1.0 + math.exp(-z))


def candidates(article: Article, classifier: TypeClassifier, threshold: float = THRESHOLD) -> list[Candidate]:
    """The article's activity sentences scoring at least ``threshold``, in text order."""
    noise = [(n.start, n.end) for n in article.noise]
    title = article.title.strip()
    ents = sorted(article.entities, key=lambda e: e.start)
    out: list[Candidate] = []
    i = 0
    for start, end in sentences(article.text, article.noise):
        if _in_noise(start, end, noise):
            continue
        if title and article.text[start:end].strip() == title:
            continue
        while i < len(ents) and ents[i].end <= start:
            i += 1
        inside = []
        j = i
        while j < len(ents) and ents[j].start < end:
            if ents[j].start >= start and ents[j].end <= end:
                inside.append(ents[j])
            j += 1
        score = sentence_score(article, start, end, inside, classifier)
        if score >= threshold:
            out.append(Candidate(start, end, round(score, 3)))
    return out
