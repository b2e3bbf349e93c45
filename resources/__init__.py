# Installed as the package `reader.resources` (see pyproject.toml) so that the sample
# articles and other data files travel with the application.
