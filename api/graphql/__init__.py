"""The GraphQL surface: the schema, its root query and mutation types, one module per topic
holding the resolvers and their converters, the per-request context and loaders.
"""
