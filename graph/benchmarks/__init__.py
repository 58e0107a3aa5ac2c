"""The plain-Cypher sides of the benchmarks: hand-tuned baselines that the ``relgraph bench``
commands measure our code against.
"""
