"""The starlette app, the GraphQL schema wiring, services (use cases), and the CLI."""
