"""Pure functions on networkx graphs and plain data: no I/O, nothing of ours but schema enums."""
