//! A writer that remembers its first failure, so a run whose output could not be written
//! (`sigma -e 1 > /dev/full`, a closed pipe) ends with an error instead of exit status 0,
//! while the code that prints keeps its plain `writeln!` calls.

use std::io::{self, Write};

/// Wraps `W`; every write and flush goes through, and the first error is kept.
#[derive(Debug)]
pub struct Checked<W: Write> {
    inner: W,
    failed: Option<io::Error>,
}

impl<W: Write> Checked<W> {
    pub fn new(inner: W) -> Self {
        Checked {
            inner,
            failed: None,
        }
    }

    /// Flushes, then hands back the first error of any write (or of this flush).
    pub fn finish(mut self) -> Result<(), io::Error> {
        let _ = Write::flush(&mut self);
        match self.failed {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn keep<T>(&mut self, r: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &r {
            if self.failed.is_none() {
                self.failed = Some(io::Error::new(e.kind(), e.to_string()));
            }
        }
        r
    }
}

impl<W: Write> Write for Checked<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.inner.write(buf);
        self.keep(r)
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.inner.flush();
        self.keep(r)
    }
}

/// The message and exit status for output that could not be written: `error: cannot write
/// the output: No space left on device (os error 28)` on stderr, status 1.
pub fn report(e: &io::Error) -> i32 {
    eprintln!("error: cannot write the output: {e}");
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Full;
    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::new(io::ErrorKind::StorageFull, "no space left"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn keeps_the_first_failure_and_passes_success_through() {
        let mut w = Checked::new(Full);
        let _ = writeln!(w, "1");
        let _ = writeln!(w, "2");
        assert_eq!(w.finish().unwrap_err().to_string(), "no space left");
        let mut v = Checked::new(Vec::new());
        writeln!(v, "ok").unwrap();
        assert!(v.finish().is_ok());
    }
}
