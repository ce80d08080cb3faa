//! Inline SVG drawings for the HTML report: the stance heatmap (actors × issues) and the
//! timeline of events and stance changes. Every piece of text goes through [`esc`].

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::DisputeReport;
use crate::model::{EventStatus, QuadClass, StanceLabel};

/// Escapes text for HTML/XML content and attribute values.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Shortens text to `max` characters with an ellipsis.
pub(crate) fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Diverging colour for a 0..=100 position: blue at 0, light grey at 50, red at 100.
pub(crate) fn position_colour(position: f64) -> String {
    let t = (position / 100.0).clamp(0.0, 1.0);
    let (lo, mid, hi) = (
        (49.0, 110.0, 178.0),
        (242.0, 240.0, 235.0),
        (196.0, 78.0, 52.0),
    );
    let (a, b, u) = if t < 0.5 {
        (lo, mid, t * 2.0)
    } else {
        (mid, hi, (t - 0.5) * 2.0)
    };
    let mix = |x: f64, y: f64| (x + (y - x) * u).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(a.0, b.0),
        mix(a.1, b.1),
        mix(a.2, b.2)
    )
}

/// Whether dark text reads better than white on a position colour.
fn dark_text(position: f64) -> bool {
    (25.0..=75.0).contains(&position)
}

pub(crate) fn quad_colour(class: QuadClass) -> &'static str {
    match class {
        QuadClass::VerbalCooperation => "#3f9e6a",
        QuadClass::MaterialCooperation => "#17603a",
        QuadClass::VerbalConflict => "#e08a2c",
        QuadClass::MaterialConflict => "#b8322a",
    }
}

fn label_mark(label: StanceLabel) -> &'static str {
    match label {
        StanceLabel::Support => "support",
        StanceLabel::Oppose => "oppose",
        StanceLabel::Neutral => "neutral",
        StanceLabel::Conditional => "◆ conditional",
        StanceLabel::Ambiguous => "? ambiguous",
    }
}

/// The stance heatmap: one row per actor, one column per issue, cells coloured by position.
pub(crate) fn heatmap(report: &DisputeReport) -> String {
    let actors = &report.agreement.actors;
    let issues = &report.issues;
    let (left, top, cw, ch) = (150.0, 64.0, 236.0, 58.0);
    let width = left + cw * issues.len().max(1) as f64 + 10.0;
    let height = top + ch * actors.len().max(1) as f64 + 72.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="system-ui, sans-serif">"##
    );
    let _ = write!(
        s,
        "<title>Stance heatmap: position of each actor on each issue</title>"
    );
    for (j, issue) in issues.iter().enumerate() {
        let x = left + cw * j as f64 + cw / 2.0;
        let _ = write!(
            s,
            r##"<text x="{x}" y="{}" text-anchor="middle" font-size="13" font-weight="600" fill="#222">{}</text>"##,
            top - 30.0,
            esc(&short(&issue.title, 32))
        );
        let _ = write!(
            s,
            r##"<text x="{x}" y="{}" text-anchor="middle" font-size="10" fill="#666">{}</text>"##,
            top - 12.0,
            esc(&short(&issue.scale, 42))
        );
    }
    for (i, actor) in actors.iter().enumerate() {
        let y = top + ch * i as f64;
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" text-anchor="end" font-size="13" font-weight="600" fill="#222">{}</text>"##,
            left - 10.0,
            y + ch / 2.0 + 4.0,
            esc(&short(&report.display(actor), 20))
        );
        for (j, issue) in issues.iter().enumerate() {
            let x = left + cw * j as f64;
            let stance = report
                .stances
                .iter()
                .find(|st| &st.actor == actor && st.issue == issue.name);
            match stance {
                Some(st) => {
                    let p = st.position.get();
                    let fill = position_colour(p);
                    let text = if dark_text(p) { "#1b1b1b" } else { "#ffffff" };
                    let stroke = if st.is_contested() {
                        r##"stroke="#111" stroke-width="2" stroke-dasharray="5 3""##
                    } else {
                        r##"stroke="#ffffff" stroke-width="2""##
                    };
                    let tip = format!(
                        "{} on {}: {:.0} ({}), confidence {:.2}, {} source(s){}",
                        report.display(actor),
                        issue.title,
                        p,
                        st.label.as_str(),
                        st.confidence.get(),
                        st.sources,
                        if st.is_contested() { ", contested" } else { "" }
                    );
                    let _ = write!(
                        s,
                        r##"<g class="cell"><title>{}</title><rect x="{x}" y="{y}" width="{cw}" height="{ch}" rx="6" fill="{fill}" {stroke}/>"##,
                        esc(&tip)
                    );
                    let _ = write!(
                        s,
                        r##"<text x="{}" y="{}" text-anchor="middle" font-size="20" font-weight="700" fill="{text}">{p:.0}</text>"##,
                        x + cw / 2.0,
                        y + 26.0
                    );
                    let sub = if st.is_contested() {
                        format!("{} · ⚠ contested", label_mark(st.label))
                    } else {
                        label_mark(st.label).to_owned()
                    };
                    let _ = write!(
                        s,
                        r##"<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="{text}">{}</text></g>"##,
                        x + cw / 2.0,
                        y + 45.0,
                        esc(&sub)
                    );
                }
                None => {
                    let _ = write!(
                        s,
                        r##"<rect x="{x}" y="{y}" width="{cw}" height="{ch}" rx="6" fill="#fafafa" stroke="#dddddd" stroke-width="1"/><text x="{}" y="{}" text-anchor="middle" font-size="11" fill="#999">no stance</text>"##,
                        x + cw / 2.0,
                        y + ch / 2.0 + 4.0
                    );
                }
            }
        }
    }
    // Legend: a stepped colour bar from 0 to 100.
    let ly = top + ch * actors.len().max(1) as f64 + 22.0;
    let lx = left;
    for k in 0..20 {
        let p = f64::from(k) * 100.0 / 19.0;
        let _ = write!(
            s,
            r##"<rect x="{}" y="{ly}" width="12" height="12" fill="{}"/>"##,
            lx + 12.0 * f64::from(k),
            position_colour(p)
        );
    }
    let _ = write!(
        s,
        r##"<text x="{lx}" y="{}" font-size="10" fill="#555">0</text><text x="{}" y="{}" font-size="10" fill="#555" text-anchor="end">100</text><text x="{}" y="{}" font-size="11" fill="#555">position on the issue's scale</text><text x="{lx}" y="{}" font-size="11" fill="#555">dashed border = conflicting evidence · ◆ = conditional stance · hover a cell for details</text>"##,
        ly + 26.0,
        lx + 240.0,
        ly + 26.0,
        lx + 252.0,
        ly + 10.0,
        ly + 44.0
    );
    s.push_str("</svg>");
    s
}

fn days(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

/// The timeline: one lane for events, one per actor for its stance changes.
pub(crate) fn timeline(report: &DisputeReport) -> String {
    let mut dates: Vec<NaiveDate> = report
        .recent_events
        .iter()
        .map(|e| e.date)
        .chain(report.timeline.iter().map(|m| m.date))
        .collect();
    dates.push(report.as_of);
    let min = dates.iter().min().copied().unwrap_or(report.as_of);
    let max = report
        .as_of
        .max(dates.iter().max().copied().unwrap_or(report.as_of));
    let span = (days(max) - days(min)).max(30.0);
    let (left, right, width) = (150.0, 40.0, 960.0);
    let pad = span * 0.04;
    let x_of = |d: NaiveDate| {
        left + (days(d) - days(min) + pad) / (span + 2.0 * pad) * (width - left - right)
    };
    let mut actors: Vec<&crate::names::ActorName> = Vec::new();
    for a in &report.agreement.actors {
        if report.timeline.iter().any(|m| &m.actor == a) {
            actors.push(a);
        }
    }
    // Each actor's lane is tall enough for the most changes it has on one date, listed below
    // the diamond that marks that date.
    let groups: Vec<Vec<Vec<&super::StanceMark>>> = actors
        .iter()
        .map(|a| {
            let marks: Vec<&super::StanceMark> =
                report.timeline.iter().filter(|m| &m.actor == *a).collect();
            marks
                .chunk_by(|x, y| x.date == y.date)
                .map(<[&super::StanceMark]>::to_vec)
                .collect()
        })
        .collect();
    let lane_heights: Vec<f64> = groups
        .iter()
        .map(|g| 34.0 + 13.0 * g.iter().map(Vec::len).max().unwrap_or(1) as f64)
        .collect();
    let event_lane = 64.0;
    let top = 30.0;
    let height = top + event_lane + lane_heights.iter().sum::<f64>() + 40.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="system-ui, sans-serif"><title>Timeline of events and stance changes</title>"##
    );
    let axis_y = height - 30.0;
    // Ticks: months when the span is under two years, else years.
    let mut tick = NaiveDate::from_ymd_opt(min.year(), min.month(), 1).unwrap_or(min);
    let monthly = span < 730.0;
    if !monthly {
        tick = NaiveDate::from_ymd_opt(min.year(), 1, 1).unwrap_or(min);
    }
    let mut guard = 0;
    while tick <= max && guard < 400 {
        guard += 1;
        let x = x_of(tick);
        if x >= left {
            let label = if monthly {
                tick.format("%b %Y").to_string()
            } else {
                tick.format("%Y").to_string()
            };
            let _ = write!(
                s,
                r##"<line x1="{x}" y1="{top}" x2="{x}" y2="{axis_y}" stroke="#eeeeee"/><text x="{x}" y="{}" text-anchor="middle" font-size="10" fill="#666">{}</text>"##,
                axis_y + 16.0,
                esc(&label)
            );
        }
        tick = if monthly {
            tick.checked_add_months(chrono::Months::new(1))
        } else {
            tick.checked_add_months(chrono::Months::new(12))
        }
        .unwrap_or(NaiveDate::MAX);
    }
    let ax = x_of(report.as_of);
    let _ = write!(
        s,
        r##"<line x1="{left}" y1="{axis_y}" x2="{}" y2="{axis_y}" stroke="#999"/><line x1="{ax}" y1="{top}" x2="{ax}" y2="{axis_y}" stroke="#555" stroke-dasharray="3 3"/><text x="{ax}" y="{}" text-anchor="middle" font-size="10" fill="#555">as of {}</text>"##,
        width - right,
        top - 8.0,
        report.as_of
    );
    // Event lane.
    let ey = top + event_lane / 2.0;
    let _ = write!(
        s,
        r##"<text x="{}" y="{}" text-anchor="end" font-size="13" font-weight="600" fill="#222">Events</text>"##,
        left - 10.0,
        ey + 4.0
    );
    let mut events: Vec<_> = report.recent_events.iter().collect();
    events.sort_by_key(|e| e.date);
    for (k, e) in events.iter().enumerate() {
        let x = x_of(e.date);
        let colour = quad_colour(e.quad_class);
        let fill = if e.status == EventStatus::Planned {
            "#ffffff"
        } else {
            colour
        };
        let who: Vec<String> = e.sources.iter().map(|a| report.display(a)).collect();
        let whom: Vec<String> = e.targets.iter().map(|a| report.display(a)).collect();
        let tip = format!(
            "{} {} {} → {} ({:?}, intensity {:+.1}){}",
            e.date,
            e.event_type.as_str(),
            who.join(", "),
            whom.join(", "),
            e.status,
            e.intensity,
            e.quote
                .as_deref()
                .map(|q| format!(": {q}"))
                .unwrap_or_default()
        );
        let dy = if k % 2 == 0 { -14.0 } else { 22.0 };
        let _ = write!(
            s,
            r##"<g class="event"><title>{}</title><circle cx="{x}" cy="{ey}" r="7" fill="{fill}" stroke="{colour}" stroke-width="2.5"/><text x="{x}" y="{}" text-anchor="middle" font-size="10" fill="#333">{}</text></g>"##,
            esc(&tip),
            ey + dy,
            esc(e.event_type.as_str())
        );
    }
    // Actor lanes.
    let mut lane_top = top + event_lane;
    for ((actor, dated), lane_height) in actors.iter().zip(&groups).zip(&lane_heights) {
        let y = lane_top + 14.0;
        let _ = write!(
            s,
            r##"<line x1="{left}" y1="{y}" x2="{}" y2="{y}" stroke="#eeeeee" stroke-width="8"/><text x="{}" y="{}" text-anchor="end" font-size="13" font-weight="600" fill="#222">{}</text>"##,
            width - right,
            left - 10.0,
            y + 4.0,
            esc(&short(&report.display(actor), 20))
        );
        for marks in dated {
            let Some(first) = marks.first() else { continue };
            let x = x_of(first.date);
            let lines: Vec<(String, String)> = marks
                .iter()
                .map(|m| {
                    let issue = short(&report.issue_title(&m.issue), 22);
                    match (m.position, m.label) {
                        (Some(p), Some(l)) => (
                            position_colour(p),
                            format!("{issue}: {p:.0} {}", l.as_str()),
                        ),
                        _ => ("#ffffff".to_owned(), format!("{issue}: lapsed")),
                    }
                })
                .collect();
            let tip: Vec<&str> = lines.iter().map(|l| l.1.as_str()).collect();
            let _ = write!(
                s,
                r##"<g class="mark"><title>{}</title><rect x="{}" y="{}" width="11" height="11" transform="rotate(45 {x} {y})" fill="{}" stroke="#333" stroke-width="1"/>"##,
                esc(&format!(
                    "{} {}: {}",
                    first.date,
                    report.display(actor),
                    tip.join("; ")
                )),
                x - 5.5,
                y - 5.5,
                lines.first().map_or("#ffffff", |l| l.0.as_str())
            );
            // Labels run right of the mark in the left half, left of it in the right half, so
            // they stay inside the drawing.
            let flip = x > (left + width - right) / 2.0;
            let (anchor, tx) = if flip {
                ("end", x - 8.0)
            } else {
                ("start", x + 9.0)
            };
            for (k, (colour, text)) in lines.iter().enumerate() {
                let ty = y + 24.0 + 13.0 * k as f64;
                let _ = write!(
                    s,
                    r##"<rect x="{}" y="{}" width="8" height="8" fill="{colour}" stroke="#999" stroke-width="0.5"/><text x="{tx}" y="{ty}" font-size="10" text-anchor="{anchor}" fill="#333">{}</text>"##,
                    x - 4.0,
                    ty - 8.0,
                    esc(text)
                );
            }
            s.push_str("</g>");
        }
        lane_top += lane_height;
    }
    s.push_str("</svg>");
    s
}
