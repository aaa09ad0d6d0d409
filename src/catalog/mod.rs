//! What cargo-stray knows about libraries, as data: the types it recognises (by every
//! path they are exported under), what their constructors and methods return, and which
//! of them are guards whose drop does the work. The engine and the lints read this; they
//! name no library themselves.

pub mod cancel;

/// A library type, with every public path it can be named by.
#[derive(Debug)]
pub struct KnownType {
    /// The path we report and compare by.
    pub canonical: &'static str,
    /// Other public paths (re-exports) that name the same type.
    pub aliases: &'static [&'static str],
    /// The name shown in messages.
    pub short: &'static str,
}

/// The type an expression produces, as far as the catalog can tell.
#[derive(Debug, Clone, Copy)]
pub enum Output {
    Type(&'static str),
    /// A tuple, element by element (`None`: not a type we track).
    Tuple(&'static [Option<&'static str>]),
}

/// A free function or associated function (`Type::new`) and what it returns.
#[derive(Debug)]
pub struct Function {
    /// Full path: a free function's, or a known type's canonical path plus `::name`.
    pub path: &'static str,
    pub output: Output,
}

/// A method of a known type and what it returns.
#[derive(Debug)]
pub struct Method {
    pub receiver: &'static str,
    pub name: &'static str,
    pub output: Output,
}

/// A type whose `Drop` does the work: dropping it at once undoes what creating it was for.
#[derive(Debug)]
pub struct Guard {
    pub ty: &'static str,
    /// What dropping it does, completing "dropping it ...": `cancels the token`.
    pub on_drop: &'static str,
    /// The consequence of dropping it at once, for the headline: `the token is cancelled at once`.
    pub consequence: &'static str,
    /// How to keep it alive, for the help line.
    pub keep: &'static str,
}

/// One family's share of the catalog.
#[derive(Debug)]
pub struct Entries {
    pub types: &'static [KnownType],
    pub functions: &'static [Function],
    pub methods: &'static [Method],
    pub guards: &'static [Guard],
}

/// Every family's entries.
pub const ALL: &[&Entries] = &[&cancel::ENTRIES];

/// Lookups over all families.
pub struct Catalog;

impl Catalog {
    /// The canonical path of a known type named by `path` (canonical or alias).
    pub fn canonical_type(path: &str) -> Option<&'static KnownType> {
        ALL.iter()
            .flat_map(|e| e.types)
            .find(|t| t.canonical == path || t.aliases.contains(&path))
    }

    pub fn known_type(canonical: &str) -> Option<&'static KnownType> {
        ALL.iter()
            .flat_map(|e| e.types)
            .find(|t| t.canonical == canonical)
    }

    /// The function named by a resolved path: a free function, or `Type::assoc` where
    /// `Type` may be named by any of its aliases.
    pub fn function(path: &str) -> Option<&'static Function> {
        let by_type = path.rsplit_once("::").and_then(|(ty, name)| {
            let ty = Self::canonical_type(ty)?;
            Some((ty.canonical, name))
        });
        ALL.iter().flat_map(|e| e.functions).find(|f| {
            f.path == path
                || by_type.is_some_and(|(ty, name)| {
                    f.path
                        .rsplit_once("::")
                        .is_some_and(|(fty, fname)| fty == ty && fname == name)
                })
        })
    }

    pub fn method(receiver: &str, name: &str) -> Option<&'static Method> {
        ALL.iter()
            .flat_map(|e| e.methods)
            .find(|m| m.receiver == receiver && m.name == name)
    }

    pub fn guard(ty: &str) -> Option<&'static Guard> {
        ALL.iter().flat_map(|e| e.guards).find(|g| g.ty == ty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_the_catalog_mentions_is_a_known_type() {
        let known = |p: &str| Catalog::known_type(p).is_some();
        let outputs = |o: &Output| match o {
            Output::Type(t) => vec![*t],
            Output::Tuple(ts) => ts.iter().flatten().copied().collect(),
        };
        for e in ALL {
            for f in e.functions {
                for t in outputs(&f.output) {
                    assert!(known(t), "{}: unknown output type {t}", f.path);
                }
            }
            for m in e.methods {
                assert!(known(m.receiver), "{}: unknown receiver", m.name);
                for t in outputs(&m.output) {
                    assert!(known(t), "{}: unknown output type {t}", m.name);
                }
            }
            for g in e.guards {
                assert!(known(g.ty), "guard {} is not a known type", g.ty);
            }
        }
    }
}
