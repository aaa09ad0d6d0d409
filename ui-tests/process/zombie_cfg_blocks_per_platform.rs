// zombie_child: "open in the browser", written as one `#[cfg]` block per platform as the
// function's value (iggy's bench plotter). The Linux and macOS children are reported; the
// Windows block, compiled only there, is not.
use std::process::Command;

pub fn open_in_browser(path: &str) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        Command::new("xdg-open").arg(path).spawn().map(|_| ()) //~ zombie_child
    }

    #[cfg(target_os = "macos")]
    {
        Command::new("open").arg(path).spawn().map(|_| ()) //~ zombie_child
    }

    #[cfg(target_os = "windows")]
    {
        Command::new("cmd")
            .args(["/C", "start", path])
            .spawn()
            .map(|_| ())
    }
}
