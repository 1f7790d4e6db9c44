"""The pages stage: find the glossary's terms in the text and render the edition's Markdown pages.

`matcher` finds the terms, `render` writes the article, glossary and names index,
`apparatus` the notes and who said what, `citation` the citations and metadata,
`review` the warnings matching gives, `pipeline` runs them in order, and `writer`
writes the pages into a docs folder (the only I/O).
"""
