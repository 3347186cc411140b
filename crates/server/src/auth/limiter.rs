//! Slows down guessing: after too many failed sign-ins for one account or
//! from one address within a window, further tries are refused until the
//! oldest failure leaves the window. Kept in memory: with several replicas
//! each counts on its own, which still bounds guessing per replica.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct LoginLimiter {
    window: Duration,
    per_account: usize,
    per_address: usize,
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        Self::new(Duration::from_secs(15 * 60), 10, 50)
    }
}

impl LoginLimiter {
    pub fn new(window: Duration, per_account: usize, per_address: usize) -> Self {
        Self { window, per_account, per_address, failures: Mutex::new(HashMap::new()) }
    }

    /// `Err(seconds to wait)` when either key has used up its tries.
    pub fn check(&self, account: &str, address: &str) -> Result<(), u64> {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let mut wait = 0u64;
        for (key, limit) in [(format!("a:{account}"), self.per_account), (format!("ip:{address}"), self.per_address)] {
            if let Some(times) = map.get_mut(&key) {
                while times.front().is_some_and(|t| now.duration_since(*t) >= self.window) {
                    times.pop_front();
                }
                if times.len() >= limit {
                    let oldest = times.front().copied().unwrap_or(now);
                    let left = self.window.saturating_sub(now.duration_since(oldest));
                    wait = wait.max(left.as_secs().max(1));
                }
            }
        }
        if wait > 0 { Err(wait) } else { Ok(()) }
    }

    pub fn record_failure(&self, account: &str, address: &str) {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        // Bound memory under a flood of made-up usernames.
        if map.len() > 100_000 {
            map.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < self.window));
        }
        for key in [format!("a:{account}"), format!("ip:{address}")] {
            map.entry(key).or_default().push_back(now);
        }
    }

    pub fn record_success(&self, account: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&format!("a:{account}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_locked_after_its_limit_and_a_success_resets_it() {
        let l = LoginLimiter::new(Duration::from_secs(60), 3, 100);
        for _ in 0..3 {
            assert!(l.check("jade", "1.1.1.1").is_ok());
            l.record_failure("jade", "1.1.1.1");
        }
        assert!(l.check("jade", "2.2.2.2").is_err(), "other address, same account");
        assert!(l.check("tom", "1.1.1.1").is_ok(), "other account is not affected");
        l.record_success("jade");
        assert!(l.check("jade", "1.1.1.1").is_ok());
    }

    #[test]
    fn one_address_trying_many_accounts_is_stopped() {
        let l = LoginLimiter::new(Duration::from_secs(60), 100, 5);
        for i in 0..5 {
            l.record_failure(&format!("user{i}"), "9.9.9.9");
        }
        assert!(l.check("someone-else", "9.9.9.9").is_err());
        assert!(l.check("someone-else", "8.8.8.8").is_ok());
    }
}
