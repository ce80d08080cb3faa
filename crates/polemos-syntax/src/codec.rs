//! The byte format of model files: little-endian integers, LEB128 varints and length-prefixed
//! strings. The reader checks every length against what is left, so a truncated or hostile file
//! gives [`Error::BadModel`] rather than a panic or a huge allocation.

use crate::Error;

#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn var(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(byte);
                return;
            }
            self.buf.push(byte | 0x80);
        }
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.var(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }
}

pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

fn bad(what: &str) -> Error {
    Error::BadModel(what.to_owned())
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    pub(crate) fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if n > self.remaining() {
            return Err(bad("truncated"));
        }
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }

    pub(crate) fn u32(&mut self) -> Result<u32, Error> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// The bytes not read yet, for a decoder that walks them itself and then calls [`advance`].
    ///
    /// [`advance`]: Reader::advance
    pub(crate) fn rest(&self) -> &'a [u8] {
        &self.bytes[self.pos..]
    }

    pub(crate) fn advance(&mut self, n: usize) {
        self.pos = self.pos.saturating_add(n).min(self.bytes.len());
    }

    pub(crate) fn var(&mut self) -> Result<u64, Error> {
        let mut v: u64 = 0;
        let mut shift = 0;
        while shift < 64 {
            let Some(&b) = self.bytes.get(self.pos) else {
                return Err(bad("truncated"));
            };
            self.pos += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
        }
        Err(bad("varint too long"))
    }

    /// A count of items each at least `min_bytes` long: refused if the rest of the file could not
    /// hold them, which bounds every allocation by the file's size.
    pub(crate) fn count(&mut self, min_bytes: usize) -> Result<usize, Error> {
        let n = usize::try_from(self.var()?).map_err(|_| bad("count"))?;
        if n.saturating_mul(min_bytes.max(1)) > self.remaining() {
            return Err(bad("count larger than the file"));
        }
        Ok(n)
    }

    pub(crate) fn str(&mut self) -> Result<String, Error> {
        let n = self.count(1)?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| bad("string not UTF-8"))
    }
}
