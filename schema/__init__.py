"""The domain model of Relgraph: plain dataclasses and enums, no I/O."""
