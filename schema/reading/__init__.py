"""Plain records of what the graph answers: shared activity, analytics, customers, hidden links,
referrals, merges, statistics.
"""
