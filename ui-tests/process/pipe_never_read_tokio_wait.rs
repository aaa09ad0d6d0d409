// child_pipe_never_read (tokio): tokio's `Child::wait` closes stdin only; the piped stdout
// stays in the child, unread, and `wait().await` never completes once it is full.
// Fully qualified tokio and std paths.
async fn dump_schema(db: &str) -> std::io::Result<std::process::ExitStatus> {
    let mut child = tokio::process::Command::new("pg_dump") //~ child_pipe_never_read
        .args(["--schema-only", db])
        .stdout(std::process::Stdio::piped())
        .spawn()?;
    child.wait().await
}
