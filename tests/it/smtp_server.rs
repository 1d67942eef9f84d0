//! A real SMTP server on loopback for the tests: STARTTLS with a self-signed
//! certificate, AUTH PLAIN with one user and password, and every message it accepts
//! kept for the test to read.

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use mailin_embedded::response::{AUTH_OK, INVALID_CREDENTIALS, OK};
use mailin_embedded::{AuthMechanism, Handler, Response, Server, SslConfig};

pub const USER: &str = "loja@exemplo.com.br";
pub const PASSWORD: &str = "senha-certa";

#[derive(Clone, Debug)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub raw: String,
}

#[derive(Clone)]
struct Keeper {
    inbox: Arc<Mutex<Vec<Received>>>,
    current: Vec<u8>,
    from: String,
    to: Vec<String>,
}

impl Handler for Keeper {
    fn auth_plain(&mut self, _: &str, user: &str, password: &str) -> Response {
        if user == USER && password == PASSWORD {
            AUTH_OK
        } else {
            INVALID_CREDENTIALS
        }
    }

    fn data_start(&mut self, _: &str, from: &str, _: bool, to: &[String]) -> Response {
        self.current.clear();
        self.from = from.to_string();
        self.to = to.to_vec();
        OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        self.inbox.lock().unwrap().push(Received {
            from: self.from.clone(),
            to: self.to.clone(),
            raw: String::from_utf8_lossy(&self.current).into_owned(),
        });
        OK
    }
}

pub struct SmtpServer {
    pub port: u16,
    pub ca_file: PathBuf,
    inbox: Arc<Mutex<Vec<Received>>>,
}

impl SmtpServer {
    /// Starts a server on a free loopback port, its certificate in `folder`.
    pub fn start(folder: &std::path::Path) -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        SmtpServer::start_on(folder, listener)
    }

    /// Starts a server on `port` (a server that comes back after being down).
    pub fn start_at(folder: &std::path::Path, port: u16) -> SmtpServer {
        let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
        SmtpServer::start_on(folder, listener)
    }

    fn start_on(folder: &std::path::Path, listener: TcpListener) -> SmtpServer {
        // Both rustls back ends are built in the tests: say which one to use.
        let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
        let port = listener.local_addr().unwrap().port();
        let certified = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
        let ca_file = folder.join(format!("smtp-{port}.pem"));
        let key_file = folder.join(format!("smtp-{port}.key"));
        std::fs::write(&ca_file, certified.cert.pem()).unwrap();
        std::fs::write(&key_file, certified.signing_key.serialize_pem()).unwrap();
        let inbox = Arc::new(Mutex::new(Vec::new()));
        let mut server = Server::new(Keeper {
            inbox: inbox.clone(),
            current: Vec::new(),
            from: String::new(),
            to: Vec::new(),
        });
        server
            .with_name("localhost")
            .with_ssl(SslConfig::SelfSigned {
                cert_path: ca_file.display().to_string(),
                key_path: key_file.display().to_string(),
            })
            .unwrap()
            .with_auth(AuthMechanism::Plain)
            .with_num_threads(4)
            .with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        SmtpServer {
            port,
            ca_file,
            inbox,
        }
    }

    pub fn received(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().clone()
    }
}

/// A port nothing listens on (bound, then let go).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
