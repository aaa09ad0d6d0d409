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
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct FileIndex {
    #[serde(serialize_with = "crate::serial::sorted_map")]
    scopes: CrateScopes,
    fields: StructFields,
    summaries: Summaries,
}

/// Summarises a file at `module` of its crate, seen alone; `reexports`: whether its text
/// re-exports anything (otherwise its scopes tell other files nothing their own paths do
/// not: a name not found in a module is that module's item).
pub fn index_file(
    file: &syn::File,
    module: Vec<String>,
    user: &[UserResource],
    reexports: bool,
) -> FileIndex {
    let imports = FileImports::in_crate(file, module, None);
    let fields = StructFields::new(file, &imports);
    if !fields.with_builder_fields().is_empty() {
        // What constructors store in builder fields is known only by following them.
        let flow = super::analyse(file, &imports, &fields, user, None);
        return index_of_analysis(file, imports, fields, Some(flow), user, reexports);
    }
    let macros = FileMacros::of_file(file);
    let summaries = Summaries::of_file(file, &imports, &fields, user, &macros, None);
    FileIndex::new(imports, fields, summaries, reexports)
}

/// What a file that names nothing tracked tells its crate: the scopes of its re-exports.
pub fn index_reexports(file: &syn::File, module: Vec<String>) -> FileIndex {
    let imports = FileImports::in_crate(file, module, None);
    FileIndex::new(imports, StructFields::default(), Summaries::default(), true)
}

impl FileIndex {
    fn new(
        imports: FileImports,
        mut fields: StructFields,
        summaries: Summaries,
        reexports: bool,
    ) -> FileIndex {
        fields.retain(|_, ty| tracked(ty));
        FileIndex {
            scopes: if reexports {
                imports.into_scopes()
            } else {
                CrateScopes::new()
            },
            fields,
            summaries,
        }
    }

    /// Whether it tells other files nothing.
    pub fn is_empty(&self) -> bool {
        self.scopes.is_empty() && self.fields.owners().next().is_none() && self.summaries.is_empty()
    }

    /// What other files must name to read what this one defines, as the words they must
    /// contain all of, per thing defined (see `Summaries::names`; a struct: its name).
    pub fn names(&self) -> Vec<Vec<String>> {
        let mut names = self.summaries.names();
        names.extend(owner_names(&self.fields));
        names.sort();
        names.dedup();
        names
    }

    /// The names its re-exports give to others (`pub use jobs::spawn as spawn_job`): the
    /// new name, and the last segment of what it stands for.
    pub fn renames(&self) -> Vec<(String, String)> {
        self.scopes
            .values()
            .flat_map(|s| s.renames())
            .map(|(alias, name)| (alias.to_string(), name.to_string()))
            .collect()
    }
}

/// A type worth knowing across files: a tracked value, or a builder of one.
fn tracked(ty: &crate::syntax::types::Ty) -> bool {
    ty.path()
        .is_some_and(|p| Catalog::builder(p).is_some() || Catalog::resource_of_type(p).is_some())
}

/// What a file must write to use a struct's tracked fields: the struct's name (the last
/// segment of its path, `Worker`) with one of those fields' names, which an access
/// (`w.child`), a literal (`Worker { child }`) or a pattern writes; the name alone where a
/// field is positional (`Wrapper(child)` names none).
fn owner_names(fields: &StructFields) -> impl Iterator<Item = Vec<String>> + '_ {
    fields.owners().flat_map(|o| {
        let name = o.rsplit("::").next().unwrap_or(o).to_string();
        let mut names: Vec<String> = fields.fields_of(o).map(|(f, _, _)| f.to_string()).collect();
        names.sort();
        names.dedup();
        match names
            .iter()
            .any(|f| f.starts_with(|c: char| c.is_ascii_digit()))
        {
            true => vec![vec![name]],
            false => names.into_iter().map(|f| vec![name.clone(), f]).collect(),
        }
    })
}

/// What a file analysed alone tells the other files of its crate: what its analysis found
/// of its functions (`flow`, when it ran), else summarised anew.
pub fn index_of_analysis(
    file: &syn::File,
    imports: FileImports,
    fields: StructFields,
    flow: Option<super::Flow>,
    user: &[UserResource],
    reexports: bool,
) -> FileIndex {
    let (summaries, field_configs) = match flow {
        Some(flow) => (flow.summaries, flow.field_configs),
        None => (None, Default::default()),
    };
    let mut summaries = summaries.unwrap_or_else(|| {
        let macros = FileMacros::of_file(file);
        Summaries::of_file(file, &imports, &fields, user, &macros, None)
    });
    // What the file's constructors store in builder fields, for methods elsewhere.
    summaries.field_configs = field_configs;
    FileIndex::new(imports, fields, summaries, reexports)
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

    /// The imports of a file at `module` of this crate.
    pub fn imports(&self, file: &syn::File, module: Vec<String>) -> FileImports {
        FileImports::in_crate(file, module, Some(Arc::clone(&self.scopes)))
    }

    /// The struct fields of a file of this crate, the crate's behind its own.
    pub fn fields(&self, file: &syn::File, imports: &FileImports) -> StructFields {
        StructFields::new(file, imports).with_crate(Arc::clone(&self.fields))
    }
}
