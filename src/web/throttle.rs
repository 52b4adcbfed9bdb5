//! Throttling of guesses: receipt codes and staff passwords. Counted per receipt (or per
//! username) and across the whole archive, never per IP address — people in one shelter, or
//! on Tor, share an address, and the archive keeps no addresses anyway.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::http::StatusCode;

use super::Error;

/// A fixed-window counter of attempts per key, and of failures across the archive.
#[derive(Debug)]
pub struct Throttle {
    per_key: u32,
    global: u32,
    window: Duration,
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    keys: HashMap<Vec<u8>, (Instant, u32)>,
    global: (Instant, u32),
}

const MAX_KEYS: usize = 100_000;

impl Throttle {
    pub fn new(per_key: u32, global: u32, window: Duration) -> Throttle {
        Throttle {
            per_key,
            global,
            window,
            state: Mutex::new(State { keys: HashMap::new(), global: (Instant::now(), 0) }),
        }
    }

    /// Counts one attempt for `key`; refuses it when the key has had too many, or the
    /// archive too many failures.
    pub fn attempt(&self, key: &[u8]) -> Result<(), Error> {
        let now = Instant::now();
        let mut state = self.state.lock().map_err(|_| Error::internal(&"throttle lock poisoned"))?;
        if now.duration_since(state.global.0) >= self.window {
            state.global = (now, 0);
        }
        if state.global.1 >= self.global {
            return Err(too_many(self.window));
        }
        if state.keys.len() >= MAX_KEYS {
            let window = self.window;
            state.keys.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = state.keys.entry(key.to_vec()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.per_key {
            return Err(too_many(self.window));
        }
        entry.1 += 1;
        Ok(())
    }

    /// Counts a failed attempt (a receipt that opens nothing, a wrong password).
    pub fn failed(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.global.1 += 1;
        }
    }
}

fn too_many(window: Duration) -> Error {
    Error::new(
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_attempts",
        format!("Too many attempts. Please wait {} minutes and try again.", window.as_secs().div_ceil(60)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_key_and_overall() {
        let throttle = Throttle::new(2, 2, Duration::from_secs(60));
        assert!(throttle.attempt(b"a").is_ok());
        assert!(throttle.attempt(b"a").is_ok());
        assert_eq!(throttle.attempt(b"a").unwrap_err().status, StatusCode::TOO_MANY_REQUESTS);
        assert!(throttle.attempt(b"b").is_ok());
        throttle.failed();
        throttle.failed();
        assert_eq!(throttle.attempt(b"c").unwrap_err().code, "too_many_attempts");
    }

    #[test]
    fn windows_end() {
        let throttle = Throttle::new(1, 10, Duration::from_millis(1));
        assert!(throttle.attempt(b"a").is_ok());
        std::thread::sleep(Duration::from_millis(5));
        assert!(throttle.attempt(b"a").is_ok());
    }
}
