"""What a run tells the user on stderr: one line per skipped input, a progress bar with articles/s
(only on a terminal and only once the run has taken over a second), and the end-of-run summary.
stdout is never touched, so `hadath extract` output stays clean JSONL."""
from __future__ import annotations

import time
from collections import Counter
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn,
                           TimeElapsedColumn)
from rich.text import Text

SHOW_AFTER_S = 1.0


class _RateColumn(ProgressColumn):
    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} {self.unit}/s" if speed else f"… {self.unit}/s", style="cyan")


class LazyProgress:
    """A Rich progress bar on stderr that appears only on a terminal and only once the work has
    taken over SHOW_AFTER_S (short runs and piped/logged runs stay quiet)."""

    def __init__(self, console: Console, description: str, unit: str = "articles",
                 total: int | None = None) -> None:
        self.console, self.description, self.unit, self.total = console, description, unit, total
        self.started = time.perf_counter()
        self.completed = 0
        self._progress: Progress | None = None
        self._task: Any = None

    def advance(self, n: int = 1) -> None:
        self.completed += n
        if self._progress is None and self.console.is_terminal and \
                time.perf_counter() - self.started > SHOW_AFTER_S:
            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                      TextColumn(f"{{task.completed:,.0f}} {self.unit}"),
                                      _RateColumn(self.unit), TimeElapsedColumn(),
                                      console=self.console, transient=True)
            self._progress.start()
            self._task = self._progress.add_task(self.description, total=self.total)
        if self._progress is not None:
            self._progress.update(self._task, completed=self.completed)

    def print(self, markup: str) -> None:
        (self._progress.console if self._progress else self.console).print(markup)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


class RunReport:
    """Counts and messages of one extract/ingest run."""

    def __init__(self, verb: str = "processed", console: Console | None = None) -> None:
        self.console = console or Console(stderr=True, highlight=False, soft_wrap=True)
        self.verb = verb
        self.processed = 0
        self.events = 0
        self.already = 0
        self.skipped: Counter[str] = Counter()
        self.started = time.perf_counter()
        self.progress = LazyProgress(self.console, verb)

    # --- counting -------------------------------------------------------------------------------

    def skip(self, origin: str, reason: str) -> None:
        self.skipped[_reason_kind(reason)] += 1
        self.progress.print(f"[yellow]hadath: skipped {escape(origin)}: {escape(reason)}[/]")

    def done(self, events: int = 0) -> None:
        self.processed += 1
        self.events += events
        self.progress.advance()

    def already_stored(self) -> None:
        self.already += 1
        self.progress.advance()

    # --- display --------------------------------------------------------------------------------

    def note(self, message: str) -> None:
        """One plain line on stderr (above the progress bar, if one is showing)."""
        self.progress.print(escape(message))

    def close(self) -> None:
        self.progress.close()

    def summary(self, extra: str = "") -> str:
        elapsed = time.perf_counter() - self.started
        rate = (self.processed + self.already) / elapsed if elapsed > 0 else 0.0
        parts = [f"{self.verb} {self.processed} article{'s' * (self.processed != 1)}",
                 f"{self.events} event{'s' * (self.events != 1)}"]
        if self.already:
            parts.append(f"{self.already} already stored")
        line = f"hadath: {', '.join(parts)}{extra} in {elapsed:.1f} s ({rate:,.1f} articles/s)"
        if self.skipped:
            reasons = ", ".join(f"{n} {kind}" for kind, n in self.skipped.most_common())
            line += f"; skipped {sum(self.skipped.values())}: {reasons}"
        return line

    def finish(self, extra: str = "") -> int:
        """Print the summary; the exit code: 0 when anything was read successfully, else 1."""
        self.close()
        self.console.print(escape(self.summary(extra)))
        return 0 if (self.processed + self.already) else 1


def _reason_kind(reason: str) -> str:
    """A short category for the summary ('malformed JSON (…)' → 'malformed JSON')."""
    return reason.split(" (")[0].split(";")[0].strip()
