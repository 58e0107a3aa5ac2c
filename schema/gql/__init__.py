"""GraphQL types (strawberry): mapped from the model, no I/O; nested fields use loaders."""
