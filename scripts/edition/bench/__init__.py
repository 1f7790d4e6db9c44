"""The benchmark behind `make bench`: synthetic sources, timings, and the report they make.

`run` measures and writes BENCHMARK.md. `synthetic` and `collection` make the sources,
`plain` the plain Material alternative; `throughput` and `instructions` measure the
matcher, `sites` whole builds, `preview` edit-to-reload, `scale` a large collection,
`lighthouse` the pages' scores; `timing` takes the medians and `report` writes the table.
"""
