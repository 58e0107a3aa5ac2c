"""Every reader of the graph: the CRM reads, the intelligence projections, API keys, the change
marker and statistics.
"""
