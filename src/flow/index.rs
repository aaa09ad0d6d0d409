//! The crate index: what the files of one crate tell each other. A first pass reads each
//! file that may matter and keeps its summary (module scopes, struct fields, what its
//! functions create and do to what they are given), never its syntax tree; the second
//! pass analyses every file with the merged summaries at hand, its own first.

use std::sync::Arc;

use crate::catalog::Catalog;
use crate::config::UserResource;
use crate::syntax::imports::{CrateScopes, FileImports};
use crate::syntax::macro_rules::FileMacros;
use crate::syntax::types::StructFields;

use super::summaries::Summaries;

/// What one file tells the other files of its crate.
#[derive(Debug)]
pub struct FileIndex {
    scopes: CrateScopes,
    fields: StructFields,
    summaries: Summaries,
}

/// Summarises a file at `module` of its crate, seen alone.
pub fn index_file(file: &syn::File, module: Vec<String>, user: &[UserResource]) -> FileIndex {
    let imports = FileImports::in_crate(file, module, None);
    let fields = StructFields::new(file, &imports);
    let macros = FileMacros::of_file(file);
    let summaries = Summaries::of_file(file, &imports, &fields, user, &macros, None);
    FileIndex {
        scopes: imports.into_scopes(),
        fields,
        summaries,
    }
}

/// What a file analysed alone tells the other files of its crate: what its analysis found
/// of its functions (`flow`, when it ran), else summarised anew.
pub fn index_of_analysis(
    file: &syn::File,
    imports: FileImports,
    fields: StructFields,
    flow: Option<super::Flow>,
    user: &[UserResource],
) -> FileIndex {
    let summaries = match flow.and_then(|f| f.summaries) {
        Some(summaries) => summaries,
        None => {
            let macros = FileMacros::of_file(file);
            Summaries::of_file(file, &imports, &fields, user, &macros, None)
        }
    };
    FileIndex {
        scopes: imports.into_scopes(),
        fields,
        summaries,
    }
}

/// What the indexed files of one crate tell each other, merged.
#[derive(Debug, Default)]
pub struct CrateIndex {
    pub(super) scopes: Arc<CrateScopes>,
    pub(super) fields: Arc<StructFields>,
    pub(super) summaries: Arc<Summaries>,
    /// How many files it was built from.
    pub files: usize,
}

impl CrateIndex {
    /// Merges the files' summaries, given in a fixed order (the output must not depend on
    /// which thread finished first). Where two files name the same module, the first
    /// one's scope stands; where they define the same path differently, neither does.
    pub fn build(files: Vec<FileIndex>) -> CrateIndex {
        let count = files.len();
        let mut scopes = CrateScopes::new();
        let mut fields = Vec::with_capacity(count);
        let mut summaries = Vec::with_capacity(count);
        for file in files {
            for (module, scope) in file.scopes {
                scopes.entry(module).or_insert(scope);
            }
            fields.push(file.fields);
            summaries.push(file.summaries);
        }
        let mut summaries = Summaries::merged(summaries);
        for scope in scopes.values() {
            for (alias, name) in scope.renames() {
                summaries.add_alias(alias, name);
            }
        }
        CrateIndex {
            scopes: Arc::new(scopes),
            fields: Arc::new(StructFields::merged(fields)),
            summaries: Arc::new(summaries),
            files: count,
        }
    }

    /// The last segment of every path the index knows something of (functions, their
    /// re-exports, structs): a file naming none of them reads nothing from the index.
    pub fn names(&self) -> Vec<String> {
        let mut names = self.summaries.names();
        let tracked = |owner: &&str| {
            self.fields.fields_of(owner).any(|(_, ty, _)| {
                ty.path().is_some_and(|p| {
                    Catalog::builder(p).is_some()
                        || crate::catalog::ALL
                            .iter()
                            .flat_map(|e| e.resources)
                            .any(|r| r.ty == p)
                })
            })
        };
        names.extend(
            self.fields
                .owners()
                .filter(tracked)
                .filter_map(|o| o.rsplit("::").next())
                .map(str::to_string),
        );
        names.sort();
        names.dedup();
        names
    }

    /// The imports of a file at `module` of this crate.
    pub fn imports(&self, file: &syn::File, module: Vec<String>) -> FileImports {
        FileImports::in_crate(file, module, Some(Arc::clone(&self.scopes)))
    }

    /// The struct fields of a file of this crate, the crate's behind its own.
    pub fn fields(&self, file: &syn::File, imports: &FileImports) -> StructFields {
        StructFields::new(file, imports).with_crate(Arc::clone(&self.fields))
    }
}
