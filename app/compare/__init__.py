"""Comparing versions of a resolution: structural diff, Word tracked changes, oral revisions."""
