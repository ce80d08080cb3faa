//! The one interface decoding needs from a classifier, so the same greedy decoders run on the
//! perceptron while it trains (and is evaluated on dev each epoch) and on the shipped weights.

use crate::perceptron::Trainer;
use crate::weights::{SCORES, Weights};

/// Largest number of classes a classifier may have (class ids are stored as bytes).
pub(crate) const MAX_CLASSES: usize = 255;

pub(crate) trait Classifier {
    fn classes(&self) -> usize;
    /// Writes every class's score into `out[..classes()]`.
    fn scores(&self, feats: &[u64], out: &mut [f32]);

    /// The best-scoring class that `ok` allows (ties go to the lowest id); `None` if none is.
    fn best(&self, feats: &[u64], ok: impl Fn(usize) -> bool) -> Option<usize> {
        let mut buf = [0f32; MAX_CLASSES];
        let n = self.classes().min(MAX_CLASSES);
        self.scores(feats, &mut buf[..n]);
        argmax(&buf[..n], ok)
    }
}

pub(crate) fn argmax(scores: &[f32], ok: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if ok(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|b| b.0)
}

pub(crate) fn argmax_int(scores: &[i32], ok: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, i32)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if ok(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|b| b.0)
}

impl Classifier for Trainer {
    fn classes(&self) -> usize {
        self.n_classes()
    }
    fn scores(&self, feats: &[u64], out: &mut [f32]) {
        self.score(feats, out);
    }
}

impl Classifier for Weights {
    fn classes(&self) -> usize {
        self.n_classes()
    }
    /// Integer scores, without the float buffer of the default (this runs for every word).
    fn best(&self, feats: &[u64], ok: impl Fn(usize) -> bool) -> Option<usize> {
        let mut buf = [0i32; SCORES];
        self.score(feats, &mut buf);
        argmax_int(&buf[..self.n_classes().min(MAX_CLASSES)], ok)
    }

    fn scores(&self, feats: &[u64], out: &mut [f32]) {
        let mut buf = [0i32; SCORES];
        self.score(feats, &mut buf);
        for (o, &s) in out.iter_mut().zip(&buf) {
            #[allow(clippy::cast_precision_loss)]
            let v = s as f32;
            *o = v;
        }
    }
}
