//! Stable 64-bit hashing of feature parts. Features are never stored as strings: each template
//! combines the hashes of its parts, so a model file holds only numbers and hashing stays the same
//! on every platform and Rust version (std's hashers promise neither).

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Combines a running hash with one more part (the FxHash step: cheap, good enough for keys that
/// are finalised by [`finish`] before they index a table).
#[inline]
pub(crate) fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// FNV-1a over the bytes, then a final avalanche.
pub(crate) fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// [`hash_str`] of text given as its UTF-8 bytes.
pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = Fnv::new();
    h.bytes(b);
    h.finish()
}

/// Incremental [`hash_str`], for hashing text built on the fly without allocating it.
pub(crate) struct Fnv(u64);

impl Fnv {
    pub(crate) fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub(crate) fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes(c.encode_utf8(&mut buf).as_bytes());
    }

    pub(crate) fn finish(&self) -> u64 {
        finish(self.0)
    }
}

/// Murmur3's 64-bit finaliser: spreads every input bit over the output, so the low bits can index
/// an open-addressing table and the high 32 bits serve as a stored key.
#[inline]
pub(crate) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A feature key: template number and up to three parts.
#[inline]
pub(crate) fn feat(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(mix(0, template), a), b), c)
}

/// Deterministic pseudo-random numbers for shuffling and exploration during training (SplitMix64:
/// seeded, reproducible, no dependency).
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant for shuffling a corpus.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}
