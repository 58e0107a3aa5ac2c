"""Mail archives: mbox files and .eml folders, their headers and messages."""
