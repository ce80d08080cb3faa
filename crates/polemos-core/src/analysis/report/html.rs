//! HTML rendering of the dispute report.
