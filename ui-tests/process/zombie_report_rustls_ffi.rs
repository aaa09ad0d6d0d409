// Shape of rustls/rustls-ffi#467 (tests/client_server.rs, flagged by clippy's
// zombie_processes): the test starts the server binary, runs the clients under
// `catch_unwind`, then kills the server and returns: killed, never waited. In rustls-ffi
// the spawn sits in a helper `run_server() -> Child`; here it is inlined so that the spawn
// and the kill are in the same function. (rustls/hyper-rustls#292 is the same shape.)
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
        let mut server = Command::new("target/server") //~ zombie_child
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
        result
    }
}
