"""Reading the CRM entities: lookups by uid, batched relations, filtered and ordered pages."""
