"""The source stage: read a source folder and validate it into the edition's model.

`files` reads (the only I/O), `yamlfile` and `schema` parse and check each record,
`parse` builds the model, `checks` compares records across files, `timeline` and
`basemap` read the figures' data. `nearmatch` finds what an editor almost typed.
"""

from edition.source.files import SourceFiles, read_source
from edition.source.parse import Examined, Memo, examine_source, load_source, parse_source

__all__ = ["Examined", "Memo", "SourceFiles", "examine_source", "load_source", "parse_source", "read_source"]
