//! A photo that claims enormous dimensions is refused quickly and without a large
//! allocation. Its own test binary, so the process's peak memory is this test's alone.

#[path = "common/photos.rs"]
mod photos;

use std::time::{Duration, Instant};

use passage::media::{self, MediaError};

/// The process's peak resident memory so far, in KiB (Linux).
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc");
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).expect("VmHWM line");
    line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).expect("a number of KiB")
}

#[test]
fn a_decompression_bomb_is_refused_fast_with_memory_staying_low() {
    // Warm up the decoders on a small real photo, so their fixed costs are counted before.
    assert!(media::check_upload(photos::phone_photo("warm-up")).is_ok());
    let before = peak_rss_kib();

    let started = Instant::now();
    for (width, height) in [(100_000, 100_000), (16_384, 16_384), (16_000, 3_000), (1_000_000, 1)] {
        let bomb = photos::png_claiming(width, height);
        assert_eq!(media::check_upload(bomb).unwrap_err(), MediaError::TooManyPixels, "{width}×{height}");
    }
    let elapsed = started.elapsed();
    let grown_mib = (peak_rss_kib() - before) / 1024;

    // Decoding a single 100000 × 100000 RGBA image would need 40 GB; a 16384² one, 1 GiB.
    assert!(grown_mib < 16, "peak memory grew by {grown_mib} MiB");
    assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");
    println!("four bombs refused in {elapsed:?}; peak memory grew by {grown_mib} MiB");
}
