//! The GitHub Action (`action.yml`) as a runner uses it: its metadata checked against the
//! README's tables, and the steps that run scripts run here, with bash, the variables a
//! runner sets and the inputs resolved as the runner resolves them, on temporary
//! workspaces with the freshly built cargo-stray first on PATH.
//!
//! What GitHub itself does (the cache, the SARIF upload, turning `::error` lines into
//! annotations) is not run here; the tests check that the steps wire it up as documented.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};

use serde_json::Value;
use tempfile::TempDir;
use yaml_rust2::{Yaml, YamlLoader};

const BIN: &str = env!("CARGO_BIN_EXE_cargo-stray");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// One error-level finding, `guard_dropped_immediately`, at line 4, column 13.
const ERROR_FINDING: &str = "\
use tokio_util::sync::CancellationToken;

pub fn serve(token: CancellationToken) {
    let _ = token.drop_guard();
}
";

/// One warning-level finding, `zombie_child`: the child is never waited for.
const WARNING_FINDING: &str = "\
pub fn launch() {
    let _ = std::process::Command::new(\"x\").spawn();
}
";

const CLEAN: &str = "\
pub fn launch() -> std::io::Result<()> {
    std::process::Command::new(\"x\").spawn()?.wait()?;
    Ok(())
}
";

// ---------------------------------------------------------------------------------------
// action.yml and the README
// ---------------------------------------------------------------------------------------

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse_yaml(text: &str, what: &str) -> Yaml {
    let mut docs = YamlLoader::load_from_str(text).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(docs.len(), 1, "{what}: one YAML document expected");
    docs.remove(0)
}

fn action() -> Yaml {
    parse_yaml(&read(&Path::new(ROOT).join("action.yml")), "action.yml")
}

/// A scalar as the runner sees it: every YAML scalar is a string to an expression.
fn scalar(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

fn text(y: &Yaml) -> String {
    scalar(y).unwrap_or_default()
}

/// The entries of a mapping, keys as strings, in file order.
fn entries(y: &Yaml) -> Vec<(String, &Yaml)> {
    y.as_hash()
        .map(|h| h.iter().map(|(k, v)| (text(k), v)).collect())
        .unwrap_or_default()
}

fn steps(action: &Yaml) -> &[Yaml] {
    action["runs"]["steps"]
        .as_vec()
        .expect("runs.steps is a list")
}

/// The step with `id`.
fn step<'a>(action: &'a Yaml, id: &str) -> &'a Yaml {
    steps(action)
        .iter()
        .find(|s| text(&s["id"]) == id)
        .unwrap_or_else(|| panic!("action.yml has no step with id `{id}`"))
}

/// The README's section under `## {title}`, up to the next `## ` heading.
fn readme_section(title: &str) -> String {
    let readme = read(&Path::new(ROOT).join("README.md"));
    let heading = format!("\n## {title}\n");
    let start = readme
        .find(&heading)
        .unwrap_or_else(|| panic!("README.md has no section `## {title}`"));
    let rest = &readme[start + heading.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end].to_string()
}

/// The body rows of the table in `section` whose header starts with `first_header`, each
/// row as its trimmed cells.
fn table(section: &str, first_header: &str) -> Vec<Vec<String>> {
    let cells = |line: &str| -> Vec<String> {
        let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
        inner.split('|').map(|c| c.trim().to_string()).collect()
    };
    let lines: Vec<&str> = section.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with('|') && cells(l)[0] == first_header)
        .unwrap_or_else(|| panic!("no table headed `{first_header}` in:\n{section}"));
    lines[header + 2..]
        .iter()
        .take_while(|l| l.starts_with('|'))
        .map(|l| cells(l))
        .collect()
}

/// The text of the first `code span` in a table cell.
fn code(cell: &str) -> Option<&str> {
    let start = cell.find('`')? + 1;
    let len = cell[start..].find('`')?;
    Some(&cell[start..start + len])
}

/// The ```yaml blocks of a README section.
fn yaml_blocks(section: &str) -> Vec<String> {
    section
        .split("```yaml\n")
        .skip(1)
        .map(|b| b[..b.find("```").expect("closed code block")].to_string())
        .collect()
}

#[test]
fn action_is_composite_with_the_inputs_and_outputs_the_readme_documents() {
    let action = action();
    assert_eq!(text(&action["runs"]["using"]), "composite");
    assert!(!text(&action["name"]).is_empty());
    assert!(!text(&action["description"]).is_empty());
    let section = readme_section("GitHub Action");

    let inputs: BTreeMap<String, String> = entries(&action["inputs"])
        .into_iter()
        .map(|(name, input)| {
            assert!(
                !text(&input["description"]).is_empty(),
                "input `{name}` has no description"
            );
            (name, text(&input["default"]))
        })
        .collect();
    // The table shows a default as code, or describes an empty one in words.
    let documented: BTreeMap<String, String> = table(&section, "input")
        .iter()
        .map(|row| {
            let name = code(&row[0]).expect("input name in backticks").to_string();
            (name, code(&row[1]).unwrap_or("").to_string())
        })
        .collect();
    assert_eq!(
        inputs, documented,
        "action.yml's inputs against the README's"
    );
    for required in [
        "args",
        "version",
        "working-directory",
        "sarif-file",
        "upload-sarif",
        "annotations",
        "fail-on",
    ] {
        assert!(inputs.contains_key(required), "no input `{required}`");
    }
    assert_eq!(inputs["sarif-file"], "cargo-stray.sarif");
    assert_eq!(inputs["upload-sarif"], "true");
    assert_eq!(inputs["annotations"], "true");
    assert_eq!(inputs["fail-on"], "error");

    let outputs: BTreeSet<String> = entries(&action["outputs"])
        .into_iter()
        .map(|(name, output)| {
            assert!(!text(&output["description"]).is_empty(), "{name}");
            // Each output is the scan step's output of the same name.
            assert_eq!(
                text(&output["value"]),
                format!("${{{{ steps.scan.outputs.{name} }}}}"),
                "output `{name}`"
            );
            name
        })
        .collect();
    let documented: BTreeSet<String> = table(&section, "output")
        .iter()
        .map(|row| code(&row[0]).expect("output name in backticks").to_string())
        .collect();
    assert_eq!(
        outputs, documented,
        "action.yml's outputs against the README's"
    );
    assert_eq!(
        outputs,
        BTreeSet::from(["findings".to_string(), "sarif-file".to_string()])
    );
}

#[test]
fn steps_install_with_a_cache_scan_upload_then_fail() {
    let action = action();
    let steps = steps(&action);
    for s in steps {
        if !s["run"].is_badvalue() {
            // The one shell on Linux, macOS and Windows runners alike.
            assert_eq!(text(&s["shell"]), "bash", "{s:?}");
        }
    }
    let index = |pred: &dyn Fn(&Yaml) -> bool, what: &str| -> usize {
        steps
            .iter()
            .position(pred)
            .unwrap_or_else(|| panic!("action.yml has no step that {what}"))
    };
    let uses = |prefix: &'static str| move |s: &Yaml| text(&s["uses"]).starts_with(prefix);

    // The binary is restored, built only when it was not, and saved at once.
    let restore = index(&uses("actions/cache/restore@"), "restores the cache");
    let install = index(
        &|s: &Yaml| text(&s["run"]).contains(".github/action/install.sh\" install"),
        "installs",
    );
    let save = index(&uses("actions/cache/save@"), "saves the cache");
    assert!(restore < install && install < save);
    let key = "${{ steps.key.outputs.key }}";
    for i in [restore, save] {
        assert_eq!(text(&steps[i]["with"]["key"]), key);
        let paths: Vec<&str> = steps[i]["with"]["path"].as_str().unwrap().lines().collect();
        // Where install.sh installs it (`--root ~/.cargo`), on Unix and on Windows.
        assert_eq!(
            paths,
            ["~/.cargo/bin/cargo-stray", "~/.cargo/bin/cargo-stray.exe"]
        );
    }
    assert_eq!(text(&steps[restore]["id"]), "cache");
    for i in [install, save] {
        assert_eq!(
            text(&steps[i]["if"]),
            "steps.cache.outputs.cache-hit != 'true'"
        );
    }
    assert!(text(&step(&action, "key")["run"]).contains(".github/action/install.sh\" key"));

    // The scan step passes every input its script reads.
    let scan = step(&action, "scan");
    let script = Path::new(ROOT).join(".github/action/run.sh");
    assert!(text(&scan["run"]).contains("$GITHUB_ACTION_PATH/.github/action/run.sh"));
    let read_by_script: BTreeSet<String> = read(&script)
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.starts_with("INPUT_") && w.len() > "INPUT_".len())
        .map(str::to_string)
        .collect();
    let passed: BTreeSet<String> = entries(&scan["env"])
        .into_iter()
        .map(|(var, value)| {
            let input =
                input_of(&text(value)).unwrap_or_else(|| panic!("{var} is not set from an input"));
            assert_eq!(var, input_variable(&input));
            assert!(
                !action["inputs"][input.as_str()].is_badvalue(),
                "no input `{input}`"
            );
            var
        })
        .collect();
    assert_eq!(read_by_script, passed);

    // The upload runs whatever the scan found, then the last step fails on findings.
    let upload = index(
        &uses("github/codeql-action/upload-sarif@"),
        "uploads the SARIF report",
    );
    let scan_index = index(&|s: &Yaml| text(&s["id"]) == "scan", "scans");
    assert!(scan_index < upload && upload == steps.len() - 2);
    let with = &steps[upload]["with"];
    assert_eq!(
        text(&with["sarif_file"]),
        "${{ steps.scan.outputs.sarif-file }}"
    );
    assert_eq!(text(&with["category"]), "${{ inputs.category }}");
    let condition = text(&steps[upload]["if"]);
    assert!(condition.contains("!cancelled()"), "{condition}");
    assert!(
        condition.contains("inputs.upload-sarif == 'true'"),
        "{condition}"
    );
    let last = steps.last().unwrap();
    assert_eq!(text(&last["if"]), "steps.scan.outputs.exit-code != '0'");
    assert!(text(&last["run"]).contains("exit 1"));
}

#[test]
fn readme_workflows_use_the_action_as_documented() {
    let action = action();
    let section = readme_section("GitHub Action");
    let workflows: Vec<Yaml> = yaml_blocks(&section)
        .iter()
        .map(|b| parse_yaml(b, "README workflow"))
        .collect();
    assert_eq!(
        workflows.len(),
        2,
        "the full workflow and the pull request one"
    );
    let uses_of =
        |w: &Yaml| -> Vec<String> { steps_of(w).iter().map(|s| text(&s["uses"])).collect() };
    for w in &workflows {
        let uses = uses_of(w);
        assert!(uses.iter().any(|u| u.starts_with("actions/checkout@")));
        assert!(uses.contains(&"dtolnay/rust-toolchain@stable".to_string()));
        let ours = steps_of(w)
            .iter()
            .find(|s| text(&s["uses"]) == "cargo-stray/cargo-stray@v0")
            .expect("a step using cargo-stray/cargo-stray@v0");
        for (input, _) in entries(&ours["with"]) {
            assert!(!action["inputs"][input.as_str()].is_badvalue(), "{input}");
        }
    }

    let full = &workflows[0];
    assert_eq!(text(&full["permissions"]["contents"]), "read");
    assert_eq!(text(&full["permissions"]["security-events"]), "write");

    let pull_request = &workflows[1];
    let checkout = steps_of(pull_request)
        .iter()
        .find(|s| text(&s["uses"]).starts_with("actions/checkout@"))
        .unwrap();
    assert_eq!(text(&checkout["with"]["fetch-depth"]), "0");
    let ours = steps_of(pull_request)
        .iter()
        .find(|s| text(&s["uses"]).starts_with("cargo-stray/"))
        .unwrap();
    assert_eq!(
        text(&ours["with"]["args"]),
        "--changed-since origin/${{ github.base_ref }}"
    );
}

/// The steps of a workflow's only job.
fn steps_of(workflow: &Yaml) -> &[Yaml] {
    let jobs = entries(&workflow["jobs"]);
    assert_eq!(jobs.len(), 1);
    jobs[0].1["steps"].as_vec().expect("steps")
}

/// `name` for the expression `${{ inputs.name }}`.
fn input_of(expression: &str) -> Option<String> {
    expression
        .strip_prefix("${{ inputs.")?
        .strip_suffix(" }}")
        .filter(|name| !name.contains(' '))
        .map(str::to_string)
}

/// How the steps name an input in the environment: `fail-on` is `INPUT_FAIL_ON`.
fn input_variable(input: &str) -> String {
    format!("INPUT_{}", input.to_uppercase().replace('-', "_"))
}

// ---------------------------------------------------------------------------------------
// Running the steps
// ---------------------------------------------------------------------------------------

/// Whether bash can be run; the tests that need it skip, saying so, without it.
fn have_bash() -> bool {
    match Command::new("bash").arg("--version").output() {
        Ok(out) if out.status.success() => true,
        other => {
            eprintln!("SKIPPED: bash cannot be run ({other:?}): the action's scripts are untested");
            false
        }
    }
}

/// What one step left behind.
struct StepRun {
    status: ExitStatus,
    stdout: String,
    stderr: String,
    /// What it wrote to $GITHUB_OUTPUT.
    outputs: BTreeMap<String, String>,
}

impl fmt::Display for StepRun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\n--- outputs ---\n{:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.status, self.outputs, self.stdout, self.stderr
        )
    }
}

impl StepRun {
    fn output(&self, name: &str) -> &str {
        self.outputs
            .get(name)
            .unwrap_or_else(|| panic!("no output `{name}`: {self}"))
    }

    /// The workflow commands (`::error ...`, `::warning ...`) it printed.
    fn commands(&self) -> Vec<&str> {
        self.stdout
            .lines()
            .filter(|l| l.starts_with("::"))
            .collect()
    }
}

/// Runs the step with `id` of action.yml as the runner does (`bash --noprofile --norc -eo
/// pipefail`, from the workspace), its `${{ inputs.* }}` replaced by `inputs` or, for the
/// inputs not given, the defaults in action.yml.
fn run_step(id: &str, workspace: &Path, inputs: &[(&str, &str)], env: &[(&str, &str)]) -> StepRun {
    let action = action();
    let step = step(&action, id);
    let scratch = tempfile::tempdir().unwrap();
    let output_file = scratch.path().join("github_output");
    std::fs::write(&output_file, "").unwrap();

    let mut cmd = Command::new("bash");
    cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c"])
        .arg(text(&step["run"]))
        .current_dir(workspace);
    // Nothing of a runner this test may itself run on leaks in.
    for (var, _) in std::env::vars_os() {
        let var = var.to_string_lossy().into_owned();
        if var.starts_with("INPUT_") || var.starts_with("GITHUB_") || var.starts_with("RUNNER_") {
            cmd.env_remove(var);
        }
    }
    let bin_dir = Path::new(BIN).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin_dir.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    cmd.env("PATH", path)
        .env("GITHUB_WORKSPACE", workspace)
        .env("GITHUB_OUTPUT", &output_file)
        .env("GITHUB_ACTION_PATH", ROOT)
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env("RUNNER_TEMP", scratch.path());
    for (var, value) in entries(&step["env"]) {
        let input = input_of(&text(value)).unwrap_or_else(|| panic!("{var}: not an input"));
        let value = inputs
            .iter()
            .find(|(name, _)| *name == input)
            .map(|(_, v)| v.to_string())
            .unwrap_or_else(|| text(&action["inputs"][input.as_str()]["default"]));
        cmd.env(var, value);
    }
    for (name, _) in inputs {
        assert!(!action["inputs"][*name].is_badvalue(), "no input `{name}`");
    }
    for (var, value) in env {
        cmd.env(var, value);
    }
    let out = cmd.output().expect("run bash");
    StepRun {
        status: out.status,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        outputs: read(&output_file)
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    }
}

fn scan(workspace: &Path, inputs: &[(&str, &str)]) -> StepRun {
    let run = run_step("scan", workspace, inputs, &[]);
    assert!(run.status.success(), "the scan step failed: {run}");
    run
}

/// A workspace holding a Cargo package and `files`, with a `.git` directory: the
/// repository root that SARIF and annotation paths start from.
fn workspace(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::Builder::new()
        .prefix("cargo-stray-action-")
        .tempdir()
        .unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(
        &dir.path().join("Cargo.toml"),
        "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    for (path, contents) in files {
        write(&dir.path().join(path), contents);
    }
    dir
}

fn write(path: &Path, contents: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

/// The results of a SARIF report that are not suppressed: `(ruleId, uri, startLine)`.
fn sarif_results(path: &Path) -> Vec<(String, String, u64)> {
    let doc: Value = serde_json::from_str(&read(path))
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    assert_eq!(doc["version"], "2.1.0");
    doc["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| {
            r.get("suppressions")
                .is_none_or(|s| s.as_array().unwrap().is_empty())
        })
        .map(|r| {
            let place = &r["locations"][0]["physicalLocation"];
            (
                r["ruleId"].as_str().unwrap().to_string(),
                place["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                place["region"]["startLine"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn an_error_finding_fails_unless_fail_on_is_never() {
    if !have_bash() {
        return;
    }
    let ws = workspace(&[("src/lib.rs", ERROR_FINDING)]);
    let run = scan(ws.path(), &[]);
    assert_eq!(run.output("findings"), "1", "{run}");
    assert_eq!(run.output("sarif-file"), "cargo-stray.sarif", "{run}");
    assert_eq!(run.output("exit-code"), "1", "fail-on: error: {run}");
    assert_eq!(
        sarif_results(&ws.path().join("cargo-stray.sarif")),
        [(
            "guard_dropped_immediately".to_string(),
            "src/lib.rs".to_string(),
            4
        )]
    );
    let commands = run.commands();
    assert_eq!(commands.len(), 1, "{run}");
    assert!(
        commands[0].starts_with(
            "::error file=src/lib.rs,line=4,col=13,endLine=4,endColumn=31,\
             title=cargo-stray%3A guard_dropped_immediately::"
        ),
        "{run}"
    );

    let run = scan(ws.path(), &[("fail-on", "never")]);
    assert_eq!(run.output("findings"), "1", "{run}");
    assert_eq!(run.output("exit-code"), "0", "fail-on: never: {run}");
    let run = scan(ws.path(), &[("fail-on", "warning")]);
    assert_eq!(run.output("exit-code"), "1", "fail-on: warning: {run}");
}

#[test]
fn a_warning_fails_only_with_fail_on_warning() {
    if !have_bash() {
        return;
    }
    let ws = workspace(&[("src/lib.rs", WARNING_FINDING)]);
    let run = scan(ws.path(), &[]);
    assert_eq!(run.output("findings"), "1", "{run}");
    assert_eq!(run.output("exit-code"), "0", "fail-on: error: {run}");
    let commands = run.commands();
    assert_eq!(commands.len(), 1, "{run}");
    assert!(
        commands[0].starts_with("::warning file=src/lib.rs,line=2,")
            && commands[0].contains(",title=cargo-stray%3A zombie_child::"),
        "{run}"
    );
    assert_eq!(
        sarif_results(&ws.path().join("cargo-stray.sarif")),
        [("zombie_child".to_string(), "src/lib.rs".to_string(), 2)]
    );

    let run = scan(ws.path(), &[("fail-on", "warning")]);
    assert_eq!(run.output("exit-code"), "1", "fail-on: warning: {run}");
    // --deny-warnings makes cargo-stray itself fail, and fail-on: error follows it.
    let run = scan(ws.path(), &[("args", "--deny-warnings")]);
    assert_eq!(run.output("exit-code"), "1", "--deny-warnings: {run}");
}

#[test]
fn clean_code_passes_and_suppressed_findings_do_not_count() {
    if !have_bash() {
        return;
    }
    let suppressed = WARNING_FINDING.replace(
        ".spawn();",
        ".spawn(); // stray: allow(zombie_child) -- it daemonizes",
    );
    let ws = workspace(&[("src/lib.rs", CLEAN), ("src/quiet.rs", &suppressed)]);
    let run = scan(ws.path(), &[("fail-on", "warning")]);
    assert_eq!(run.output("findings"), "0", "{run}");
    assert_eq!(run.output("exit-code"), "0", "{run}");
    assert_eq!(run.commands(), Vec::<&str>::new(), "{run}");
    let sarif = ws.path().join("cargo-stray.sarif");
    assert_eq!(sarif_results(&sarif), []);
    // The suppressed finding is in the report, dismissed, as code scanning shows it.
    let doc: Value = serde_json::from_str(&read(&sarif)).unwrap();
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{doc:#}");
    assert_eq!(results[0]["suppressions"][0]["kind"], "inSource");
}

#[test]
fn annotations_can_be_turned_off() {
    if !have_bash() {
        return;
    }
    let ws = workspace(&[("src/lib.rs", ERROR_FINDING)]);
    let run = scan(ws.path(), &[("annotations", "false")]);
    assert_eq!(run.commands(), Vec::<&str>::new(), "{run}");
    assert_eq!(run.output("findings"), "1", "{run}");
    assert_eq!(run.output("exit-code"), "1", "{run}");
}

#[test]
fn working_directory_sarif_file_and_quoted_args() {
    if !have_bash() {
        return;
    }
    let ws = workspace(&[
        ("crates/app/my src/lib.rs", ERROR_FINDING),
        ("crates/app/other/lib.rs", WARNING_FINDING),
    ]);
    // Quotes keep `my src` one path; the newline separates words as a blank does.
    let run = scan(
        ws.path(),
        &[
            ("working-directory", "crates/app"),
            ("sarif-file", "reports/stray.sarif"),
            ("args", "\"my src\"\n-W zombie_child"),
        ],
    );
    assert_eq!(
        run.output("findings"),
        "1",
        "only `my src` is scanned: {run}"
    );
    assert_eq!(
        run.output("sarif-file"),
        "crates/app/reports/stray.sarif",
        "{run}"
    );
    // Paths start at the repository root, where GitHub looks for them.
    assert_eq!(
        sarif_results(&ws.path().join("crates/app/reports/stray.sarif")),
        [(
            "guard_dropped_immediately".to_string(),
            "crates/app/my%20src/lib.rs".to_string(),
            4
        )]
    );
    let commands = run.commands();
    assert_eq!(commands.len(), 1, "{run}");
    assert!(
        commands[0].starts_with("::error file=crates/app/my src/lib.rs,line=4,"),
        "{run}"
    );
}

#[test]
fn args_are_split_but_never_expanded() {
    if !have_bash() {
        return;
    }
    let ws = workspace(&[("src/lib.rs", CLEAN)]);
    let run = run_step("scan", ws.path(), &[("args", "src '$(touch pwned)'")], &[]);
    assert_eq!(run.status.code(), Some(2), "{run}");
    assert!(
        run.stdout
            .contains("::error title=cargo-stray::cargo-stray failed (exit status 2): error: path `$(touch pwned)` does not exist"),
        "{run}"
    );
    assert!(!ws.path().join("pwned").exists(), "args ran a command");
    assert!(!ws.path().join("src/pwned").exists(), "args ran a command");
}

#[test]
fn usage_errors_fail_the_step_whatever_fail_on_says() {
    if !have_bash() {
        return;
    }
    let ws = workspace(&[("src/lib.rs", ERROR_FINDING)]);
    for (inputs, message) in [
        (
            &[("args", "--no-such-flag"), ("fail-on", "never")][..],
            "cargo-stray failed (exit status 2): error: unexpected argument '--no-such-flag'",
        ),
        // The action sets the format; a second one is a usage error, not a silent swap.
        (
            &[("args", "--format json"), ("fail-on", "never")][..],
            "cargo-stray failed (exit status 2): error: the argument '--format <FORMAT>' cannot be used multiple times",
        ),
        (
            &[("args", "\"unclosed")][..],
            "could not split args into words",
        ),
        (
            &[("fail-on", "sometimes")][..],
            "fail-on is `sometimes`: it must be error, warning or never",
        ),
        (
            &[("working-directory", "nowhere")][..],
            "working-directory `nowhere` is not a directory",
        ),
    ] {
        let run = run_step("scan", ws.path(), inputs, &[]);
        assert_eq!(run.status.code(), Some(2), "{inputs:?}: {run}");
        assert!(
            run.stdout
                .lines()
                .any(|l| l.starts_with("::error title=cargo-stray::") && l.contains(message)),
            "{inputs:?}: {run}"
        );
        assert!(
            run.outputs.is_empty(),
            "{inputs:?}: no outputs, so no upload: {run}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Installing
// ---------------------------------------------------------------------------------------

/// A stand-in for the action's checkout: the files the cache key hashes, and the script.
fn fake_action() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, contents) in [
        ("Cargo.toml", "[package]\n"),
        ("Cargo.lock", "version = 4\n"),
        ("src/main.rs", "fn main() {}\n"),
        ("src/report/json.rs", "// json\n"),
        ("README.md", "# readme\n"),
    ] {
        write(&dir.path().join(path), contents);
    }
    let script = dir.path().join(".github/action/install.sh");
    std::fs::create_dir_all(script.parent().unwrap()).unwrap();
    std::fs::copy(Path::new(ROOT).join(".github/action/install.sh"), script).unwrap();
    dir
}

fn cache_key(action_path: &Path, version: &str) -> String {
    let ws = tempfile::tempdir().unwrap();
    let path = action_path.to_str().unwrap();
    let run = run_step(
        "key",
        ws.path(),
        &[("version", version)],
        &[("GITHUB_ACTION_PATH", path)],
    );
    assert!(run.status.success(), "{run}");
    run.output("key").to_string()
}

#[test]
fn cache_key_follows_the_sources_built_and_the_version() {
    if !have_bash() {
        return;
    }
    let action = fake_action();
    let key = cache_key(action.path(), "");
    assert!(key.starts_with("cargo-stray-Linux-X64-checkout-"), "{key}");
    assert!(
        key.len() > "cargo-stray-Linux-X64-checkout-".len() + 16,
        "{key}"
    );
    assert_eq!(
        cache_key(action.path(), ""),
        key,
        "the same sources, the same key"
    );

    // Files that are not built do not matter.
    write(&action.path().join("README.md"), "# changed\n");
    assert_eq!(cache_key(action.path(), ""), key);

    // A changed, an added and a removed source file each do.
    let mut seen = BTreeSet::from([key]);
    write(&action.path().join("src/report/json.rs"), "// changed\n");
    assert!(seen.insert(cache_key(action.path(), "")));
    write(&action.path().join("src/report/sarif.rs"), "// new\n");
    assert!(seen.insert(cache_key(action.path(), "")));
    std::fs::remove_file(action.path().join("src/main.rs")).unwrap();
    assert!(seen.insert(cache_key(action.path(), "")));
    write(&action.path().join("Cargo.lock"), "version = 3\n");
    assert!(seen.insert(cache_key(action.path(), "")));

    assert_eq!(
        cache_key(action.path(), "v0.1.0"),
        "cargo-stray-Linux-X64-tag-v0.1.0"
    );
    // And the real checkout gives a key.
    assert!(cache_key(Path::new(ROOT), "").starts_with("cargo-stray-Linux-X64-checkout-"));
}

/// The arguments the install step gives cargo: a stand-in `cargo` first on PATH records
/// them.
fn install_arguments(version: &str) -> (Vec<String>, PathBuf) {
    let fake = tempfile::tempdir().unwrap();
    let home = fake.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let log = fake.path().join("cargo-args");
    let cargo = fake.path().join("bin/cargo");
    write(
        &cargo,
        &format!(
            "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '{}'\n",
            log.display()
        ),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = std::env::join_paths(
        std::iter::once(cargo.parent().unwrap().to_path_buf()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .unwrap();
    let run = run_step(
        "install",
        fake.path(),
        &[("version", version)],
        &[
            ("PATH", path.to_str().unwrap()),
            ("HOME", home.to_str().unwrap()),
        ],
    );
    assert!(run.status.success(), "{run}");
    let args = read(&log).lines().map(str::to_string).collect();
    (args, home)
}

#[test]
fn install_builds_the_action_itself_or_the_tag_into_the_cached_place() {
    if !have_bash() {
        return;
    }
    let (args, home) = install_arguments("");
    let root = home.join(".cargo");
    assert_eq!(
        args,
        [
            "install",
            "--locked",
            "--root",
            root.to_str().unwrap(),
            "--path",
            ROOT
        ]
    );
    let (args, home) = install_arguments("v0.1.0");
    let root = home.join(".cargo");
    assert_eq!(
        args,
        [
            "install",
            "--locked",
            "--root",
            root.to_str().unwrap(),
            "--git",
            "https://github.com/cargo-stray/cargo-stray",
            "--tag",
            "v0.1.0",
            "cargo-stray"
        ]
    );
}
