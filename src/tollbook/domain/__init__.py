"""Plain data types and rules of Tollbook, free of I/O and of the database."""
