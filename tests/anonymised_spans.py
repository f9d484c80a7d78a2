"""What the anonymiser replaced in a short invented text, in the shapes the round tests compare
(tests/anonymise/test_*_round.py): by kind, by role, or by pseudonym."""

from __future__ import annotations

from analysis.anonymise import anonymise

# Three short sentences that open with a small letter, so that a short invented chat is read as a lower-case text
CHAT_OPENING = "chat\n\nok. ja. greit.\n"


def kinds(text: str) -> dict[str, str]:
    """Each replaced surface → its kind («person», «place» …)."""
    return {text[s.start : s.end]: s.kind for s in anonymise(text).replacements}


def roles(text: str) -> dict[str, str | None]:
    """Each replaced person's surface → the role its pseudonym claims (None: no role)."""
    return {text[s.start : s.end]: s.role for s in anonymise(text).replacements if s.kind == "person"}


def kinds_and_roles(text: str) -> dict[str, tuple[str, str | None]]:
    """Each replaced surface → (kind, role)."""
    return {text[s.start : s.end]: (s.kind, s.role) for s in anonymise(text).replacements}


def pseudonyms(text: str) -> dict[str, tuple[str, str | None]]:
    """Each replaced person's surface → (the pseudonym written, its role)."""
    return {text[s.start : s.end]: (s.replacement, s.role) for s in anonymise(text).replacements if s.kind == "person"}
