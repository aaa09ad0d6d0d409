//! `resource_not_released`: a resource declared in settings (`[[resources]]`) that is not
//! released on every path.

use super::{Check, Docs, Family, FileContext, Lint};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::flow::Fate;

pub const LINT: Lint = Lint {
    id: "resource_not_released",
    family: Family::User,
    default_level: Level::Warn,
    summary: "a resource declared in the settings is not released on every path",
    docs: Docs {
        what_it_does: "
Follows the resources a team declares in its settings (`[[resources]]` in `stray.toml` or
the `stray` metadata of Cargo.toml): values created by the listed constructors that must
reach one of the listed discharge methods on every path. They go through the same
engine as the built-in resources: returned, stored or handed to other code, they are
someone else's; lost on a path (`?`, `return`, the end of a scope), they are reported
with that path.
",
        why_is_this_bad: "
Whatever the declared resource holds (a session on a server, a lease in a pool, a
worker thread) stays held when it is dropped without its release call.
",
        example: "
fn report(db: &Db) -> Result<(), Error> {
    let session = Session::open(db)?;
    session.run(\"REPORT\")?;
    session.close()
}
",
        use_instead: "
fn report(db: &Db) -> Result<(), Error> {
    let session = Session::open(db)?;
    let result = session.run(\"REPORT\");
    session.close()?;
    result
}
",
        known_limits: "
Constructors are matched by the end of the called path (`Session::open` matches
`crate::db::Session::open`), since code inside a crate names its own types through
`crate::`; a constructor written `.lease` matches every method call named `lease`.
A declaration may name its own lint id (`lint = \"session_not_closed\"`): its findings
are reported, configured and suppressed under that id instead, in the `user` family.
",
        settings: "
[[resources]]
type = \"Session\"
constructors = [\"Session::open\"]
discharge = [\"close\"]
neutral = [\"run\"]
",
    },
    check: Check::File(check),
};

fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    for story in &cx.flow().stories {
        let Some(user) = cx
            .user
            .iter()
            .find(|u| std::ptr::eq(u.resource, story.resource))
        else {
            continue;
        };
        let Fate::Lost { always, witness } = &story.fate else {
            continue;
        };
        let name = story.resource.ty;
        let message = if *always {
            format!("{}: it is never released", user.message)
        } else {
            format!(
                "{}: not on the path through {}",
                user.message,
                witness.describe(cx.source)
            )
        };
        out.push(Diagnostic {
            message,
            primary: Label {
                span: story.created.clone(),
                message: format!("this `{name}` is created here"),
            },
            secondary: vec![Label {
                span: witness.span.clone(),
                message: "and dropped here without being released".to_string(),
            }],
            help: Some(user.help.clone().unwrap_or_else(|| {
                format!(
                    "call `{}()` on every path before it goes out of scope",
                    story
                        .resource
                        .discharge
                        .first()
                        .copied()
                        .unwrap_or("release")
                )
            })),
            fix: None,
            reported_as: Some(user.lint),
        });
    }
}
