"""A crfsuite linear-chain CRF as numpy arrays, and batched Viterbi decoding.

``read_crfsuite`` reads a model file written by crfsuite (``pycrfsuite.Trainer.train``) straight
from its binary layout (crfsuite's lib/crf/src/crf1d_model.c and lib/cqdb): the weights are the exact
doubles crfsuite tags with.  (``pycrfsuite.Tagger.info()`` is no substitute: it parses crfsuite's
text dump, which prints weights with six decimals, and takes ~0.4 s per model.)

Scoring, as crfsuite's 1st-order CRF (crf1d) does it: the state score of label y at item t is the sum,
over the item's attributes (each occurrence, value 1.0 for string attributes; attributes the model
does not know are skipped), of weight(attr, y); the path score is the sum of the state scores plus
trans[y_{t-1}, y_t].  There are no start or end transition weights.  Viterbi keeps, for each label,
the first best predecessor (``max < score`` in label order) and ends on the first best last label,
which is what ``numpy.argmax`` picks too.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")  # crf1d_model.c header_t (48 bytes)
_CHUNK = struct.Struct("<4sII")  # chunk id, size, number of items
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])  # 20 bytes
_CQDB_HEADER = struct.Struct("<4sIIIII")  # chunk id, size, flag, byte order, bwd size, bwd offset
_CQDB_BYTEORDER = 0x62445371


@dataclass
class LinearCRF:
    labels: list[str]  # label id → label
    attrs: list[str]  # attribute id → attribute
    state: np.ndarray  # (attributes, labels): weight of each (attribute, label) state feature
    trans: np.ndarray  # (labels, labels): trans[i, j] weight of label i followed by label j


def _cqdb_strings(buf: bytes, off: int, n: int) -> list[str]:
    """The strings of a CQDB chunk at ``off`` by id 0 … n-1 (its backward array)."""
    chunk, _size, _flag, order, bwd_size, bwd_offset = _CQDB_HEADER.unpack_from(buf, off)
    if chunk != b"CQDB" or order != _CQDB_BYTEORDER or bwd_offset == 0 or bwd_size < n:
        raise ValueError("not a readable CQDB chunk")
    if n == 0:
        return []
    rec = np.frombuffer(buf, dtype="<u4", count=n, offset=off + bwd_offset).astype(np.int64)
    if not rec.all():
        raise ValueError("CQDB record missing")
    rec += off  # a record: id, key size (with its NUL), key
    raw = np.frombuffer(buf, dtype=np.uint8)
    size = (raw[rec + 4].astype(np.int64) | raw[rec + 5].astype(np.int64) << 8
            | raw[rec + 6].astype(np.int64) << 16 | raw[rec + 7].astype(np.int64) << 24)
    # every key with its NUL, end to end, then one decode and one split
    first = np.zeros(n, dtype=np.int64)
    np.cumsum(size[:-1], out=first[1:])
    pick = np.arange(int(size.sum()), dtype=np.int64) + np.repeat(rec + 8 - first, size)
    keys = raw[pick].tobytes()
    if keys[-1:] != b"\0":
        raise ValueError("CQDB key without its NUL")
    out = keys[:-1].decode("utf-8").split("\0")
    if len(out) != n:
        raise ValueError("CQDB key with a NUL inside")
    return out


def read_crfsuite(path: Path | str) -> LinearCRF:
    """The labels, attributes and weights of a crfsuite CRF1d model file (ValueError if unreadable)."""
    buf = Path(path).read_bytes()
    if len(buf) < _HEADER.size:
        raise ValueError(f"{path}: not a crfsuite model")
    (magic, size, mtype, version, _n_feat, n_lab, n_attr, off_feat, off_lab, off_attr, _off_lref,
     _off_aref) = _HEADER.unpack_from(buf, 0)  # (crfsuite leaves the header's feature count 0)
    if magic != b"lCRF" or mtype != b"FOMC" or version != 100 or size != len(buf):
        raise ValueError(f"{path}: not a crfsuite CRF1d model (version 100)")
    chunk, csize, n_feat = _CHUNK.unpack_from(buf, off_feat)
    if chunk != b"FEAT" or csize != _CHUNK.size + _FEATURE.itemsize * n_feat:
        raise ValueError(f"{path}: bad feature chunk")
    feats = np.frombuffer(buf, dtype=_FEATURE, count=n_feat, offset=off_feat + _CHUNK.size)
    labels = _cqdb_strings(buf, off_lab, n_lab)
    attrs = _cqdb_strings(buf, off_attr, n_attr)
    kind, src, dst, w = feats["type"], feats["src"], feats["dst"], feats["weight"]
    st, tr = kind == 0, kind == 1
    if not (st | tr).all() or (dst >= n_lab).any() or (src[st] >= n_attr).any() or (src[tr] >= n_lab).any():
        raise ValueError(f"{path}: feature out of range")
    state = np.zeros((n_attr, n_lab))
    trans = np.zeros((n_lab, n_lab))
    np.add.at(state, (src[st], dst[st]), w[st])  # crfsuite keeps one feature per (attr, label)
    np.add.at(trans, (src[tr], dst[tr]), w[tr])
    return LinearCRF(labels, attrs, state, trans)


def viterbi(scores: np.ndarray, lengths: np.ndarray, trans: np.ndarray) -> tuple[np.ndarray, float]:
    """Best label ids for sentences laid end to end: ``scores`` (tokens, labels) state scores, sentence
    k being the next ``lengths[k]`` (> 0) rows.  Also the margin of the closest decision on the best
    paths: the gap between the best and the second-best score of each sentence's last label and of
    each chosen predecessor (inf for none).  A margin well above the rounding error of the scores
    means another summation order of the same weights (crfsuite's) picks the same paths.

    All sentences advance together one position at a time, longest first, so a step costs a few
    numpy calls whatever the number of sentences (numpy's per-call overhead, not arithmetic, is what a
    step costs: hence argmax over the last axis and the maxima fetched with ``take`` rather than
    reductions over a middle axis)."""
    n, n_lab = scores.shape
    lengths = np.asarray(lengths, dtype=np.intp)
    out = np.empty(n, dtype=np.intp)
    if n == 0:
        return out, float("inf")
    starts = np.zeros(len(lengths), dtype=np.intp)
    np.cumsum(lengths[:-1], out=starts[1:])
    order = np.argsort(-lengths, kind="stable")
    lens = lengths[order]
    b = len(lens)
    longest = int(lens[0])
    # active[t]: how many sentences (a prefix, longest first) have a position t
    active = (b - np.searchsorted(lens[::-1], np.arange(longest), side="right")).tolist()
    # rows of ``scores`` by (position, sentence); positions past a sentence's end are never read
    idx = starts[order][None, :] + np.arange(longest)[:, None]
    np.minimum(idx, n - 1, out=idx)
    alpha = scores[idx]  # (longest, sentences, labels): state scores, then best path scores
    back = np.zeros((longest, b * n_lab), dtype=np.intp)  # best previous label, by (sentence, label)
    trans_t = np.ascontiguousarray(trans.T)  # [label, previous label]
    flat = np.arange(b * n_lab) * n_lab
    cand = np.empty((b, n_lab, n_lab))
    for t in range(1, longest):
        k = active[t]
        c = cand[:k]
        np.add(alpha[t - 1, :k, None, :], trans_t, out=c)  # [sentence, label, previous label]
        bk = back[t, :k * n_lab]
        c.argmax(axis=2, out=bk.reshape(k, n_lab))  # the first best, as crfsuite
        at = alpha[t, :k]
        np.add(c.take(flat[:k * n_lab] + bk).reshape(k, n_lab), at, out=at)
    ar = np.arange(b)
    final = alpha[lens - 1, ar]
    lab = np.empty((longest, b), dtype=np.intp)
    lab[lens - 1, ar] = final.argmax(axis=1)
    rows = ar * n_lab
    for t in range(longest - 1, 0, -1):
        k = active[t]
        lab[t - 1, :k] = back[t].take(rows[:k] + lab[t, :k])
    valid = np.arange(longest)[:, None] < lens[None, :]
    out[idx[valid]] = lab[valid]
    # margins: the final choice, and each chosen predecessor (positions 1 …)
    tt, ss = np.nonzero(valid[1:])
    gaps = [final, alpha[tt, ss] + trans_t[lab[tt + 1, ss]]] if len(tt) else [final]
    margin = float("inf")
    if n_lab > 1:
        for g in gaps:
            top = np.partition(g, n_lab - 2, axis=1)
            margin = min(margin, float((top[:, -1] - top[:, -2]).min()))
    return out, margin
