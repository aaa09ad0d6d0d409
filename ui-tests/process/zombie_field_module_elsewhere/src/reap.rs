// A child module sees its parent's private fields.
pub fn finish(mut job: super::Job) {
    let _ = job.child.wait();
}
