//! A ceiling on passphrase hashing (issue 15, finding 2). Each argon2 run
//! takes 19 MiB and tens of milliseconds of CPU; run on tokio's blocking
//! pool without a bound, a burst of 500 sign-ins ran 500 at once and took
//! the server past 9 GiB. At most `ceiling` run at once here; a request
//! that cannot start one within `wait` is answered at once (429 with
//! `Retry-After`) instead of queueing, so memory stays bounded and the
//! sign-in page can simply try again.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

use crate::error::{ApiError, Result};

pub struct HashingGate {
    permits: Arc<Semaphore>,
    wait: Duration,
}

impl HashingGate {
    pub fn new(ceiling: usize, wait: Duration) -> HashingGate {
        HashingGate { permits: Arc::new(Semaphore::new(ceiling.max(1))), wait }
    }

    /// The default ceiling: one run per core, between 2 and 8 (at most
    /// 152 MiB of argon2 memory).
    pub fn default_ceiling() -> usize {
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(2, 8)
    }

    /// Runs `work` (a hash or a verify) on the blocking pool once a place
    /// is free; `ApiError::Busy` when none frees up within the wait.
    pub async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T> {
        let permit = match tokio::time::timeout(self.wait, self.permits.clone().acquire_owned()).await {
            Ok(Ok(permit)) => permit,
            Ok(Err(_closed)) => return Err(ApiError::Internal("hashing gate closed".into())),
            Err(_elapsed) => return Err(ApiError::Busy),
        };
        tokio::task::spawn_blocking(move || {
            let out = work();
            drop(permit);
            out
        })
        .await
        .map_err(|e| ApiError::Internal(format!("hashing task: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn beyond_the_ceiling_a_request_is_answered_busy_at_once() {
        let gate = Arc::new(HashingGate::new(1, Duration::from_millis(50)));
        let (release, hold) = std::sync::mpsc::channel::<()>();
        let g = gate.clone();
        let first = tokio::spawn(async move { g.run(move || hold.recv().ok()).await });
        tokio::time::sleep(Duration::from_millis(20)).await;
        let started = std::time::Instant::now();
        assert!(matches!(gate.run(|| 1).await, Err(ApiError::Busy)));
        assert!(started.elapsed() < Duration::from_secs(1));
        release.send(()).unwrap();
        assert!(first.await.unwrap().is_ok());
        assert_eq!(gate.run(|| 2).await.unwrap(), 2, "a place is free again");
    }
}
