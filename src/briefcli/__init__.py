"""brief: a terminal briefing book over plain YAML knowledge files."""

__version__ = "0.1.0"
