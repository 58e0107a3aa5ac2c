"""GraphQL types of the intelligence answers: strength, referrals, org charts, decision-makers,
committees, links, customers.
"""
