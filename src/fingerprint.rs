//! Fingerprints of inputs, for reusing work whose inputs repeat: the text
//! rules read the same service texts in every customer's bound notice
//! (`lint`), and the templates render the same sections for them (`render`,
//! see `render::memo`).
//!
//! A fingerprint is 128 bits (XXH3-128), so two different inputs getting
//! the same one is not a practical concern; no output depends on a
//! fingerprint's value, only on its equality. XXH3 rather than SipHash:
//! a fleet hashes every view it renders, and SipHash was a tenth of the
//! time (issue: fleet performance).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, RwLock};

use xxhash_rust::xxh3::Xxh3Default;

/// A 128-bit hasher: feed it with `Hash` and read [`Fingerprinter::finish128`].
/// Small writes (a tag, a short string) are gathered in XXH3's own buffer.
#[derive(Default, Clone)]
pub struct Fingerprinter {
    state: Xxh3Default,
}

impl Fingerprinter {
    pub fn finish128(&self) -> u128 {
        self.state.digest128()
    }
}

impl Hasher for Fingerprinter {
    fn write(&mut self, bytes: &[u8]) {
        self.state.update(bytes);
    }
    fn finish(&self) -> u64 {
        (self.finish128() >> 64) as u64
    }
}

/// A hasher that gathers what is written and fingerprints it at once
/// ([`Gathered::finish128`]): for a value written as many small pieces,
/// cheaper than [`Fingerprinter`], whose every write costs on its own.
#[derive(Default)]
pub struct Gathered(pub Vec<u8>);

impl Gathered {
    pub fn finish128(&self) -> u128 {
        xxhash_rust::xxh3::xxh3_128(&self.0)
    }
}

impl Hasher for Gathered {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
    fn finish(&self) -> u64 {
        self.finish128() as u64
    }
}

/// A map keyed by fingerprints. A fingerprint is already a uniform hash,
/// so the map uses its bits as they are instead of hashing them again.
pub type ByFingerprint<V> = HashMap<u128, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// The set of [`ByFingerprint`].
pub type FingerprintSet = std::collections::HashSet<u128, std::hash::BuildHasherDefault<KeyHasher>>;

/// The hasher of [`ByFingerprint`]: folds the 128 bits of the key.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Only reached for keys other than u128: fold them in.
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u128(&mut self, key: u128) {
        self.0 ^= (key as u64) ^ ((key >> 64) as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Values kept from the second time their key is offered: work that
/// repeats across pages (a shared section, a shared field) is kept, what
/// one page alone has does not fill the memory.
pub struct SeenTwice<V> {
    kept: RwLock<ByFingerprint<V>>,
    seen_once: Mutex<FingerprintSet>,
}

impl<V> Default for SeenTwice<V> {
    fn default() -> Self {
        SeenTwice {
            kept: RwLock::new(ByFingerprint::default()),
            seen_once: Mutex::new(FingerprintSet::default()),
        }
    }
}

impl<V: Clone> SeenTwice<V> {
    /// The value kept for `key`, if any.
    pub fn get(&self, key: u128) -> Option<V> {
        self.kept.read().ok().and_then(|m| m.get(&key).cloned())
    }

    /// Keeps `value` for `key` if the key was offered before.
    pub fn offer(&self, key: u128, value: &V) {
        let again = self.seen_once.lock().is_ok_and(|mut s| !s.insert(key));
        if again && let Ok(mut kept) = self.kept.write() {
            kept.insert(key, value.clone());
        }
    }

    /// Like [`SeenTwice::offer`], making the value only when it is kept.
    pub fn offer_with(&self, key: u128, make: impl FnOnce() -> V) {
        let again = self.seen_once.lock().is_ok_and(|mut s| !s.insert(key));
        if again && let Ok(mut kept) = self.kept.write() {
            kept.insert(key, make());
        }
    }

    /// How many values are kept.
    #[cfg(test)]
    pub(crate) fn kept(&self) -> usize {
        self.kept.read().map(|m| m.len()).unwrap_or(0)
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
    map: Mutex<Option<ByFingerprint<V>>>,
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
            let map = map.get_or_insert_with(ByFingerprint::default);
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

    /// Regression guard for the buffering: where the writes are cut does
    /// not matter, what is written does.
    #[test]
    fn a_fingerprint_depends_on_the_bytes_not_on_how_they_are_written() {
        let text = "x".repeat(3 * 512 + 7);
        let mut whole = Fingerprinter::default();
        whole.write(text.as_bytes());
        let mut pieces = Fingerprinter::default();
        for chunk in text.as_bytes().chunks(13) {
            pieces.write(chunk);
        }
        assert_eq!(whole.finish128(), pieces.finish128());
        let mut other = Fingerprinter::default();
        other.write(&text.as_bytes()[1..]);
        assert_ne!(whole.finish128(), other.finish128());
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

    #[test]
    fn a_value_is_kept_from_its_keys_second_offer() {
        let seen: SeenTwice<u32> = SeenTwice::default();
        seen.offer(1, &10);
        assert_eq!(seen.get(1), None);
        seen.offer(1, &10);
        assert_eq!(seen.get(1), Some(10));
        assert_eq!(seen.get(2), None);
        assert_eq!(seen.kept(), 1);
    }
}
