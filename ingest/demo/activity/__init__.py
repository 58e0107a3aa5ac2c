"""What happens in the demo world: latent ties, interactions and their subjects, planted
introductions, deals.
"""
