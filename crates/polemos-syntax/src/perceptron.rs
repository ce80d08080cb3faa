//! The averaged perceptron (Collins 2002) used while training. Its averaged weights, pruned of
//! near-zero entries and quantized to i16, become the [`Weights`] a model ships.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::hash::finish;
use crate::weights::{Weights, WeightsBuilder};

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
        let mut b = WeightsBuilder::new(self.n_classes, scale, rows.len());
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
