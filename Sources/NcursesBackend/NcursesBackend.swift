// The NcursesBackend target: filled in by the dashboard work.
