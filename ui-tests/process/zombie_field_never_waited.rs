// Children a struct keeps in a private field that nothing ever waits for: a test fixture
// that starts a server and only reads its port, a manager whose `stop` kills without
// reaping, a tuple wrapper, and a child whose pid is only printed.
use std::path::Path;
use std::process::{Child, Command, Stdio};

struct OtlpServer {
    child: Child,
    port: u16,
}

impl OtlpServer {
    fn start(port: u16, db: &Path) -> Self {
        let child = Command::new("otlp-server")
            .args(["serve", "--port", &port.to_string(), "--db"])
            .arg(db)
            .stdout(Stdio::null())
            .spawn()
            .expect("failed to start the server");
        OtlpServer { child, port } //~ zombie_child
    }

    fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

pub struct ComposeManager {
    child: Child,
    compose_path: String,
}

impl ComposeManager {
    pub fn up(compose_path: String) -> std::io::Result<Self> {
        let child = Command::new("docker")
            .args(["compose", "-f", &compose_path, "up"])
            .spawn()?;
        Ok(Self { child, compose_path }) //~ zombie_child
    }

    pub fn stop(&mut self) {
        println!("stopping {} (pid {})", self.compose_path, self.child.id());
        let _ = self.child.kill();
    }
}

struct Background(Child);

fn background(script: &str) -> Background {
    Background(Command::new("sh").arg("-c").arg(script).spawn().unwrap()) //~ zombie_child
}

fn main() {
    let server = OtlpServer::start(4318, Path::new("/tmp/db"));
    println!("{}", server.base_url());
    let mut compose = ComposeManager::up("compose.yml".into()).unwrap();
    compose.stop();
    let _job = background("sleep 1");
}
