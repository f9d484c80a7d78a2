"""Keeping personal data out: the privacy gate, disclosure control of small cells, and its command line.

- ``gate``: finds identity numbers, e-mail addresses, phone numbers and deny-listed terms in text and files
  (run over every tracked file and the built site by the tests); ``cli``: ``python -m analysis privacy``.
- ``disclosure``: suppression of small cells and groups in tables computed from a user's own data.
"""

from analysis.privacy.disclosure import MIN_N, suppress_small_cells, suppress_small_groups
from analysis.privacy.gate import hash_term, load_deny_hashes, scan_paths, scan_text, tokens

__all__ = ["MIN_N", "hash_term", "load_deny_hashes", "scan_paths", "scan_text", "suppress_small_cells",
           "suppress_small_groups", "tokens"]
