//! Extraction without storing: a text in, the facts read from it out. `polemos extract`, the
//! gRPC `Extract` and Python's `polemos.extract` / `Engine.extract` all come through here, so
//! they refuse the same texts (empty, not UTF-8, too large) with the same error kinds as ingest
//! does, and give the same facts.
//!
//! [`extract`] gives the extractor's full reading (mentions, attributions, dates, what the CLI's
//! `--json` and Python show); [`facts`] gives it as the records ingest would store (what gRPC
//! sends), which needs the publication date to date stances and events: gRPC `Extract` (and so
//! Python's `Client.extract`) refuses a document without `published` as `InvalidArgument`, where
//! the full reading leaves relative dates unresolved.

use polemos_core::Dossier;
use polemos_extract::{ArticleMeta, Extraction, Extractor, convert};

use crate::error::{Error, Result};

/// The text of `bytes`, refused when it is not UTF-8, larger than the extractor takes, or holds
/// nothing but white space (`doing`: what there is nothing to do, in the message).
fn text_of<'b>(extractor: &Extractor, bytes: &'b [u8], doing: &str) -> Result<&'b str> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::Extract(polemos_extract::ExtractError::InvalidUtf8 {
            valid_up_to: e.valid_up_to(),
        })
    })?;
    if text.trim().is_empty() {
        return Err(Error::argument(
            "text",
            format!("is empty: there is nothing to {doing}"),
        ));
    }
    if text.len() > extractor.byte_limit() {
        return Err(Error::Extract(polemos_extract::ExtractError::TooLarge {
            bytes: text.len(),
            limit: extractor.byte_limit(),
        }));
    }
    Ok(text)
}

/// Every fact the extractor reads from one text, nothing stored. `meta.published` resolves
/// relative dates ("next week"); without it they stay unresolved.
///
/// # Errors
/// `InvalidArgument`: an empty text, one that is not UTF-8 or larger than the extractor's limit.
pub fn extract(extractor: &Extractor, bytes: &[u8], meta: &ArticleMeta) -> Result<Extraction> {
    let text = text_of(extractor, bytes, "extract")?;
    Ok(extractor.extract(text, meta)?)
}

/// The facts of one text as the records ingest would store (the document, the actors, disputes
/// and issues it names, its stances and asserted events with evidence into it), nothing stored.
///
/// # Errors
/// As [`extract`], and `InvalidArgument` naming `published` when there is no publication date.
pub fn facts(extractor: &Extractor, bytes: &[u8], meta: &ArticleMeta) -> Result<Dossier> {
    let x = extract(extractor, bytes, meta)?;
    Ok(convert::to_dossier(extractor.knowledge(), &x, meta)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use chrono::NaiveDate;

    const TEXT: &str = "Japan and Russia held talks in Moscow on Monday about the Kuril Islands. \
        Japan's foreign minister said Tokyo supports a peace treaty with Russia.";

    fn meta(published: Option<NaiveDate>) -> ArticleMeta {
        ArticleMeta {
            published,
            ..ArticleMeta::default()
        }
    }

    fn day() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2019, 1, 22)
    }

    #[test]
    fn facts_are_the_extraction_as_records() {
        let ex = Extractor::new().unwrap();
        let x = extract(&ex, TEXT.as_bytes(), &meta(day())).unwrap();
        let f = facts(&ex, TEXT.as_bytes(), &meta(day())).unwrap();
        assert!(!x.stances.is_empty(), "the text holds a stance");
        assert_eq!(f.documents.len(), 1);
        assert_eq!(f.documents[0].name.as_str(), x.document.name);
        assert_eq!(f.stances.len(), x.stances.len());
        assert_eq!(
            f.events.len(),
            x.events.iter().filter(|e| !e.negated).count()
        );
    }

    #[test]
    fn bad_texts_are_refused_with_the_kind_ingest_gives() {
        let ex = Extractor::new().unwrap().max_bytes(64);
        let refused = |bytes: &[u8], field: Option<&str>| {
            let e = extract(&ex, bytes, &meta(day())).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
            if let Some(field) = field {
                assert!(
                    matches!(&e, Error::Core(polemos_core::Error::InvalidArgument { field: f, .. }) if f == field),
                    "{e:?}"
                );
            }
        };
        refused(b"", Some("text"));
        refused(b" \n\t ", Some("text"));
        refused(&[0xff, 0xfe, b'a'], None);
        refused(TEXT.as_bytes(), None);
    }

    #[test]
    fn facts_need_the_publication_date() {
        let ex = Extractor::new().unwrap();
        assert!(extract(&ex, TEXT.as_bytes(), &meta(None)).is_ok());
        let e = facts(&ex, TEXT.as_bytes(), &meta(None)).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
        assert!(e.to_string().contains("published"), "{e}");
    }
}
