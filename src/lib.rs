//! Passage: a consent-first archive of migrant stories.
#![forbid(unsafe_code)]

pub mod config;
pub mod redaction;
pub mod story;
pub mod accounts;
pub mod store;
pub mod search;
pub mod moderation;
