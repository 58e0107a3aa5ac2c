"""Cypher of the importer's batch writes: nodes, links, references, the two-step bulk kinds and
import runs.
"""
