//! A fixed set of small integers, one bit each: the classes of a word in the language profile
//! and the lists of a word in the lexicon. Both are looked up for nearly every token, so the set
//! is a few machine words on the stack, not a heap bit vector (`fixedbitset`, `bitvec`); and it
//! grows by changing `N`, so adding a class or a list never meets a word-size limit again.

/// A set of the integers below `64 * N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bits<const N: usize>([u64; N]);

impl<const N: usize> Default for Bits<N> {
    fn default() -> Self {
        Self([0; N])
    }
}

impl<const N: usize> Bits<N> {
    /// How many integers the set can hold.
    pub const CAPACITY: usize = 64 * N;

    /// Every integer below the capacity.
    pub const ALL: Self = Self([u64::MAX; N]);

    /// Adds `i`. Callers index by enum discriminants the capacity is asserted against at
    /// compile time, so `i` is always in range.
    pub fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    #[must_use]
    pub fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::Bits;

    #[test]
    fn holds_every_integer_below_its_capacity_and_only_those_inserted() {
        let mut b = Bits::<2>::default();
        for i in [0, 63, 64, 127] {
            assert!(!b.contains(i));
            b.insert(i);
            assert!(b.contains(i));
        }
        assert!(!b.contains(1) && !b.contains(65) && !b.contains(126));
        assert!(!b.contains(128), "past the capacity is never held");
        assert!(Bits::<2>::ALL.contains(100));
        assert_eq!(Bits::<2>::CAPACITY, 128);
    }
}
