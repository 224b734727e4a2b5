"""Benchmark support: a synthetic corpus generator and the measurements behind `python -m pipelines bench`."""
