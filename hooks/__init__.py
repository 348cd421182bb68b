"""Breathing Room build code.

Everything here except `mkdocs_hooks.py` takes plain data and returns strings, so it can be
tested alone and reused under another generator. `mkdocs_hooks.py` is the thin MkDocs glue.
Markup and reader-facing sentences live in `templates/`, filled by `render/`.
"""
