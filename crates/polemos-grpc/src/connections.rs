//! Connections as a resource: at most `max` open at once, each counted in the connections
//! gauge, and each given `handshake` to send its first bytes (the HTTP/2 preface, or a TLS
//! hello). At the cap, a new connection evicts the oldest one that has still said nothing, so
//! a flood of idle sockets cannot keep out a health check; only when every open connection
//! has spoken is a new one refused.

use std::collections::VecDeque;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::oneshot;
use tonic::transport::server::Connected;

use super::gauges::Gauges;

/// Bytes a client must send before it counts as having spoken: the HTTP/2 client preface.
const PREFACE: usize = 24;

/// Open connections, and those still silent in the order they came.
pub struct Tracker {
    max: usize,
    handshake: Duration,
    gauges: Arc<Gauges>,
    /// Silent connections, oldest first: dropping the sender closes that connection.
    silent: Mutex<VecDeque<(Arc<AtomicBool>, oneshot::Sender<()>)>>,
}

impl Tracker {
    pub fn new(max: usize, handshake: Duration, gauges: Arc<Gauges>) -> Arc<Self> {
        Arc::new(Self {
            max: max.max(1),
            handshake,
            gauges,
            silent: Mutex::new(VecDeque::new()),
        })
    }

    /// Admits a new connection, evicting the oldest silent one at the cap; `None` (the socket is
    /// then closed) when the cap is reached by connections that have all spoken.
    pub fn admit<IO>(self: &Arc<Self>, io: IO) -> Option<Guarded<IO>> {
        let mut silent = self.silent.lock().unwrap_or_else(PoisonError::into_inner);
        silent.retain(|(spoke, tx)| !spoke.load(Ordering::Relaxed) && !tx.is_closed());
        let open = usize::try_from(self.gauges.connections.get()).unwrap_or(0);
        // At the cap the oldest silent connection is evicted (its next poll fails and its guard
        // lowers the count); with none silent, the new one is refused.
        if open >= self.max && silent.pop_front().is_none() {
            self.gauges.connections_refused.add(1);
            tracing::warn!(max = self.max, "connection refused: at the connection cap");
            return None;
        }
        let spoke = Arc::new(AtomicBool::new(false));
        let (tx, rx) = oneshot::channel();
        silent.push_back((Arc::clone(&spoke), tx));
        drop(silent);
        self.gauges.connections.add(1);
        Some(Guarded {
            io,
            tracker: Arc::clone(self),
            read: 0,
            spoke,
            evicted: rx,
            deadline: Box::pin(tokio::time::sleep(self.handshake)),
        })
    }
}

/// A connection counted while it lives, closed if it is silent past its deadline or evicted.
pub struct Guarded<IO> {
    io: IO,
    tracker: Arc<Tracker>,
    read: usize,
    spoke: Arc<AtomicBool>,
    evicted: oneshot::Receiver<()>,
    deadline: Pin<Box<tokio::time::Sleep>>,
}

impl<IO> Drop for Guarded<IO> {
    fn drop(&mut self) {
        self.tracker.gauges.connections.add(-1);
    }
}

impl<IO: AsyncRead + Unpin> AsyncRead for Guarded<IO> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        if this.read < PREFACE {
            if Pin::new(&mut this.evicted).poll(cx).is_ready() {
                return Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::ConnectionAborted,
                    "silent connection evicted at the connection cap",
                )));
            }
            if this.deadline.as_mut().poll(cx).is_ready() {
                return Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "no handshake within the handshake timeout",
                )));
            }
        }
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.io).poll_read(cx, buf);
        if this.read < PREFACE {
            this.read += buf.filled().len() - before;
            if this.read >= PREFACE {
                this.spoke.store(true, Ordering::Relaxed);
            }
        }
        polled
    }
}

impl<IO: AsyncWrite + Unpin> AsyncWrite for Guarded<IO> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
}

impl<IO: Connected> Connected for Guarded<IO> {
    type ConnectInfo = IO::ConnectInfo;

    fn connect_info(&self) -> Self::ConnectInfo {
        self.io.connect_info()
    }
}
