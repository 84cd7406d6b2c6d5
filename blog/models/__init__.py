"""The articles' models, moving into a package (this commit only renames the module)."""

from .article import *  # noqa: F403
