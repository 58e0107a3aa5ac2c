"""HTTP plumbing around the GraphQL endpoint: app composition, API-key auth, body and cost limits,
request ids, logs and metrics.
"""
