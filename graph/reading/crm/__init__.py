"""The standard CRM reads: entities by id, filtered and ordered lists, their relations, search and
pipeline.
"""
