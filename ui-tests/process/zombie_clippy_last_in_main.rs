// Ported from the older version of clippy's tests/ui/zombie_processes.rs ("it won't lint if
// spawn is the last statement of a main function"). That exemption was later removed from
// clippy (the case left the test and `is_last_node_in_main` left the lint); current clippy
// reports it, and so do we: `spawn().unwrap();` as a statement discards the child, and
// nothing ends the process on this path (returning from `main` is not a diverging call).
use std::process::Command;

fn main() {
    println!("starting the helper");
    {
        {
            Command::new("").spawn().unwrap(); //~ zombie_child
        }
    }
}
