"""The known answers of the demo world: ground truth, duplicates, hidden links and shared
identifiers.
"""
