"""The book: the edition as one HTML document for print (`render`, `templates/`), typeset by WeasyPrint (`typeset`).

Its file name (`name`) and the digest of everything it is made from (`inputs`), by which a typeset book is kept.
"""
