"""The book: the edition as one HTML document for print (`render`, `templates/`), typeset by WeasyPrint (`typeset`).

Its file name (`name`) and the digest of everything it is made from (`inputs`), by which a typeset book is kept;
a collection's books, typeset in a pool of processes (`documents`); a typesetter that dies with the build that started it (`child`).
"""
