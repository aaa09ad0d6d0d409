// async-process (and smol, which re-exports it) reaps dropped children in a background
// thread: no zombie, no report, whatever the shape.
use async_process::Command;

pub async fn fire_and_forget(url: &str) -> std::io::Result<()> {
    Command::new("xdg-open").arg(url).spawn()?;
    let _ = async_process::Command::new("xdg-open").arg(url).spawn();
    Ok(())
}

pub async fn via_smol(url: &str) -> std::io::Result<()> {
    let child = smol::process::Command::new("xdg-open").arg(url).spawn()?;
    println!("{}", child.id());
    Ok(())
}
