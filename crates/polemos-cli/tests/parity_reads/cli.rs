//! The table's read questions asked through the `polemos` binary with `--json`.

use std::process::Command;

use super::{
    PairLine, agreement_lines, coalition_lines, deadlock_lines, rows, series_lines, shift_lines,
};
use crate::{Answer, Question};

/// The error kind of a failed `polemos` run, by the exit codes of docs/engine.md (clap's usage
/// errors, such as a malformed date, are 2 too).
pub fn cli_kind(q: &Question, args: &[String], out: &std::process::Output) -> String {
    match out.status.code() {
        Some(2) => "invalid_argument",
        Some(3) => "not_found",
        Some(4) => "failed_precondition",
        other => panic!(
            "{}: polemos {args:?} failed with {other:?}: {}",
            q.id,
            String::from_utf8_lossy(&out.stderr)
        ),
    }
    .to_owned()
}

fn filter_args(q: &Question) -> Vec<String> {
    let mut args = Vec::new();
    for (flag, value) in [
        ("--dispute", q.dispute.clone()),
        ("--actor", q.actor.clone()),
        ("--issue", q.issue.clone()),
        ("--as-of", q.as_of.clone()),
        ("--revision", q.revision.map(|r| r.to_string())),
    ] {
        if let Some(v) = value {
            args.extend([flag.to_owned(), v]);
        }
    }
    args
}

/// One page through `polemos show --page-size N --page-token T --json`.
fn cli_page(db: &str, q: &Question, token: &str) -> Result<(Vec<String>, String), String> {
    let mut args: Vec<String> = vec!["--db".into(), db.into(), "--json".into(), "show".into()];
    args.push(q.list.clone().unwrap_or_default());
    args.extend(filter_args(q));
    args.extend(["--page-size".into(), q.page_size.unwrap_or(0).to_string()]);
    if !token.is_empty() {
        args.extend(["--page-token".into(), token.to_owned()]);
    }
    let out = Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(&args)
        .output()
        .expect("run polemos");
    if !out.status.success() {
        return Err(cli_kind(q, &args, &out));
    }
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    let names = json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| r["name"].as_str().expect("name").to_owned())
        .collect();
    let next = json["next_page_token"].as_str().expect("next_page_token");
    Ok((names, next.to_owned()))
}

/// The change feed through `polemos changes --after T --limit 2 --json`, page after page until
/// the head, so the CLI's paging is part of what is compared (as gRPC reads two at a time).
pub fn changes(db: &str, q: &Question) -> Answer {
    let mut after = q.changes_after.expect("a changes question").to_string();
    let mut names = Vec::new();
    for _ in 0..100 {
        let mut args: Vec<String> = vec!["--db".into(), db.into(), "--json".into()];
        args.extend(["changes".into(), "--limit".into(), "2".into()]);
        args.extend(["--after".into(), after.clone()]);
        for (flag, value) in [("--dispute", &q.dispute), ("--actor", &q.actor)] {
            if let Some(v) = value {
                args.extend([flag.to_owned(), v.clone()]);
            }
        }
        let out = Command::new(env!("CARGO_BIN_EXE_polemos"))
            .args(&args)
            .output()
            .expect("run polemos");
        if !out.status.success() {
            return Answer::Error(cli_kind(q, &args, &out));
        }
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
        let page = json["changes"].as_array().expect("changes");
        assert!(page.len() <= 2, "{}: a page of {}", q.id, page.len());
        names.extend(page.iter().map(|c| {
            format!(
                "{} {}",
                c["revision"].as_u64().expect("revision"),
                c["name"].as_str().expect("name")
            )
        }));
        let next = json["next_page_token"].as_str().expect("next_page_token");
        if next.is_empty() {
            return Answer::Names(names);
        }
        after = next.to_owned();
    }
    panic!("{}: pages do not end", q.id)
}

pub fn answer(db: &str, q: &Question) -> Answer {
    if q.page_size.is_some() {
        return paged!(q, |fq, token| cli_page(db, &fq, &token));
    }
    let mut args: Vec<String> = vec!["--db".into(), db.into(), "--json".into()];
    if q.analysis.as_deref() == Some("report") {
        return report(db, q);
    }
    match (&q.list, &q.analysis, &q.forecast) {
        (Some(kind), _, _) => args.extend(["show".into(), kind.clone()]),
        (None, Some(analysis), _) => {
            args.extend(["analyze".into(), analysis.clone()]);
            if let Some(d) = q.max_distance {
                args.push(format!("--max-distance={d}"));
            }
        }
        (None, None, Some(model)) => {
            args.extend(["forecast".into(), "--model".into(), model.clone()]);
            if let Some(draws) = q.draws {
                // `--flag=value`, so a negative value is the flag's value, not another flag.
                args.push(format!("--monte-carlo={draws}"));
                args.push(format!("--seed={}", q.seed.unwrap_or_default()));
                for (flag, value) in [
                    ("--position-noise", q.position_noise),
                    ("--salience-noise", q.salience_noise),
                    ("--capability-noise", q.capability_noise),
                ] {
                    if let Some(width) = value {
                        args.push(format!("{flag}={width}"));
                    }
                }
            }
            if let Some([lo, hi]) = q.range {
                args.push(format!("--range={lo}..{hi}"));
            }
        }
        (None, None, None) => panic!("{}: neither list, analysis nor forecast", q.id),
    }
    args.extend(filter_args(q));
    let out = Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(&args)
        .output()
        .expect("run polemos");
    if !out.status.success() {
        return Answer::Error(cli_kind(q, &args, &out));
    }
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    let text = |v: &serde_json::Value| v.as_str().expect("a string").to_owned();
    match q.analysis.as_deref() {
        Some("coalitions") => {
            let per_dispute = json.as_array().expect("a json list");
            return Answer::Rows(coalition_lines(per_dispute.iter().flat_map(|d| {
                d["coalitions"]
                    .as_array()
                    .expect("coalitions")
                    .iter()
                    .map(|c| {
                        let members = c["members"].as_array().expect("members");
                        (
                            members.iter().map(text).collect(),
                            c["cohesion"].as_f64().expect("cohesion"),
                        )
                    })
            })));
        }
        Some("shifts") => {
            return Answer::Rows(shift_lines(
                json.as_array().expect("a json list").iter().map(|s| {
                    (
                        text(&s["actor"]),
                        text(&s["issue"]),
                        text(&s["date"]),
                        s["delta"].as_f64().expect("delta"),
                    )
                }),
            ));
        }
        Some("agreement") => {
            let per_dispute = json.as_array().expect("a json list");
            return Answer::Rows(
                per_dispute
                    .iter()
                    .flat_map(|d| {
                        let m = &d["agreement"];
                        let actors: Vec<String> = m["actors"]
                            .as_array()
                            .expect("actors")
                            .iter()
                            .map(text)
                            .collect();
                        let cells: Vec<Vec<Option<f64>>> = m["agreement"]
                            .as_array()
                            .expect("agreement")
                            .iter()
                            .map(|row| {
                                let row = row.as_array().expect("a row");
                                row.iter().map(serde_json::Value::as_f64).collect()
                            })
                            .collect();
                        agreement_lines(&actors, &cells, d["polarization"]["index"].as_f64())
                    })
                    .collect(),
            );
        }
        Some("deadlocks") => {
            let list = json.as_array().expect("a json list");
            let names = |v: &serde_json::Value| -> Vec<String> {
                v.as_array().expect("a list").iter().map(text).collect()
            };
            return Answer::Rows(deadlock_lines(
                list.iter()
                    .map(|d| (text(&d["kind"]), names(&d["cycle"]), names(&d["parties"]))),
            ));
        }
        Some("series") => {
            let list = json.as_array().expect("a json list");
            return Answer::Rows(series_lines(list.iter().map(|s| {
                PairLine {
                    a: text(&s["a"]),
                    b: text(&s["b"]),
                    buckets: s["buckets"]
                        .as_array()
                        .expect("buckets")
                        .iter()
                        .map(|b| (text(&b["start"]), b["total"].as_u64().expect("total")))
                        .collect(),
                    slope: s["trend"]["slope"].as_f64(),
                }
            })));
        }
        _ => {}
    }
    if q.analysis.is_some() {
        return rows(json.as_array().expect("a json list").iter().map(|r| {
            (
                r["actor"].as_str().expect("actor").to_owned(),
                r["issue"].as_str().expect("issue").to_owned(),
                r["position"].as_f64().expect("position"),
            )
        }));
    }
    if q.forecast.is_some() && q.draws.is_some() {
        let found = json["distributions"].as_array().expect("distributions");
        return super::distributions(found.iter().map(|d| {
            (
                d["dimension"].as_str().expect("dimension"),
                d["mean"].as_f64().expect("mean"),
                d["std_dev"].as_f64().expect("std_dev"),
                d["probability_in_range"].as_f64(),
            )
        }));
    }
    if q.forecast.is_some() {
        let outcome = json["outcome"].as_array().expect("outcome");
        return Answer::Outcome(
            outcome
                .iter()
                .map(|o| {
                    (
                        o["dimension"].as_str().expect("dimension").to_owned(),
                        o["forecast"].as_f64().expect("forecast"),
                    )
                })
                .collect(),
        );
    }
    Answer::Names(
        json.as_array()
            .expect("a json list")
            .iter()
            .map(|r| r["name"].as_str().expect("name").to_owned())
            .collect(),
    )
}

/// `polemos report DISPUTE --json`: the report's JSON text (the binary ends it with a newline);
/// with the question's `format`, `--format` it (`default`: no option).
fn report(db: &str, q: &Question) -> Answer {
    let mut args: Vec<String> = vec!["--db".into(), db.into()];
    if q.format.is_none() {
        args.push("--json".into());
    }
    args.push("report".into());
    args.push(q.dispute.clone().unwrap_or_default());
    if let Some(word) = q.format.as_deref().filter(|w| *w != "default") {
        args.extend(["--format".into(), word.into()]);
    }
    let mut rest = filter_args(q);
    if let Some(at) = rest.iter().position(|a| a == "--dispute") {
        rest.drain(at..at + 2);
    }
    args.extend(rest);
    let out = Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(&args)
        .output()
        .expect("run polemos");
    if !out.status.success() {
        return Answer::Error(cli_kind(q, &args, &out));
    }
    let text = String::from_utf8(out.stdout).expect("utf-8 report");
    if q.format.is_some() {
        // Markdown and HTML are printed as rendered; JSON gets a final newline.
        return Answer::Text(text);
    }
    Answer::Text(text.strip_suffix('\n').unwrap_or(&text).to_owned())
}
