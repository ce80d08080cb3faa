//! Entities read recently by one connection, as they are now, so that a repeated Get skips the
//! statement and the JSON decode. Correct only because the owner checks it against a stamp of the
//! store's state at the start of every read and empties it when anything was committed since:
//! see [`PointCache::check`], [`crate::LogTx::point_cache`] and, for what the stamp is, the
//! SQLite backend's `change_stamp`.

use std::collections::HashMap;

use polemos_core::Record;

use crate::{Kind, Versioned};

/// What says whether anything was committed: two equal stamps read at two moments mean nothing
/// was. The backend that keeps the cache makes it (SQLite: its in-process commit count and the
/// reading connection's `PRAGMA data_version`).
pub type ChangeStamp = (u64, i64);

/// At most this many entities, found or not, per connection.
const MAX_ENTRIES: usize = 1024;
/// At most this many bytes of stored JSON per connection (decoded records take a few times more).
const MAX_BYTES: usize = 1 << 20;
/// Larger entities (long documents) are read each time rather than crowd out the rest.
const MAX_ENTRY_BYTES: usize = 64 << 10;

/// What a read found (`None`: no such entity) and its stored size in bytes.
type Found = (Option<Versioned<Record>>, usize);

/// Current entities by kind and name.
#[derive(Debug, Default)]
pub struct PointCache {
    /// The store's stamp when the entries were read; `None` before the first check.
    stamp: Option<ChangeStamp>,
    /// One map per kind, in the order of [`Kind::ALL`], so a lookup by `&str` needs no key built.
    by_kind: [HashMap<String, Found>; Kind::ALL.len()],
    entries: usize,
    bytes: usize,
}

impl PointCache {
    /// Keeps the entries if the store's stamp still reads `stamp`, else drops them all:
    /// something was committed since they were read.
    pub fn check(&mut self, stamp: ChangeStamp) {
        if self.stamp != Some(stamp) {
            self.clear();
            self.stamp = Some(stamp);
        }
    }

    /// The entity as last read, if it is cached: `Some(None)` means it did not exist.
    #[must_use]
    pub fn get(&self, kind: Kind, name: &str) -> Option<&Option<Versioned<Record>>> {
        self.by_kind[slot(kind)].get(name).map(|(found, _)| found)
    }

    /// Remembers what a read found; `bytes` is its stored size. Nothing is kept before the first
    /// [`PointCache::check`]. When the cache is full it starts again empty: simpler than
    /// tracking use, and a full cache is a rare, harmless event.
    pub fn put(&mut self, kind: Kind, name: &str, found: Option<Versioned<Record>>, bytes: usize) {
        if self.stamp.is_none() || bytes > MAX_ENTRY_BYTES {
            return;
        }
        if self.entries >= MAX_ENTRIES || self.bytes + bytes > MAX_BYTES {
            self.clear();
        }
        match self.by_kind[slot(kind)].insert(name.to_owned(), (found, bytes)) {
            Some((_, old)) => self.bytes -= old,
            None => self.entries += 1,
        }
        self.bytes += bytes;
    }

    /// How many entities are cached.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    fn clear(&mut self) {
        for map in &mut self.by_kind {
            map.clear();
        }
        self.entries = 0;
        self.bytes = 0;
    }
}

/// The kinds are declared in the order of [`Kind::ALL`] (a test checks it).
fn slot(kind: Kind) -> usize {
    kind as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use polemos_core::{Actor, ActorCodes, ActorKind, ActorName};

    fn actor(name: &str, revision: u64) -> Option<Versioned<Record>> {
        Some(Versioned {
            value: Record::Actor(Actor {
                name: ActorName::parse(name).expect("name"),
                kind: ActorKind::State,
                display_name: "X".into(),
                codes: ActorCodes::default(),
                aliases: Vec::new(),
                affiliations: Vec::new(),
            }),
            revision,
        })
    }

    fn stamp(n: i64) -> ChangeStamp {
        (1, n)
    }

    #[test]
    fn kinds_have_their_own_slots_in_the_order_of_all() {
        for (i, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(slot(kind), i);
        }
    }

    #[test]
    fn entries_last_while_the_stamp_holds() {
        let mut cache = PointCache::default();
        cache.check(stamp(7));
        cache.put(Kind::Actor, "actors/JPN", actor("actors/JPN", 3), 40);
        cache.put(Kind::Actor, "actors/XYZ", None, 0);
        cache.check(stamp(7));
        assert_eq!(
            cache.get(Kind::Actor, "actors/JPN"),
            Some(&actor("actors/JPN", 3))
        );
        assert_eq!(cache.get(Kind::Actor, "actors/XYZ"), Some(&None));
        assert_eq!(
            cache.get(Kind::Issue, "actors/JPN"),
            None,
            "kinds do not mix"
        );
        assert_eq!(cache.len(), 2);
        cache.check(stamp(8));
        assert!(cache.is_empty(), "a commit since the read drops everything");
        assert_eq!(cache.get(Kind::Actor, "actors/JPN"), None);
    }

    #[test]
    fn nothing_is_kept_before_the_first_check() {
        let mut cache = PointCache::default();
        cache.put(Kind::Actor, "actors/JPN", actor("actors/JPN", 1), 40);
        assert!(cache.is_empty());
    }

    #[test]
    fn limits_bound_the_cache() {
        let mut cache = PointCache::default();
        cache.check(stamp(1));
        cache.put(Kind::Document, "documents/long", None, MAX_ENTRY_BYTES + 1);
        assert!(
            cache.is_empty(),
            "an entity larger than the limit is not kept"
        );
        for i in 0..MAX_ENTRIES {
            cache.put(Kind::Actor, &format!("actors/A{i}"), None, 1);
        }
        assert_eq!(cache.len(), MAX_ENTRIES);
        cache.put(Kind::Actor, "actors/B", None, 1);
        assert_eq!(cache.len(), 1, "a full cache starts again");
        for i in 0..4 {
            cache.put(
                Kind::Document,
                &format!("documents/D{i}"),
                None,
                MAX_ENTRY_BYTES,
            );
        }
        cache.put(Kind::Document, "documents/D0", None, MAX_ENTRY_BYTES);
        assert_eq!(cache.len(), 5, "re-reading an entity replaces it");
        let room = (MAX_BYTES - 1 - 4 * MAX_ENTRY_BYTES) / MAX_ENTRY_BYTES;
        for i in 0..room {
            cache.put(
                Kind::Document,
                &format!("documents/E{i}"),
                None,
                MAX_ENTRY_BYTES,
            );
        }
        assert_eq!(cache.len(), 5 + room);
        cache.put(Kind::Document, "documents/F", None, MAX_ENTRY_BYTES);
        assert_eq!(cache.len(), 1, "past the byte limit it starts again");
        assert_eq!(cache.get(Kind::Document, "documents/F"), Some(&None));
    }
}
