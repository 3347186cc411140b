//! A ceiling on passphrase hashing (issue 15, finding 2). Each argon2 run
//! takes 19 MiB and tens of milliseconds of CPU; run on tokio's blocking
//! pool without a bound, a burst of 500 sign-ins ran 500 at once and took
//! the server past 9 GiB. At most `ceiling` run at once here; a request
//! that cannot start one within `wait` is answered at once (429 with
//! `Retry-After`) instead of queueing, so memory stays bounded and the
//! sign-in page can simply try again.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Semaphore, oneshot};

use crate::error::{ApiError, Result};

type Job = Box<dyn FnOnce() + Send>;

/// `ceiling` threads of its own run the hashes, fed by a channel. Not
/// tokio's blocking pool: that starts a new thread whenever none is idle at
/// the instant a task arrives, and each new thread can get its own malloc
/// arena that keeps its 19 MiB after the hash is done; a burst measured
/// 860 MiB that way even with the semaphore. A fixed set of threads keeps
/// at most `ceiling` arenas holding argon2 memory.
pub struct HashingGate {
    permits: Arc<Semaphore>,
    wait: Duration,
    jobs: Mutex<mpsc::Sender<Job>>,
}

impl HashingGate {
    pub fn new(ceiling: usize, wait: Duration) -> HashingGate {
        let ceiling = ceiling.max(1);
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..ceiling {
            let queue = queue.clone();
            let spawned = std::thread::Builder::new().name(format!("argon2-{n}")).spawn(move || {
                loop {
                    // The lock is held only while taking the next job.
                    let job = match queue.lock() {
                        Ok(q) => q.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return, // the gate is gone
                    }
                }
            });
            if let Err(e) = spawned {
                tracing::error!("could not start a hashing thread: {e}");
            }
        }
        HashingGate { permits: Arc::new(Semaphore::new(ceiling)), wait, jobs: Mutex::new(jobs) }
    }

    /// The default ceiling: one run per core, between 2 and 8 (at most
    /// 152 MiB of argon2 memory).
    pub fn default_ceiling() -> usize {
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(2, 8)
    }

    /// Runs `work` (a hash or a verify) on a hashing thread once a place is
    /// free; `ApiError::Busy` when none frees up within the wait.
    pub async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T> {
        let permit = match tokio::time::timeout(self.wait, self.permits.clone().acquire_owned()).await {
            Ok(Ok(permit)) => permit,
            Ok(Err(_closed)) => return Err(ApiError::Internal("hashing gate closed".into())),
            Err(_elapsed) => return Err(ApiError::Busy),
        };
        let (done, answer) = oneshot::channel();
        let job: Job = Box::new(move || {
            // A panic in the hash must not take the thread with it.
            if let Ok(out) = catch_unwind(AssertUnwindSafe(work)) {
                let _ = done.send(out);
            }
        });
        self.jobs
            .lock()
            .map_err(|_| ApiError::Internal("hashing queue poisoned".into()))?
            .send(job)
            .map_err(|_| ApiError::Internal("no hashing threads".into()))?;
        let out = answer.await.map_err(|_| ApiError::Internal("the hash failed".into()));
        drop(permit);
        out
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
