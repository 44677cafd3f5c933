import server  # noqa: F401
