"""REST API and web dashboard over the store."""
