//! The screens, each with its State, Message, update and view.

pub mod bank;
pub mod board;
pub mod counter;
pub mod customer;
pub mod customer_form;
pub mod customers;
pub mod day_end;
pub mod help;
pub mod negotiate;
pub mod negotiation_policy;
pub mod outbox;
pub mod payment;
pub mod people;
pub mod ruler_form;
pub mod sale;
pub mod settings;
pub mod smtp_form;
pub mod store_form;
pub mod templates_form;
pub mod today;
pub mod welcome;

use iced::Task;

/// Where the app can go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Welcome,
    /// Who is at the counter: choosing a person (and their PIN).
    Counter,
    Customers,
    NewCustomer,
    EditCustomer(i64),
    Customer(i64),
    NewSale(i64),
    Payment(i64),
    /// The negotiation wizard for a customer.
    Negotiate(i64),
    Board,
    /// Hoje: the ruler's contacts of the day and the days ahead.
    Today,
    Outbox,
    /// Banco: remittance and return files.
    Bank,
    DayEnd,
    Settings,
    /// Ajuda: the guide, the version, where the data lives.
    Help,
}

/// What a screen's update asks of the root.
pub enum Outcome<M> {
    None,
    Task(Task<M>),
    Go(Route),
    GoWithNotice(Route, String),
    Notice(String),
    Error(String),
}

/// Runs blocking work (SQLite reports, files) on its own thread and hands the result
/// back to the UI as a future.
pub fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> impl std::future::Future<Output = Option<T>> {
    let (sender, receiver) = iced::futures::channel::oneshot::channel();
    std::thread::spawn(move || {
        let _ = sender.send(work());
    });
    async move { receiver.await.ok() }
}

/// Runs `work` on a connection of its own, off the UI thread, and hands its result to
/// `done`; errors arrive as the sentence to show.
pub fn load<T, M>(
    path: std::path::PathBuf,
    work: impl FnOnce(&crate::store::Database) -> crate::error::Result<T> + Send + 'static,
    done: fn(Result<std::sync::Arc<T>, String>) -> M,
) -> Task<M>
where
    T: Send + Sync + 'static,
    M: Send + 'static,
{
    Task::perform(
        off_thread(move || {
            crate::store::Database::open(&path)
                .and_then(|db| work(&db))
                .map(std::sync::Arc::new)
                .map_err(|error| error.to_string())
        }),
        move |result| done(result.unwrap_or_else(|| Err(crate::t!("ui-worker-failed")))),
    )
}
