"""Breathing Room benchmarks: `make bench` (python -m bench) prints each table and writes
bench/RESULTS.md. Benchmarks report figures against aims; they never pass or fail on time."""
