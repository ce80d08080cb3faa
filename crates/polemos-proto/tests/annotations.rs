//! The `google.api` annotations of the `polemos.v1` protos agree with their comments and with
//! each other, so a tool that reads the annotations (a client generator, `api-linter`, a
//! reference linker) learns what a reader of the comments learns: the six resources declare
//! their type and name pattern, every string field documented as holding a resource name
//! references that resource's type, and `OUTPUT_ONLY` is on exactly the fields documented as
//! output only. buf checks none of this (it does not interpret these options).

use std::collections::BTreeSet;

use prost_reflect::{
    DescriptorPool, DynamicMessage, FieldDescriptor, Kind, MessageDescriptor, Value,
};

/// The resources: message, `google.api.resource` pattern.
const RESOURCES: [(&str, &str); 6] = [
    ("Actor", "actors/{actor}"),
    ("Dispute", "disputes/{dispute}"),
    ("Issue", "disputes/{dispute}/issues/{issue}"),
    ("Stance", "stances/{stance}"),
    ("Event", "events/{event}"),
    ("Document", "documents/{document}"),
];

/// `google.api.FieldBehavior` values used here.
const OUTPUT_ONLY: i32 = 3;
const IDENTIFIER: i32 = 8;

fn pool() -> DescriptorPool {
    DescriptorPool::decode(polemos_proto::FILE_DESCRIPTOR_SET).expect("descriptor set decodes")
}

/// Every message of package `polemos.v1`, nested ones included.
fn messages(pool: &DescriptorPool) -> Vec<MessageDescriptor> {
    pool.all_messages()
        .filter(|m| m.package_name() == "polemos.v1")
        .collect()
}

/// The leading comment of a field, from the source info protox keeps.
fn comment(field: &FieldDescriptor) -> String {
    let file = field.parent_file();
    let info = file.file_descriptor_proto().source_code_info.as_ref();
    info.and_then(|info| info.location.iter().find(|l| l.path == field.path()))
        .map(|l| {
            l.leading_comments()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

fn extension(pool: &DescriptorPool, options: &DynamicMessage, name: &str) -> Option<Value> {
    let ext = pool
        .get_extension_by_name(name)
        .unwrap_or_else(|| panic!("{name} is in the descriptor set"));
    options
        .has_extension(&ext)
        .then(|| options.get_extension(&ext).into_owned())
}

fn behaviors(pool: &DescriptorPool, field: &FieldDescriptor) -> Vec<i32> {
    match extension(pool, &field.options(), "google.api.field_behavior") {
        Some(Value::List(values)) => values.iter().filter_map(Value::as_enum_number).collect(),
        _ => Vec::new(),
    }
}

/// A string field of a `google.api` message value, or "".
fn text(message: &Value, field: &str) -> String {
    message
        .as_message()
        .and_then(|m| m.get_field_by_name(field))
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// `(type, child_type)` of a field's `google.api.resource_reference`.
fn reference(pool: &DescriptorPool, field: &FieldDescriptor) -> Option<(String, String)> {
    extension(pool, &field.options(), "google.api.resource_reference")
        .map(|r| (text(&r, "type"), text(&r, "child_type")))
}

/// The resource patterns a comment mentions, written as in the protos: `` `actors/{actor}` ``.
fn mentioned(comment: &str) -> BTreeSet<&'static str> {
    RESOURCES
        .iter()
        .map(|(_, pattern)| *pattern)
        .filter(|pattern| comment.contains(&format!("`{pattern}`")))
        .collect()
}

fn pattern_of(resource_type: &str) -> Option<&'static str> {
    let name = resource_type.strip_prefix("polemos/")?;
    RESOURCES.iter().find(|(m, _)| *m == name).map(|(_, p)| *p)
}

/// `disputes/{dispute}/issues/{issue}` → `disputes/{dispute}`; a top-level pattern has none.
fn parent_pattern(pattern: &str) -> Option<&str> {
    let mut parts: Vec<&str> = pattern.split('/').collect();
    (parts.len() > 2).then(|| {
        parts.truncate(parts.len() - 2);
        let joined = parts.join("/");
        RESOURCES
            .iter()
            .map(|(_, p)| *p)
            .find(|p| *p == joined)
            .expect("the parent is a resource")
    })
}

#[test]
fn each_resource_declares_its_type_and_pattern() {
    let pool = pool();
    let mut declared = Vec::new();
    for message in messages(&pool) {
        let Some(resource) = extension(&pool, &message.options(), "google.api.resource") else {
            continue;
        };
        declared.push(message.name().to_owned());
        let (_, pattern) = RESOURCES
            .iter()
            .find(|(m, _)| *m == message.name())
            .unwrap_or_else(|| panic!("{} is annotated as a resource", message.name()));
        assert_eq!(
            text(&resource, "type"),
            format!("polemos/{}", message.name())
        );
        let patterns = resource
            .as_message()
            .and_then(|m| m.get_field_by_name("pattern"))
            .and_then(|v| v.as_list().map(<[Value]>::to_vec))
            .unwrap_or_default();
        assert_eq!(
            patterns,
            [Value::String((*pattern).to_owned())],
            "{}",
            message.name()
        );
        let plural = pattern.rsplit('/').nth(1).expect("collection id");
        assert_eq!(text(&resource, "plural"), plural);
        assert_eq!(
            text(&resource, "singular"),
            message.name().to_ascii_lowercase()
        );

        let name = message.get_field_by_name("name").expect("a name field");
        assert_eq!(
            behaviors(&pool, &name),
            [IDENTIFIER],
            "{}.name",
            message.name()
        );
        assert_eq!(mentioned(&comment(&name)), BTreeSet::from([*pattern]));
        let etag = message.get_field_by_name("etag").expect("an etag field");
        assert_eq!(
            behaviors(&pool, &etag),
            [OUTPUT_ONLY],
            "{}.etag",
            message.name()
        );
    }
    declared.sort();
    let mut want: Vec<String> = RESOURCES.iter().map(|(m, _)| (*m).to_owned()).collect();
    want.sort();
    assert_eq!(declared, want);
}

#[test]
fn fields_holding_resource_names_reference_their_type() {
    let pool = pool();
    let mut problems = Vec::new();
    let mut references = 0;
    for message in messages(&pool) {
        let is_resource = RESOURCES.iter().any(|(m, _)| *m == message.name());
        for field in message.fields() {
            if is_resource && field.name() == "name" {
                continue; // the resource's own name: IDENTIFIER, checked above
            }
            if field.name().ends_with("_id") {
                continue; // `CreateActorRequest.actor_id`: the id part of a name, not a name
            }
            let at = field.full_name().to_owned();
            let says = mentioned(&comment(&field));
            let refers = reference(&pool, &field);
            if refers.is_some() {
                references += 1;
            }
            match (says.len(), refers) {
                (0, None) => {}
                (_, Some(_)) if !matches!(field.kind(), Kind::String) => {
                    problems.push(format!("{at}: a resource reference on a non-string field"));
                }
                (0, Some(_)) => problems.push(format!(
                    "{at}: references a resource its comment does not name"
                )),
                (1, None) if matches!(field.kind(), Kind::String) => {
                    problems.push(format!(
                        "{at}: documented as {says:?} but has no resource_reference"
                    ));
                }
                (1, None) => {}
                (1, Some((ty, child))) => {
                    let want = if child.is_empty() {
                        pattern_of(&ty)
                    } else {
                        pattern_of(&child).and_then(parent_pattern)
                    };
                    let said = says.first().copied();
                    if want.is_none() || want != said {
                        problems.push(format!(
                            "{at}: type {ty:?} child_type {child:?} but documented as {said:?}"
                        ));
                    }
                }
                (_, _) => problems.push(format!(
                    "{at}: the comment names several resources {says:?}"
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(references > 40, "only {references} references found");
}

#[test]
fn output_only_is_on_exactly_the_fields_documented_as_output_only() {
    let pool = pool();
    let mut problems = Vec::new();
    for message in messages(&pool) {
        for field in message.fields() {
            let annotated = behaviors(&pool, &field).contains(&OUTPUT_ONLY);
            let documented = comment(&field).starts_with("Output only");
            if annotated != documented {
                problems.push(format!(
                    "{}: OUTPUT_ONLY {annotated}, comment says output only {documented}",
                    field.full_name()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn parent_pattern_drops_the_last_collection() {
    assert_eq!(
        parent_pattern("disputes/{dispute}/issues/{issue}"),
        Some("disputes/{dispute}")
    );
    assert_eq!(parent_pattern("actors/{actor}"), None);
}
