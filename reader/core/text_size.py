"""The text size scale behind the "− o +" control."""

from __future__ import annotations

STEPS: tuple[int, ...] = (50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300, 400)
DEFAULT = 100
SMALLEST, LARGEST = STEPS[0], STEPS[-1]


def larger(percent: int) -> int:
    """The next step up (a size between steps goes to the next one above it)."""
    return next((step for step in STEPS if step > percent), LARGEST)


def smaller(percent: int) -> int:
    return next((step for step in reversed(STEPS) if step < percent), SMALLEST)


def clamp(percent: int) -> int:
    return min(max(int(percent), SMALLEST), LARGEST)
