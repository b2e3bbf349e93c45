"""What a start does before the reader sees anything, the same for the window and the
command line: forget history past the reader's Keep History choice, and choose the
article the window opens on."""

from __future__ import annotations

from reader.core.history import History
from reader.core.preferences import Preferences


def trim_history(history: History, preferences: Preferences, read_only: bool) -> int:
    """Forget reading older than the Keep History choice; a read-only library keeps all
    it has. Returns how many entries were forgotten. Library errors (busy, a full disk)
    are the caller's to report."""
    if read_only:
        return 0
    return history.apply_retention(preferences.get("history_retention_days"))


def articles_to_open(
    history: History, preferences: Preferences, last_article: object, first_listed: int | None
) -> list[int]:
    """The articles the window tries to open on, in order (the first that can still be
    opened is shown): with Continue Reading at Start, the most recently read unfinished
    article; then the article shown when the window last closed; then the first listed."""
    candidates: list[int] = []
    if preferences.get("continue_on_start"):
        reading = history.most_recent_unfinished()
        if reading is not None:
            candidates.append(reading.article_id)
    # (The state file is the reader's to edit: anything but an id is ignored.)
    if isinstance(last_article, int) and not isinstance(last_article, bool):
        candidates.append(last_article)
    if first_listed is not None:
        candidates.append(first_listed)
    return list(dict.fromkeys(candidates))
