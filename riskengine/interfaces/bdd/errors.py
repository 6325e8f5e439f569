"""The failure a step raises when a scenario does not hold or cannot be run as written."""

from __future__ import annotations


class ScenarioError(AssertionError):
    """A failed check or a mistake in a scenario; the message is shown as it is, without a traceback."""
