"""The Search tab: the query box, its filters and the ranked results."""
