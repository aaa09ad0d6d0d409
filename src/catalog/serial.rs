//! Catalog entries in what the cache stores: each by its place in the catalog (the cache
//! is kept per build, so places are stable), read back as the catalog's static. Places
//! are found by what the entries say, not by address: a `const` table may be copied, so
//! the same entry can live at two addresses. Resources declared in settings are not in
//! the catalog: they are stored by id, and reading code names them with `with_declared`.

use std::cell::RefCell;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

use super::{ALL, Builder, Part, Resource};

thread_local! {
    static DECLARED: RefCell<Vec<&'static Resource>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with the resources the settings declare readable by id.
pub fn with_declared<T>(declared: &[&'static Resource], f: impl FnOnce() -> T) -> T {
    let before = DECLARED.with(|d| std::mem::replace(&mut *d.borrow_mut(), declared.to_vec()));
    let out = f();
    DECLARED.with(|d| *d.borrow_mut() = before);
    out
}

fn resources() -> impl Iterator<Item = &'static Resource> {
    ALL.iter().flat_map(|e| e.resources)
}

/// Where a resource is: its place among the catalog's, or a declared one's id.
#[derive(Serialize, Deserialize)]
enum Place {
    Catalog(usize),
    Declared(String),
}

/// What tells one of the catalog's resources from every other.
fn same(a: &Resource, b: &Resource) -> bool {
    (a.id, a.ty, a.builder, a.create) == (b.id, b.ty, b.builder, b.create)
}

fn place(r: &'static Resource) -> Place {
    match resources().position(|c| same(c, r)) {
        Some(at) => Place::Catalog(at),
        None => Place::Declared(r.id.to_string()),
    }
}

fn at(place: &Place) -> Option<&'static Resource> {
    match place {
        Place::Catalog(at) => resources().nth(*at),
        Place::Declared(id) => DECLARED.with(|d| d.borrow().iter().copied().find(|r| r.id == id)),
    }
}

/// A resource, by its place.
pub mod resource {
    use super::*;

    pub fn serialize<S: Serializer>(r: &&'static Resource, s: S) -> Result<S::Ok, S::Error> {
        place(r).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<&'static Resource, D::Error> {
        at(&Place::deserialize(de)?).ok_or_else(|| D::Error::custom("unknown resource"))
    }
}

/// A builder, by its place among the catalog's.
pub mod builder {
    use super::*;

    pub(super) fn builders() -> impl Iterator<Item = &'static Builder> {
        ALL.iter().flat_map(|e| e.builders)
    }

    pub fn serialize<S: Serializer>(b: &&'static Builder, s: S) -> Result<S::Ok, S::Error> {
        builders()
            .position(|c| c.ty == b.ty)
            .ok_or_else(|| serde::ser::Error::custom("a builder outside the catalog"))?
            .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<&'static Builder, D::Error> {
        let at = usize::deserialize(de)?;
        builders()
            .nth(at)
            .ok_or_else(|| D::Error::custom("unknown builder"))
    }
}

/// The place of the first resource with the part `p`, and the part's place among its.
fn part_place(p: &'static Part) -> Option<(usize, usize)> {
    let same = |q: &Part| {
        (q.field, q.flag, q.reads_to_eof, q.writes) == (p.field, p.flag, p.reads_to_eof, p.writes)
    };
    resources().enumerate().find_map(|(r, res)| {
        let at = res.parts.iter().position(same)?;
        Some((r, at))
    })
}

fn part_at((r, at): (usize, usize)) -> Option<&'static Part> {
    resources().nth(r)?.parts.get(at)
}

/// A part of a resource, by their places.
pub mod part {
    use super::*;

    pub fn serialize<S: Serializer>(p: &&'static Part, s: S) -> Result<S::Ok, S::Error> {
        part_place(p)
            .ok_or_else(|| serde::ser::Error::custom(format!("part `{}` of no resource", p.field)))?
            .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<&'static Part, D::Error> {
        part_at(<(usize, usize)>::deserialize(de)?).ok_or_else(|| D::Error::custom("unknown part"))
    }
}

/// An optional part, as `part`.
pub mod part_option {
    use super::*;

    pub fn serialize<S: Serializer>(p: &Option<&'static Part>, s: S) -> Result<S::Ok, S::Error> {
        match p {
            Some(p) => s.serialize_some(&Placed(p)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        de: D,
    ) -> Result<Option<&'static Part>, D::Error> {
        Option::<(usize, usize)>::deserialize(de)?
            .map(|place| part_at(place).ok_or_else(|| D::Error::custom("unknown part")))
            .transpose()
    }

    struct Placed(&'static Part);

    impl Serialize for Placed {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            part::serialize(&self.0, s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resource_reads_back_as_itself() {
        for r in resources() {
            assert!(std::ptr::eq(at(&place(r)).expect("placed"), r), "{}", r.id);
        }
        // Told apart by what they say, not only by address.
        for (i, a) in resources().enumerate() {
            for b in resources().skip(i + 1) {
                assert!(!same(a, b), "{} and {} look alike", a.id, b.id);
            }
        }
        for (i, a) in super::builder::builders().enumerate() {
            assert!(
                super::builder::builders().skip(i + 1).all(|b| b.ty != a.ty),
                "{}",
                a.ty
            );
        }
    }

    #[test]
    fn every_part_reads_back_as_itself() {
        for r in resources() {
            for p in r.parts {
                let back = part_at(part_place(p).expect("a part of a resource")).expect("found");
                assert!(
                    std::ptr::eq(back, p),
                    "{}.{} is not one part",
                    r.id,
                    p.field
                );
            }
        }
    }

    #[test]
    fn declared_resources_read_back_only_where_declared() {
        let declared: &'static Resource = Box::leak(Box::new(Resource {
            id: "user:db::Session",
            ..*resources().next().expect("a resource")
        }));
        let stored = place(declared);
        assert!(at(&stored).is_none());
        with_declared(&[declared], || {
            assert!(std::ptr::eq(at(&stored).expect("declared"), declared));
        });
    }
}
