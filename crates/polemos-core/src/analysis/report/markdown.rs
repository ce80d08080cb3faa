//! Markdown rendering of the dispute report: headings and pipe tables, readable as plain text.
//! Cell text is escaped so a `|` or a newline in a quote cannot break a table.

use std::fmt::Write as _;

use super::DisputeReport;
use crate::analysis::consolidate::ConsolidatedStance;
use crate::analysis::framing::Framing;
use crate::analysis::preconditions::DeadlockKind;
use crate::model::RequiredOutcome;

/// Escapes text for a Markdown table cell; `<` and `>` become entities so no text from a
/// document is ever read as HTML by a Markdown viewer.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace(['\n', '\r'], " ")
}

fn opt(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
}

pub(crate) fn required_text(r: RequiredOutcome) -> &'static str {
    match r {
        RequiredOutcome::Resolved => "resolved",
        RequiredOutcome::Adopted => "adopted",
        RequiredOutcome::Rejected => "rejected",
    }
}

pub(crate) fn conditions_text(report: &DisputeReport, s: &ConsolidatedStance) -> String {
    s.conditions
        .iter()
        .map(|c| {
            format!(
                "only after {} is {}",
                report.issue_title(&c.issue),
                required_text(c.required)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub(crate) fn framing_text(report: &DisputeReport, f: &Framing) -> String {
    match f {
        Framing::Neutral => "neutral".to_owned(),
        Framing::Partisan(a) => format!("{}'s framing", report.display(a)),
        Framing::Mixed => "mixed".to_owned(),
    }
}

/// Renders the report as Markdown.
#[must_use]
pub fn render(report: &DisputeReport) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# {}\n", cell(&report.title));
    let _ = writeln!(
        w,
        "`{}` · {:?} · status {} · as of {}\n",
        report.dispute,
        report.kind,
        report
            .status
            .map_or_else(|| "unknown".to_owned(), |s| format!("{s:?}").to_lowercase()),
        report.as_of
    );

    let _ = writeln!(w, "## Parties\n\n| Party | Capability |\n|---|---:|");
    for p in &report.parties {
        let _ = writeln!(w, "| {} | {:.2} |", cell(&p.display_name), p.capability);
    }

    let _ = writeln!(w, "\n## Issues\n\n| Issue | Scale |\n|---|---|");
    for i in &report.issues {
        let _ = writeln!(w, "| {} | {} |", cell(&i.title), cell(&i.scale));
    }

    let _ = writeln!(
        w,
        "\n## Current stances\n\n| Actor | Issue | Position | Label | Conditions | Confidence | Sources | Last evidence |\n|---|---|---:|---|---|---:|---:|---|"
    );
    for s in &report.stances {
        let contested = if s.is_contested() {
            " ⚠ contested"
        } else {
            ""
        };
        let _ = writeln!(
            w,
            "| {} | {} | {:.0} | {}{} | {} | {:.2} | {} | {} |",
            cell(&report.display(&s.actor)),
            cell(&report.issue_title(&s.issue)),
            s.position.get(),
            s.label.as_str(),
            contested,
            cell(&conditions_text(report, s)),
            s.confidence.get(),
            s.sources,
            s.last_evidence
        );
    }
    let contested: Vec<&ConsolidatedStance> =
        report.stances.iter().filter(|s| s.is_contested()).collect();
    if !contested.is_empty() {
        let _ = writeln!(w, "\n### Conflicting evidence\n");
        for s in contested {
            let _ = writeln!(
                w,
                "- **{} on {}**:",
                cell(&report.display(&s.actor)),
                cell(&report.issue_title(&s.issue))
            );
            for side in s.conflict.iter().flatten() {
                let quotes: Vec<String> = side
                    .evidence
                    .iter()
                    .filter_map(|e| e.quote.as_deref())
                    .map(|q| format!("“{}”", cell(q)))
                    .collect();
                let _ = writeln!(
                    w,
                    "  - {:.0} ({}), {:.0}% of the weight, {} source(s): {}",
                    side.position.get(),
                    side.label.as_str(),
                    side.share * 100.0,
                    side.sources,
                    quotes.join(" ")
                );
            }
        }
    }

    let _ = writeln!(w, "\n## Deadlocks\n");
    if report.deadlocks.is_empty() {
        let _ = writeln!(w, "None found.");
    }
    for (n, d) in report.deadlocks.iter().enumerate() {
        let cycle: Vec<String> = d.cycle.iter().map(|i| report.issue_title(i)).collect();
        let parties: Vec<String> = d.parties.iter().map(|a| report.display(a)).collect();
        let kind = match d.kind {
            DeadlockKind::BetweenActors => "between actors",
            DeadlockKind::SelfContradiction => "self-contradiction",
        };
        let _ = writeln!(
            w,
            "{}. **{} → {}** ({kind}; parties: {})\n",
            n + 1,
            cell(&cycle.join(" → ")),
            cell(cycle.first().map_or("", String::as_str)),
            cell(&parties.join(", "))
        );
        for e in &d.edges {
            let quote = e
                .evidence
                .iter()
                .find_map(|x| x.quote.as_deref())
                .map(|q| format!(" — “{}”", cell(q)))
                .unwrap_or_default();
            let _ = writeln!(
                w,
                "   - {} requires {} {} before {}{}",
                cell(&report.display(&e.actor)),
                cell(&report.issue_title(&e.before)),
                required_text(e.required),
                cell(&report.issue_title(&e.after)),
                quote
            );
        }
    }

    let _ = writeln!(w, "\n## Agreement\n");
    let names: Vec<String> = report
        .agreement
        .actors
        .iter()
        .map(|a| cell(&report.display(a)))
        .collect();
    let _ = writeln!(w, "| | {} |", names.join(" | "));
    let _ = writeln!(w, "|---|{}", "---:|".repeat(names.len()));
    for (name, row) in names.iter().zip(&report.agreement.agreement) {
        let cells: Vec<String> = row.iter().map(|x| opt(*x)).collect();
        let _ = writeln!(w, "| {name} | {} |", cells.join(" | "));
    }
    let _ = writeln!(
        w,
        "\nPolarization index: {}",
        opt(report.polarization.index)
    );
    let _ = writeln!(w, "\nCoalitions (average-linkage clustering):\n");
    for c in &report.coalitions {
        let members: Vec<String> = c.members.iter().map(|a| report.display(a)).collect();
        let _ = writeln!(
            w,
            "- {} (cohesion {:.2})",
            cell(&members.join(", ")),
            c.cohesion
        );
    }

    let _ = writeln!(w, "\n## Shifts\n");
    if report.shifts.is_empty() {
        let _ = writeln!(w, "None found.");
    } else {
        let _ = writeln!(
            w,
            "| Date | Actor | Issue | From | To |\n|---|---|---|---|---|"
        );
        for s in &report.shifts {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {:.0} {} | {:.0} {} |",
                s.date,
                cell(&report.display(&s.actor)),
                cell(&report.issue_title(&s.issue)),
                s.before.position,
                s.before.label.as_str(),
                s.after.position,
                s.after.label.as_str()
            );
        }
    }

    let _ = writeln!(w, "\n## Recent events\n");
    if report.recent_events.is_empty() {
        let _ = writeln!(w, "None known.");
    } else {
        let _ = writeln!(
            w,
            "| Date | Type | Who | Whom | Intensity | Status |\n|---|---|---|---|---:|---|"
        );
        for e in &report.recent_events {
            let who: Vec<String> = e.sources.iter().map(|a| report.display(a)).collect();
            let whom: Vec<String> = e.targets.iter().map(|a| report.display(a)).collect();
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {:+.1} | {:?} |",
                e.date,
                e.event_type.as_str(),
                cell(&who.join(", ")),
                cell(&whom.join(", ")),
                e.intensity,
                e.status
            );
        }
    }

    let _ = writeln!(w, "\n## Framing by outlet\n");
    if report.framings.is_empty() {
        let _ = writeln!(w, "No document names the disputed objects.");
    } else {
        let _ = writeln!(
            w,
            "| Outlet | Object | Framing | Names used |\n|---|---|---|---|"
        );
        for f in &report.framings {
            let names: Vec<String> = f
                .names
                .iter()
                .map(|n| format!("{} ×{}", n.label, n.mentions))
                .collect();
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} |",
                cell(&f.outlet),
                cell(&f.object),
                cell(&framing_text(report, &f.framing)),
                cell(&names.join(", "))
            );
        }
    }
    out
}
