// tokio's `Command` returns a `tokio::process::Child`, which this lint does not cover (tokio
// reaps dropped children on a best-effort basis; `kill_on_drop` governs the rest). None of
// these is reported, even the shapes that would be for std.
use tokio::process::Command;

pub async fn fire_and_forget(url: &str) -> std::io::Result<()> {
    Command::new("xdg-open").arg(url).spawn()?;
    let _ = Command::new("xdg-open").arg(url).spawn();
    Ok(())
}

pub async fn qualified(url: &str) -> std::io::Result<()> {
    tokio::process::Command::new("xdg-open").arg(url).spawn()?;
    let child = tokio::process::Command::new("sleep").arg("1").kill_on_drop(true).spawn()?;
    println!("{:?}", child.id());
    Ok(())
}

pub async fn killed(secs: u64) -> std::io::Result<()> {
    let mut child = Command::new("sleep").arg(secs.to_string()).spawn()?;
    child.start_kill()?;
    Ok(())
}
