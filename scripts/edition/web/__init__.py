"""The site: the MkDocs plugin (`plugin`), the theme's environments (`themeenv`), the stylesheet trim (`stylesheets`).

Also the all-or-nothing site build (`site`), the preview (`preview`) and the static file server both use (`serve`).
"""
