"""Streaming an import: source items in, batched writes out, every problem reported."""
