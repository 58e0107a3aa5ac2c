"""Cypher text, as constants: one module per aggregate. Values always travel as $parameters."""
