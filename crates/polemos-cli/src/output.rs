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
        // `width()` is the terminal's width on a terminal, and `None` in a pipe (no wrapping).
        println!("{}", render(t, t.width()));
    }
}

/// The table as text for a terminal `width` columns wide, without cutting a word: columns are
/// at least as wide as their longest word and wrap between words; when even that does not fit,
/// each row is printed as `header: value` lines instead (as `psql`'s expanded display does).
#[must_use]
pub fn render(t: &Table, width: Option<u16>) -> String {
    let widest = longest_words(t);
    let mut t = t.clone();
    let mut needed = 0usize;
    for (column, w) in t.column_iter_mut().zip(&widest) {
        // The boundary counts the column's padding too.
        let w = u16::try_from(*w)
            .unwrap_or(u16::MAX)
            .saturating_add(column.padding_width());
        needed += usize::from(w) + 1;
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w)));
    }
    match width {
        Some(width) if needed > usize::from(width) => expanded(&t, usize::from(width)),
        Some(width) => {
            t.set_width(width);
            t.to_string()
        }
        None => t.to_string(),
    }
}

/// The longest word (whitespace-separated) of each column, header included, in characters.
fn longest_words(t: &Table) -> Vec<usize> {
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
    widest.resize(t.column_iter().count(), 0);
    for (i, w) in widest.iter_mut().enumerate() {
        for cell in t.column_cells_iter(i).flatten() {
            *w = (*w).max(words(cell.content()));
        }
    }
    widest
}

/// Each row as a block of `header: value` lines, values wrapped between words to `width`.
fn expanded(t: &Table, width: usize) -> String {
    let headers: Vec<String> = t
        .header()
        .map(|h| h.cell_iter().map(comfy_table::Cell::content).collect())
        .unwrap_or_default();
    let label = headers.iter().map(|h| h.chars().count()).max().unwrap_or(0);
    let room = width.saturating_sub(label + 2).max(20);
    let mut out = String::new();
    for (r, row) in t.row_iter().enumerate() {
        if r > 0 {
            out.push('\n');
        }
        for (i, cell) in row.cell_iter().enumerate() {
            let header = headers.get(i).map_or("", String::as_str);
            let mut lines = wrap(&cell.content(), room).into_iter();
            let first = lines.next().unwrap_or_default();
            out.push_str(&format!("{header:>label$}: {first}\n"));
            for line in lines {
                out.push_str(&format!("{:label$}  {line}\n", ""));
            }
        }
    }
    out.trim_end().to_owned()
}

/// Greedy word wrap; a word longer than `room` gets a line of its own, whole.
fn wrap(text: &str, room: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
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

    fn sample() -> Table {
        let mut t = table(&["name", "title"]);
        t.add_row(vec![
            "disputes/kuril-islands/issues/peace-treaty",
            "Peace treaty between Japan and Russia after the Second World War",
        ]);
        t
    }

    const WORDS: [&str; 6] = [
        "disputes/kuril-islands/issues/peace-treaty",
        "Peace",
        "treaty",
        "Second",
        "World",
        "War",
    ];

    #[test]
    fn a_narrow_table_wraps_between_words_not_inside_them() {
        let text = render(&sample(), Some(60));
        let cells: Vec<&str> = text.split_whitespace().collect();
        for word in WORDS {
            assert!(cells.contains(&word), "`{word}` was cut:\n{text}");
        }
        assert!(text.lines().all(|l| l.chars().count() <= 60), "{text}");
        assert!(text.lines().count() > 3, "the title wraps:\n{text}");
        // Without the constraint, comfy-table cuts the long name to fit.
        let mut plain = sample();
        plain.set_width(60);
        let cut = plain.to_string();
        assert!(
            !cut.split_whitespace()
                .any(|w| w == "disputes/kuril-islands/issues/peace-treaty"),
            "{cut}"
        );
    }

    #[test]
    fn a_table_too_wide_for_the_terminal_prints_rows_as_records() {
        let text = render(&sample(), Some(40));
        let cells: Vec<&str> = text.split_whitespace().collect();
        for word in WORDS {
            assert!(cells.contains(&word), "`{word}` was cut:\n{text}");
        }
        assert!(text.starts_with(" name: disputes/kuril-islands"), "{text}");
        assert!(text.contains("title: Peace treaty"), "{text}");
        // In a pipe (no width) the table is printed whole, one line per row.
        assert_eq!(render(&sample(), None).lines().count(), 3);
    }
}
