//! Fingerprints of inputs, for reusing work whose inputs repeat: the text
//! rules read the same service texts in every customer's bound notice
//! (`lint`), and the templates render the same sections for them (`render`,
//! see `render::memo`).
//!
//! A fingerprint is 128 bits (two SipHash runs with different salts), so
//! two different inputs getting the same one is not a practical concern;
//! no output depends on a fingerprint's value, only on its equality.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

/// A 128-bit hasher: feed it with `Hash` and read [`Fingerprinter::finish128`].
pub struct Fingerprinter(std::hash::DefaultHasher, std::hash::DefaultHasher);

impl Default for Fingerprinter {
    fn default() -> Self {
        let mut salted = std::hash::DefaultHasher::new();
        0x5e10_57e5u32.hash(&mut salted);
        Fingerprinter(std::hash::DefaultHasher::new(), salted)
    }
}

impl Fingerprinter {
    pub fn finish128(&self) -> u128 {
        (u128::from(self.0.finish()) << 64) | u128::from(self.1.finish())
    }
}

impl Hasher for Fingerprinter {
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
        self.1.write(bytes);
    }
    fn finish(&self) -> u64 {
        self.0.finish()
    }
}

/// The fingerprint of one value.
pub fn of<T: Hash + ?Sized>(value: &T) -> u128 {
    let mut h = Fingerprinter::default();
    value.hash(&mut h);
    h.finish128()
}

/// Results of a pure function of a text, shared by every thread of the
/// process. Bounded: past `CAPACITY` entries it starts again from empty,
/// so a long `serve` session cannot grow it without end.
pub struct TextCache<V> {
    map: Mutex<Option<HashMap<u128, V>>>,
}

impl<V: Clone> Default for TextCache<V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<V: Clone> TextCache<V> {
    const CAPACITY: usize = 200_000;

    pub const fn new() -> Self {
        TextCache {
            map: Mutex::new(None),
        }
    }

    /// The value kept for `key`, or `compute()`'s, kept for next time.
    pub fn get_or(&self, key: u128, compute: impl FnOnce() -> V) -> V {
        if let Ok(map) = self.map.lock()
            && let Some(v) = map.as_ref().and_then(|m| m.get(&key))
        {
            return v.clone();
        }
        // Computed outside the lock: another thread may compute the same
        // value meanwhile, which is only duplicated work.
        let v = compute();
        if let Ok(mut map) = self.map.lock() {
            let map = map.get_or_insert_with(HashMap::new);
            if map.len() >= Self::CAPACITY {
                map.clear();
            }
            map.insert(key, v.clone());
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_inputs_have_equal_fingerprints_and_others_differ() {
        assert_eq!(of(&("fi", "teksti")), of(&("fi", "teksti")));
        assert_ne!(of(&("fi", "teksti")), of(&("sv", "teksti")));
        assert_ne!(of("a"), of("b"));
    }

    #[test]
    fn a_cache_computes_each_key_once() {
        let cache: TextCache<usize> = TextCache::new();
        let mut calls = 0;
        for _ in 0..3 {
            assert_eq!(
                cache.get_or(of("x"), || {
                    calls += 1;
                    7
                }),
                7
            );
        }
        assert_eq!(calls, 1);
        assert_eq!(cache.get_or(of("y"), || 8), 8);
    }
}
