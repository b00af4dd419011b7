"""The version of newslib (read by pyproject.toml, the cache key and ``newslib.__version__``)."""

__version__ = "0.1.0"
