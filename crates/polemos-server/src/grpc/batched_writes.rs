//! A connection whose writes wait for the other responses already on their way, so that one
//! system call sends them all.
//!
//! Why: hyper runs every call of an HTTP/2 connection as its own task, and each finished call
//! wakes the connection's task to send its response. Tokio runs a task woken by the running one
//! next (its "LIFO slot"), so the connection wrote each response alone, one `writev` per call,
//! even when a read had brought in eight requests whose answers were all about to be ready. On
//! loopback a `writev` also delivers to the peer, so it cost as much as the rest of a small
//! call. Here a flush with something to send first yields once: the calls already queued on
//! this thread run, add their responses, and one write sends them together. An idle connection
//! pays one extra poll of its task per flush; a busy one, far fewer system calls.

use std::io::{self, IoSlice};
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tonic::transport::server::Connected;

/// Past this many bytes waiting, a write first sends what is waiting: the buffer stays small
/// and a large response streams out as it is produced.
const MAX_PENDING: usize = 64 << 10;
/// A buffer grown past this by a burst is given back once sent: an idle connection keeps
/// little, and a server may hold many connections.
const RETAINED: usize = 16 << 10;

/// `io` with writes gathered until a flush, and each flush deferred by one turn of the
/// scheduler.
#[derive(Debug)]
pub struct BatchedWrites<IO> {
    io: IO,
    /// Bytes accepted but not yet written; `pending[sent..]` is what remains.
    pending: Vec<u8>,
    sent: usize,
    /// Whether the flush in progress already gave the other tasks their turn.
    yielded: bool,
}

impl<IO> BatchedWrites<IO> {
    pub fn new(io: IO) -> Self {
        Self {
            io,
            pending: Vec::new(),
            sent: 0,
            yielded: false,
        }
    }
}

impl<IO: AsyncWrite + Unpin> BatchedWrites<IO> {
    /// Writes everything pending to `io`.
    fn poll_send(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.sent < self.pending.len() {
            let n = ready!(Pin::new(&mut self.io).poll_write(cx, &self.pending[self.sent..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.sent += n;
        }
        if self.pending.capacity() > RETAINED {
            self.pending = Vec::new();
        } else {
            self.pending.clear();
        }
        self.sent = 0;
        // Whatever sent it, the next flush with something to send gives the others a turn again.
        self.yielded = false;
        Poll::Ready(Ok(()))
    }

    /// Makes room before accepting more: sends what is waiting once it has grown large.
    fn poll_room(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.pending.len() >= MAX_PENDING {
            ready!(self.poll_send(cx))?;
        }
        Poll::Ready(Ok(()))
    }
}

impl<IO: AsyncWrite + Unpin> AsyncWrite for BatchedWrites<IO> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.poll_room(cx))?;
        this.pending.extend_from_slice(buf);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.poll_room(cx))?;
        let mut n = 0;
        for buf in bufs {
            this.pending.extend_from_slice(buf);
            n += buf.len();
        }
        Poll::Ready(Ok(n))
    }

    fn is_write_vectored(&self) -> bool {
        true
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.pending.is_empty() {
            return Pin::new(&mut this.io).poll_flush(cx);
        }
        if !this.yielded {
            // Woken at once, but behind the tasks already queued: the calls whose responses
            // are about to be written.
            this.yielded = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        ready!(this.poll_send(cx))?;
        Pin::new(&mut this.io).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_send(cx))?;
        Pin::new(&mut this.io).poll_shutdown(cx)
    }
}

impl<IO: AsyncRead + Unpin> AsyncRead for BatchedWrites<IO> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_read(cx, buf)
    }
}

impl<IO: Connected> Connected for BatchedWrites<IO> {
    type ConnectInfo = IO::ConnectInfo;

    fn connect_info(&self) -> Self::ConnectInfo {
        self.io.connect_info()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::{Wake, Waker};

    /// A peer that records each write it is given, takes at most `per_write` bytes a call, and
    /// refuses (Pending) while `blocked`.
    #[derive(Default)]
    struct Peer {
        writes: Vec<Vec<u8>>,
        per_write: Option<usize>,
        blocked: bool,
        flushes: usize,
        shut: bool,
    }

    impl Peer {
        fn received(&self) -> Vec<u8> {
            self.writes.concat()
        }
    }

    impl AsyncWrite for Peer {
        fn poll_write(
            self: Pin<&mut Self>,
            _cx: &mut Context<'_>,
            buf: &[u8],
        ) -> Poll<io::Result<usize>> {
            if self.blocked {
                return Poll::Pending;
            }
            let n = self.per_write.map_or(buf.len(), |max| max.min(buf.len()));
            self.get_mut().writes.push(buf[..n].to_vec());
            Poll::Ready(Ok(n))
        }
        fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
            self.get_mut().flushes += 1;
            Poll::Ready(Ok(()))
        }
        fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
            self.get_mut().shut = true;
            Poll::Ready(Ok(()))
        }
    }

    /// Counts its wake-ups.
    #[derive(Default)]
    struct Wakes(AtomicUsize);

    impl Wake for Wakes {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn waker() -> (Arc<Wakes>, Waker) {
        let wakes = Arc::new(Wakes::default());
        (wakes.clone(), Waker::from(wakes))
    }

    fn write(io: &mut BatchedWrites<Peer>, cx: &mut Context<'_>, bytes: &[u8]) {
        match Pin::new(io).poll_write(cx, bytes) {
            Poll::Ready(Ok(n)) => assert_eq!(n, bytes.len()),
            other => panic!("write not accepted: {other:?}"),
        }
    }

    #[test]
    fn a_flush_waits_one_turn_then_sends_everything_in_one_write() {
        let (wakes, waker) = waker();
        let mut cx = Context::from_waker(&waker);
        let mut io = BatchedWrites::new(Peer::default());
        write(&mut io, &mut cx, b"first ");
        let vectored = [IoSlice::new(b"second "), IoSlice::new(b"third")];
        assert!(matches!(
            Pin::new(&mut io).poll_write_vectored(&mut cx, &vectored),
            Poll::Ready(Ok(12))
        ));
        assert!(Pin::new(&mut io).poll_flush(&mut cx).is_pending());
        assert_eq!(wakes.0.load(Ordering::SeqCst), 1, "woken to come back");
        assert!(
            io.io.writes.is_empty(),
            "nothing sent before the other tasks' turn"
        );
        // Another response arrives during that turn and goes out with the rest.
        write(&mut io, &mut cx, b" fourth");
        assert!(matches!(
            Pin::new(&mut io).poll_flush(&mut cx),
            Poll::Ready(Ok(()))
        ));
        assert_eq!(io.io.writes, vec![b"first second third fourth".to_vec()]);
        assert_eq!(io.io.flushes, 1);
        // Nothing waiting: a flush goes straight through, without a turn.
        assert!(matches!(
            Pin::new(&mut io).poll_flush(&mut cx),
            Poll::Ready(Ok(()))
        ));
        assert_eq!(wakes.0.load(Ordering::SeqCst), 1);
        // The next flush with something to send waits its turn again.
        write(&mut io, &mut cx, b"again");
        assert!(Pin::new(&mut io).poll_flush(&mut cx).is_pending());
        assert_eq!(wakes.0.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn a_slow_peer_gets_every_byte_in_order() {
        let (_, waker) = waker();
        let mut cx = Context::from_waker(&waker);
        let mut io = BatchedWrites::new(Peer {
            per_write: Some(3),
            blocked: true,
            ..Peer::default()
        });
        write(&mut io, &mut cx, b"0123456789");
        assert!(Pin::new(&mut io).poll_flush(&mut cx).is_pending());
        assert!(
            Pin::new(&mut io).poll_flush(&mut cx).is_pending(),
            "the peer is not ready"
        );
        io.io.blocked = false;
        assert!(matches!(
            Pin::new(&mut io).poll_flush(&mut cx),
            Poll::Ready(Ok(()))
        ));
        assert_eq!(io.io.received(), b"0123456789");
        assert_eq!(io.io.writes.len(), 4, "3 + 3 + 3 + 1 bytes");
    }

    #[test]
    fn a_large_backlog_is_sent_before_more_is_taken() {
        let (_, waker) = waker();
        let mut cx = Context::from_waker(&waker);
        let mut io = BatchedWrites::new(Peer::default());
        let chunk = vec![7u8; MAX_PENDING];
        write(&mut io, &mut cx, &chunk);
        assert!(io.io.writes.is_empty());
        assert!(Pin::new(&mut io).poll_flush(&mut cx).is_pending());
        write(&mut io, &mut cx, b"tail");
        assert_eq!(io.io.received(), chunk, "the backlog went out first");
        assert!(
            Pin::new(&mut io).poll_flush(&mut cx).is_pending(),
            "what came after it waits for the others' turn again"
        );
        assert!(
            io.pending.capacity() <= RETAINED,
            "the burst's buffer was given back"
        );
        io.io.blocked = true;
        write(&mut io, &mut cx, &chunk);
        assert!(
            Pin::new(&mut io).poll_write(&mut cx, b"more").is_pending(),
            "a full buffer and a blocked peer push back"
        );
    }

    #[test]
    fn shutdown_sends_what_is_waiting_first() {
        let (_, waker) = waker();
        let mut cx = Context::from_waker(&waker);
        let mut io = BatchedWrites::new(Peer::default());
        write(&mut io, &mut cx, b"last words");
        assert!(matches!(
            Pin::new(&mut io).poll_shutdown(&mut cx),
            Poll::Ready(Ok(()))
        ));
        assert_eq!(io.io.received(), b"last words");
        assert!(io.io.shut);
    }

    #[test]
    fn a_peer_that_takes_nothing_is_an_error() {
        let (_, waker) = waker();
        let mut cx = Context::from_waker(&waker);
        let mut io = BatchedWrites::new(Peer {
            per_write: Some(0),
            ..Peer::default()
        });
        write(&mut io, &mut cx, b"x");
        assert!(Pin::new(&mut io).poll_flush(&mut cx).is_pending());
        match Pin::new(&mut io).poll_flush(&mut cx) {
            Poll::Ready(Err(e)) => assert_eq!(e.kind(), io::ErrorKind::WriteZero),
            other => panic!("expected WriteZero, got {other:?}"),
        }
    }
}
