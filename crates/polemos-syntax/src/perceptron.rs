//! Linear classifiers over hashed sparse features. [`Trainer`] is the averaged perceptron (Collins
//! 2002) used while training; [`Weights`] is what a model ships: the averaged weights, pruned of
//! near-zero entries, quantized to i16, and looked up in an open-addressing table of 32-bit keys.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::Error;
use crate::codec::{Reader, Writer};
use crate::hash::finish;

/// Keys are already hashes: the map's hasher only finalises them.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = finish(self.0 ^ u64::from(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = finish(v);
    }
}

pub(crate) type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

#[derive(Clone, Copy)]
struct Param {
    class: u16,
    w: f32,
    total: f64,
    stamp: u32,
}

/// The averaged perceptron, with lazily updated totals: a weight's running sum is brought up to
/// date only when it changes, so an update costs as much as the features it touches.
pub(crate) struct Trainer {
    n_classes: usize,
    params: KeyMap<Vec<Param>>,
    now: u32,
}

impl Trainer {
    pub(crate) fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            params: KeyMap::default(),
            now: 0,
        }
    }

    pub(crate) fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(ps) = self.params.get(f) {
                for p in ps {
                    scores[usize::from(p.class)] += p.w;
                }
            }
        }
    }

    /// One training instance seen: advances the averaging clock.
    pub(crate) fn tick(&mut self) {
        self.now += 1;
    }

    pub(crate) fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        self.add(feats, truth, 1.0);
        self.add(feats, guess, -1.0);
    }

    /// Adds `delta` to the weight of `class` for every feature (ranking models update the gold
    /// candidate's features up and the guessed candidate's down).
    pub(crate) fn add(&mut self, feats: &[u64], class: usize, delta: f32) {
        let now = self.now;
        for &f in feats {
            let ps = self.params.entry(f).or_default();
            {
                let class = class as u16;
                let i = match ps.iter().position(|p| p.class == class) {
                    Some(i) => i,
                    None => {
                        ps.push(Param {
                            class,
                            w: 0.0,
                            total: 0.0,
                            stamp: now,
                        });
                        ps.len() - 1
                    }
                };
                let p = &mut ps[i];
                p.total += f64::from(now - p.stamp) * f64::from(p.w);
                p.stamp = now;
                p.w += delta;
            }
        }
    }

    /// The averaged weights, quantized, keeping at most about `budget` entries: the largest in
    /// magnitude (a perceptron's many rare features carry little weight; the budget fixes the
    /// model's size whatever the number of epochs).
    pub(crate) fn averaged(&self, budget: usize) -> Weights {
        let now = f64::from(self.now.max(1));
        let avg = |p: &Param| -> f32 {
            #[allow(clippy::cast_possible_truncation)]
            let a = ((p.total + (now - f64::from(p.stamp)) * f64::from(p.w)) / now) as f32;
            a
        };
        let mut mags: Vec<f32> = self
            .params
            .values()
            .flatten()
            .map(|p| avg(p).abs())
            .filter(|&a| a > 0.0)
            .collect();
        let threshold = if mags.len() > budget && budget > 0 {
            let k = mags.len() - budget;
            *mags.select_nth_unstable_by(k, f32::total_cmp).1
        } else {
            f32::MIN_POSITIVE
        };
        drop(mags);
        let mut rows: Vec<(u32, Vec<(u8, f32)>)> = Vec::new();
        let mut merged: HashMap<u32, Vec<(u8, f32)>> = HashMap::new();
        for (&key, ps) in &self.params {
            let row: Vec<(u8, f32)> = ps
                .iter()
                .map(|p| (p.class as u8, avg(p)))
                .filter(|e| e.1.abs() >= threshold)
                .collect();
            if !row.is_empty() {
                // Two 64-bit keys sharing their top 32 bits are one feature in the shipped model;
                // their rows are summed, which is what the 32-bit lookup would do anyway.
                let slot = merged.entry(short_key(key)).or_default();
                for (c, w) in row {
                    match slot.iter_mut().find(|e| e.0 == c) {
                        Some(e) => e.1 += w,
                        None => slot.push((c, w)),
                    }
                }
            }
        }
        rows.extend(merged);
        rows.sort_unstable_by_key(|r| r.0);
        let max = rows
            .iter()
            .flat_map(|r| r.1.iter().map(|e| e.1.abs()))
            .fold(0.0f32, f32::max);
        let scale = if max > 0.0 { max / 32000.0 } else { 1.0 };
        let mut b = WeightsBuilder::new(self.n_classes, scale);
        for (key, mut row) in rows {
            row.sort_unstable_by_key(|e| e.0);
            #[allow(clippy::cast_possible_truncation)]
            let q: Vec<(u8, i16)> = row
                .into_iter()
                .map(|(c, w)| (c, (w / scale).round() as i16))
                .filter(|e| e.1 != 0)
                .collect();
            b.push(key, &q);
        }
        b.build()
    }
}

/// The stored key of a feature: its top 32 bits after finalising, never 0 (0 marks an empty slot).
#[inline]
pub(crate) fn short_key(key: u64) -> u32 {
    #[allow(clippy::cast_possible_truncation)]
    let k = (finish(key) >> 32) as u32;
    k.max(1)
}

/// Classifiers with at most this many classes keep each row inside its table slot.
const INLINE: usize = 3;

/// A shipped classifier, found through an open-addressing table (linear probing) from the 32-bit
/// key. Lookups dominate parsing time and are cache misses, so slots are small and hold what one
/// feature adds: for the parser's three moves the weights themselves (one miss per feature),
/// otherwise where its (class, weight) entries start in one packed array (two misses).
pub(crate) struct Weights {
    n_classes: usize,
    scale: f32,
    table: Table,
    mask: usize,
    /// class << 16 | weight as u16.
    entries: Vec<u32>,
    /// The keys in increasing order with their entries' start and length, for writing out.
    rows: Vec<(u32, u32)>,
}

enum Table {
    /// (key, row of weights by class).
    Inline(Vec<(u32, [i16; INLINE])>),
    /// (key, first entry << 8 | number of entries).
    Sparse(Vec<(u32, u32)>),
}

struct WeightsBuilder {
    w: Weights,
}

fn pack(class: u8, v: i16) -> u32 {
    u32::from(class) << 16 | u32::from(v.cast_unsigned())
}

fn unpack(e: u32) -> (usize, i16) {
    ((e >> 16) as usize, (e & 0xffff) as u16 as i16)
}

impl WeightsBuilder {
    fn new(n_classes: usize, scale: f32) -> Self {
        WeightsBuilder {
            w: Weights {
                n_classes,
                scale,
                table: Table::Sparse(Vec::new()),
                mask: 0,
                entries: Vec::new(),
                rows: Vec::new(),
            },
        }
    }

    fn push(&mut self, key: u32, row: &[(u8, i16)]) {
        if row.is_empty() {
            return;
        }
        let start = self.w.entries.len() as u32;
        self.w.entries.extend(row.iter().map(|&(c, v)| pack(c, v)));
        self.w.rows.push((key, start << 8 | row.len() as u32));
    }

    fn build(mut self) -> Weights {
        // Load between 0.33 and 0.67: short probes, and a table a third smaller than at 1/2.
        let cap = (self.w.rows.len() * 3 / 2 + 1).next_power_of_two().max(16);
        let mask = cap - 1;
        self.w.mask = mask;
        let slot_of = |taken: &dyn Fn(usize) -> bool, key: u32| -> usize {
            let mut i = key as usize & mask;
            while taken(i) {
                i = (i + 1) & mask;
            }
            i
        };
        if self.w.n_classes <= INLINE {
            let mut t = vec![(0u32, [0i16; INLINE]); cap];
            for &(key, at) in &self.w.rows {
                let i = slot_of(&|i| t[i].0 != 0, key);
                let mut row = [0i16; INLINE];
                let start = (at >> 8) as usize;
                for &e in &self.w.entries[start..start + (at & 0xff) as usize] {
                    let (c, v) = unpack(e);
                    if let Some(x) = row.get_mut(c) {
                        *x = v;
                    }
                }
                t[i] = (key, row);
            }
            self.w.table = Table::Inline(t);
        } else {
            let mut t = vec![(0u32, 0u32); cap];
            for &(key, at) in &self.w.rows {
                let i = slot_of(&|i| t[i].0 != 0, key);
                t[i] = (key, at);
            }
            self.w.table = Table::Sparse(t);
        }
        self.w
    }
}

/// Features looked up together: their first probes are loaded before any is inspected, so the
/// cache misses overlap instead of waiting on each other.
const BATCH: usize = 16;

impl Weights {
    pub(crate) fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Adds each feature's row into `scores` (integers: the scale is common to all classes).
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        let mask = self.mask;
        // Most features of a sentence are in the model (two in three on EWT), so there is nothing
        // to gain from a filter in front of the table; batching lets the misses overlap.
        let mut keys = [0u32; BATCH];
        for chunk in feats.chunks(BATCH) {
            for (k, &f) in keys.iter_mut().zip(chunk) {
                *k = short_key(f);
            }
            self.score_batch(&keys[..chunk.len()], mask, scores);
        }
    }

    fn score_batch(&self, keys: &[u32], mask: usize, scores: &mut [i32]) {
        match &self.table {
            Table::Inline(t) => {
                let mut first = [(0u32, [0i16; INLINE]); BATCH];
                for (slot, &key) in first.iter_mut().zip(keys) {
                    *slot = t[key as usize & mask];
                }
                for (&key, &slot) in keys.iter().zip(&first) {
                    let mut slot = slot;
                    let mut i = key as usize & mask;
                    while slot.0 != key && slot.0 != 0 {
                        i = (i + 1) & mask;
                        slot = t[i];
                    }
                    if slot.0 == key {
                        for (s, &v) in scores.iter_mut().zip(&slot.1) {
                            *s += i32::from(v);
                        }
                    }
                }
            }
            Table::Sparse(t) => {
                let mut first = [(0u32, 0u32); BATCH];
                for (slot, &key) in first.iter_mut().zip(keys) {
                    *slot = t[key as usize & mask];
                }
                for (&key, &slot) in keys.iter().zip(&first) {
                    let mut slot = slot;
                    let mut i = key as usize & mask;
                    while slot.0 != key && slot.0 != 0 {
                        i = (i + 1) & mask;
                        slot = t[i];
                    }
                    if slot.0 == key {
                        let start = (slot.1 >> 8) as usize;
                        let end = start + (slot.1 & 0xff) as usize;
                        for &e in self.entries.get(start..end).unwrap_or(&[]) {
                            let (c, v) = unpack(e);
                            if let Some(s) = scores.get_mut(c) {
                                *s += i32::from(v);
                            }
                        }
                    }
                }
            }
        }
    }

    pub(crate) fn n_entries(&self) -> usize {
        self.entries.len()
    }

    /// A copy keeping about `budget` entries, the largest in magnitude.
    pub(crate) fn pruned(&self, budget: usize) -> Weights {
        let mut mags: Vec<u16> = self
            .entries
            .iter()
            .map(|&e| unpack(e).1.unsigned_abs())
            .collect();
        let threshold = if mags.len() > budget && budget > 0 {
            let k = mags.len() - budget;
            *mags.select_nth_unstable(k).1
        } else {
            0
        };
        let mut b = WeightsBuilder::new(self.n_classes, self.scale);
        let mut row = Vec::new();
        for &(key, at) in &self.rows {
            let (start, len) = ((at >> 8) as usize, (at & 0xff) as usize);
            row.clear();
            for &e in &self.entries[start..start + len] {
                let (c, v) = unpack(e);
                if v.unsigned_abs() >= threshold {
                    row.push((c as u8, v));
                }
            }
            b.push(key, &row);
        }
        b.build()
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.var(self.n_classes as u64);
        w.u32(self.scale.to_bits());
        w.var(self.rows.len() as u64);
        let mut prev = 0u32;
        for &(key, at) in &self.rows {
            w.var(u64::from(key - prev));
            prev = key;
            let (start, len) = ((at >> 8) as usize, (at & 0xff) as usize);
            w.u8(len as u8);
            for &e in &self.entries[start..start + len] {
                let (c, v) = unpack(e);
                w.u8(c as u8);
                w.i16(v);
            }
        }
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
        let mut b = WeightsBuilder::new(n_classes, scale);
        b.w.rows.reserve(n);
        let mut key = 0u32;
        let mut row = Vec::new();
        for _ in 0..n {
            let delta = u32::try_from(r.var()?)
                .map_err(|_| Error::BadModel("feature key out of range".into()))?;
            key = key
                .checked_add(delta)
                .filter(|&k| k != 0 && delta != 0)
                .ok_or_else(|| Error::BadModel("feature keys not increasing".into()))?;
            let len = usize::from(r.u8()?);
            row.clear();
            for _ in 0..len {
                let c = r.u8()?;
                if usize::from(c) >= n_classes {
                    return Err(Error::BadModel("class out of range".into()));
                }
                row.push((c, r.i16()?));
            }
            if b.w.entries.len() + len >= 1 << 24 {
                return Err(Error::BadModel("classifier too large".into()));
            }
            b.push(key, &row);
        }
        Ok(b.build())
    }
}
