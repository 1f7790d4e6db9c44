"""The benchmark behind `make bench`: synthetic sources, timings, and the report they make."""
