//! What a model ships of each classifier: quantized (i16) weights keyed by 32-bit feature hashes,
//! looked up in an ordered open-addressing table.
//!
//! The table is built from the keys in increasing order, which is the order the model file stores
//! them in: a key's home slot is `key * homes >> 32` (monotonic in the key) and it goes to the
//! first free slot at or after its home. So the slots are sorted by key, and
//! - loading is one sequential pass over the file, writing the table front to back (no hashing,
//!   no probing, no intermediate rows): 30–40 ms of CPU for two million weights;
//! - a lookup walks forward from the home slot and stops at the key, at an empty slot or at a
//!   larger key, so a feature absent from the model (a third of them on EWT) costs about one
//!   probe instead of a run to the next empty slot;
//! - the file is rewritten by walking the table in order.
//!
//! Lookups dominate parsing time and are cache misses, so slots are small and hold what one
//! feature adds: for classifiers of up to three classes (the parser's moves) the weights
//! themselves (one miss per feature), otherwise where the feature's (class, weight) entries start
//! in one packed array (two misses).

use crate::Error;
use crate::codec::{Reader, Writer};
use crate::perceptron::short_key;

/// Classifiers with at most this many classes keep each row inside its table slot.
pub(crate) const INLINE: usize = 3;

/// Width of a score buffer: one per possible class id (a byte).
pub(crate) const SCORES: usize = 256;

/// Home slots per row: a load of about 2/3, so runs of occupied slots stay short.
fn homes_for(rows: usize) -> u64 {
    (rows as u64 * 3 / 2).max(16)
}

/// Slot of a key with no probing: monotonic in the key.
#[inline]
fn home(key: u32, homes: u64) -> usize {
    #[allow(clippy::cast_possible_truncation)]
    let h = ((u64::from(key) * homes) >> 32) as usize;
    h
}

/// (key, weight of each class); key 0 marks an empty slot.
type InlineSlot = (u32, [i16; INLINE]);
/// (key, first entry << 8 | number of entries, or dense row << 8 | 0); key 0 marks an empty slot.
type SparseSlot = (u32, u32);

pub(crate) struct Weights {
    n_classes: usize,
    scale: f32,
    homes: u64,
    table: Table,
    /// Sparse rows' entries, class << 16 | weight as u16, in key order.
    entries: Vec<u32>,
    /// Dense rows of the sparse classifiers, `n_classes` weights each.
    dense: Vec<i16>,
}

enum Table {
    Inline(Vec<InlineSlot>),
    Sparse(Vec<SparseSlot>),
}

fn pack(class: u8, v: i16) -> u32 {
    u32::from(class) << 16 | u32::from(v.cast_unsigned())
}

/// A sparse slot's value: where its row starts in `entries` and how long it is.
fn pack_row(start: usize, len: usize) -> u32 {
    #[allow(clippy::cast_possible_truncation)]
    let v = (start as u32) << 8 | len as u32;
    v
}

/// Puts a key, larger than every key already in the table, at the first free slot from its home:
/// its home, or the slot after the last key placed, whichever is later. Returns that slot.
#[inline]
fn place<V: Copy + Default>(
    t: &mut Vec<(u32, V)>,
    key: u32,
    homes: u64,
    next: usize,
    v: V,
) -> usize {
    let at = home(key, homes).max(next);
    match t.get_mut(at) {
        Some(slot) => *slot = (key, v),
        None => {
            t.resize(at, (0, V::default()));
            t.push((key, v));
        }
    }
    at
}

fn unpack(e: u32) -> (usize, i16) {
    ((e >> 16) as usize, (e & 0xffff) as u16 as i16)
}

/// Builds [`Weights`] from rows given in strictly increasing key order.
pub(crate) struct WeightsBuilder {
    w: Weights,
    last: u32,
    /// The slot after the last key placed.
    next: usize,
}

impl WeightsBuilder {
    /// `rows`: how many rows will be pushed (it sizes the table; a wrong guess only changes the
    /// load factor).
    pub(crate) fn new(n_classes: usize, scale: f32, rows: usize) -> Self {
        let homes = homes_for(rows);
        // Every home slot exists, empty, from the start (one allocation, filled in order); the
        // overflow of the last runs is pushed past the end.
        let len = usize::try_from(homes).unwrap_or(usize::MAX);
        let table = if n_classes <= INLINE {
            Table::Inline(vec![(0, [0; INLINE]); len])
        } else {
            Table::Sparse(vec![(0, 0); len])
        };
        WeightsBuilder {
            w: Weights {
                n_classes,
                scale,
                homes,
                table,
                entries: Vec::new(),
                dense: Vec::new(),
            },
            last: 0,
            next: 0,
        }
    }

    /// Adds a feature's row; keys must increase from one call to the next (the reader checks it
    /// for files) and not be 0.
    pub(crate) fn push(&mut self, key: u32, row: &[(u8, i16)]) {
        self.push_entries(key, row.len(), row.iter().copied());
    }

    /// [`push`](Self::push) from the file's bytes: 3 per entry (class, little-endian weight),
    /// classes already checked.
    fn push_bytes(&mut self, key: u32, row: &[u8]) {
        let entries = row
            .chunks_exact(3)
            .map(|e| (e[0], i16::from_le_bytes([e[1], e[2]])));
        self.push_entries(key, row.len() / 3, entries);
    }

    fn push_entries(&mut self, key: u32, len: usize, entries: impl Iterator<Item = (u8, i16)>) {
        if len == 0 || !self.next_key(key) {
            return;
        }
        let n = self.w.n_classes;
        match &mut self.w.table {
            Table::Inline(t) => {
                let mut ws = [0i16; INLINE];
                for (c, v) in entries {
                    if let Some(x) = ws.get_mut(usize::from(c)) {
                        *x = v;
                    }
                }
                self.next = place(t, key, self.w.homes, self.next, ws) + 1;
            }
            Table::Sparse(t) => {
                let at = if len * 4 >= n {
                    // A row with weights for many classes (the bias, frequent words and
                    // suffixes: few rows, but looked up for nearly every word) is stored dense,
                    // where adding it up is a vectorised loop rather than one entry at a time.
                    let row = self.w.dense.len() / n;
                    self.w.dense.resize(self.w.dense.len() + n, 0);
                    let d = &mut self.w.dense[row * n..];
                    for (c, v) in entries {
                        if let Some(x) = d.get_mut(usize::from(c)) {
                            *x = x.saturating_add(v);
                        }
                    }
                    pack_row(row, 0)
                } else {
                    let at = pack_row(self.w.entries.len(), len);
                    self.w.entries.extend(entries.map(|(c, v)| pack(c, v)));
                    at
                };
                self.next = place(t, key, self.w.homes, self.next, at) + 1;
            }
        }
    }

    fn next_key(&mut self, key: u32) -> bool {
        debug_assert!(key > self.last, "keys must increase");
        let ok = key > self.last;
        self.last = self.last.max(key);
        ok
    }

    pub(crate) fn build(self) -> Weights {
        self.w
    }
}

#[inline]
fn add3(scores: &mut [i32; INLINE], ws: [i16; INLINE]) {
    scores[0] += i32::from(ws[0]);
    scores[1] += i32::from(ws[1]);
    scores[2] += i32::from(ws[2]);
}

/// Features looked up together: their first probes are loaded before any is inspected, so the
/// cache misses overlap instead of waiting on each other.
const BATCH: usize = 32;

/// The slot holding `key`, searching forward from slot `i` of a table sorted by key.
#[inline]
fn find<V>(t: &[(u32, V)], mut i: usize, key: u32) -> Option<usize> {
    while let Some(&(k, _)) = t.get(i) {
        if k == key {
            return Some(i);
        }
        if k == 0 || k > key {
            return None;
        }
        i += 1;
    }
    None
}

impl Weights {
    pub(crate) fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Adds each feature's row into `scores`, one score per class id (integers: the scale is
    /// common to all classes). A fixed 256-wide buffer: class ids are bytes, so indexing it needs
    /// no bounds check in the inner loops.
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [i32; SCORES]) {
        // Only the classes this classifier has: the rest of the buffer is never read.
        scores[..self.n_classes.min(SCORES)].fill(0);
        let mut keys = [0u32; BATCH];
        for chunk in feats.chunks(BATCH) {
            for (k, &f) in keys.iter_mut().zip(chunk) {
                *k = short_key(f);
            }
            let keys = &keys[..chunk.len()];
            match &self.table {
                Table::Inline(t) => {
                    if let Some(s) = scores.first_chunk_mut::<INLINE>() {
                        self.score_inline(t, keys, s);
                    }
                }
                Table::Sparse(t) => self.score_sparse(t, keys, scores),
            }
        }
    }

    /// The weights one feature adds to each of the first three classes, for a classifier of at
    /// most three classes (zeros if the feature is absent): a single lookup, without the batch
    /// buffers of [`score`](Self::score).
    pub(crate) fn row3(&self, feat: u64) -> [i32; INLINE] {
        let Table::Inline(t) = &self.table else {
            return [0; INLINE];
        };
        let key = short_key(feat);
        match find(t, home(key, self.homes), key).and_then(|i| t.get(i)) {
            Some(&(_, ws)) => ws.map(i32::from),
            None => [0; INLINE],
        }
    }

    /// The home slot of each key, and the key found there. Loaded unconditionally before any
    /// is compared, so the cache misses of a batch overlap; only the keys are kept, so the
    /// batch stays a few registers' worth of stack.
    #[inline]
    fn first_probes<V>(&self, t: &[(u32, V)], keys: &[u32]) -> ([u32; BATCH], [u32; BATCH]) {
        let mut at = [0u32; BATCH];
        let mut found = [0u32; BATCH];
        for ((a, f), &key) in at.iter_mut().zip(&mut found).zip(keys) {
            let h = home(key, self.homes);
            #[allow(clippy::cast_possible_truncation)]
            let h32 = h as u32;
            *a = h32;
            *f = t.get(h).map_or(0, |s| s.0);
        }
        (at, found)
    }

    /// Where `key` is in `t`, given its home slot and the key found there.
    #[inline]
    fn locate<V>(t: &[(u32, V)], key: u32, at: u32, found: u32) -> Option<usize> {
        if found == key {
            Some(at as usize)
        } else if found != 0 && found < key {
            find(t, at as usize + 1, key)
        } else {
            None
        }
    }

    fn score_inline(&self, t: &[InlineSlot], keys: &[u32], scores: &mut [i32; INLINE]) {
        let (at, found) = self.first_probes(t, keys);
        for ((&key, &a), &f) in keys.iter().zip(&at).zip(&found) {
            if let Some(&(_, ws)) = Self::locate(t, key, a, f).and_then(|i| t.get(i)) {
                add3(scores, ws);
            }
        }
    }

    fn score_sparse(&self, t: &[SparseSlot], keys: &[u32], scores: &mut [i32; SCORES]) {
        let (at, found) = self.first_probes(t, keys);
        for ((&key, &a), &f) in keys.iter().zip(&at).zip(&found) {
            let Some(&(_, row)) = Self::locate(t, key, a, f).and_then(|i| t.get(i)) else {
                continue;
            };
            let start = (row >> 8) as usize;
            let len = (row & 0xff) as usize;
            if len == 0 {
                let n = self.n_classes;
                let dense = self.dense.get(start * n..start * n + n).unwrap_or(&[]);
                for (s, &w) in scores.iter_mut().zip(dense) {
                    *s += i32::from(w);
                }
            } else {
                for &e in self.entries.get(start..start + len).unwrap_or(&[]) {
                    scores[usize::from((e >> 16) as u8)] += i32::from((e & 0xffff) as u16 as i16);
                }
            }
        }
    }

    /// Calls `f` with every row, in increasing key order, as (class, weight) entries.
    fn for_each_row(&self, mut f: impl FnMut(u32, &[(u8, i16)])) {
        let mut row = Vec::with_capacity(self.n_classes);
        match &self.table {
            Table::Inline(t) => {
                for &(key, ws) in t.iter().filter(|s| s.0 != 0) {
                    row.clear();
                    #[allow(clippy::cast_possible_truncation)]
                    row.extend(
                        ws.iter()
                            .enumerate()
                            .filter(|e| *e.1 != 0)
                            .map(|(c, &v)| (c as u8, v)),
                    );
                    f(key, &row);
                }
            }
            Table::Sparse(t) => {
                for &(key, at) in t.iter().filter(|s| s.0 != 0) {
                    let (start, len) = ((at >> 8) as usize, (at & 0xff) as usize);
                    row.clear();
                    #[allow(clippy::cast_possible_truncation)]
                    if len == 0 {
                        let n = self.n_classes;
                        row.extend(
                            self.dense[start * n..start * n + n]
                                .iter()
                                .enumerate()
                                .filter(|e| *e.1 != 0)
                                .map(|(c, &v)| (c as u8, v)),
                        );
                    } else {
                        row.extend(self.entries[start..start + len].iter().map(|&e| {
                            let (c, v) = unpack(e);
                            (c as u8, v)
                        }));
                    }
                    f(key, &row);
                }
            }
        }
    }

    fn n_rows(&self) -> usize {
        match &self.table {
            Table::Inline(t) => t.iter().filter(|s| s.0 != 0).count(),
            Table::Sparse(t) => t.iter().filter(|s| s.0 != 0).count(),
        }
    }

    /// Nonzero weights.
    pub(crate) fn n_entries(&self) -> usize {
        let mut n = 0;
        self.for_each_row(|_, row| n += row.iter().filter(|e| e.1 != 0).count());
        n
    }

    /// A copy keeping about `budget` entries, the largest in magnitude.
    pub(crate) fn pruned(&self, budget: usize) -> Weights {
        let mut mags: Vec<u16> = Vec::new();
        self.for_each_row(|_, row| mags.extend(row.iter().map(|e| e.1.unsigned_abs())));
        let threshold = if mags.len() > budget && budget > 0 {
            let k = mags.len() - budget;
            *mags.select_nth_unstable(k).1
        } else {
            0
        };
        let mut rows: Vec<(u32, Vec<(u8, i16)>)> = Vec::new();
        self.for_each_row(|key, row| {
            let kept: Vec<(u8, i16)> = row
                .iter()
                .copied()
                .filter(|e| e.1 != 0 && e.1.unsigned_abs() >= threshold)
                .collect();
            if !kept.is_empty() {
                rows.push((key, kept));
            }
        });
        let mut b = WeightsBuilder::new(self.n_classes, self.scale, rows.len());
        for (key, row) in &rows {
            b.push(*key, row);
        }
        b.build()
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.var(self.n_classes as u64);
        w.u32(self.scale.to_bits());
        w.var(self.n_rows() as u64);
        let mut prev = 0u32;
        self.for_each_row(|key, row| {
            w.var(u64::from(key - prev));
            prev = key;
            #[allow(clippy::cast_possible_truncation)]
            w.u8(row.len() as u8);
            for &(c, v) in row {
                w.u8(c);
                w.i16(v);
            }
        });
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Weights, Error> {
        let n_classes = usize::try_from(r.var()?).unwrap_or(usize::MAX);
        if n_classes == 0 || n_classes > 255 {
            return Err(Error::BadModel(
                "classifier with no or too many classes".into(),
            ));
        }
        let scale = f32::from_bits(r.u32()?);
        let n = r.count(2)?;
        let mut b = WeightsBuilder::new(n_classes, scale, n);
        // Walks the bytes directly: this loop runs once per feature of the model (about a
        // million) and is most of the load time.
        let bytes = r.rest();
        let truncated = || Error::BadModel("truncated".into());
        let mut p = 0;
        let mut key = 0u32;
        for _ in 0..n {
            let mut delta = 0u64;
            let mut shift = 0;
            loop {
                let &byte = bytes.get(p).ok_or_else(truncated)?;
                p += 1;
                delta |= u64::from(byte & 0x7f) << shift;
                if byte & 0x80 == 0 {
                    break;
                }
                shift += 7;
                if shift > 28 {
                    return Err(Error::BadModel("feature key out of range".into()));
                }
            }
            key = u32::try_from(delta)
                .ok()
                .and_then(|d| key.checked_add(d))
                .filter(|&k| k != 0 && delta != 0)
                .ok_or_else(|| Error::BadModel("feature keys not increasing".into()))?;
            let len = usize::from(*bytes.get(p).ok_or_else(truncated)?);
            let row = bytes.get(p + 1..p + 1 + 3 * len).ok_or_else(truncated)?;
            p += 1 + 3 * len;
            if row.chunks_exact(3).any(|e| usize::from(e[0]) >= n_classes) {
                return Err(Error::BadModel("class out of range".into()));
            }
            if b.w.entries.len() + len >= 1 << 24 {
                return Err(Error::BadModel("classifier too large".into()));
            }
            b.push_bytes(key, row);
        }
        r.advance(p);
        Ok(b.build())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weights(n_classes: usize, rows: &[(u32, Vec<(u8, i16)>)]) -> Weights {
        let mut b = WeightsBuilder::new(n_classes, 1.0, rows.len());
        for (k, r) in rows {
            b.push(*k, r);
        }
        b.build()
    }

    /// Every stored key is found with its row, and absent keys (between, below and above the
    /// stored ones, including in long runs of neighbouring keys) add nothing.
    #[test]
    fn finds_present_keys_and_only_them() {
        for n_classes in [3, 7] {
            // Clustered keys make runs that spill past their home slots.
            let mut keys: Vec<u32> = (0..2000u32).map(|i| i * 2_000_003 + 1).collect();
            keys.extend((0..300u32).map(|i| 0x8000_0000 + i * 2));
            keys.extend((0..50u32).map(|i| u32::MAX - 100 + i * 2));
            keys.sort_unstable();
            let rows: Vec<(u32, Vec<(u8, i16)>)> = keys
                .iter()
                .map(|&k| (k, vec![((k % 3) as u8, (k % 1000) as i16 + 1)]))
                .collect();
            let w = weights(n_classes, &rows);
            for &(k, ref row) in &rows {
                let mut want = [0i32; SCORES];
                want[usize::from(row[0].0)] = i32::from(row[0].1);
                let mut got = [0i32; SCORES];
                let at = match &w.table {
                    Table::Inline(t) => find(t, home(k, w.homes), k),
                    Table::Sparse(t) => find(t, home(k, w.homes), k),
                };
                assert!(at.is_some(), "key {k} lost");
                w.score_keys(&[k], &mut got);
                assert_eq!(got, want, "key {k}");
                let mut none = [0i32; SCORES];
                w.score_keys(&[k + 1], &mut none);
                assert!(none.iter().all(|&s| s == 0), "absent key {} found", k + 1);
            }
            let mut none = [0i32; SCORES];
            w.score_keys(&[2, u32::MAX], &mut none);
            assert!(none.iter().all(|&s| s == 0));
        }
    }

    /// Writing and reading back gives the same rows, and scoring adds them up, whether rows sit
    /// in their slots (3 classes), in the dense array (8 classes: 2 or more entries) or as
    /// sparse entries (40 classes).
    #[test]
    fn round_trips_through_the_file_format() {
        let rows = vec![
            (5u32, vec![(0u8, 3i16), (2, -7)]),
            (6, vec![(1, 9)]),
            (1 << 31, vec![(0, -1), (1, 1), (2, 2)]),
        ];
        for n_classes in [3, 8, 40] {
            let w = weights(n_classes, &rows);
            let mut scores = [0i32; SCORES];
            w.score_keys(&[5, 6, 1 << 31, 7], &mut scores);
            assert_eq!(scores[..4], [2, 10, -5, 0], "{n_classes} classes");
            let mut out = Writer::default();
            w.write(&mut out);
            let back = Weights::read(&mut Reader::new(&out.buf)).expect("reads");
            let mut got = Vec::new();
            back.for_each_row(|k, r| got.push((k, r.to_vec())));
            assert_eq!(got, rows);
        }
    }

    impl Weights {
        fn score_keys(&self, keys: &[u32], scores: &mut [i32; SCORES]) {
            match &self.table {
                Table::Inline(t) => {
                    self.score_inline(t, keys, scores.first_chunk_mut().expect("3 of 256"));
                }
                Table::Sparse(t) => self.score_sparse(t, keys, scores),
            }
        }
    }
}
