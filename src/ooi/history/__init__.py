"""The movement over time: coverage as of any date from git, series of points, and comparisons."""
