// Shape of the fix in rustls/rustls-ffi#467: `wait()` after `kill()`. No report.
use std::panic;
use std::process::Command;
use std::thread;

pub struct TestCase {
    name: &'static str,
    server_env: Vec<(&'static str, &'static str)>,
    clients: Vec<&'static str>,
}

impl TestCase {
    pub fn run(&self) -> thread::Result<()> {
        println!("\nRunning {:?}", self.name);
        let mut server = Command::new("target/server")
            .args(["testdata/localhost/cert.pem", "testdata/localhost/key.pem"])
            .envs(self.server_env.clone())
            .spawn()
            .expect("failed to run server binary");

        let result = panic::catch_unwind(|| {
            for client in &self.clients {
                let out = Command::new("target/client").arg(client).output().expect("client");
                assert!(out.status.success(), "client test failed");
            }
        });

        server.kill().expect("failed to kill server");
        server.wait().expect("failed to wait on server");
        result
    }
}
