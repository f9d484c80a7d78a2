"""Analysis package behind the SE/IPS report site.

Chapters call into this package; it never imports from chapters and never reads the build output.
"""

__version__ = "0.1.0"
