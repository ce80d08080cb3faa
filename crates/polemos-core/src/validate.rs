//! Rules that span entities: unique names, references that resolve, sane dates, evidence spans
//! inside their documents. Every rule broken is reported with the field path, so a user can fix
//! a whole file in one pass.

use std::collections::HashSet;
use std::fmt;

use chrono::NaiveDate;

use crate::date::{MAX_YEAR, MIN_YEAR};
use crate::dossier::Dossier;
use crate::model::{Evidence, IssueScale, Span, content_hash};
use crate::names::{ActorName, DisputeName, DocumentName, IssueName};

/// One broken rule: where (`stances[3].position`) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The field path (`stances[3].position`).
    pub path: String,
    /// The rule it breaks.
    pub rule: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.rule)
    }
}

/// Every rule a batch broke, in document order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ValidationErrors(pub Vec<Violation>);

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(f, "{n} validation error{}", if n == 1 { "" } else { "s" })?;
        for v in &self.0 {
            write!(f, "\n  {v}")?;
        }
        Ok(())
    }
}

/// What already exists outside the batch (in the store), so references to it resolve.
pub trait Existing {
    /// Whether the actor exists.
    fn has_actor(&self, name: &ActorName) -> bool;
    /// Whether the dispute exists.
    fn has_dispute(&self, name: &DisputeName) -> bool;
    /// Whether the issue exists.
    fn has_issue(&self, name: &IssueName) -> bool;
    /// Whether the document exists.
    fn has_document(&self, name: &DocumentName) -> bool;
    /// The text of a stored document, so evidence spans into it are checked like spans into a
    /// document of the same batch (a span outside its text would make the export unimportable).
    fn document_text(&self, name: &DocumentName) -> Option<std::sync::Arc<str>>;
}

/// Nothing exists beyond the batch itself.
pub struct NothingElse;

impl Existing for NothingElse {
    fn has_actor(&self, _: &ActorName) -> bool {
        false
    }
    fn has_dispute(&self, _: &DisputeName) -> bool {
        false
    }
    fn has_issue(&self, _: &IssueName) -> bool {
        false
    }
    fn has_document(&self, _: &DocumentName) -> bool {
        false
    }
    fn document_text(&self, _: &DocumentName) -> Option<std::sync::Arc<str>> {
        None
    }
}

struct Checker<'a> {
    dossier: &'a Dossier,
    existing: &'a dyn Existing,
    actors: HashSet<&'a ActorName>,
    disputes: HashSet<&'a DisputeName>,
    issues: HashSet<&'a IssueName>,
    documents: HashSet<&'a DocumentName>,
    out: Vec<Violation>,
}

impl Checker<'_> {
    fn fail(&mut self, path: impl Into<String>, rule: impl Into<String>) {
        self.out.push(Violation {
            path: path.into(),
            rule: rule.into(),
        });
    }

    fn non_empty(&mut self, path: String, value: &str) {
        if value.trim().is_empty() {
            self.fail(path, "must not be empty");
        }
    }

    fn date(&mut self, path: String, date: NaiveDate) {
        if !crate::date::in_range(date) {
            self.fail(
                path,
                format!("date {date} is outside the years {MIN_YEAR}..={MAX_YEAR}"),
            );
        }
    }

    fn actor_ref(&mut self, path: String, name: &ActorName) {
        if !self.actors.contains(name) && !self.existing.has_actor(name) {
            self.fail(path, format!("refers to {name}, which does not exist"));
        }
    }

    fn issue_ref(&mut self, path: String, name: &IssueName) {
        if !self.issues.contains(name) && !self.existing.has_issue(name) {
            self.fail(path, format!("refers to {name}, which does not exist"));
        }
    }

    fn evidence(&mut self, path: &str, evidence: &[Evidence]) {
        for (i, ev) in evidence.iter().enumerate() {
            let p = format!("{path}.evidence[{i}]");
            if let Some(doc) = &ev.document
                && !self.documents.contains(doc)
                && !self.existing.has_document(doc)
            {
                self.fail(
                    format!("{p}.document"),
                    format!("refers to {doc}, which does not exist"),
                );
            }
            if let Some(speaker) = &ev.speaker {
                self.actor_ref(format!("{p}.speaker"), speaker);
            }
            if let Some(source) = &ev.reported_by {
                self.actor_ref(format!("{p}.reported_by"), source);
            }
            if let Some(span) = ev.span {
                if span.start > span.end {
                    self.fail(
                        format!("{p}.span"),
                        format!("start {} is after end {}", span.start, span.end),
                    );
                    continue;
                }
                let stored;
                let text = match ev.document.as_ref() {
                    Some(d) => match self.dossier.documents.iter().find(|x| &x.name == d) {
                        Some(x) => Some(x.text.as_str()),
                        None => {
                            stored = self.existing.document_text(d);
                            stored.as_deref()
                        }
                    },
                    None => None,
                };
                if let Some(text) = text
                    && !span_fits(text, span)
                {
                    self.fail(
                        format!("{p}.span"),
                        format!(
                            "{}..{} is not a span of the document's {} bytes of text on character boundaries",
                            span.start,
                            span.end,
                            text.len()
                        ),
                    );
                }
            }
        }
    }
}

/// Whether `span` is a span of `text` on character boundaries.
#[must_use]
pub fn span_fits(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

fn unique<'a, T: Eq + std::hash::Hash + fmt::Display + 'a>(
    checker: &mut Checker<'_>,
    collection: &str,
    names: impl Iterator<Item = &'a T>,
) -> HashSet<&'a T> {
    let mut seen = HashSet::new();
    for (i, name) in names.enumerate() {
        if !seen.insert(name) {
            checker.fail(
                format!("{collection}[{i}].name"),
                format!("duplicate name {name}"),
            );
        }
    }
    seen
}

/// Checks a batch of entities against the rules of the model and against what already exists.
///
/// # Errors
/// Every violation found, with its field path.
pub fn validate(dossier: &Dossier, existing: &dyn Existing) -> Result<(), ValidationErrors> {
    let mut c = Checker {
        dossier,
        existing,
        actors: HashSet::new(),
        disputes: HashSet::new(),
        issues: HashSet::new(),
        documents: HashSet::new(),
        out: Vec::new(),
    };
    c.actors = unique(&mut c, "actors", dossier.actors.iter().map(|a| &a.name));
    c.disputes = unique(&mut c, "disputes", dossier.disputes.iter().map(|d| &d.name));
    c.issues = unique(&mut c, "issues", dossier.issues.iter().map(|i| &i.name));
    c.documents = unique(
        &mut c,
        "documents",
        dossier.documents.iter().map(|d| &d.name),
    );
    unique(&mut c, "stances", dossier.stances.iter().map(|s| &s.name));
    unique(&mut c, "events", dossier.events.iter().map(|e| &e.name));

    for (i, actor) in dossier.actors.iter().enumerate() {
        let p = format!("actors[{i}]");
        c.non_empty(format!("{p}.display_name"), &actor.display_name);
        if let Some(iso) = &actor.codes.iso3
            && !(iso.len() == 3 && iso.bytes().all(|b| b.is_ascii_uppercase()))
        {
            c.fail(
                format!("{p}.codes.iso3"),
                format!("`{iso}` is not an ISO 3166-1 alpha-3 code (three capital letters)"),
            );
        }
        for (j, aff) in actor.affiliations.iter().enumerate() {
            let ap = format!("{p}.affiliations[{j}]");
            c.actor_ref(format!("{ap}.actor"), &aff.actor);
            if aff.actor == actor.name {
                c.fail(
                    format!("{ap}.actor"),
                    "an actor cannot be affiliated with itself",
                );
            }
            c.non_empty(format!("{ap}.role"), &aff.role);
            if let Some(from) = aff.from {
                c.date(format!("{ap}.from"), from);
            }
            if let Some(to) = aff.to {
                c.date(format!("{ap}.to"), to);
            }
            if let (Some(from), Some(to)) = (aff.from, aff.to)
                && from > to
            {
                c.fail(
                    format!("{ap}.to"),
                    format!("ends ({to}) before it starts ({from})"),
                );
            }
        }
    }

    for (i, dispute) in dossier.disputes.iter().enumerate() {
        let p = format!("disputes[{i}]");
        c.non_empty(format!("{p}.title"), &dispute.title);
        if dispute.parties.is_empty() {
            c.fail(format!("{p}.parties"), "a dispute needs at least one party");
        }
        let mut parties = HashSet::new();
        for (j, party) in dispute.parties.iter().enumerate() {
            c.actor_ref(format!("{p}.parties[{j}].actor"), &party.actor);
            if !parties.insert(&party.actor) {
                c.fail(
                    format!("{p}.parties[{j}].actor"),
                    format!("{} is listed twice", party.actor),
                );
            }
        }
        for (j, object) in dispute.objects.iter().enumerate() {
            let op = format!("{p}.objects[{j}]");
            c.non_empty(format!("{op}.id"), &object.id);
            if object.names.is_empty() {
                c.fail(
                    format!("{op}.names"),
                    "a disputed object needs at least one name",
                );
            }
            for (k, name) in object.names.iter().enumerate() {
                c.non_empty(format!("{op}.names[{k}].label"), &name.label);
                if let Some(actor) = &name.used_by {
                    c.actor_ref(format!("{op}.names[{k}].used_by"), actor);
                }
            }
        }
        if dispute.status.is_empty() {
            c.fail(
                format!("{p}.status"),
                "a dispute needs a status (active, frozen or resolved)",
            );
        }
        let mut last: Option<NaiveDate> = None;
        for (j, change) in dispute.status.iter().enumerate() {
            if let Some(since) = change.since {
                c.date(format!("{p}.status[{j}].since"), since);
                if last.is_some_and(|l| since < l) {
                    c.fail(
                        format!("{p}.status[{j}].since"),
                        "status changes must be in date order",
                    );
                }
                last = Some(since);
            }
        }
    }

    for (i, issue) in dossier.issues.iter().enumerate() {
        let p = format!("issues[{i}]");
        c.non_empty(format!("{p}.title"), &issue.title);
        let dispute = issue.dispute();
        if !c.disputes.contains(&dispute) && !existing.has_dispute(&dispute) {
            c.fail(
                format!("{p}.name"),
                format!("belongs to {dispute}, which does not exist"),
            );
        }
        match &issue.scale {
            IssueScale::Binary { proposal } => c.non_empty(format!("{p}.scale.proposal"), proposal),
            IssueScale::Continuous { anchors } => {
                if anchors.len() < 2 {
                    c.fail(
                        format!("{p}.scale.anchors"),
                        "a continuous scale needs at least two labeled anchors",
                    );
                }
                for (j, anchor) in anchors.iter().enumerate() {
                    c.non_empty(format!("{p}.scale.anchors[{j}].label"), &anchor.label);
                    if j > 0 && anchors[j - 1].position >= anchor.position {
                        c.fail(
                            format!("{p}.scale.anchors[{j}].position"),
                            "anchors must be in increasing order of position",
                        );
                    }
                }
            }
        }
    }

    for (i, stance) in dossier.stances.iter().enumerate() {
        let p = format!("stances[{i}]");
        c.actor_ref(format!("{p}.actor"), &stance.actor);
        c.issue_ref(format!("{p}.issue"), &stance.issue);
        c.date(format!("{p}.valid_from"), stance.valid_from);
        if let Some(to) = stance.valid_to {
            c.date(format!("{p}.valid_to"), to);
            if to <= stance.valid_from {
                c.fail(
                    format!("{p}.valid_to"),
                    format!("must be after valid_from ({})", stance.valid_from),
                );
            }
        }
        for (j, cond) in stance.conditions.iter().enumerate() {
            let cp = format!("{p}.conditions[{j}]");
            c.issue_ref(format!("{cp}.issue"), &cond.issue);
            if cond.issue == stance.issue {
                c.fail(
                    format!("{cp}.issue"),
                    "a stance cannot be conditional on its own issue",
                );
            }
            if let (Some(lo), Some(hi)) = (cond.min_position, cond.max_position)
                && lo > hi
            {
                c.fail(
                    format!("{cp}.max_position"),
                    format!("must not be below min_position ({lo})"),
                );
            }
        }
        c.evidence(&p, &stance.evidence);
    }

    for (i, event) in dossier.events.iter().enumerate() {
        let p = format!("events[{i}]");
        c.date(format!("{p}.date.date"), event.date.date);
        if event.sources.is_empty() {
            c.fail(
                format!("{p}.sources"),
                "an event needs at least one source actor",
            );
        }
        for (j, actor) in event.sources.iter().enumerate() {
            c.actor_ref(format!("{p}.sources[{j}]"), actor);
        }
        for (j, actor) in event.targets.iter().enumerate() {
            c.actor_ref(format!("{p}.targets[{j}]"), actor);
        }
        for (j, issue) in event.issues.iter().enumerate() {
            c.issue_ref(format!("{p}.issues[{j}]"), issue);
        }
        c.evidence(&p, &event.evidence);
    }

    for (i, doc) in dossier.documents.iter().enumerate() {
        let p = format!("documents[{i}]");
        if let Some(published) = doc.published {
            c.date(format!("{p}.published"), published);
        }
        if !doc.content_hash.is_empty() && doc.content_hash != content_hash(&doc.text) {
            c.fail(
                format!("{p}.content_hash"),
                "does not match the SHA-256 of the text",
            );
        }
    }

    if c.out.is_empty() {
        Ok(())
    } else {
        Err(ValidationErrors(c.out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, StanceLabel};
    use crate::values::Position;

    fn kuril() -> Dossier {
        Dossier::from_json(include_str!(
            "../../../examples/dossiers/kuril-islands.json"
        ))
        .expect("parses")
    }

    /// Breaks the reference dossier with `edit` and returns the violations as text.
    fn violations(edit: impl FnOnce(&mut Dossier)) -> String {
        let mut d = kuril();
        edit(&mut d);
        validate(&d, &NothingElse)
            .expect_err("should be invalid")
            .to_string()
    }

    #[test]
    fn reference_dossier_is_valid() {
        validate(&kuril(), &NothingElse).expect("valid");
    }

    #[test]
    fn dates_must_be_ordered_and_sane() {
        let text = violations(|d| {
            let aff = &mut d.actors[3].affiliations[0];
            std::mem::swap(&mut aff.from, &mut aff.to);
        });
        assert!(
            text.contains(
                "actors[3].affiliations[0].to: ends (2017-08-03) before it starts (2019-09-11)"
            ),
            "{text}"
        );
        let text = violations(|d| d.stances[0].valid_to = Some(d.stances[0].valid_from));
        assert!(
            text.contains("stances[0].valid_to: must be after valid_from"),
            "{text}"
        );
        let text = violations(|d| {
            d.events[0].date.date = NaiveDate::from_ymd_opt(3018, 1, 1).expect("date")
        });
        assert!(
            text.contains("events[0].date.date: date 3018-01-01 is outside the years"),
            "{text}"
        );
    }

    #[test]
    fn conditions_and_scales_are_checked() {
        let text = violations(|d| {
            let own = d.stances[1].issue.clone();
            d.stances[1].conditions[0].issue = own;
        });
        assert!(
            text.contains(
                "stances[1].conditions[0].issue: a stance cannot be conditional on its own issue"
            ),
            "{text}"
        );
        let text = violations(|d| {
            if let IssueScale::Continuous { anchors } = &mut d.issues[1].scale {
                anchors.swap(0, 2);
            }
        });
        assert!(
            text.contains(
                "issues[1].scale.anchors[1].position: anchors must be in increasing order"
            ),
            "{text}"
        );
        let text = violations(|d| {
            d.stances[1].conditions[0].min_position = Some(Position::new(80.0).expect("pos"));
            d.stances[1].conditions[0].max_position = Some(Position::new(20.0).expect("pos"));
        });
        assert!(
            text.contains("stances[1].conditions[0].max_position"),
            "{text}"
        );
    }

    #[test]
    fn evidence_must_point_inside_its_document() {
        let text = violations(|d| {
            d.stances[0].evidence[0].span = Some(Span {
                start: 10,
                end: 1_000_000,
            })
        });
        assert!(
            text.contains("stances[0].evidence[0].span: 10..1000000 is not a span of the document"),
            "{text}"
        );
        // Byte 180 falls inside the three-byte apostrophe of "Putin’s".
        let text = violations(|d| {
            let start = d.documents[0].text.find('’').expect("apostrophe") + 1;
            d.stances[0].evidence[0].span = Some(Span {
                start,
                end: start + 4,
            });
        });
        assert!(text.contains("character boundaries"), "{text}");
        let text = violations(|d| d.documents[0].content_hash = "00".repeat(32));
        assert!(
            text.contains("documents[0].content_hash: does not match"),
            "{text}"
        );
    }

    /// The whole reference dossier already stored, as the store's view of it.
    struct Stored(Dossier);

    impl Existing for Stored {
        fn has_actor(&self, n: &ActorName) -> bool {
            self.0.actors.iter().any(|x| &x.name == n)
        }
        fn has_dispute(&self, n: &DisputeName) -> bool {
            self.0.disputes.iter().any(|x| &x.name == n)
        }
        fn has_issue(&self, n: &IssueName) -> bool {
            self.0.issues.iter().any(|x| &x.name == n)
        }
        fn has_document(&self, n: &DocumentName) -> bool {
            self.0.documents.iter().any(|x| &x.name == n)
        }
        fn document_text(&self, n: &DocumentName) -> Option<std::sync::Arc<str>> {
            self.0
                .documents
                .iter()
                .find(|x| &x.name == n)
                .map(|x| x.text.as_str().into())
        }
    }

    #[test]
    fn evidence_into_a_stored_document_is_checked_against_its_text() {
        let stored = Stored(kuril());
        let mut batch = Dossier::new();
        let mut stance = kuril().stances[0].clone();
        stance.evidence[0].span = Some(Span {
            start: 10,
            end: 1_000_000,
        });
        batch.stances.push(stance.clone());
        let errs = validate(&batch, &stored).expect_err("span outside the stored text");
        assert_eq!(errs.0[0].path, "stances[0].evidence[0].span", "{errs}");
        // A span splitting the stored text's three-byte apostrophe.
        let start = stored.0.documents[0].text.find('’').expect("apostrophe") + 1;
        batch.stances[0].evidence[0].span = Some(Span {
            start,
            end: start + 4,
        });
        let errs = validate(&batch, &stored).expect_err("span inside a character");
        assert!(errs.to_string().contains("character boundaries"), "{errs}");
        // The original span is fine against the stored text.
        batch.stances[0] = kuril().stances[0].clone();
        validate(&batch, &stored).expect("a good span into a stored document");
    }

    #[test]
    fn every_violation_is_reported_at_once() {
        let mut d = kuril();
        d.events[0].sources.clear();
        d.disputes[0].parties.clear();
        d.stances[0].label = StanceLabel::Support;
        d.actors[0].display_name = "  ".into();
        let errs = validate(&d, &NothingElse).expect_err("invalid");
        let paths: Vec<&str> = errs.0.iter().map(|v| v.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "actors[0].display_name",
                "disputes[0].parties",
                "events[0].sources"
            ]
        );
    }
}
