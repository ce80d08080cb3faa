//! Inline SVG drawings for the HTML report.
