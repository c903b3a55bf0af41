"""The one document model that flows through the pipeline.

A ``Doc`` holds the ORIGINAL text exactly as read and a set of annotation layers whose every span is a
pair of character offsets into that original text (``doc.text[start:end]`` is always what the span
covers).  Components (text → actors → events) each add one layer; nothing ever rewrites ``doc.text``.
Normalized forms live on the tokens, never in place of the original.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Token:
    """One whitespace/punctuation-delimited word of the original text, with its clitic analysis.

    ``skel`` is the skeleton form of the whole word (28 base letters only, see hadath.text.normalize),
    ``prefix``/``stem``/``suffix`` its clitic split in skeleton space (``"وال"``, ``"حماس"``, ``""``).
    ``norm`` is the standard normalization (alef/ya/ta-marbuta folded, no diacritics) of the whole word.
    """

    start: int
    end: int
    text: str
    norm: str
    skel: str
    prefix: str = ""
    stem: str = ""
    suffix: str = ""
    is_punct: bool = False
    is_number: bool = False


@dataclass(slots=True)
class Span:
    """A labelled stretch of the original text; ``start``/``end`` are character offsets."""

    start: int
    end: int
    label: str = ""


@dataclass(slots=True)
class Mention:
    """An actor mention.  ``entity_id``/``root`` are None when the knowledge base does not know it.

    ``type`` is the coarse type (ORG, PER, GPE, LOC, POP …); ``origin`` says which component found it
    ("kb", "ner", "coref", "title").  ``tok_start``/``tok_end`` index ``doc.tokens`` (end exclusive).
    """

    start: int
    end: int
    text: str
    entity_id: str | None
    root: str | None
    type: str = "ORG"
    sector: str | None = None
    origin: str = "kb"
    tok_start: int = -1
    tok_end: int = -1
    name: str | None = None  # English name of the entity, for display


@dataclass(slots=True)
class Place:
    """A geocoded place mention."""

    start: int
    end: int
    text: str
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO3 (PSE for Palestine)
    kind: str = "city"  # city, country, region, camp, crossing …

    def as_location(self) -> dict[str, Any]:
        return {"name": self.name, "geonameid": self.geonameid, "lat": self.lat, "lon": self.lon,
                "country": self.country}


@dataclass(slots=True)
class Event:
    """One coded event; ``to_record`` renders the codebook §1 JSON object."""

    event_type: str
    trigger: Span
    sentence: Span
    actors: list[Mention] = field(default_factory=list)
    recipients: list[Mention] = field(default_factory=list)
    mode: str | None = None
    cameo: str | None = None
    status: str = "occurred"
    date: str | None = None
    location: dict[str, Any] | None = None
    fatalities: int | None = None
    injuries: int | None = None
    source_says: Mention | None = None
    extra_evidence: list[Span] = field(default_factory=list)  # later mentions merged into this one
    confidence: float = 1.0

    def to_record(self, doc: "Doc") -> dict[str, Any]:
        def actor(m: Mention) -> dict[str, Any]:
            return {"id": m.entity_id, "root": m.root, "name": m.name, "text": m.text, "type": m.type,
                    "sector": m.sector, "start": m.start, "end": m.end}

        s = self.sentence
        return {
            "doc_id": doc.id,
            "event_type": self.event_type,
            "mode": self.mode,
            "cameo": self.cameo,
            "actors": [actor(m) for m in self.actors],
            "recipients": [actor(m) for m in self.recipients],
            "status": self.status,
            "date": self.date,
            "location": self.location,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "evidence": {
                "sentence": doc.text[s.start:s.end],
                "start": s.start,
                "end": s.end,
                "trigger": {"start": self.trigger.start, "end": self.trigger.end,
                            "text": doc.text[self.trigger.start:self.trigger.end]},
                "actors": [{"start": m.start, "end": m.end, "text": m.text}
                           for m in self.actors + self.recipients if m.start >= 0],
                "more": [{"start": e.start, "end": e.end} for e in self.extra_evidence],
            },
            "source_says": self.source_says.root if self.source_says else None,
        }


def content_hash(text: str) -> str:
    """Stable identity of an article's content (re-ingesting the same text changes nothing)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class Doc:
    """Original text plus offset-true annotation layers."""

    text: str
    id: str = ""
    date: _dt.date | None = None  # publication date: what relative dates resolve against
    source: str | None = None
    url: str | None = None
    title: str | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    degraded: bool = False  # True for seed-000-style text (no punctuation, hamza, ة, ى, digits)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Span] = field(default_factory=list)  # NER spans (label PERS/ORG/LOC/MISC)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_hash(self.text)[:16]

    @property
    def hash(self) -> str:
        return content_hash(self.text)

    def sentence_tokens(self, sent: Span) -> list[int]:
        """Indices of the tokens inside a sentence span."""
        return [i for i, t in enumerate(self.tokens) if t.start >= sent.start and t.end <= sent.end]

    def records(self) -> list[dict[str, Any]]:
        return [e.to_record(self) for e in self.events]
