//! The ruler's round while the app is open: when it opens and every 15 minutes, plan
//! the contacts due now and send the outbox, on a connection and a thread of their own.

use std::path::PathBuf;

use chrono::{Local, NaiveDate};
use iced::Task;

use crate::error::Error;
use crate::services::{self, Actor};
use crate::store::Database;
use crate::ui::screen::off_thread;

/// How often the round runs while the app is open.
pub const EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// One round: plan, queue, send. Returns the sentence for the sidebar.
fn round(path: PathBuf, today: NaiveDate) -> Result<String, String> {
    let mut db = Database::open(&path).map_err(|e| e.to_string())?;
    let now = today.and_time(Local::now().time());
    let actor = Actor::system("régua:app");
    let run = services::ruler::run(&mut db, &actor, now, false).map_err(|e| e.to_string())?;
    let sent = match services::outbox::send_due(&mut db, actor.name(), chrono::Utc::now(), today) {
        Ok(report) => report,
        // Not set up yet, or the scheduled task is sending: the messages wait.
        Err(Error::SmtpNotSetUp | Error::SenderBusy) => Default::default(),
        Err(error) => return Err(error.to_string()),
    };
    let time = Local::now().format("%H:%M").to_string();
    if !run.window_open && sent.sent == 0 {
        return Ok(crate::t!("ruler-round-closed", time = time));
    }
    Ok(crate::t!(
        "ruler-round",
        queued = run.queued.to_string(),
        tasks = run.tasks.to_string(),
        sent = sent.sent.to_string(),
        time = time
    ))
}

/// The round as a task for the app; `done` receives its sentence or its error.
pub fn run<M: Send + 'static>(
    path: PathBuf,
    today: NaiveDate,
    done: fn(Result<String, String>) -> M,
) -> Task<M> {
    Task::perform(off_thread(move || round(path, today)), move |result| {
        done(result.unwrap_or_else(|| Err(crate::t!("ui-worker-failed"))))
    })
}
