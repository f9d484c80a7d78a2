"""The shared core every domain package builds on; it imports nothing from them.

- ``paths``, ``errors``, ``files``: where the project's files are; located, Norwegian problems for users;
  opening files with one set of messages.
- ``tabular``: the one reader of .csv/.xlsx/.sav files; ``validation``: the one validation style
  (pydantic models, Norwegian messages, YAML loading).
- ``rounding`` and ``formatting``: the one rounding rule (halves away from zero) and numbers in Norwegian prose.
- ``identity``: the one detector of national identity numbers; ``sources``: the one registry of source
  documents and the parser of line references into them.
- ``grim``: which numbers of respondents can produce a printed mean; ``check_records``: the records every
  reproduction and consistency check produces.
- ``render``: figures and tables as offline, accessible page output.
"""
