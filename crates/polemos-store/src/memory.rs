//! In-memory backend: the log in a vector, for tests and throwaway sessions.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Bound;
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};

use crate::log::{Backend, Entry, LogTx, NewEntry, PageRow, RequestRecord};
use crate::page::PageScan;
use crate::{ChangeRange, Kind, Revision, StoreError};

#[derive(Default)]
struct State {
    head: Revision,
    entries: Vec<Entry>,
    /// Each name's key, assigned when it is first stored (or first named by a stored record),
    /// so keys follow commit order.
    keys: HashMap<(Kind, String), u64>,
    /// The name and the indices into `entries` per entity, in log order; ordered by kind and
    /// key, so a page is a range of it.
    by_key: BTreeMap<(Kind, u64), (String, Vec<usize>)>,
    hashes: HashMap<String, String>,
    /// The involvement index: `(dispute, target's kind, target's key)` to the records that
    /// involve the target, and each record's pairs so a write can take them out again.
    involved: BTreeMap<(String, Kind, u64), BTreeSet<(Kind, String)>>,
    involves_of: HashMap<(Kind, String), Vec<(String, String)>>,
    requests: HashMap<String, RequestRecord>,
}

/// Keeps the whole log in memory; lost when dropped.
#[derive(Default)]
pub struct MemoryBackend {
    state: Mutex<State>,
}

impl State {
    /// The key of a name, assigned now if it has none.
    fn key_of(&mut self, kind: Kind, name: &str) -> u64 {
        if let Some(&key) = self.keys.get(&(kind, name.to_owned())) {
            return key;
        }
        let key = u64::try_from(self.keys.len()).unwrap_or(u64::MAX - 1) + 1;
        self.keys.insert((kind, name.to_owned()), key);
        self.by_key
            .insert((kind, key), (name.to_owned(), Vec::new()));
        key
    }

    /// Where an involvement pair is filed: the dispute, and the target's kind and key.
    fn involvement_key(
        &mut self,
        (dispute, target): &(String, String),
    ) -> Option<(String, Kind, u64)> {
        let kind = Kind::of_name(target)?;
        Some((dispute.clone(), kind, self.key_of(kind, target)))
    }
}

impl MemoryBackend {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave a half-applied append (see `append`).
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The last of an entity's entries at or before `at`.
fn latest_of<'e>(
    entries: &'e [Entry],
    indices: &[usize],
    at: Option<Revision>,
) -> Option<&'e Entry> {
    indices
        .iter()
        .rev()
        .map(|&i| &entries[i])
        .find(|e| at.is_none_or(|at| e.revision <= at))
}

struct MemTx<'a> {
    state: &'a mut State,
    staged: Option<(Revision, DateTime<Utc>, Vec<NewEntry>)>,
    staged_request: Option<(String, RequestRecord)>,
}

impl<'a> MemTx<'a> {
    fn new(state: &'a mut State) -> Self {
        Self {
            state,
            staged: None,
            staged_request: None,
        }
    }
}

impl LogTx for MemTx<'_> {
    fn head(&mut self) -> Result<Revision, StoreError> {
        Ok(self.state.head)
    }

    fn latest(
        &mut self,
        kind: Kind,
        name: &str,
        at: Option<Revision>,
    ) -> Result<Option<Entry>, StoreError> {
        let Some(key) = self.state.keys.get(&(kind, name.to_owned())) else {
            return Ok(None);
        };
        let Some((_, indices)) = self.state.by_key.get(&(kind, *key)) else {
            return Ok(None);
        };
        Ok(latest_of(&self.state.entries, indices, at).cloned())
    }

    fn latest_all(&mut self, kind: Kind, at: Option<Revision>) -> Result<Vec<Entry>, StoreError> {
        Ok(self
            .state
            .by_key
            .range((kind, 0)..)
            .take_while(|((k, _), _)| *k == kind)
            .filter_map(|(_, (_, indices))| latest_of(&self.state.entries, indices, at))
            .filter(|e| e.body.is_some())
            .cloned()
            .collect())
    }

    /// Every live entity in key order: the filter is left to the caller's check (this backend
    /// keeps no index of references; it is for tests and small throwaway stores).
    fn page(&mut self, scan: &PageScan<'_>) -> Result<Vec<PageRow>, StoreError> {
        let from = Bound::Excluded((scan.kind, scan.after.unwrap_or(0)));
        Ok(self
            .state
            .by_key
            .range((from, Bound::Unbounded))
            .take_while(|((k, _), _)| *k == scan.kind)
            .filter_map(|((_, key), (name, indices))| {
                let entry = latest_of(&self.state.entries, indices, scan.at)?;
                Some(PageRow {
                    name: name.clone(),
                    revision: entry.revision,
                    body: entry.body.clone()?,
                    key: *key,
                })
            })
            .take(scan.limit)
            .collect())
    }

    fn involved(
        &mut self,
        dispute: &str,
        kind: Kind,
        after: Option<u64>,
        limit: usize,
    ) -> Result<Vec<(u64, String)>, StoreError> {
        let from = Bound::Excluded((dispute.to_owned(), kind, after.unwrap_or(0)));
        let to = Bound::Included((dispute.to_owned(), kind, u64::MAX));
        Ok(self
            .state
            .involved
            .range((from, to))
            .take(limit)
            .filter_map(|((_, kind, key), _)| {
                let (name, _) = self.state.by_key.get(&(*kind, *key))?;
                Some((*key, name.clone()))
            })
            .collect())
    }

    fn since(&mut self, range: ChangeRange) -> Result<Vec<Entry>, StoreError> {
        let entries = &self.state.entries;
        let mut start = entries.partition_point(|e| e.revision <= range.after);
        let first = range.after.saturating_add(1);
        start += entries[start..]
            .iter()
            .take(range.skip)
            .take_while(|e| e.revision == first)
            .count();
        let mut bytes = 0;
        Ok(entries[start..]
            .iter()
            .take(range.limit)
            .take_while(|e| {
                let under = bytes < range.max_bytes;
                bytes += e.body.as_ref().map_or(0, String::len);
                under
            })
            .cloned()
            .collect())
    }

    fn document_by_hash(&mut self, hash: &str) -> Result<Option<String>, StoreError> {
        Ok(self.state.hashes.get(hash).cloned())
    }

    fn request(&mut self, id: &str) -> Result<Option<RequestRecord>, StoreError> {
        Ok(self.state.requests.get(id).cloned())
    }

    fn record_request(&mut self, id: &str, record: &RequestRecord) -> Result<(), StoreError> {
        self.staged_request = Some((id.to_owned(), record.clone()));
        Ok(())
    }

    fn append(
        &mut self,
        revision: Revision,
        committed_at: DateTime<Utc>,
        _message: &str,
        entries: &[NewEntry],
    ) -> Result<(), StoreError> {
        self.staged = Some((revision, committed_at, entries.to_vec()));
        Ok(())
    }
}

impl MemTx<'_> {
    /// Applies the staged append; runs only after the write closure succeeded.
    fn apply(self) {
        let state = self.state;
        if let Some((id, record)) = self.staged_request {
            state.requests.insert(id, record);
        }
        let Some((revision, committed_at, entries)) = self.staged else {
            return;
        };
        // Keys first, in the batch's order: a record naming one stored later in the same batch
        // does not give it an earlier place.
        for new in &entries {
            state.key_of(new.kind, &new.name);
        }
        for new in entries {
            let index = state.entries.len();
            if new.kind == Kind::Document {
                state.hashes.retain(|_, n| n != &new.name);
                if let Some(hash) = &new.content_hash {
                    state.hashes.insert(hash.clone(), new.name.clone());
                }
            }
            let record = (new.kind, new.name.clone());
            let key = state.key_of(new.kind, &new.name);
            for pair in state.involves_of.remove(&record).unwrap_or_default() {
                let Some(at) = state.involvement_key(&pair) else {
                    continue;
                };
                if let Some(records) = state.involved.get_mut(&at) {
                    records.remove(&record);
                    if records.is_empty() {
                        state.involved.remove(&at);
                    }
                }
            }
            if !new.involves.is_empty() {
                for pair in &new.involves {
                    let Some(at) = state.involvement_key(pair) else {
                        continue;
                    };
                    state.involved.entry(at).or_default().insert(record.clone());
                }
                state.involves_of.insert(record, new.involves.clone());
            }
            if let Some((_, indices)) = state.by_key.get_mut(&(new.kind, key)) {
                indices.push(index);
            }
            state.entries.push(Entry {
                revision,
                committed_at,
                kind: new.kind,
                name: new.name,
                body: new.body,
            });
        }
        state.head = revision;
    }
}

impl Backend for MemoryBackend {
    fn read<R>(
        &self,
        f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        f(&mut MemTx::new(&mut self.lock()))
    }

    fn try_read<R>(
        &self,
        f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
    ) -> Option<Result<R, StoreError>> {
        let mut state = crate::try_lock_unpoisoned(&self.state)?;
        Some(f(&mut MemTx::new(&mut state)))
    }

    fn write<R>(
        &self,
        f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        let mut state = self.lock();
        let mut tx = MemTx::new(&mut state);
        let result = f(&mut tx)?;
        tx.apply();
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn try_read_declines_while_a_call_holds_the_log() {
        let backend = MemoryBackend::default();
        let held = backend.lock();
        assert!(backend.try_read(|tx| tx.head()).is_none());
        drop(held);
        assert_eq!(
            backend
                .try_read(|tx| tx.head())
                .expect("free")
                .expect("head"),
            0
        );
    }
}
