"""Article Reader: an offline, accessible desktop reader for stored articles."""

__version__ = "0.1.0"
APP_NAME = "article-reader"
APP_DISPLAY_NAME = "Article Reader"
# The desktop id (reverse-DNS): the .desktop file, the AppStream id, the icon name.
APP_ID = "io.github.articlereader.ArticleReader"
