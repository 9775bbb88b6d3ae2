"""The movement over time: series of coverage points as of many dates, and comparisons between them."""
