//! Where the SMTP password lives. First choice: the operating system's keyring (the
//! Secret Service of GNOME/KDE on Linux, the Credential Manager on Windows). Where
//! there is none (a Linux PC without a desktop keyring), a file beside the database
//! that only this OS user may read: never in the database itself, so it does not
//! travel in its backups or copies, and the settings screen says so plainly.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use keyring_core::{CredentialStore, Entry};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

const SERVICE: &str = "br.regua.smtp";

/// Where a password is (or would be) kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Vault {
    Keyring,
    /// The fallback file, readable only by its owner.
    File(PathBuf),
}

impl Vault {
    /// The keyring if this PC has one, else the file beside `database`.
    pub fn for_database(database: &Path) -> Vault {
        if keyring_store().is_some() {
            Vault::Keyring
        } else {
            Vault::File(fallback_path(database))
        }
    }

    pub fn is_keyring(&self) -> bool {
        matches!(self, Vault::Keyring)
    }
}

pub fn fallback_path(database: &Path) -> PathBuf {
    let mut name = database
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".smtp-secret");
    database.with_file_name(name)
}

#[derive(Serialize, Deserialize)]
struct FileSecret {
    account: String,
    password: String,
}

/// The OS keyring, when this PC has one that answers.
fn keyring_store() -> Option<Arc<CredentialStore>> {
    // Without a session bus there is no Secret Service to ask (a server, a CI box).
    #[cfg(target_os = "linux")]
    {
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS")?;
        // The store talks D-Bus on its own runtime: keep it off the caller's thread.
        std::thread::spawn(|| {
            zbus_secret_service_keyring_store::Store::new()
                .ok()
                .map(|store| store as Arc<CredentialStore>)
        })
        .join()
        .ok()
        .flatten()
    }
    #[cfg(windows)]
    {
        windows_native_keyring_store::Store::new()
            .ok()
            .map(|store| store as Arc<CredentialStore>)
    }
    #[cfg(not(any(target_os = "linux", windows)))]
    {
        None
    }
}

/// Runs `action` on the keyring's entry for `account`; an error when there is none.
fn in_keyring<T: Send + 'static>(
    account: &str,
    action: impl FnOnce(&Entry) -> keyring_core::Result<T> + Send + 'static,
) -> Result<T> {
    let account = account.to_string();
    std::thread::spawn(move || {
        let store = keyring_store().ok_or_else(|| Error::Secret("no keyring".into()))?;
        let entry = Entry::new_in_store(&store, SERVICE, &account)
            .map_err(|error| Error::Secret(error.to_string()))?;
        action(&entry).map_err(|error| Error::Secret(error.to_string()))
    })
    .join()
    .map_err(|_| Error::Secret("keyring".into()))?
}

/// Saves `password` for `account`; returns where it went. A keyring that refuses (locked,
/// no collection) sends it to the file, as a PC without one would.
pub fn save(database: &Path, account: &str, password: &str) -> Result<Vault> {
    let file = fallback_path(database);
    let secret = password.to_string();
    if in_keyring(account, move |entry| entry.set_password(&secret)).is_ok() {
        // No copy left behind in plain text from before the keyring was there.
        if file.exists() {
            std::fs::remove_file(&file).map_err(|e| Error::io(&file, e))?;
        }
        return Ok(Vault::Keyring);
    }
    write_file(
        &file,
        &FileSecret {
            account: account.to_string(),
            password: password.to_string(),
        },
    )?;
    Ok(Vault::File(file))
}

/// The password saved for `account`, if any: the keyring's, else the file's.
pub fn load(database: &Path, account: &str) -> Result<Option<String>> {
    let found = in_keyring(account, |entry| match entry.get_password() {
        Ok(password) => Ok(Some(password)),
        Err(keyring_core::Error::NoEntry) => Ok(None),
        Err(error) => Err(error),
    });
    if let Ok(Some(password)) = found {
        return Ok(Some(password));
    }
    let path = fallback_path(database);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(Error::io(path, error)),
    };
    let secret: FileSecret =
        serde_json::from_str(&text).map_err(|e| Error::Secret(e.to_string()))?;
    Ok((secret.account == account).then_some(secret.password))
}

fn write_file(path: &Path, secret: &FileSecret) -> Result<()> {
    use std::io::Write;
    let text = serde_json::to_string(secret).map_err(|e| Error::Secret(e.to_string()))?;
    let temporary = path.with_extension("smtp-secret.new");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(&temporary)
        .map_err(|e| Error::io(&temporary, e))?;
    file.write_all(text.as_bytes())
        .and_then(|_| file.sync_all())
        .map_err(|e| Error::io(&temporary, e))?;
    std::fs::rename(&temporary, path).map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_keyring_the_password_goes_to_a_private_file_beside_the_database() {
        let folder = tempfile::tempdir().unwrap();
        let database = folder.path().join("loja.sqlite");
        if Vault::for_database(&database).is_keyring() {
            return; // a desktop with a keyring: the file is not used
        }
        assert_eq!(load(&database, "smtp:a@b").unwrap(), None);
        let vault = save(&database, "smtp:a@b", "s3nh@ é").unwrap();
        assert_eq!(
            vault,
            Vault::File(folder.path().join("loja.sqlite.smtp-secret"))
        );
        assert_eq!(
            load(&database, "smtp:a@b").unwrap().as_deref(),
            Some("s3nh@ é")
        );
        assert_eq!(load(&database, "smtp:outra@b").unwrap(), None);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(folder.path().join("loja.sqlite.smtp-secret"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
