"""hadath (حدث, "event"): Arabic news → PLOVER political event data and actor networks.

Python API::

    import hadath
    doc = hadath.process("التقى وفد من حركة حماس ...", date="2022-08-22", doc_id="a1")
    for record in doc.records():   # codebook §1 event records
        print(record["event_type"], record["actors"], record["recipients"])
"""
from __future__ import annotations

__version__ = "0.1.0"

from hadath.doc import Doc, Event, Mention, Place, Span, Token  # noqa: E402
from hadath.pipeline import Pipeline, get_pipeline, process  # noqa: E402

__all__ = ["Doc", "Event", "Mention", "Place", "Span", "Token", "Pipeline", "get_pipeline", "process",
           "__version__"]
