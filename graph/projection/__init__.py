"""The resident projection: what the intelligence reads, held in memory by each API process,
built in bulk reads at start-up and kept current by the change feed; readers that answer
from it as the per-request reads do."""
