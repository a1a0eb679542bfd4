// The dashboard app.
