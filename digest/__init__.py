"""digest: raw Chinese newspaper page dumps -> articles, summaries and keywords.

Library first: ``build_digest(paths)`` or ``digest_text(text)``; the CLI wraps them.
"""
__version__ = "0.1.0"

__all__ = ["Options", "build_digest", "digest_page", "digest_text", "__version__"]


def __getattr__(name: str):
    """The library's names load the pipeline when first used, not when the package is
    imported: `digest --version` and the command's Ctrl-C handler do not wait for it."""
    if name in __all__ and name != "__version__":
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'digest' has no attribute {name!r}")
