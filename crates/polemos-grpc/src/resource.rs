//! What the standard methods need to know about each resource type, so that Get/List/Create/
//! Update/Delete are written once (in `dossier.rs`) for all six.

use polemos_core::{self as core, Dossier, Record};
use polemos_proto::v1 as pb;
use polemos_store::Kind;

use super::convert::{self as cv, In, Path};

/// A resource type of the API: its core type, its message and how they map.
pub trait Resource: Sized + Clone + PartialEq + Send + Sync + 'static {
    type Pb: Clone + Default + Send + Sync + 'static;
    const KIND: Kind;
    /// The request field holding the resource (`actor`), used in field paths.
    const FIELD: &'static str;
    /// The collection segment of its names (`actors`).
    const COLLECTION: &'static str;

    fn from_record(record: Record) -> Option<Self>;
    fn into_record(self) -> Record;
    fn name(&self) -> &str;
    fn out(&self, revision: u64) -> Self::Pb;
    fn input(path: &Path, pb: &Self::Pb) -> In<Self>;
    fn all(dossier: &Dossier) -> &[Self];
    fn pb_name(pb: &Self::Pb) -> &str;
    fn pb_etag(pb: &Self::Pb) -> &str;
    fn set_pb_name(pb: &mut Self::Pb, name: String);
    /// Checks a resource name of this type, naming `field` when it is wrong.
    fn check_name(path: &Path, name: &str) -> In<()>;
    /// Copies one top-level field from `src` into `dst`; false when the name is not a
    /// writable field.
    fn merge(dst: &mut Self::Pb, src: &Self::Pb, field: &str) -> bool;
    /// The writable fields `pb` sets (not empty or zero): what an update without a mask
    /// replaces (AIP-134).
    fn set_fields(pb: &Self::Pb) -> Vec<String>;
    /// Bytes of free text that the server's text limit applies to, with the field holding them.
    fn text_size(&self) -> Option<(&'static str, usize)> {
        None
    }
}

macro_rules! resource {
    ($core:ty, $pb:ty, $variant:ident, $kind:ident, $field:literal, $collection:literal,
     $list:ident, $out:path, $in:path, $check:path, [$($f:ident),+ $(,)?]) => {
        impl Resource for $core {
            type Pb = $pb;
            const KIND: Kind = Kind::$kind;
            const FIELD: &'static str = $field;
            const COLLECTION: &'static str = $collection;

            fn from_record(record: Record) -> Option<Self> {
                match record {
                    Record::$variant(x) => Some(x),
                    _ => None,
                }
            }
            fn into_record(self) -> Record {
                Record::$variant(self)
            }
            fn name(&self) -> &str {
                self.name.as_str()
            }
            fn out(&self, revision: u64) -> Self::Pb {
                $out(self, revision)
            }
            fn input(path: &Path, pb: &Self::Pb) -> In<Self> {
                $in(path, pb)
            }
            fn all(dossier: &Dossier) -> &[Self] {
                &dossier.$list
            }
            fn pb_name(pb: &Self::Pb) -> &str {
                &pb.name
            }
            fn pb_etag(pb: &Self::Pb) -> &str {
                &pb.etag
            }
            fn set_pb_name(pb: &mut Self::Pb, name: String) {
                pb.name = name;
            }
            fn check_name(path: &Path, name: &str) -> In<()> {
                $check(path, name).map(|_| ())
            }
            fn merge(dst: &mut Self::Pb, src: &Self::Pb, field: &str) -> bool {
                match field {
                    $(stringify!($f) => { dst.$f = src.$f.clone(); true })+
                    _ => false,
                }
            }
            fn set_fields(pb: &Self::Pb) -> Vec<String> {
                let empty = <$pb>::default();
                let mut out = Vec::new();
                $(if pb.$f != empty.$f {
                    out.push(stringify!($f).to_owned());
                })+
                out
            }
            resource!(@text $variant);
        }
    };
    (@text Document) => {
        fn text_size(&self) -> Option<(&'static str, usize)> {
            Some(("document.text", self.text.len()))
        }
    };
    (@text $other:ident) => {};
}

resource!(
    core::Actor,
    pb::Actor,
    Actor,
    Actor,
    "actor",
    "actors",
    actors,
    cv::actor_out,
    cv::actor_in,
    cv::actor_name,
    [kind, display_name, codes, aliases, affiliations]
);
resource!(
    core::Dispute,
    pb::Dispute,
    Dispute,
    Dispute,
    "dispute",
    "disputes",
    disputes,
    cv::dispute_out,
    cv::dispute_in,
    cv::dispute_name,
    [title, kind, parties, objects, status]
);
resource!(
    core::Issue,
    pb::Issue,
    Issue,
    Issue,
    "issue",
    "issues",
    issues,
    cv::issue_out,
    cv::issue_in,
    cv::issue_name,
    [title, description, scale]
);
resource!(
    core::Stance,
    pb::Stance,
    Stance,
    Stance,
    "stance",
    "stances",
    stances,
    cv::stance_out,
    cv::stance_in,
    cv::stance_name,
    [
        actor, issue, position, salience, confidence, label, conditions, valid_from, valid_to,
        evidence
    ]
);
resource!(
    core::Event,
    pb::Event,
    Event,
    Event,
    "event",
    "events",
    events,
    cv::event_out,
    cv::event_in,
    cv::event_name,
    [
        date, status, event_type, mode, contexts, cameo, intensity, sources, targets, location,
        issues, evidence
    ]
);
resource!(
    core::Document,
    pb::Document,
    Document,
    Document,
    "document",
    "documents",
    documents,
    cv::document_out,
    cv::document_in,
    cv::document_name,
    [title, outlet, url, published, language, text]
);
