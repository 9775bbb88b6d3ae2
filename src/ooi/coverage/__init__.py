"""Pure tallies over a Result: coverage per agency, next steps, the principle matrix. Never prints, never reads files."""
