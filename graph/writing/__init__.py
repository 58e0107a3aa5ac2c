"""Every writer of the graph: batched record writers, the importer's writers, post-import
derivations and maintenance.
"""
