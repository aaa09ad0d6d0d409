//! Serde helpers for what the cache stores. Hash maps and sets are written in key order,
//! so the same value always has the same bytes: the cache keys a crate's index by the hash
//! of its files' summaries, and one written twice must not look changed. Strings that the
//! program holds as `&'static str` (lint ids) are interned when read back.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A `HashMap` written in key order.
pub fn sorted_map<S, K, V>(map: &HashMap<K, V>, s: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    K: Serialize + Ord,
    V: Serialize,
{
    map.iter().collect::<BTreeMap<_, _>>().serialize(s)
}

/// A map of maps, both written in key order.
pub fn sorted_nested_map<S, K, L, V>(
    map: &HashMap<K, HashMap<L, V>>,
    s: S,
) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    K: Serialize + Ord,
    L: Serialize + Ord,
    V: Serialize,
{
    map.iter()
        .map(|(k, inner)| (k, inner.iter().collect::<BTreeMap<_, _>>()))
        .collect::<BTreeMap<_, _>>()
        .serialize(s)
}

/// A `HashSet` written in order.
pub fn sorted_set<S, T>(set: &HashSet<T>, s: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    T: Serialize + Ord,
{
    set.iter().collect::<BTreeSet<_>>().serialize(s)
}

/// A `&'static str` field read back interned (`#[serde(with = "interned")]`). Named so:
/// serde would take a field written `&'static str` as borrowed from the input, which
/// outlives nothing the cache reads.
pub type StaticStr = &'static str;

/// The one `&'static` copy of `s`: what is read back is bounded by the distinct strings
/// (lint ids), not by how often they are read.
pub fn intern(s: &str) -> &'static str {
    static TABLE: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let table = TABLE.get_or_init(Default::default);
    let mut table = match table.lock() {
        Ok(t) => t,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(&known) = table.get(s) {
        return known;
    }
    let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
    table.insert(leaked);
    leaked
}

/// `&'static str`, interned when read.
pub mod interned {
    use super::*;

    pub fn serialize<S: Serializer>(s: &&'static str, ser: S) -> Result<S::Ok, S::Error> {
        s.serialize(ser)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<&'static str, D::Error> {
        let s = String::deserialize(de)?;
        Ok(intern(&s))
    }
}

/// `Option<&'static str>`, interned when read.
pub mod interned_option {
    use super::*;

    pub fn serialize<S: Serializer>(s: &Option<&'static str>, ser: S) -> Result<S::Ok, S::Error> {
        s.serialize(ser)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Option<&'static str>, D::Error> {
        let s = Option::<String>::deserialize(de)?;
        Ok(s.map(|s| intern(&s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Maps {
        #[serde(serialize_with = "sorted_map")]
        map: HashMap<String, u32>,
        #[serde(serialize_with = "sorted_set")]
        set: HashSet<String>,
    }

    #[test]
    fn equal_maps_have_equal_bytes_whatever_their_insertion_order() {
        let words: Vec<String> = (0..64).map(|i| format!("w{i}")).collect();
        let forward = Maps {
            map: words.iter().cloned().zip(0..).collect(),
            set: words.iter().cloned().collect(),
        };
        let backward = Maps {
            map: words.iter().rev().cloned().zip((0..64).rev()).collect(),
            set: words.iter().rev().cloned().collect(),
        };
        assert_eq!(
            postcard::to_stdvec(&forward).unwrap(),
            postcard::to_stdvec(&backward).unwrap()
        );
    }

    #[test]
    fn interned_strings_are_one_copy() {
        let a = intern(&String::from("zombie_child"));
        let b = intern(&String::from("zombie_child"));
        assert!(std::ptr::eq(a, b));
    }
}
