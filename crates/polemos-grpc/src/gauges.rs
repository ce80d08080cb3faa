//! What an operator watches for abuse: open connections, open streams, the bytes change-feed
//! streams hold for clients that have not taken them yet, and the process's resident memory.
//! Each is an atomic the server and tests read, mirrored to a Prometheus gauge.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// One gauge: an atomic for tests and in-process readers, mirrored to `metrics`.
#[derive(Debug)]
pub struct Gauge {
    name: &'static str,
    value: AtomicI64,
}

impl Gauge {
    const fn new(name: &'static str) -> Self {
        Self {
            name,
            value: AtomicI64::new(0),
        }
    }

    pub fn add(&self, delta: i64) {
        let now = self.value.fetch_add(delta, Ordering::Relaxed) + delta;
        #[allow(clippy::cast_precision_loss)] // gauges far below 2^52
        metrics::gauge!(self.name).set(now as f64);
    }

    pub fn get(&self) -> i64 {
        self.value.load(Ordering::Relaxed)
    }
}

/// The server's gauges and counters; shared by every connection and stream.
#[derive(Debug)]
pub struct Gauges {
    /// TCP connections accepted and not yet closed.
    pub connections: Gauge,
    /// Connections refused because the cap was reached (a counter).
    pub connections_refused: Gauge,
    /// Server streams (watch, ingest) open.
    pub open_streams: Gauge,
    /// Bytes of changes watch streams read from the store that the transport has not taken.
    pub watch_buffered_bytes: Gauge,
    /// Highest `watch_buffered_bytes` seen (for tests and capacity planning).
    pub watch_buffered_peak: Gauge,
    /// Batches watch streams read from the store (a counter).
    pub watch_batches: Gauge,
    /// Watch streams waiting for their client to read (their buffer is full).
    pub watch_stalled: Gauge,
    /// Extractions running on the cores, counting those whose caller has gone (a deadline
    /// passed): they hold their core to the end, so this is what a flood of abandoned calls
    /// costs.
    pub extractions_running: Gauge,
}

impl Default for Gauges {
    fn default() -> Self {
        Self {
            connections: Gauge::new("polemos_connections_open"),
            connections_refused: Gauge::new("polemos_connections_refused_total"),
            open_streams: Gauge::new("polemos_streams_open"),
            watch_buffered_bytes: Gauge::new("polemos_watch_buffered_bytes"),
            watch_buffered_peak: Gauge::new("polemos_watch_buffered_bytes_peak"),
            watch_batches: Gauge::new("polemos_watch_batches_total"),
            watch_stalled: Gauge::new("polemos_watch_streams_stalled"),
            extractions_running: Gauge::new("polemos_extractions_running"),
        }
    }
}

impl Gauges {
    /// Counts `bytes` as held by a watch stream until the returned guard drops.
    pub fn hold(self: &Arc<Self>, bytes: usize) -> Held {
        let bytes = i64::try_from(bytes).unwrap_or(i64::MAX);
        self.watch_buffered_bytes.add(bytes);
        let now = self.watch_buffered_bytes.get();
        if now > self.watch_buffered_peak.get() {
            self.watch_buffered_peak
                .add(now - self.watch_buffered_peak.get());
        }
        Held {
            gauges: Arc::clone(self),
            bytes,
        }
    }
}

/// Bytes counted in `watch_buffered_bytes` while this lives: dropped when the transport takes
/// the message, or with the channel when the stream ends, so the gauge cannot leak.
#[derive(Debug)]
pub struct Held {
    gauges: Arc<Gauges>,
    bytes: i64,
}

impl Drop for Held {
    fn drop(&mut self) {
        self.gauges.watch_buffered_bytes.add(-self.bytes);
    }
}

/// An extraction counted in `extractions_running` while this lives.
#[derive(Debug)]
pub struct ExtractionGuard(Arc<Gauges>);

impl ExtractionGuard {
    pub fn new(gauges: &Arc<Gauges>) -> Self {
        gauges.extractions_running.add(1);
        Self(Arc::clone(gauges))
    }
}

impl Drop for ExtractionGuard {
    fn drop(&mut self) {
        self.0.extractions_running.add(-1);
    }
}

/// A stream counted in `open_streams` while this lives.
#[derive(Debug)]
pub struct StreamGuard(Arc<Gauges>);

impl StreamGuard {
    pub fn new(gauges: &Arc<Gauges>) -> Self {
        gauges.open_streams.add(1);
        Self(Arc::clone(gauges))
    }
}

impl Drop for StreamGuard {
    fn drop(&mut self) {
        self.0.open_streams.add(-1);
    }
}

/// The process's resident set size in bytes (Linux `/proc/self/statm`), for the memory gauge.
#[must_use]
pub fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_bytes_are_released_on_drop_and_the_peak_kept() {
        let g = Arc::new(Gauges::default());
        let a = g.hold(100);
        let b = g.hold(50);
        assert_eq!(g.watch_buffered_bytes.get(), 150);
        drop(a);
        drop(b);
        assert_eq!(g.watch_buffered_bytes.get(), 0);
        assert_eq!(g.watch_buffered_peak.get(), 150);
        let s = StreamGuard::new(&g);
        assert_eq!(g.open_streams.get(), 1);
        drop(s);
        assert_eq!(g.open_streams.get(), 0);
    }
}
