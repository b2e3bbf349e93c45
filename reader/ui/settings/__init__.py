"""Reading comfort: the themes and reading settings, their menu and their dialog."""
