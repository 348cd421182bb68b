"""Code the tests and the benches share: repository paths, the site build, the sub-path server,
browser lookup, HTML reading and page watching. Fixtures stay in tests/conftest.py; nothing
imports conftest."""
