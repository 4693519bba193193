"""Heartwork: a private, calm terminal companion for self-compassion homework."""

__version__ = "0.1.0"
