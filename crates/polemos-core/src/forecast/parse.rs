//! Readers for the scenario files analysts already have: the BDM table
//! `Actor,Capability,Position,Salience` and the CSV of KTAB's Spatial Model of Politics
//! (a title row `name, description, nActors, nDims`, a header row `Actor, Description,
//! Power|Influence, then position and salience per dimension`, one row per actor; fields may be
//! padded, rows may end with a comma, saliences are 0–100).

use super::error::ForecastError;
use super::scenario::{Dimension, Scale, Scenario, ScenarioActor};

const BDM: &str = "BDM table";
const KTAB: &str = "KTAB SMP csv";

/// Splits one CSV line into trimmed fields. Handles double-quoted fields (with `""` escapes) and
/// CR line ends; no field spans lines in either format.
fn split_line(line: &str) -> Vec<String> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field).trim().to_owned()),
            _ => field.push(c),
        }
    }
    fields.push(field.trim().to_owned());
    fields
}

/// Non-blank lines with their 1-based line numbers.
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<String>)> + '_ {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().trim_matches(',').trim().is_empty())
        .map(|(i, l)| (i + 1, split_line(l.trim_start_matches('\u{feff}'))))
}

struct Cell<'a> {
    format: &'static str,
    line: usize,
    column: &'a str,
    text: &'a str,
}

impl Cell<'_> {
    fn error(&self, expected: &str) -> ForecastError {
        ForecastError::Parse {
            format: self.format,
            line: self.line,
            column: self.column.to_owned(),
            expected: expected.to_owned(),
            found: self.text.to_owned(),
        }
    }

    fn number(&self, lo: f64, hi: f64, expected: &str) -> Result<f64, ForecastError> {
        match self.text.parse::<f64>() {
            Ok(x) if x.is_finite() && (lo..=hi).contains(&x) => Ok(x),
            _ => Err(self.error(expected)),
        }
    }

    fn count(&self) -> Result<usize, ForecastError> {
        match self.text.parse::<usize>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(self.error("a whole number >= 1")),
        }
    }
}

fn cell<'a>(
    format: &'static str,
    line: usize,
    fields: &'a [String],
    at: usize,
    column: &'a str,
) -> Cell<'a> {
    Cell {
        format,
        line,
        column,
        text: fields.get(at).map_or("", String::as_str),
    }
}

/// Reads a BDM table: header `Actor,Capability,Position,Salience` (any order, any case), one
/// actor per row, capabilities >= 0, saliences 0–1, positions any number. The scale is the range
/// of the positions given.
///
/// # Errors
/// A missing column, a cell that is not the number its column needs (naming line and column),
/// a duplicate actor or a file without actors.
pub fn parse_bdm_csv(name: &str, text: &str) -> Result<Scenario, ForecastError> {
    let mut rows = rows(text);
    let Some((header_line, header)) = rows.next() else {
        return Err(ForecastError::Shape {
            format: BDM,
            message: "the file is empty; expected a header `Actor,Capability,Position,Salience`"
                .into(),
        });
    };
    let find = |wanted: &'static str| {
        header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(wanted))
            .ok_or_else(|| ForecastError::Parse {
                format: BDM,
                line: header_line,
                column: wanted.to_owned(),
                expected: format!("a header column named `{wanted}`"),
                found: header.join(","),
            })
    };
    let (c_actor, c_cap, c_pos, c_sal) = (
        find("Actor")?,
        find("Capability")?,
        find("Position")?,
        find("Salience")?,
    );
    let mut actors = Vec::new();
    let mut positions = Vec::new();
    let mut saliences = Vec::new();
    for (line, fields) in rows {
        let actor = cell(BDM, line, &fields, c_actor, "Actor");
        if actor.text.is_empty() {
            return Err(actor.error("an actor name"));
        }
        if actors.iter().any(|a: &ScenarioActor| a.name == actor.text) {
            return Err(actor.error("an actor name not used on an earlier row"));
        }
        let capability =
            cell(BDM, line, &fields, c_cap, "Capability").number(0.0, f64::MAX, "a number >= 0")?;
        let position =
            cell(BDM, line, &fields, c_pos, "Position").number(f64::MIN, f64::MAX, "a number")?;
        let salience =
            cell(BDM, line, &fields, c_sal, "Salience").number(0.0, 1.0, "a number in 0..=1")?;
        actors.push(ScenarioActor {
            name: actor.text.to_owned(),
            description: String::new(),
            capability,
        });
        positions.push(position);
        saliences.push(salience);
    }
    if actors.is_empty() {
        return Err(ForecastError::Shape {
            format: BDM,
            message: "no actor rows after the header".into(),
        });
    }
    let min = positions.iter().copied().fold(f64::INFINITY, f64::min);
    let max = positions.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Ok(Scenario {
        name: name.to_owned(),
        description: String::new(),
        scale: Scale { min, max },
        actors,
        dimensions: vec![Dimension {
            name: "Position".into(),
            positions,
            saliences,
        }],
    })
}

/// Reads a KTAB Spatial Model of Politics CSV. Positions stay on KTAB's 0–100 scale; saliences
/// are divided by 100 to our 0–1. Dimension names come from the position headers, less a
/// trailing " Position".
///
/// # Errors
/// A title row without the actor and dimension counts, a header without `Power` or `Influence`
/// or with too few columns, a cell out of range (naming line and column), or a number of actor
/// rows different from the title's.
pub fn parse_ktab_csv(text: &str) -> Result<Scenario, ForecastError> {
    let mut rows = rows(text);
    let Some((title_line, title)) = rows.next() else {
        return Err(ForecastError::Shape {
            format: KTAB,
            message: "the file is empty; expected a title row `name, description, nActors, nDims`"
                .into(),
        });
    };
    let n_actors = cell(KTAB, title_line, &title, 2, "nActors").count()?;
    let n_dims = cell(KTAB, title_line, &title, 3, "nDims").count()?;
    let Some((header_line, header)) = rows.next() else {
        return Err(ForecastError::Shape {
            format: KTAB,
            message: "no header row after the title row".into(),
        });
    };
    let power = cell(KTAB, header_line, &header, 2, "3rd header column");
    if !(power.text.eq_ignore_ascii_case("power") || power.text.eq_ignore_ascii_case("influence")) {
        return Err(power.error("`Power` or `Influence`"));
    }
    let expected_columns = format!(
        "{} columns: Actor, Description, Power|Influence and a position and salience for each of {n_dims} dimensions",
        n_dims.saturating_mul(2).saturating_add(3)
    );
    // The counts come from the file: check them against the header before sizing anything by
    // them, so a title row announcing billions of dimensions is an error, not an allocation.
    if n_dims.saturating_mul(2).saturating_add(3) > header.len() {
        return Err(
            cell(KTAB, header_line, &header, header.len(), "header").error(&expected_columns)
        );
    }
    let mut dim_names = Vec::with_capacity(n_dims);
    for d in 0..n_dims {
        let col = 3 + 2 * d;
        let pos = cell(KTAB, header_line, &header, col, "header");
        if pos.text.is_empty() {
            return Err(pos.error(&expected_columns));
        }
        let sal = cell(KTAB, header_line, &header, col + 1, "header");
        if sal.text.is_empty() {
            return Err(sal.error(&format!("a salience column for dimension {}", d + 1)));
        }
        let name = pos.text;
        let name = name
            .strip_suffix(" Position")
            .or_else(|| name.strip_suffix(" position"))
            .unwrap_or(name);
        dim_names.push(name.to_owned());
    }
    let columns: Vec<String> = header.clone();
    // Not sized by `n_actors`: the rows, not the title's claim, bound what is allocated.
    let mut actors = Vec::new();
    let mut positions = vec![Vec::new(); n_dims];
    let mut saliences = vec![Vec::new(); n_dims];
    for (line, fields) in rows {
        if actors.len() == n_actors {
            return Err(ForecastError::Shape {
                format: KTAB,
                message: format!(
                    "line {line}: more actor rows than the {n_actors} the title row announces"
                ),
            });
        }
        let actor = cell(KTAB, line, &fields, 0, "Actor");
        if actor.text.is_empty() {
            return Err(actor.error("an actor name"));
        }
        if actors.iter().any(|a: &ScenarioActor| a.name == actor.text) {
            return Err(actor.error("an actor name not used on an earlier row"));
        }
        let capability =
            cell(KTAB, line, &fields, 2, &columns[2]).number(0.0, f64::MAX, "a number >= 0")?;
        for d in 0..n_dims {
            let col = 3 + 2 * d;
            let x = cell(KTAB, line, &fields, col, &columns[col]).number(
                0.0,
                100.0,
                "a position in 0..=100",
            )?;
            let s = cell(KTAB, line, &fields, col + 1, &columns[col + 1]).number(
                0.0,
                100.0,
                "a salience in 0..=100",
            )?;
            positions[d].push(x);
            saliences[d].push(s / 100.0);
        }
        actors.push(ScenarioActor {
            name: actor.text.to_owned(),
            description: fields.get(1).cloned().unwrap_or_default(),
            capability,
        });
    }
    if actors.len() != n_actors {
        return Err(ForecastError::Shape {
            format: KTAB,
            message: format!(
                "the title row announces {n_actors} actors but {} actor rows follow",
                actors.len()
            ),
        });
    }
    Ok(Scenario {
        name: title.first().cloned().unwrap_or_default(),
        description: title.get(1).cloned().unwrap_or_default(),
        scale: Scale::PERCENT,
        actors,
        dimensions: dim_names
            .into_iter()
            .zip(positions.into_iter().zip(saliences))
            .map(|(name, (positions, saliences))| Dimension {
                name,
                positions,
                saliences,
            })
            .collect(),
    })
}

/// Reads either format, telling them apart by the first row: a BDM table starts with its header
/// (`Actor,...`), a KTAB file with a title row whose third and fourth cells are counts.
///
/// # Errors
/// As [`parse_bdm_csv`] or [`parse_ktab_csv`].
pub fn parse_scenario(name: &str, text: &str) -> Result<Scenario, ForecastError> {
    let first = rows(text).next().map(|(_, f)| f).unwrap_or_default();
    if first.iter().any(|f| f.eq_ignore_ascii_case("Capability")) {
        parse_bdm_csv(name, text)
    } else {
        parse_ktab_csv(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_padded_quoted_and_trailing_fields() {
        assert_eq!(
            split_line(r#"DummyData_3Dim ,"Dummy, scenario",7,3,"#),
            vec!["DummyData_3Dim", "Dummy, scenario", "7", "3", ""]
        );
        assert_eq!(split_line("a,  b  ,c\r"), vec!["a", "b", "c"]);
    }

    #[test]
    fn reads_bdm_table() {
        let s = parse_bdm_csv(
            "t",
            "Actor,Capability,Position,Salience\nA,0.5,4,0.8\nB,1,10,0.2\n",
        )
        .expect("valid");
        assert_eq!(s.actors.len(), 2);
        assert_eq!(
            s.scale,
            Scale {
                min: 4.0,
                max: 10.0
            }
        );
        assert_eq!(s.dimensions[0].saliences, vec![0.8, 0.2]);
    }

    #[test]
    fn bdm_errors_name_line_and_column() {
        let err = parse_bdm_csv(
            "t",
            "Actor,Capability,Position,Salience\nA,0.5,4,0.8\nB,x,10,0.2\n",
        )
        .expect_err("bad capability");
        assert_eq!(
            err.to_string(),
            "BDM table, line 3, column `Capability`: expected a number >= 0, found `x`"
        );
        let err = parse_bdm_csv("t", "Actor,Capability,Position,Salience\nA,0.5,4,1.5\n")
            .expect_err("salience");
        assert!(
            err.to_string()
                .contains("line 2, column `Salience`: expected a number in 0..=1")
        );
        let err = parse_bdm_csv("t", "Actor,Power,Position,Salience\n").expect_err("header");
        assert!(err.to_string().contains("column `Capability`"), "{err}");
        let err = parse_bdm_csv("t", "Actor,Capability,Position,Salience\nA,1,4\n")
            .expect_err("short row");
        assert!(
            err.to_string().contains("line 2, column `Salience`"),
            "{err}"
        );
        let err = parse_bdm_csv("t", "").expect_err("empty");
        assert!(err.to_string().contains("empty"), "{err}");
    }

    #[test]
    fn reads_ktab_with_padding_and_trailing_commas() {
        let text = "Name, Desc, 2, 2,\nActor,Description,Influence,P1 Position,P1 Salience,P2,S2,\n\
                    A,  first,  10.5, 30,24.0,20,48.0,\nB,second,5,45,44.7,65,41.3,\n";
        let s = parse_ktab_csv(text).expect("valid");
        assert_eq!(s.name, "Name");
        assert_eq!(s.actors[0].capability, 10.5);
        assert_eq!(s.actors[0].description, "first");
        assert_eq!(s.dimensions[0].name, "P1");
        assert_eq!(s.dimensions[1].name, "P2");
        assert_eq!(s.dimensions[1].positions, vec![20.0, 65.0]);
        assert!((s.dimensions[0].saliences[1] - 0.447).abs() < 1e-12);
    }

    #[test]
    fn ktab_errors_name_line_and_column() {
        let head = "N,D,1,1\nActor,Description,Power,X Position,X Salience\n";
        let err = parse_ktab_csv(&format!("{head}A,a,1,120,5\n")).expect_err("position");
        assert_eq!(
            err.to_string(),
            "KTAB SMP csv, line 3, column `X Position`: expected a position in 0..=100, found `120`"
        );
        let err = parse_ktab_csv("N,D,1,1\nActor,Description,Strength,X,Y\nA,a,1,1,1\n")
            .expect_err("power column");
        assert!(err.to_string().contains("`Power` or `Influence`"), "{err}");
        let err = parse_ktab_csv("N,D,many,1\n").expect_err("count");
        assert!(
            err.to_string().contains("line 1, column `nActors`"),
            "{err}"
        );
        let err = parse_ktab_csv(&format!("{head}A,a,1,50,5\nB,b,1,50,5\n")).expect_err("rows");
        assert!(err.to_string().contains("more actor rows"), "{err}");
        let err =
            parse_ktab_csv("N,D,2,1\nActor,Description,Power,X Position,X Salience\nA,a,1,1,1\n")
                .expect_err("too few rows");
        assert!(
            err.to_string().contains("announces 2 actors but 1"),
            "{err}"
        );
        let err = parse_ktab_csv("N,D,1,2\nActor,Description,Power,X Position,X Salience\n")
            .expect_err("too few columns");
        assert!(err.to_string().contains("line 2"), "{err}");
    }

    /// Found by `scripts/fuzz.sh --hour`: the title row's counts sized allocations before any
    /// check, so a title announcing 10^13 dimensions or actors aborted the process.
    #[test]
    fn ktab_huge_counts_are_errors_not_allocations() {
        let header = "Actor,Description,Power,X Position,X Salience\n";
        let err = parse_ktab_csv(&format!("N,D,1,77777077777777\n{header}A,a,1,1,1\n"))
            .expect_err("more dimensions than columns");
        assert!(
            err.to_string()
                .contains("for each of 77777077777777 dimensions"),
            "{err}"
        );
        let err = parse_ktab_csv(&format!("N,D,{},1\n{header}A,a,1,1,1\n", usize::MAX))
            .expect_err("more actors announced than rows");
        assert!(err.to_string().contains("but 1"), "{err}");
    }
}
