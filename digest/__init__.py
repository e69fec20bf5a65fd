"""digest: raw Chinese newspaper page dumps -> articles, summaries and keywords.

Library first: ``build_digest(paths)`` or ``digest_text(text)``; the CLI wraps them.
"""
__version__ = "0.1.0"

from .pipeline import Options, build_digest, digest_page, digest_text  # noqa: E402

__all__ = ["Options", "build_digest", "digest_page", "digest_text", "__version__"]
