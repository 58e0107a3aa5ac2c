"""Use cases: read through graph/, compute with algorithms/, return model objects."""
