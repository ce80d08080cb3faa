//! Many documents on every core, handed back in input order, with a bounded number in flight.
//!
//! `extract` prints and `ingest` commits each document as soon as it and every one before it are
//! done, so memory follows the work in progress (a few documents a worker), not the corpus, and
//! one consumer (a printer, a store writer) keeps working while the workers extract.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// How many items each worker may run ahead of the consumer: enough to keep every core busy
/// while one slow document holds up the order, few enough that memory stays small.
const AHEAD_PER_WORKER: usize = 4;

/// The number of cores this process may use (1 when unknown).
#[must_use]
pub fn available_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// The shared input: the items not yet taken, and how far the consumer has got.
struct Feed<I> {
    items: I,
    /// Index of the next item to hand out.
    next: usize,
    /// How many results the consumer has taken.
    consumed: usize,
}

/// Runs `work` on every input with `jobs` worker threads and gives each result to `sink` on the
/// calling thread, in input order. At most `jobs × 4` items are taken but not yet consumed. When
/// `sink` returns [`ControlFlow::Break`], no further item is started and the call returns once
/// the items in progress end (their results are dropped).
///
/// A panic in `work` or `sink` is propagated once the other threads have stopped.
pub fn ordered_map<I, T, R, F, S>(inputs: I, jobs: usize, work: F, mut sink: S) -> ControlFlow<()>
where
    I: IntoIterator<Item = T>,
    I::IntoIter: Send,
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
    S: FnMut(R) -> ControlFlow<()>,
{
    let jobs = jobs.max(1);
    let window = jobs * AHEAD_PER_WORKER;
    let feed = Mutex::new(Feed {
        items: inputs.into_iter(),
        next: 0,
        consumed: 0,
    });
    let room = Condvar::new();
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::sync_channel::<(usize, R)>(window);

    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (feed, room, stop, work) = (&feed, &room, &stop, &work);
            scope.spawn(move || {
                loop {
                    let (index, item) = {
                        let mut f = lock(feed);
                        while f.next >= f.consumed + window && !stop.load(Ordering::Relaxed) {
                            f = room
                                .wait(f)
                                .unwrap_or_else(std::sync::PoisonError::into_inner);
                        }
                        if stop.load(Ordering::Relaxed) {
                            return;
                        }
                        let Some(item) = f.items.next() else { return };
                        f.next += 1;
                        (f.next - 1, item)
                    };
                    let result = work(item);
                    if tx.send((index, result)).is_err() {
                        return; // The consumer has stopped.
                    }
                }
            });
        }
        drop(tx);

        let mut waiting = BTreeMap::new();
        let mut expected = 0;
        let mut flow = ControlFlow::Continue(());
        // A guard, so that a panicking sink still releases the workers.
        let release = StopOnDrop {
            stop: &stop,
            room: &room,
            feed: &feed,
        };
        'receive: for (index, result) in &rx {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&expected) {
                expected += 1;
                lock(&feed).consumed = expected;
                room.notify_all();
                if sink(result).is_break() {
                    flow = ControlFlow::Break(());
                    break 'receive;
                }
            }
        }
        drop(release);
        drop(rx);
        flow
    })
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Tells the workers to take no more items and wakes those waiting for room.
struct StopOnDrop<'a, I> {
    stop: &'a AtomicBool,
    room: &'a Condvar,
    feed: &'a Mutex<Feed<I>>,
}

impl<I> Drop for StopOnDrop<'_, I> {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // Taking the lock orders the store before any worker's next check.
        drop(lock(self.feed));
        self.room.notify_all();
    }
}

/// One extractor is shared by every worker thread: it must stay `Sync` (checked at compile time).
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<crate::Extractor>();
};

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn results_come_in_input_order_whatever_order_they_finish_in() {
        for jobs in [1, 2, 3, 8] {
            let mut out = Vec::new();
            let flow = ordered_map(
                0..200u64,
                jobs,
                |i| {
                    // Later items finish first now and then.
                    if i % 7 == 0 {
                        std::thread::sleep(std::time::Duration::from_millis(2));
                    }
                    i * 10
                },
                |r| {
                    out.push(r);
                    ControlFlow::Continue(())
                },
            );
            assert_eq!(flow, ControlFlow::Continue(()));
            assert_eq!(out, (0..200).map(|i| i * 10).collect::<Vec<_>>(), "{jobs}");
        }
    }

    #[test]
    fn never_more_than_the_window_in_flight() {
        let jobs = 3;
        let started = AtomicUsize::new(0);
        let mut consumed = 0;
        let mut worst = 0;
        let flow = ordered_map(
            0..500,
            jobs,
            |i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |_| {
                consumed += 1;
                // Items started but not yet consumed (this one counted as consumed).
                worst = worst.max(started.load(Ordering::SeqCst) - consumed);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(flow, ControlFlow::Continue(()));
        assert_eq!(consumed, 500);
        assert!(
            worst <= jobs * AHEAD_PER_WORKER,
            "{worst} items in flight with a window of {}",
            jobs * AHEAD_PER_WORKER
        );
    }

    #[test]
    fn a_break_starts_no_further_item() {
        let started = AtomicUsize::new(0);
        let mut seen = Vec::new();
        let flow = ordered_map(
            0..10_000,
            2,
            |i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i| {
                seen.push(i);
                if i == 5 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(flow, ControlFlow::Break(()));
        assert_eq!(seen, vec![0, 1, 2, 3, 4, 5]);
        assert!(
            started.load(Ordering::SeqCst) <= 6 + 2 * AHEAD_PER_WORKER,
            "{} started",
            started.load(Ordering::SeqCst)
        );
    }
}
