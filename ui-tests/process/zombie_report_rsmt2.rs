// Shape of kino-mc/rsmt2#29 (the z3 zombies behind zetzit/zz#163). rsmt2 0.14's
// `Solver::kill` wrote `(exit)` to the solver, called `try_wait()` once and, when the
// solver had not exited yet (the usual case a moment after `(exit)`), killed it and
// returned: killed, never waited. In rsmt2 the child lives in a field (`self.kid`), which
// this lint does not follow; here the same steps are in the function that spawns it.
// Reaped only on the `Some` path of the `try_wait`: "not on all paths".
use std::io::{self, BufRead, BufReader, Write};
use std::process::{Command, Stdio};

pub fn check_sat(script: &str) -> io::Result<bool> {
    let mut kid = Command::new("z3") //~ zombie_child
        .arg("-in")
        .arg("-smt2")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = kid.stdin.take().expect("stdin is piped");
    let mut stdout = BufReader::new(kid.stdout.take().expect("stdout is piped"));
    writeln!(stdin, "{script}\n(check-sat)")?;
    let mut answer = String::new();
    stdout.read_line(&mut answer)?;

    let _ = writeln!(stdin, "(exit)");
    let _ = stdin.flush();
    drop(stdin);
    if kid.try_wait()?.is_none() {
        kid.kill()?;
    }
    Ok(answer.trim() == "sat")
}
