//! Checks on the `polemos.v1` protos that `buf lint` (STANDARD) and a reader of the API would
//! make, without needing `buf`: every service, method, message, field, oneof, enum and enum
//! value carries a leading comment (the protos are the reference for clients in other
//! languages), each RPC has its own `{Method}Request` and `{Method}Response`, and enum values are
//! prefixed with the enum's name with an `_UNSPECIFIED` zero value.
//!
//! `scripts/test-proto.sh` runs `buf lint` itself (docs/protos.md); this test keeps the core of
//! those rules in `cargo test`, which runs where npm and buf are not installed.

use std::collections::HashMap;

use prost::Message;
use prost_types::{DescriptorProto, EnumDescriptorProto, FileDescriptorProto, FileDescriptorSet};

fn files() -> Vec<FileDescriptorProto> {
    FileDescriptorSet::decode(polemos_proto::FILE_DESCRIPTOR_SET)
        .expect("descriptor set")
        .file
        .into_iter()
        .filter(|f| f.package() == "polemos.v1")
        .collect()
}

/// `FooBarBaz` → `FOO_BAR_BAZ`.
fn upper_snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

struct Docs {
    comments: HashMap<Vec<i32>, bool>,
    file: String,
    missing: Vec<String>,
}

impl Docs {
    fn new(f: &FileDescriptorProto) -> Self {
        let comments = f
            .source_code_info
            .as_ref()
            .map(|info| {
                info.location
                    .iter()
                    .map(|l| (l.path.clone(), !l.leading_comments().trim().is_empty()))
                    .collect()
            })
            .unwrap_or_default();
        Self {
            comments,
            file: f.name().to_owned(),
            missing: Vec::new(),
        }
    }

    fn check(&mut self, path: &[i32], what: impl FnOnce() -> String) {
        if !self.comments.get(path).copied().unwrap_or(false) {
            self.missing.push(format!("{}: {}", self.file, what()));
        }
    }

    fn enumeration(&mut self, path: &[i32], e: &EnumDescriptorProto, violations: &mut Vec<String>) {
        self.check(path, || format!("enum {}", e.name()));
        let prefix = format!("{}_", upper_snake(e.name()));
        for (i, v) in e.value.iter().enumerate() {
            let mut p = path.to_vec();
            p.extend([2, i as i32]);
            self.check(&p, || format!("enum value {}", v.name()));
            if !v.name().starts_with(&prefix) {
                violations.push(format!("{} is not prefixed {prefix}", v.name()));
            }
            if v.number() == 0 && v.name() != format!("{prefix}UNSPECIFIED") {
                violations.push(format!(
                    "zero value {} is not {prefix}UNSPECIFIED",
                    v.name()
                ));
            }
        }
    }

    fn message(&mut self, path: &[i32], m: &DescriptorProto, violations: &mut Vec<String>) {
        self.check(path, || format!("message {}", m.name()));
        for (i, f) in m.field.iter().enumerate() {
            let mut p = path.to_vec();
            p.extend([2, i as i32]);
            self.check(&p, || format!("field {}.{}", m.name(), f.name()));
            if f.name() != f.name().to_ascii_lowercase() {
                violations.push(format!(
                    "field {}.{} is not lower_snake_case",
                    m.name(),
                    f.name()
                ));
            }
        }
        for (i, o) in m.oneof_decl.iter().enumerate() {
            // proto3 `optional` fields are synthetic oneofs named `_field`; they need no comment.
            if o.name().starts_with('_') {
                continue;
            }
            let mut p = path.to_vec();
            p.extend([8, i as i32]);
            self.check(&p, || format!("oneof {}.{}", m.name(), o.name()));
        }
        for (i, n) in m.nested_type.iter().enumerate() {
            if n.options.as_ref().is_some_and(|o| o.map_entry()) {
                continue;
            }
            let mut p = path.to_vec();
            p.extend([3, i as i32]);
            self.message(&p, n, violations);
        }
        for (i, e) in m.enum_type.iter().enumerate() {
            let mut p = path.to_vec();
            p.extend([4, i as i32]);
            self.enumeration(&p, e, violations);
        }
    }
}

#[test]
fn every_element_is_documented_and_named_by_the_standard_rules() {
    let files = files();
    assert!(files.len() >= 5, "the polemos.v1 files are in the set");
    let mut missing = Vec::new();
    let mut violations = Vec::new();
    let mut used: HashMap<String, String> = HashMap::new();
    for f in &files {
        let mut docs = Docs::new(f);
        for (i, m) in f.message_type.iter().enumerate() {
            docs.message(&[4, i as i32], m, &mut violations);
        }
        for (i, e) in f.enum_type.iter().enumerate() {
            docs.enumeration(&[5, i as i32], e, &mut violations);
        }
        for (i, s) in f.service.iter().enumerate() {
            docs.check(&[6, i as i32], || format!("service {}", s.name()));
            for (j, m) in s.method.iter().enumerate() {
                docs.check(&[6, i as i32, 2, j as i32], || {
                    format!("rpc {}.{}", s.name(), m.name())
                });
                for (ty, suffix) in [(m.input_type(), "Request"), (m.output_type(), "Response")] {
                    let want = format!(".polemos.v1.{}{suffix}", m.name());
                    if ty != want {
                        violations.push(format!("{}.{} uses {ty}, not {want}", s.name(), m.name()));
                    }
                    if let Some(other) = used.insert(ty.to_owned(), m.name().to_owned()) {
                        violations.push(format!("{ty} is used by {other} and {}", m.name()));
                    }
                }
            }
        }
        missing.extend(docs.missing);
    }
    assert!(missing.is_empty(), "undocumented:\n{}", missing.join("\n"));
    assert!(violations.is_empty(), "naming:\n{}", violations.join("\n"));
}

#[test]
fn upper_snake_splits_words() {
    assert_eq!(upper_snake("SeriesGranularity"), "SERIES_GRANULARITY");
    assert_eq!(upper_snake("ActorKind"), "ACTOR_KIND");
}
