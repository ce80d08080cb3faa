//! Output shared by all subcommands: aligned tables for people, JSON for programs.

use std::io::Write;

use comfy_table::{ContentArrangement, Table, TableComponent, presets};

/// A table with the given headers, in the plain style every command uses.
#[must_use]
pub fn table(headers: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_style(TableComponent::HeaderLines, '─')
        .set_style(TableComponent::MiddleHeaderIntersections, ' ')
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(headers.iter().copied());
    t
}

/// Prints a table, or a note when it has no rows.
pub fn print_table(t: &Table, what: &str) {
    if t.row_count() == 0 {
        println!("no {what}");
    } else {
        println!("{t}");
    }
}

/// Prints a value as pretty JSON on stdout.
///
/// # Errors
/// When stdout cannot be written.
pub fn print_json<T: serde::Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Shortens text for a table cell.
#[must_use]
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// The serde name of a unit enum value (`ActorKind::MediaOutlet` → `media_outlet`).
#[must_use]
pub fn enum_str<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
