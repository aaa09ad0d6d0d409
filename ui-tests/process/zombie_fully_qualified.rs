// Fully qualified std paths, with no `use` at all: `std::process::Command::new` and
// `::std::process::Command::new`. Also in a file that imports tokio's `Command`: the
// qualified std path is still std's.
use tokio::process::Command;

pub fn std_qualified() {
    let child = std::process::Command::new("sleep").arg("5").spawn().unwrap(); //~ zombie_child
    println!("{}", child.id());
}

pub fn std_rooted() -> std::io::Result<()> {
    ::std::process::Command::new("sleep").arg("5").spawn()?; //~ zombie_child
    Ok(())
}

pub async fn tokio_imported() -> std::io::Result<()> {
    // tokio's child: not this lint's business (see zombie_tokio_not_flagged.rs).
    let mut child = Command::new("sleep").arg("5").spawn()?;
    child.wait().await?;
    Ok(())
}
