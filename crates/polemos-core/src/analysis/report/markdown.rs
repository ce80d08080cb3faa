//! Markdown rendering of the dispute report.
