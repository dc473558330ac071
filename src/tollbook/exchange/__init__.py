"""Reading and writing files: reports in, claims out (I/O lives here, not in the pure layers)."""
