"""Extractive summarizers behind one interface; choose one by name (``--method``)."""
from .base import Summarizer, get, methods, register, select, summarize, summarize_many

DEFAULT_METHOD = "textrank"

__all__ = ["Summarizer", "get", "methods", "register", "select", "summarize", "summarize_many", "DEFAULT_METHOD"]
