//! The screens, each with its State, Message, update and view.

pub mod board;
pub mod customer;
pub mod customer_form;
pub mod customers;
pub mod day_end;
pub mod payment;
pub mod sale;
pub mod settings;
pub mod store_form;
pub mod welcome;

use iced::Task;

/// Where the app can go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Welcome,
    Customers,
    NewCustomer,
    EditCustomer(i64),
    Customer(i64),
    NewSale(i64),
    Payment(i64),
    Board,
    DayEnd,
    Settings,
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
