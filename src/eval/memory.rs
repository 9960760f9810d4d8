//! The memory budget: the live bytes the counting allocator reports here (Rust's
//! allocations and GMP/MPFR's alike; the binary and the Python extension install it), the
//! budget set by `--max-memory` or `sigma.set_max_memory`, and the raising of the engine's
//! interrupt flag with [`Stop::Memory`] when the live bytes pass it. Without the counting
//! allocator (the library used alone) nothing is counted and nothing is stopped.

use crate::math::{raise, Stop};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};

/// Where the budget is set, for messages (see [`set_surface`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// The command line and the REPL: `--max-memory`.
    CommandLine = 0,
    /// The Python package: `sigma.set_max_memory`.
    Python = 1,
    /// The Jupyter kernel: its `:memory` command.
    Kernel = 2,
}

/// The [`Surface`] as a number (an atomic: the allocator reads it and must not lock).
static SURFACE: AtomicU8 = AtomicU8::new(Surface::CommandLine as u8);

/// Names the surface whose control of the budget messages mention (per process).
pub fn set_surface(surface: Surface) {
    SURFACE.store(surface as u8, Ordering::Relaxed);
}

/// The control of the budget on this surface (`--max-memory`) and an example of raising it
/// (`--max-memory 8G`). Allocates nothing.
pub fn control() -> (&'static str, &'static str) {
    const PYTHON: u8 = Surface::Python as u8;
    const KERNEL: u8 = Surface::Kernel as u8;
    match SURFACE.load(Ordering::Relaxed) {
        PYTHON => ("sigma.set_max_memory", "sigma.set_max_memory(\"8G\")"),
        KERNEL => (":memory", ":memory 8G"),
        _ => ("--max-memory", "--max-memory 8G"),
    }
}

/// The default budget: half the physical memory, at most [`DEFAULT_CAP`]; the cap when the
/// physical memory is unknown.
pub fn default_budget() -> usize {
    match physical_memory() {
        Some(bytes) => usize::try_from(bytes / 2).map_or(DEFAULT_CAP, |half| half.min(DEFAULT_CAP)),
        None => DEFAULT_CAP,
    }
}

/// The physical memory in bytes: sysconf's page count (one sysinfo call on Linux, where
/// reading /proc/meminfo instead made the kernel format the whole file at every start-up).
#[cfg(unix)]
#[allow(unsafe_code)]
fn physical_memory() -> Option<u64> {
    // SAFETY: sysconf takes a name and returns a number (or -1); it touches no memory of ours.
    let (pages, size) = unsafe {
        (
            libc::sysconf(libc::_SC_PHYS_PAGES),
            libc::sysconf(libc::_SC_PAGESIZE),
        )
    };
    let (pages, size) = (u64::try_from(pages).ok()?, u64::try_from(size).ok()?);
    pages.checked_mul(size).filter(|&b| b > 0)
}

/// The physical memory in bytes: unknown off Unix.
#[cfg(not(unix))]
fn physical_memory() -> Option<u64> {
    None
}

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// The budget in bytes; `usize::MAX` when there is none.
static BUDGET: AtomicUsize = AtomicUsize::new(usize::MAX);
/// Whether an allocator counts into [`LIVE`] (set by [`set_budget`]'s caller, the binary).
static COUNTING: AtomicBool = AtomicBool::new(false);

/// The default budget: half the physical memory, at most 4 GiB.
pub const DEFAULT_CAP: usize = 4 << 30;

/// Records `bytes` newly allocated; raises the interrupt flag when the live bytes pass the
/// budget. Returns `false` when the allocation would pass the hard limit (see
/// [`hard_limit`]): the allocator then stops the process rather than let it be killed.
/// Allocates nothing (it is called from inside the allocator).
#[inline]
pub fn allocated(bytes: usize) -> bool {
    let now = LIVE
        .fetch_add(bytes, Ordering::Relaxed)
        .saturating_add(bytes);
    let budget = BUDGET.load(Ordering::Relaxed);
    if now > budget {
        raise(Stop::Memory);
        if now > hard_limit_of(budget) {
            LIVE.fetch_sub(bytes, Ordering::Relaxed);
            return false;
        }
    }
    true
}

/// Records `bytes` freed.
#[inline]
pub fn freed(bytes: usize) {
    LIVE.fetch_sub(bytes, Ordering::Relaxed);
}

/// Bytes allocated and not yet freed (0 without the counting allocator).
pub fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// The most live bytes seen at a budget check (see [`note_peak`]).
pub fn peak() -> usize {
    PEAK.load(Ordering::Relaxed).max(live())
}

/// Remembers the current live bytes if they are the most so far (called between statements
/// and by tests; the allocator itself does not track the peak, to stay cheap).
pub fn note_peak() {
    PEAK.fetch_max(live(), Ordering::Relaxed);
}

/// Sets the budget (`None`: no budget) and marks the allocator as counting.
pub fn set_budget(bytes: Option<usize>) {
    BUDGET.store(bytes.unwrap_or(usize::MAX), Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
}

/// Whether a counting allocator reports here (the binary, the Python extension).
pub fn counting() -> bool {
    COUNTING.load(Ordering::Relaxed)
}

/// The budget in bytes, when one is set and an allocator counts.
pub fn budget() -> Option<usize> {
    let b = BUDGET.load(Ordering::Relaxed);
    (b != usize::MAX && counting()).then_some(b)
}

/// The hard limit of a budget: twice it, and at least 1 GiB above it. A computation that
/// passes the budget stops at its next interrupt check; one long single operation (a GMP
/// product) may overshoot until then, but never past this.
pub fn hard_limit() -> Option<usize> {
    budget().map(hard_limit_of)
}

fn hard_limit_of(budget: usize) -> usize {
    budget.saturating_add(budget.max(1 << 30))
}

/// `bytes` in words: "4 GiB", "512 MiB", "1.5 GiB", "640 KiB", "100 bytes".
pub fn format_size(bytes: usize) -> String {
    const UNITS: [(&str, u32); 4] = [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)];
    for (name, shift) in UNITS {
        let unit = 1u64 << shift;
        let b = bytes as u64;
        if b >= unit {
            let tenths = (b * 10 + unit / 2) / unit;
            return if tenths.is_multiple_of(10) {
                format!("{} {name}", tenths / 10)
            } else {
                format!("{}.{} {name}", tenths / 10, tenths % 10)
            };
        }
    }
    format!("{bytes} bytes")
}

/// Parses a size for `--max-memory`: a number of bytes with an optional binary suffix
/// (`K`, `M`, `G`, `T`, also written `KB`, `KiB`, …; case-insensitive), decimals allowed
/// (`1.5G`). `off` (or `none`) means no budget.
pub fn parse_size(text: &str) -> Result<Option<usize>, String> {
    let t = text.trim().to_ascii_lowercase();
    if t == "off" || t == "none" {
        return Ok(None);
    }
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let shift = match unit.trim() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        other => return Err(format!("unknown size unit `{other}` (use K, M, G or T)")),
    };
    let value: f64 = num
        .parse()
        .map_err(|_| format!("`{text}` is not a size such as 512M or 2G"))?;
    let bytes = value * (1u64 << shift) as f64;
    if !(bytes >= 1.0 && bytes < usize::MAX as f64) {
        return Err(format!("`{text}` is not a usable memory budget"));
    }
    Ok(Some(bytes as usize))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_print() {
        assert_eq!(parse_size("512M"), Ok(Some(512 << 20)));
        assert_eq!(parse_size("2G"), Ok(Some(2 << 30)));
        assert_eq!(parse_size("1.5GiB"), Ok(Some(3 << 29)));
        assert_eq!(parse_size("4096"), Ok(Some(4096)));
        assert_eq!(parse_size("off"), Ok(None));
        assert!(parse_size("12Q").is_err());
        assert!(parse_size("0").is_err());
        assert_eq!(format_size(4 << 30), "4 GiB");
        assert_eq!(format_size(3 << 29), "1.5 GiB");
        assert_eq!(format_size(64 << 20), "64 MiB");
        assert_eq!(format_size(100), "100 bytes");
    }

    /// sysconf's physical memory is the kernel's MemTotal, which /proc/meminfo prints in kB.
    #[cfg(target_os = "linux")]
    #[test]
    fn physical_memory_is_memtotal() {
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap();
        let kib: u64 = meminfo
            .lines()
            .find_map(|l| l.strip_prefix("MemTotal:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap();
        assert_eq!(physical_memory(), Some(kib * 1024));
        assert_eq!(
            default_budget(),
            (kib * 512).min(DEFAULT_CAP as u64) as usize
        );
    }
}
