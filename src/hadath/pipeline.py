"""The pipeline: small components applied in order to one Doc (text → actors → places → events).

Each component is a callable ``component(doc) -> doc`` that adds one annotation layer.  Heavy
resources (the actor automaton, the CRF model, the gazetteer) load once per Pipeline.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from hadath.doc import Doc

Component = Callable[[Doc], Doc]


def _text(_: "Pipeline") -> Component:
    from hadath.text.pipe import annotate_text
    return annotate_text


def _actors(_: "Pipeline") -> Component:
    from hadath.actors import ActorTagger
    return ActorTagger()


def _places(_: "Pipeline") -> Component:
    from hadath.geo import PlaceTagger
    return PlaceTagger()


def _events(_: "Pipeline") -> Component:
    from hadath.events import EventCoder
    return EventCoder()


FACTORIES: dict[str, Callable[["Pipeline"], Component]] = {
    "text": _text, "actors": _actors, "places": _places, "events": _events,
}
DEFAULT = ("text", "actors", "places", "events")


def parse_date(value: Any) -> _dt.date | None:
    """A publication date from a date, datetime or ISO-like string ('2015-07-21 02:51:32'); else None."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    s = str(value).strip()[:10]
    try:
        return _dt.date.fromisoformat(s)
    except ValueError:
        return None


class Pipeline:
    def __init__(self, components: Iterable[str] = DEFAULT) -> None:
        self.names = tuple(components)
        self.components: list[Component] = [FACTORIES[n](self) for n in self.names]

    def make_doc(self, text: str, *, doc_id: str = "", date: Any = None, source: str | None = None,
                 url: str | None = None, title: str | None = None) -> Doc:
        return Doc(text=text, id=doc_id, date=parse_date(date), source=source, url=url, title=title)

    def __call__(self, text: str | Doc, **meta: Any) -> Doc:
        doc = text if isinstance(text, Doc) else self.make_doc(text, **meta)
        for component in self.components:
            doc = component(doc)
        return doc

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


_DEFAULT_PIPELINE: Pipeline | None = None


def get_pipeline() -> Pipeline:
    """The process-wide default pipeline (loaded on first use)."""
    global _DEFAULT_PIPELINE
    if _DEFAULT_PIPELINE is None:
        _DEFAULT_PIPELINE = Pipeline()
    return _DEFAULT_PIPELINE


def process(text: str, *, doc_id: str = "", date: Any = None, source: str | None = None) -> Doc:
    """Run the full default pipeline over one article."""
    return get_pipeline()(text, doc_id=doc_id, date=date, source=source)
