"""Article Reader: an offline, accessible desktop reader for stored articles."""

__version__ = "0.1.0"
APP_NAME = "article-reader"
APP_DISPLAY_NAME = "Article Reader"
