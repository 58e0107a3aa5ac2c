"""Readers for each source format -> validated rows -> graph writers, batched."""
