"""The checker: load, validate, judge, waive, in parallel, into a Result; the one clock. Imports rules and below."""
