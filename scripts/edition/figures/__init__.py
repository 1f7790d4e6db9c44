"""The figures: the locator map (`mapsvg`, drawn with `geo`) and the timeline, as HTML for the site and the book (`html`).

`mapdata` extracts the map's base data from world-atlas (`python -m edition map-data`).
"""
