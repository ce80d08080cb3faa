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
    /// Indices into `entries` per entity, in log order; ordered by kind and name, so a page is
    /// a range of it.
    by_name: BTreeMap<(Kind, String), Vec<usize>>,
    hashes: HashMap<String, String>,
    /// The involvement index: `(dispute, target)` to the records that involve it, and each
    /// record's pairs so a write can take them out again.
    involved: BTreeMap<(String, String), BTreeSet<(Kind, String)>>,
    involves_of: HashMap<(Kind, String), Vec<(String, String)>>,
    requests: HashMap<String, RequestRecord>,
}

/// Keeps the whole log in memory; lost when dropped.
#[derive(Default)]
pub struct MemoryBackend {
    state: Mutex<State>,
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
        let Some(indices) = self.state.by_name.get(&(kind, name.to_owned())) else {
            return Ok(None);
        };
        Ok(latest_of(&self.state.entries, indices, at).cloned())
    }

    fn latest_all(&mut self, kind: Kind, at: Option<Revision>) -> Result<Vec<Entry>, StoreError> {
        Ok(self
            .state
            .by_name
            .range((kind, String::new())..)
            .take_while(|((k, _), _)| *k == kind)
            .filter_map(|(_, indices)| latest_of(&self.state.entries, indices, at))
            .filter(|e| e.body.is_some())
            .cloned()
            .collect())
    }

    /// Every live entity in name order: the filter is left to the caller's check (this backend
    /// keeps no index of references; it is for tests and small throwaway stores).
    fn page(&mut self, scan: &PageScan<'_>) -> Result<Vec<PageRow>, StoreError> {
        let start = (scan.kind, scan.after.unwrap_or_default().to_owned());
        let from = if scan.after.is_some() {
            Bound::Excluded(start)
        } else {
            Bound::Included(start)
        };
        Ok(self
            .state
            .by_name
            .range((from, Bound::Unbounded))
            .take_while(|((k, _), _)| *k == scan.kind)
            .filter_map(|((_, name), indices)| {
                let entry = latest_of(&self.state.entries, indices, scan.at)?;
                Some(PageRow {
                    name: name.clone(),
                    revision: entry.revision,
                    body: entry.body.clone()?,
                })
            })
            .take(scan.limit)
            .collect())
    }

    fn involved(
        &mut self,
        dispute: &str,
        kind: Kind,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<String>, StoreError> {
        let (low, high) = crate::page::name_bounds(kind);
        let from = match after {
            Some(a) if a > low.as_str() => Bound::Excluded((dispute.to_owned(), a.to_owned())),
            _ => Bound::Excluded((dispute.to_owned(), low)),
        };
        let to = Bound::Excluded((dispute.to_owned(), high));
        Ok(self
            .state
            .involved
            .range((from, to))
            .take(limit)
            .map(|((_, target), _)| target.clone())
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
        for new in entries {
            let index = state.entries.len();
            if new.kind == Kind::Document {
                state.hashes.retain(|_, n| n != &new.name);
                if let Some(hash) = &new.content_hash {
                    state.hashes.insert(hash.clone(), new.name.clone());
                }
            }
            let record = (new.kind, new.name.clone());
            for pair in state.involves_of.remove(&record).unwrap_or_default() {
                if let Some(records) = state.involved.get_mut(&pair) {
                    records.remove(&record);
                    if records.is_empty() {
                        state.involved.remove(&pair);
                    }
                }
            }
            if !new.involves.is_empty() {
                for pair in &new.involves {
                    state
                        .involved
                        .entry(pair.clone())
                        .or_default()
                        .insert(record.clone());
                }
                state.involves_of.insert(record, new.involves.clone());
            }
            state
                .by_name
                .entry((new.kind, new.name.clone()))
                .or_default()
                .push(index);
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
