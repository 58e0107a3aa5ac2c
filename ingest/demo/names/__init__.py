"""Names of the demo world: personal and company names, their pools and their spelling variants."""
