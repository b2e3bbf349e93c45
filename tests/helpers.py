"""Paths the tests share."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = REPO.parent / "shared" / "seed" / "000_d2a8a0445f2ace74.txt"
