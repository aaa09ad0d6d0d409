//! Configuration files: `[workspace.metadata.stray]` and `[package.metadata.stray]` in
//! Cargo.toml, and `stray.toml` (the nearest one up from the scan root, or `--config
//! FILE`). Later sources win: Cargo.toml's workspace table, its package table, then
//! `stray.toml`; the command line's `-A`/`-W`/`-D` win over all of them.
//!
//! ```toml
//! [lints]
//! zombie_child = "deny"   # a lint
//! cancel = "allow"        # a family
//! exclude = ["tests/fixtures/**"]          # replaces excludes from earlier sources
//! extend-exclude = ["generated/**"]        # adds to them
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use serde::Deserialize;

use crate::config::leak;
use crate::level::Level;
use crate::lints::{self, Lint};
use crate::suggest;

/// One source's settings, as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    #[serde(default)]
    lints: BTreeMap<String, toml::Spanned<toml::Value>>,
    exclude: Option<Vec<String>>,
    #[serde(default)]
    extend_exclude: Vec<String>,
    #[serde(default)]
    resources: Vec<RawResource>,
}

/// A user-defined resource, in the catalog's vocabulary.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawResource {
    /// The type, as it is named in messages.
    #[serde(rename = "type")]
    ty: String,
    /// Functions that create it (`Session::open`, `crate::pool::Lease::acquire`).
    constructors: Vec<String>,
    /// Methods that settle it (`close`, `release`, `join`).
    discharge: Vec<String>,
    /// Methods that neither settle nor hand it off; any other method hands it off.
    #[serde(default)]
    neutral: Vec<String>,
    /// The lint to report under.
    #[serde(default = "default_lint")]
    lint: String,
    message: Option<String>,
    help: Option<String>,
}

fn default_lint() -> String {
    "resource_not_released".to_string()
}

fn leak_all(v: Vec<String>) -> &'static [&'static str] {
    Box::leak(
        v.into_iter()
            .map(leak)
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    )
}

#[derive(Deserialize)]
struct CargoToml {
    workspace: Option<Metadata>,
    package: Option<Metadata>,
}

#[derive(Deserialize)]
struct Metadata {
    metadata: Option<StrayTable>,
}

#[derive(Deserialize)]
struct StrayTable {
    stray: Option<Raw>,
}

/// The settings of every source, merged.
#[derive(Debug, Default)]
pub struct Settings {
    /// Levels by lint id.
    pub levels: BTreeMap<&'static str, Level>,
    /// Globs of files not to scan, each relative to the directory of the file that set it.
    excludes: Vec<(PathBuf, String)>,
    /// The files read, for messages.
    pub sources: Vec<PathBuf>,
    /// Resources declared with `[[resources]]`.
    pub resources: Vec<crate::config::UserResource>,
}

const KEYS: &[&str] = &["lints", "exclude", "extend-exclude", "resources"];

impl Settings {
    /// Reads the sources that apply to a scan rooted at `root` (the workspace root, or the
    /// current directory), with `config` replacing the search for `stray.toml`.
    pub fn load(root: &Path, config: Option<&Path>) -> Result<Settings> {
        let mut settings = Settings::default();
        let manifest = root.join("Cargo.toml");
        if manifest.is_file() {
            let text = read(&manifest)?;
            let cargo: CargoToml =
                toml::from_str(&text).map_err(|e| located(&manifest, &text, &e))?;
            for table in [cargo.workspace, cargo.package].into_iter().flatten() {
                if let Some(raw) = table.metadata.and_then(|m| m.stray) {
                    settings.merge(raw, &manifest, &text)?;
                }
            }
        }
        let file = match config {
            Some(path) => {
                if !path.is_file() {
                    bail!("config file `{}` does not exist", path.display());
                }
                Some(path.to_path_buf())
            }
            None => root
                .ancestors()
                .map(|d| d.join("stray.toml"))
                .find(|p| p.is_file()),
        };
        if let Some(path) = file {
            let text = read(&path)?;
            let raw: Raw = toml::from_str(&text).map_err(|e| located(&path, &text, &e))?;
            settings.merge(raw, &path, &text)?;
        }
        Ok(settings)
    }

    fn merge(&mut self, raw: Raw, path: &Path, text: &str) -> Result<()> {
        self.sources.push(path.to_path_buf());
        for r in raw.resources {
            if r.constructors.is_empty() || r.discharge.is_empty() {
                bail!(
                    "{}: resource `{}` needs at least one constructor and one discharge method",
                    path.display(),
                    r.ty
                );
            }
            let constructors = r
                .constructors
                .iter()
                .map(|c| c.split("::").map(str::to_string).collect())
                .collect();
            let message = r.message.clone().unwrap_or_else(|| {
                format!(
                    "this `{}` is not released on every path: call `{}()`",
                    r.ty, r.discharge[0]
                )
            });
            let resource: &'static crate::catalog::Resource =
                Box::leak(Box::new(crate::catalog::Resource {
                    id: leak(format!("user:{}", r.ty)),
                    ty: leak(r.ty.clone()),
                    discharge: leak_all(r.discharge),
                    neutral: leak_all(r.neutral),
                    reborrow: &["as_mut", "by_ref", "as_ref"],
                    ..crate::catalog::Resource::BASE
                }));
            // Declared before `[lints]` is read, so levels can name the new id.
            let lint = if r.lint == lints::resource_not_released::LINT.id {
                lints::resource_not_released::LINT.id
            } else {
                lints::declare(&r.lint, &format!("a `{}`", r.ty))
                    .map_err(|e| anyhow!("{}: resource `{}`: {e}", path.display(), r.ty))?
                    .id
            };
            self.resources.push(crate::config::UserResource {
                lint,
                resource,
                constructors,
                message,
                help: r.help,
            });
        }
        // The more specific wins, whatever the order of the keys: `all`, then families,
        // then single lints.
        let mut entries: Vec<_> = raw.lints.iter().collect();
        entries.sort_by_key(|(name, _)| match name.as_str() {
            "all" => 0,
            n if Lint::by_id(n).is_none() => 1,
            _ => 2,
        });
        for (name, spanned) in entries {
            let at = line_of(text, spanned.span().start);
            if KEYS.contains(&name.as_str()) {
                bail!(
                    "{}:{at}: `{name}` is inside the `[lints]` table: write it above `[lints]`, with the other top-level keys",
                    path.display()
                );
            }
            let Some(value) = spanned.get_ref().as_str() else {
                bail!(
                    "{}:{at}: the level of `{name}` must be \"allow\", \"warn\" or \"deny\"",
                    path.display()
                );
            };
            let level = match value {
                "allow" => Level::Allow,
                "warn" => Level::Warn,
                "deny" => Level::Deny,
                other => bail!(
                    "{}:{at}: `{other}` is not a level for `{name}`: use \"allow\", \"warn\" or \"deny\"",
                    path.display(),
                ),
            };
            let selected = select(name).ok_or_else(|| {
                anyhow!(
                    "{}:{at}: no lint or family named `{name}`{}",
                    path.display(),
                    lints::did_you_mean(name)
                )
            })?;
            for lint in selected {
                self.levels.insert(lint.id, level);
            }
        }
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        if let Some(exclude) = raw.exclude {
            self.excludes.clear();
            self.excludes
                .extend(exclude.into_iter().map(|g| (dir.clone(), g)));
        }
        self.excludes
            .extend(raw.extend_exclude.into_iter().map(|g| (dir.clone(), g)));
        Ok(())
    }

    /// The matcher for the exclude globs.
    pub fn excluder(&self) -> Result<Excluder> {
        let mut rules = Vec::new();
        for (dir, glob) in &self.excludes {
            let matcher = globset::Glob::new(glob)
                .map_err(|e| anyhow!("bad exclude glob `{glob}`: {e}"))?
                .compile_matcher();
            rules.push((dir.clone(), matcher));
        }
        Ok(Excluder { rules })
    }
}

/// Decides whether a file is excluded by the configured globs.
pub struct Excluder {
    rules: Vec<(PathBuf, globset::GlobMatcher)>,
}

impl Excluder {
    pub fn excludes(&self, path: &Path, cwd: &Path) -> bool {
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            cwd.join(path)
        };
        self.rules.iter().any(|(dir, m)| {
            let dir = if dir.is_absolute() {
                dir.clone()
            } else {
                cwd.join(dir)
            };
            // The rest of the path as written: `src/./gen.rs` for a walk of `.` started
            // below the settings file would match no glob.
            absolute
                .strip_prefix(&dir)
                .is_ok_and(|rel| m.is_match(rel.components().collect::<PathBuf>()))
        })
    }
}

/// The lints a name in a config file selects: a lint id, a family, or `all`.
fn select(name: &str) -> Option<Vec<&'static Lint>> {
    if name == "all" {
        return Some(lints::all());
    }
    if let Some(l) = Lint::by_id(name) {
        return Some(vec![l]);
    }
    let family: Vec<&'static Lint> = lints::all()
        .into_iter()
        .filter(|l| l.family.as_str() == name)
        .collect();
    (!family.is_empty()).then_some(family)
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| anyhow!("could not read `{}`: {e}", path.display()))
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// A TOML error, with the file and line, and the closest key for an unknown one.
fn located(path: &Path, text: &str, e: &toml::de::Error) -> anyhow::Error {
    let line = e.span().map_or(0, |s| line_of(text, s.start));
    let message = e.message();
    let hint = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split('`').next())
        .map(|key| suggest::did_you_mean(key, KEYS.iter().copied(), |k| k.len() / 2))
        .unwrap_or_default();
    anyhow!("{}:{line}: {message}{hint}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excludes_paths_walked_from_a_subdirectory() {
        let excluder = Excluder {
            rules: vec![(
                PathBuf::from("/ws"),
                globset::Glob::new("src/generated.rs")
                    .expect("glob")
                    .compile_matcher(),
            )],
        };
        let cwd = Path::new("/ws/src");
        assert!(excluder.excludes(Path::new("./generated.rs"), cwd));
        assert!(excluder.excludes(Path::new("generated.rs"), cwd));
        assert!(excluder.excludes(Path::new("/ws/./src/generated.rs"), cwd));
        assert!(!excluder.excludes(Path::new("./lib.rs"), cwd));
    }
}
