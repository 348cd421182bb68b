"""Maintainers' tools. A package here (check_sources) runs as `python -m tools.check_sources`."""
