"""The source stage: read a source folder and validate it into the edition's model.

`files` reads (the only I/O), `yamlfile` and `schema` parse and check each record
(`records` holds what every list file shares), `parse` builds the model, and `checks`
compares records across files, with `anchors` finding where a note's or claim's passage
sits in the article. `primary` reads what a document says of itself and where a claim's
words were said, and `quotations` finds that passage and compares the quoted words with
it. `timeline` and `basemap` read the figures' data (`data/` holds the world's base map).
`nearmatch` finds what an editor almost typed; `scaffold` writes a new source folder
from `template/`.
"""

from edition.source.files import SourceFiles, read_source
from edition.source.parse import Examined, Memo, examine_source, load_source, parse_source

__all__ = ["Examined", "Memo", "SourceFiles", "examine_source", "load_source", "parse_source", "read_source"]
