// `select!` and `join!` bodies are analysed: a branch that only kills the child leaves it
// unreaped; waits inside joined futures count.
use std::io;
use std::process::Command;
use std::time::Duration;

async fn timeout_kills_without_wait() -> io::Result<()> {
    let mut child = Command::new("sleep").arg("10").spawn()?; //~ zombie_child
    tokio::select! {
        status = async { child.wait() } => {
            println!("exited: {:?}", status?);
        }
        _ = tokio::time::sleep(Duration::from_secs(1)) => {
            child.kill()?;
        }
    }
    Ok(())
}

async fn timeout_kills_and_waits() -> io::Result<()> {
    let mut child = Command::new("sleep").arg("10").spawn()?;
    tokio::select! {
        biased;
        _ = tokio::time::sleep(Duration::from_secs(1)) => {
            child.kill()?;
            child.wait()?;
        }
        status = async { child.wait() } => {
            println!("exited: {:?}", status?);
        }
    }
    Ok(())
}

async fn waited_in_a_joined_future() -> io::Result<()> {
    let mut child = Command::new("ls").spawn()?;
    let (status, _) = tokio::try_join!(async { child.wait() }, async { Ok::<_, io::Error>(()) })?;
    println!("{status:?}");
    Ok(())
}
