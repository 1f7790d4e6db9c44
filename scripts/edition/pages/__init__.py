"""The pages stage: find the glossary's terms in the text and render the edition's Markdown pages.

`matcher` finds the terms, `render` writes the article, glossary and names index,
with `text` making the annotated text's HTML; `home` writes the home and about pages,
`collection` a collection's home and lettered glossary; `apparatus` the notes and who
said what, `quotations` each quotation's status against its primary source, `citation`
the citations and metadata; `review` the warnings matching gives, `pipeline` runs them
in order, and `writer` writes the pages into a docs folder (the only I/O).
"""
