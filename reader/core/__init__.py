"""The application's rules: articles, importers, the library store. No Qt in here."""
