//! Slows down guessing (issue 15, finding 2). Tries are counted in the
//! database (db/sign_in_limits.rs), so every replica and every restart sees
//! the same counts, per account and per client address, in fixed windows.
//!
//! A try is counted *before* the passphrase is checked, in the same
//! statement that reads the count (`Attempt::begin`), so a burst of tries at
//! one account cannot all pass the check while the first are still being
//! verified. A right try is given back (`Attempt::succeeded`): the account's
//! count starts again, and the address's loses this try, so many people
//! signing in from one school or office are not slowed by each other.
//!
//! Only the key that is over its limit is slowed: one address trying many
//! accounts stops that address, many addresses trying one account stop that
//! account; everyone else signs in as usual. The address is the client's,
//! read through a trusted proxy (auth/client_address.rs), never the proxy's.

use crate::db::{Db, now_ms, sign_in_limits};
use crate::error::{ApiError, Result};

/// How many tries each key gets per window.
#[derive(Clone, Copy, Debug)]
pub struct SignInLimits {
    pub window_ms: i64,
    pub per_account: i64,
    pub per_address: i64,
}

impl Default for SignInLimits {
    /// 10 tries per account and 50 per address in 15 minutes.
    fn default() -> Self {
        SignInLimits { window_ms: 15 * 60 * 1000, per_account: 10, per_address: 50 }
    }
}

/// One counted try; dropping it leaves the try counted (a failure).
#[must_use = "a right try must be given back with succeeded()"]
pub struct Attempt {
    account_key: String,
    account_window: i64,
    address_key: String,
    address_window: i64,
}

impl Attempt {
    /// Counts a try for `account` (a username, or a key of its own such as
    /// `code-from:<address>`) from `address`; `TooManyAttempts` with the
    /// seconds to wait when either is over its limit.
    pub async fn begin(db: &Db, limits: &SignInLimits, account: &str, address: &str) -> Result<Attempt> {
        let now = now_ms();
        let began_after = now - limits.window_ms;
        let account_key = format!("a:{account}");
        let address_key = format!("ip:{address}");
        let (account_tries, account_window) = sign_in_limits::count_try(db, &account_key, now, began_after).await?;
        let (address_tries, address_window) = sign_in_limits::count_try(db, &address_key, now, began_after).await?;
        let mut wait_ms = 0;
        if account_tries > limits.per_account {
            wait_ms = wait_ms.max(account_window + limits.window_ms - now);
        }
        if address_tries > limits.per_address {
            wait_ms = wait_ms.max(address_window + limits.window_ms - now);
        }
        if wait_ms > 0 || account_tries > limits.per_account || address_tries > limits.per_address {
            let retry_after_secs = u64::try_from((wait_ms + 999) / 1000).unwrap_or(1).max(1);
            return Err(ApiError::TooManyAttempts { retry_after_secs });
        }
        Ok(Attempt { account_key, account_window, address_key, address_window })
    }

    /// The try was right: the account's count starts again and the
    /// address's try is given back.
    pub async fn succeeded(self, db: &Db) -> Result<()> {
        sign_in_limits::reset(db, &self.account_key).await?;
        sign_in_limits::give_back(db, &self.address_key, self.address_window).await?;
        Ok(())
    }

    /// The try was not a guess after all (a right one-time code, or a right
    /// passphrase that still needs its second factor): this one try is
    /// given back, nothing more, so a right answer never wipes the count of
    /// wrong ones made alongside it.
    pub async fn given_back(self, db: &Db) -> Result<()> {
        sign_in_limits::give_back(db, &self.account_key, self.account_window).await?;
        sign_in_limits::give_back(db, &self.address_key, self.address_window).await?;
        Ok(())
    }
}

/// Deletes counts whose window has ended (the periodic task, lib.rs).
pub async fn prune(db: &Db, limits: &SignInLimits) -> Result<u64> {
    Ok(sign_in_limits::prune(db, now_ms() - limits.window_ms).await?)
}
