//! Output shared by all subcommands: aligned tables for people, JSON for programs.

use std::io::Write;

use comfy_table::{ColumnConstraint, ContentArrangement, Table, TableComponent, Width, presets};

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
        println!("{}", whole_words(t));
    }
}

/// The table with each column at least as wide as its longest word, so a narrow terminal wraps
/// cells between words (`disputes/kuril-islands` stays on one line) and the table grows wider
/// than the terminal rather than cutting a name in two.
#[must_use]
pub fn whole_words(t: &Table) -> Table {
    let mut t = t.clone();
    let words = |text: String| {
        text.split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let mut widest: Vec<usize> = t
        .header()
        .map(|h| h.cell_iter().map(|c| words(c.content())).collect())
        .unwrap_or_default();
    widest.resize(t.column_count(), 0);
    for (i, w) in widest.iter_mut().enumerate() {
        for cell in t.column_cells_iter(i).flatten() {
            *w = (*w).max(words(cell.content()));
        }
    }
    for (column, w) in t.column_iter_mut().zip(widest) {
        let w = u16::try_from(w).unwrap_or(u16::MAX);
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w)));
    }
    t
}

/// A number for a table cell without float noise: at most `decimals` places, trailing zeros
/// dropped (`99.99999999999999` → `100`, `0.6000000000000001` → `0.6`, `75.0` → `75`).
#[must_use]
pub fn num(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    };
    // `-0.001` rounded to two places is `-0`; a table should say 0.
    if s == "-0" { "0".to_owned() } else { s }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_no_float_noise() {
        assert_eq!(num(99.999_999_999_999_99, 2), "100");
        assert_eq!(num(0.600_000_000_000_000_1, 2), "0.6");
        assert_eq!(num(75.0, 2), "75");
        assert_eq!(num(0.125, 3), "0.125");
        assert_eq!(num(-0.001, 2), "0");
        assert_eq!(num(-2.5, 1), "-2.5");
        assert_eq!(num(1200.0, 0), "1200");
    }

    #[test]
    fn a_narrow_table_wraps_between_words_not_inside_them() {
        let mut t = table(&["name", "title"]);
        t.add_row(vec![
            "disputes/kuril-islands/issues/peace-treaty",
            "Peace treaty between Japan and Russia after the Second World War",
        ]);
        let mut narrow = whole_words(&t);
        narrow.set_width(40);
        let text = narrow.to_string();
        let cells: Vec<&str> = text.split_whitespace().collect();
        for word in [
            "disputes/kuril-islands/issues/peace-treaty",
            "Peace",
            "treaty",
            "Second",
            "World",
            "War",
        ] {
            assert!(cells.contains(&word), "`{word}` was cut:\n{text}");
        }
        // Without the constraint, comfy-table cuts the long name to fit 40 columns.
        let mut plain = t.clone();
        plain.set_width(40);
        let cut = plain.to_string();
        assert!(
            !cut.split_whitespace()
                .any(|w| w == "disputes/kuril-islands/issues/peace-treaty"),
            "{cut}"
        );
    }
}
