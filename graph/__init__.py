"""The only package that imports neo4j or writes Cypher."""
