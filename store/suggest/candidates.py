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
from store.records import names_a_venue
from store.text.sentences import sentences

_ACTOR = re.compile(
    r"(?<![^\W_])(?:personel|polisi|polri|petugas|anggota|polwan|jajaran|aparat|bhabinkamtibmas|"
    r"kapolres|kapolresta|kapolsek|kapolda|kasat\w*|kanit\w*|kabag\w*|brimob|satbrimob|pihaknya|"
    r"jajarannya)(?![^\W_])",
    re.IGNORECASE)
# an activity as the subject of a passive verb: the police act though unnamed ("patroli serupa akan
# kembali digelar pada Senin", "pengamanan akan dilanjutkan saat rapat pleno")
_ACTIVITY_DONE = re.compile(
    r"(?<![^\W_])(?:patroli|pengamanan|pengawalan|penjagaan|razia|apel|operasi|sosialisasi)(?:\s+\w+){0,2}?"
    r"\s+(?:akan\s+|juga\s+|kembali\s+|telah\s+|sudah\s+)*(?:di\w+kan|digelar|dilakukan|dilaksanakan)(?![^\W_])",
    re.IGNORECASE)
_QUOTE_START = re.compile(r"^\s*[\"“”'‘]")
_SPEECH = re.compile(r"[,.]?[\"”’]\s*(?:ujar|kata|ucap|tegas|jelas|tutur|ungkap|imbuh|pungkas|sebut)",
                     re.IGNORECASE)
# an appeal, a hope, thanks: a sentence of these is rarely an activity
_NOT_EVENT = re.compile(r"(?<![^\W_])(?:mengimbau|menghimbau|berharap|meminta|mengajak|mengingatkan|"
                        r"menegaskan|mengapresiasi|berterima kasih)(?![^\W_])", re.IGNORECASE)
# a statement reported ("Fadli menambahkan, pihaknya telah memetakan 31 TPS ..."): often an activity
_SAYS = re.compile(r"(?<![^\W_])(?:menyampaikan|mengatakan|menjelaskan|menyebut|menyebutkan|mengungkapkan|"
                   r"menuturkan|menambahkan|menurut|menurutnya|memaparkan)(?![^\W_])", re.IGNORECASE)
_PLANNED = re.compile(r"(?<![^\W_])(?:akan|dijadwalkan|rencananya|direncanakan)(?![^\W_])", re.IGNORECASE)
_ELECTORAL = re.compile(
    r"(?<![^\W_])(?:pilkada|pemilu|pilgub|pilbup|pilwalkot|pileg|pilpres|pemilihan|tps|pemungutan suara|"
    r"pencoblosan|kampanye|pleno|rekapitulasi|logistik|surat suara|kotak suara|masa tenang|paslon|"
    r"calon|kpu|kip|bawaslu|panwas\w*|ppk|pps|kpps|mantap praja|psu)(?![^\W_])", re.IGNORECASE)
MIN_WORDS = 6
FLOOR = 0.4  # share of the threshold the best sentence of an article with no other needs
_CLOSERS = frozenset('.!?"”’)\'')
# on dev (d and e pages): recall 0.95 at precision 0.77 (0.35: 0.93 at 0.81); recall is what the
# held-back parts lacked, and a miss costs a hand-coded record where a wrong one costs one key
THRESHOLD = 0.3


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    score: float
    type: str = ""


def _in_noise(start: int, end: int, noise: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in noise)


def _outside(noise: Sequence[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The stretches of text between noise spans."""
    out, at = [], 0
    for s, e in sorted(noise):
        if s > at:
            out.append((at, s))
        at = max(at, e)
    if at < length:
        out.append((at, length))
    return out


_REFERS_BACK = re.compile(r"^(?:\S+\s+){0,3}(?:itu|tersebut)(?![^\W_])", re.IGNORECASE)
# Weights of the cues, fitted (L2 logistic regression) on the dev part of the real-shaped gold set
# by ``python -m bench.fit_suggest``: a sentence is positive when a gold record has it as evidence.
WEIGHTS: dict[str, float] = {
    "actor": 1.47, "bias": -5.03, "bodies": -0.05, "continues": -1.00, "date": 0.81, "electoral": 0.22,
    "lede": -0.20, "lex": 0.97, "loc": 1.36, "long": 0.00, "main": 0.74, "personnel": 0.62, "planned": 0.04,
    "question": 0.00, "quote": -0.62, "refers": 0.07, "report": -0.47, "says": -0.25, "topical": 0.38,
    "unit": 0.90,
}


def sentence_features(article: Article, start: int, end: int, inside: Sequence[Entity],
                      classifier: TypeClassifier, before: tuple[str, frozenset[str]] | None,
                      lede: bool, topical: bool) -> dict[str, float] | None:
    """The cues of the sentence ``start:end`` (None: it cannot be an activity sentence).
    ``before`` is the type and units of the activity sentence before it."""
    text = article.text[start:end]
    n_words = len(text.split())
    if n_words < MIN_WORDS or text.rstrip()[-1] not in _CLOSERS:
        return None  # a headline, a list item, a caption: a page's sentences end like sentences
    labels = {e.label for e in inside}
    units = frozenset(e.text for e in inside if e.label == "POLICE_UNIT")
    lexicon = classifier.lexicon_scores(text)
    kind = classifier.guess(text)[0] if lexicon else ""
    actor = bool(units) or bool(_ACTOR.search(text)) or bool(labels & {"PERSONNEL", "RANK", "ROLE"}) or bool(
        _ACTIVITY_DONE.search(text))
    return {
        "bias": 1.0,
        "unit": float(bool(units)),
        "actor": float(actor),
        "lex": min(sum(lexicon.values()), 3.0),
        "main": float(any(v >= 1.0 for v in lexicon.values())),
        "personnel": float("PERSONNEL" in labels),
        "date": float("DATE" in labels),
        "loc": float("LOC" in labels or names_a_venue(text)),
        "bodies": float(bool(labels & {"MILITARY_UNIT", "ELECTION_BODY", "GOV_ORG"})),
        "quote": float(bool(_QUOTE_START.match(text) or _SPEECH.search(text))),
        "report": float(bool(_NOT_EVENT.search(text))),
        "says": float(bool(_SAYS.search(text)) and not _NOT_EVENT.search(text)),
        "question": float(text.rstrip().endswith("?")),
        "planned": float(bool(_PLANNED.search(text))),
        "long": float(n_words > 45),
        "lede": float(lede),
        "continues": float(before is not None and bool(kind) and before[0] == kind and units <= before[1]),
        "refers": float(bool(_REFERS_BACK.search(text))),
        "electoral": float(bool(_ELECTORAL.search(text))),
        "topical": float(topical),
    }


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


Scored = tuple[int, int, dict[str, float], str]


def scored_sentences(article: Article, classifier: TypeClassifier) -> list[Scored]:
    """Every sentence of the article's body that could be an activity sentence, with its cues
    and its guessed type, in text order."""
    noise = [(n.start, n.end) for n in article.noise]
    title = article.title.strip()
    ents = sorted(article.entities, key=lambda e: e.start)
    body = "".join(article.text[a:b] for a, b in _outside(noise, len(article.text)))
    topical = bool(_ELECTORAL.search(body))
    out: list[Scored] = []
    before: tuple[str, frozenset[str]] | None = None
    lede = True
    i = 0
    for start, end in sentences(article.text, article.noise):
        if _in_noise(start, end, noise) or (title and article.text[start:end].strip() == title):
            continue
        while i < len(ents) and ents[i].end <= start:
            i += 1
        inside = []
        j = i
        while j < len(ents) and ents[j].start < end:
            if ents[j].start >= start and ents[j].end <= end:
                inside.append(ents[j])
            j += 1
        feats = sentence_features(article, start, end, inside, classifier, before, lede, topical)
        if feats is None:
            continue
        lede = False
        kind = classifier.guess(article.text[start:end])[0] if feats["lex"] else ""
        if kind:
            units = frozenset(e.text for e in inside if e.label == "POLICE_UNIT")
            if before is None or before[0] != kind or not units <= before[1]:
                before = (kind, units)
        out.append((start, end, feats, kind))
    return out


def candidates(article: Article, classifier: TypeClassifier, threshold: float = THRESHOLD) -> list[Candidate]:
    """The article's activity sentences scoring at least ``threshold``, in text order. Once the
    store has records, how like a coded sentence this one is counts too."""
    scored: list[Candidate] = []
    for start, end, feats, kind in scored_sentences(article, classifier):
        z = sum(WEIGHTS.get(k, 0.0) * v for k, v in feats.items())
        if classifier.learned >= 20:
            z += classifier.guess(article.text[start:end])[1] - 0.5
        scored.append(Candidate(start, end, round(_logistic(z), 3), kind))
    out = [c for c in scored if c.score >= threshold]
    best = max(scored, key=lambda c: c.score, default=None)
    if not out and best is not None and best.score >= threshold * FLOOR and best.type:
        out = [best]  # an article on the election nearly always reports one activity: its likeliest
    return out
