# Nothing to do yet.
# keep;
