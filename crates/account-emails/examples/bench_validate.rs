//! Times the validation of a generated 500,000-row upload (about 40 MB) and reports its memory.
//!
//! `cargo run --release -p account-emails --example bench_validate`
//!
//! Memory is measured two ways: a counting global allocator (live heap bytes, and their peak
//! during one validation, above what was live before it: the file and the known accounts), and
//! the kernel's peak resident set size (`VmHWM` in /proc/self/status, reset just before the
//! validation by writing 5 to /proc/self/clear_refs), which counts everything the process holds.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use account_emails::{
    AccountRow, KnownAccounts, MAX_ROWS, Progress, split, template_header, validate, write_template_row,
};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            if new_size > layout.size() {
                let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const RUNS: usize = 7;

/// A cheap deterministic stream of numbers (xorshift), so that every run checks the same file.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn account_id(n: &mut Numbers) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut id = String::from("acct_");
    id.extend((0..16).map(|_| ALPHABET[(n.next() % 62) as usize] as char));
    id
}

fn main() {
    let mut n = Numbers(0x9E37_79B9_7F4A_7C15);
    let ids: Vec<String> = (0..MAX_ROWS).map(|_| account_id(&mut n)).collect();
    // A quarter of the accounts have an email already.
    let current: Vec<Option<String>> =
        (0..MAX_ROWS).map(|i| (i % 4 == 0).then(|| format!("owner{i}@old-domain.example.com"))).collect();

    // The upload: the template filled in. Half the rows set an email, a tenth of a percent are
    // mistakes, one row in a hundred has a quoted name with a comma.
    let mut file = Vec::with_capacity(45 << 20);
    file.extend_from_slice(b"\xEF\xBB\xBF");
    file.extend_from_slice(template_header().as_bytes());
    file.extend_from_slice(b"\r\n");
    for (i, id) in ids.iter().enumerate() {
        let business = if i % 100 == 0 { format!("\"Shop {i}, Ltd\"") } else { format!("Connected Account {i}") };
        let email = match i % 1000 {
            999 => format!("broken{i}.example.com"),
            k if k % 2 == 0 => format!("contact+{i}@mail.shop{}.example.com", i % 97),
            _ => String::new(),
        };
        let claimed = if i % 3 == 0 { "✔" } else { "✗" };
        file.extend_from_slice(format!("{id},{business},Maria,Schneider,{email},{claimed}\r\n").as_bytes());
    }
    let known: KnownAccounts = ids.iter().zip(&current).map(|(id, email)| (id.as_str(), email.as_deref())).collect();
    drop(current);
    drop(ids);
    let mb = file.len() as f64 / 1e6;
    println!(
        "file: {MAX_ROWS} rows, {mb:.1} MB; known accounts: {} ({:.1} MB)",
        known.len(),
        known.heap_bytes() as f64 / 1e6
    );

    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..RUNS {
        let started = Instant::now();
        let review = validate(&file, &known, |_p: Progress| {}).expect("the file is valid");
        times.push(started.elapsed());
        last = Some(review);
    }
    drop(last);
    times.sort();
    let review_summary;
    {
        // One more run for memory.
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let rss_reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
        let rss_before = status("VmRSS");
        let mut progress_calls = 0;
        let review = validate(&file, &known, |_| progress_calls += 1).expect("the file is valid");
        let peak = PEAK.load(Ordering::Relaxed) - before;
        let kept = LIVE.load(Ordering::Relaxed) - before;
        review_summary = review.summary();
        println!(
            "validate: best {:.0} ms, median {:.0} ms of {RUNS} runs ({:.0} MB/s); progress reported {progress_calls} times",
            ms(times[0]),
            ms(times[RUNS / 2]),
            mb / times[0].as_secs_f64()
        );
        println!("summary: {review_summary:?}; problems: {}", review.problems().len());
        println!(
            "heap during validate, above the file and known accounts: peak {:.1} MB, kept in the review {:.1} MB \
             ({} changes, {} bytes each + their emails)",
            peak as f64 / 1e6,
            kept as f64 / 1e6,
            review.changes().len(),
            size_of::<account_emails::Change>()
        );
        println!(
            "heap in all at the peak (file + known accounts + validation): {:.1} MB = {:.2} x the file",
            (before + peak) as f64 / 1e6,
            (before + peak) as f64 / file.len() as f64
        );
        if rss_reset {
            let hwm = status("VmHWM");
            println!(
                "process RSS: {:.1} MB before validate, peak (VmHWM) {:.1} MB during it = {:.2} x the file",
                rss_before as f64 / 1e6,
                hwm as f64 / 1e6,
                hwm as f64 / file.len() as f64
            );
        }
    }

    // The server's side: the template for as many accounts, streamed to a sink.
    let started = Instant::now();
    let mut sink = std::io::sink();
    let mut m = Numbers(7);
    for i in 0..MAX_ROWS {
        let id = account_id(&mut m);
        let row = AccountRow {
            id: &id,
            business_name: "Connected Account",
            first_name: "Maria",
            last_name: "Schneider",
            claimed: i % 2 == 0,
        };
        write_template_row(&mut sink, &row).unwrap();
    }
    println!("template: {MAX_ROWS} rows written in {:.0} ms (ids generated on the way)", ms(started.elapsed()));

    let mut doubled = file.clone();
    let header_len = 3 + template_header().len() + 2;
    doubled.extend_from_slice(&file[header_len..]);
    let started = Instant::now();
    let parts: Vec<usize> = split(&doubled, MAX_ROWS).map(|p| p.row_count as usize).collect();
    println!("split: {} rows into parts of {parts:?} in {:.0} ms", 2 * MAX_ROWS, ms(started.elapsed()));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// A `kB` figure of /proc/self/status, in bytes (0 where there is none).
fn status(key: &str) -> u64 {
    let text = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    text.lines()
        .find_map(|line| {
            line.strip_prefix(key)?.strip_prefix(':')?.trim().strip_suffix("kB")?.trim().parse::<u64>().ok()
        })
        .map_or(0, |kb| kb * 1024)
}
