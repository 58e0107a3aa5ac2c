"""iCalendar: events, their times and time zones, and recurrences."""
