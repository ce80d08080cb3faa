//! Resource names in the style of Google AIP-122: `actors/JPN`, `disputes/kuril-islands`,
//! `disputes/kuril-islands/issues/peace-treaty`. Each kind of resource has its own type, so an
//! actor's name can never be passed where an issue's is expected.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Why a string is not a valid resource name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{value}` is not a valid {kind} name: expected `{pattern}` where each id is 1-63 of A-Z a-z 0-9 . _ - starting with a letter or digit"
)]
pub struct NameError {
    /// The kind of name (`actor`, `issue`, …).
    pub kind: &'static str,
    /// The form it must have (`actors/ID`).
    pub pattern: &'static str,
    /// The string given.
    pub value: String,
}

/// True when `id` is a valid resource id segment.
#[must_use]
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 63
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// `text` with its Latin letters' diacritics dropped, case kept: Unicode canonical
/// decomposition, then the combining marks left out ("Erdoğan" → "Erdogan", "Álvaro" →
/// "Alvaro"). The few letters that do not decompose are written as their base letter ("Đ" →
/// "D", "ł" → "l", "ø" → "o", dotless "ı" → "i"); other characters are kept.
#[must_use]
pub fn fold_diacritics(text: &str) -> String {
    text.nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| match c {
            'đ' | 'ð' => 'd',
            'Đ' | 'Ð' => 'D',
            'ł' => 'l',
            'Ł' => 'L',
            'ø' => 'o',
            'Ø' => 'O',
            'ı' => 'i',
            'ħ' => 'h',
            'Ħ' => 'H',
            c => c,
        })
        .collect()
}

/// Turns free text into a valid id: lowercase ASCII words joined by `-`
/// ("Taro Kono" → `taro-kono`), the diacritics folded first ([`fold_diacritics`]: "Miloš
/// Zeman" → `milos-zeman`). Returns `None` when nothing usable is left.
#[must_use]
pub fn slugify(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in fold_diacritics(text).chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
        if out.len() >= 63 {
            break;
        }
    }
    let trimmed = out.trim_end_matches('-');
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

macro_rules! top_level_name {
    ($(#[$doc:meta])* $ty:ident, $collection:literal, $kind:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $ty(String);

        impl $ty {
            /// The collection segment, e.g. `actors`.
            pub const COLLECTION: &'static str = $collection;

            /// Builds the name from its id, e.g. `JPN` → `actors/JPN`.
            ///
            /// # Errors
            /// When `id` is not a valid id segment.
            pub fn from_id(id: &str) -> Result<Self, NameError> {
                Self::parse(&format!("{}/{}", $collection, id))
            }

            /// Parses a full name such as `actors/JPN`.
            ///
            /// # Errors
            /// When the string does not have the form `collection/id`.
            pub fn parse(value: &str) -> Result<Self, NameError> {
                match value.split_once('/') {
                    Some(($collection, id)) if is_valid_id(id) => Ok(Self(value.to_owned())),
                    _ => Err(NameError {
                        kind: $kind,
                        pattern: concat!($collection, "/{id}"),
                        value: value.to_owned(),
                    }),
                }
            }

            /// The id segment after the collection.
            #[must_use]
            pub fn id(&self) -> &str {
                &self.0[$collection.len() + 1..]
            }

            /// The full name as a string.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl_name_traits!($ty);
    };
}

macro_rules! impl_name_traits {
    ($ty:ident) => {
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $ty {
            type Err = NameError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(deserializer)?;
                Self::parse(&raw).map_err(serde::de::Error::custom)
            }
        }
    };
}

top_level_name!(
    /// `actors/{actor}`: a state, body, organization, person, group or outlet.
    ActorName, "actors", "actor"
);
top_level_name!(
    /// `disputes/{dispute}`.
    DisputeName, "disputes", "dispute"
);
top_level_name!(
    /// `stances/{stance}`: one actor's stance on one issue over a period.
    StanceName, "stances", "stance"
);
top_level_name!(
    /// `events/{event}`.
    EventName, "events", "event"
);
top_level_name!(
    /// `documents/{document}`: a news article or other source text.
    DocumentName, "documents", "document"
);

/// `disputes/{dispute}/issues/{issue}`: a question within a dispute.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IssueName(String);

impl IssueName {
    /// Builds `disputes/{dispute}/issues/{id}`.
    ///
    /// # Errors
    /// When `id` is not a valid id segment.
    pub fn new(dispute: &DisputeName, id: &str) -> Result<Self, NameError> {
        Self::parse(&format!("{dispute}/issues/{id}"))
    }

    /// Parses a full issue name.
    ///
    /// # Errors
    /// When the string is not of the form `disputes/{dispute}/issues/{issue}`.
    pub fn parse(value: &str) -> Result<Self, NameError> {
        let mut parts = value.split('/');
        let ok = matches!(
            (parts.next(), parts.next(), parts.next(), parts.next(), parts.next()),
            (Some("disputes"), Some(d), Some("issues"), Some(i), None) if is_valid_id(d) && is_valid_id(i)
        );
        if ok {
            Ok(Self(value.to_owned()))
        } else {
            Err(NameError {
                kind: "issue",
                pattern: "disputes/{dispute}/issues/{issue}",
                value: value.to_owned(),
            })
        }
    }

    /// The dispute this issue belongs to.
    #[must_use]
    pub fn dispute(&self) -> DisputeName {
        let end = self.0.find("/issues/").unwrap_or(self.0.len());
        DisputeName(self.0[..end].to_owned())
    }

    /// The issue's own id segment.
    #[must_use]
    pub fn id(&self) -> &str {
        self.0.rsplit('/').next().unwrap_or_default()
    }

    /// The full name as a string.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl_name_traits!(IssueName);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_names() {
        assert_eq!(
            ActorName::parse("actors/JPN").map(|n| n.id().to_owned()),
            Ok("JPN".into())
        );
        let issue = IssueName::parse("disputes/kuril-islands/issues/peace-treaty").expect("valid");
        assert_eq!(issue.dispute().as_str(), "disputes/kuril-islands");
        assert_eq!(issue.id(), "peace-treaty");
    }

    #[test]
    fn rejects_malformed_names() {
        for bad in [
            "actors/",
            "actor/JPN",
            "actors/JP N",
            "actors/-x",
            "actors/a/b",
            "JPN",
            "",
        ] {
            assert!(ActorName::parse(bad).is_err(), "{bad} should be rejected");
        }
        for bad in [
            "disputes/x/issue/y",
            "disputes/x/issues/",
            "disputes/x/issues/y/z",
        ] {
            assert!(IssueName::parse(bad).is_err(), "{bad} should be rejected");
        }
        let err = DisputeName::parse("actors/JPN").expect_err("wrong collection");
        assert!(err.to_string().contains("disputes/{id}"), "{err}");
    }

    #[test]
    fn slugify_makes_ids() {
        assert_eq!(slugify("Taro Kono").as_deref(), Some("taro-kono"));
        assert_eq!(
            slugify("  Sergéi  Lavrov!! ").as_deref(),
            Some("sergei-lavrov")
        );
        assert_eq!(slugify("!!!"), None);
        let long = "a".repeat(200);
        assert!(slugify(&long).is_some_and(|s| is_valid_id(&s)));
    }

    #[test]
    fn slugify_folds_every_latin_diacritic_and_capital() {
        for (text, id) in [
            ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
            ("Miloš Zeman", "milos-zeman"),
            ("Álvaro Uribe Vélez", "alvaro-uribe-velez"),
            ("Mevlüt Çavuşoğlu", "mevlut-cavusoglu"),
            ("Binali Yıldırım", "binali-yildirim"),
            ("Milo Đukanović", "milo-dukanovic"),
            ("Lech Wałęsa", "lech-walesa"),
        ] {
            assert_eq!(slugify(text).as_deref(), Some(id), "{text}");
        }
        assert_eq!(fold_diacritics("Émile Chávez"), "Emile Chavez");
    }
}
