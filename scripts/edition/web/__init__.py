"""The site: the MkDocs plugin (`plugin`), the theme's environments (`themeenv`), the stylesheet trim (`stylesheets`).

Also the Pagefind search index (`search`), the all-or-nothing site build (`site`), the
preview (`preview`, with its page script `preview.js`) and the static file server both
use (`serve`); PurgeCSS runs through `trim_stylesheets.mjs`.
"""
