"""The Library tab: the list of articles, its model, and importing files into it."""
