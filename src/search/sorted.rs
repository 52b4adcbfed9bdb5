//! One page of hits in the order a reader asked for. Every order ends with the story's
//! publication time and a number drawn from its id, so equal results keep their places from
//! one page to the next.
//!
//! Every matching story is visited (the total and the facets count them all), but only the
//! few that can still reach the page have their whole sort key read: a story is first
//! compared on its score (or its publication time), and its other keys are read from the
//! fast fields only if that does not already rule it out. With Tantivy's `tweak_score`
//! every key of every match was read, a tenth of a search at a million stories.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::Sort;

/// The sort key of a hit: bigger is first.
pub(super) type SortKey = (f64, i64, u64);

/// Collects the hits `offset..offset + limit` in `sort` order.
pub(super) struct Sorted {
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
}

/// A hit on its way to the page: by key, then (as Tantivy does) the lower address first.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ranked {
    key: SortKey,
    address: DocAddress,
}

impl Ranked {
    fn order(&self, other: &Ranked) -> Ordering {
        (self.key.0.total_cmp(&other.key.0))
            .then(self.key.1.cmp(&other.key.1))
            .then(self.key.2.cmp(&other.key.2))
            .then(other.address.cmp(&self.address))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Ranked) -> bool {
        self.order(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Ranked) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Ranked) -> Ordering {
        self.order(other)
    }
}

impl Collector for Sorted {
    type Fruit = Vec<(SortKey, DocAddress)>;
    type Child = SortedSegment;

    fn for_segment(&self, segment: SegmentOrdinal, reader: &SegmentReader) -> tantivy::Result<SortedSegment> {
        let fast = reader.fast_fields();
        Ok(SortedSegment {
            segment,
            sort: self.sort,
            keep: self.offset + self.limit,
            best: BinaryHeap::with_capacity(self.offset + self.limit + 1),
            published: fast.i64("published").ok(),
            year: fast.u64("year").ok(),
            tiebreak: fast.u64("tiebreak").ok(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.sort == Sort::Relevance
    }

    fn merge_fruits(&self, segments: Vec<Vec<Ranked>>) -> tantivy::Result<Self::Fruit> {
        let mut all: Vec<Ranked> = segments.into_iter().flatten().collect();
        all.sort_unstable_by(|a, b| b.cmp(a));
        Ok(all.into_iter().skip(self.offset).take(self.limit).map(|hit| (hit.key, hit.address)).collect())
    }
}

/// The best hits of one segment so far, the worst on top of the heap.
pub(super) struct SortedSegment {
    segment: SegmentOrdinal,
    sort: Sort,
    keep: usize,
    best: BinaryHeap<Reverse<Ranked>>,
    published: Option<Column<i64>>,
    year: Option<Column<u64>>,
    tiebreak: Option<Column<u64>>,
}

impl SortedSegment {
    fn published(&self, doc: DocId) -> i64 {
        self.published.as_ref().and_then(|c| c.first(doc)).unwrap_or(0)
    }

    /// The first part of the key, the one read for every match.
    #[allow(clippy::cast_precision_loss)]
    fn first_key(&self, doc: DocId, score: Score) -> f64 {
        match self.sort {
            Sort::Relevance => f64::from(score),
            Sort::Newest => self.published(doc) as f64,
            Sort::Oldest => -(self.published(doc) as f64),
            // Earliest departure first; stories without a year last.
            Sort::Year => self.year.as_ref().and_then(|c| c.first(doc)).map_or(f64::NEG_INFINITY, |y| -(y as f64)),
        }
    }

    /// The rest of the key.
    fn key(&self, doc: DocId, first: f64) -> SortKey {
        let tiebreak = self.tiebreak.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        match self.sort {
            Sort::Relevance => (first, self.published(doc), tiebreak),
            Sort::Newest | Sort::Oldest => (first, 0, tiebreak),
            Sort::Year => (first, -self.published(doc), tiebreak),
        }
    }
}

impl SegmentCollector for SortedSegment {
    type Fruit = Vec<Ranked>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if self.keep == 0 {
            return;
        }
        let first = self.first_key(doc, score);
        if self.best.len() == self.keep && self.best.peek().is_some_and(|worst| first < worst.0.key.0) {
            return;
        }
        let hit = Ranked { key: self.key(doc, first), address: DocAddress::new(self.segment, doc) };
        if self.best.len() < self.keep {
            self.best.push(Reverse(hit));
        } else if self.best.peek().is_some_and(|worst| hit > worst.0) {
            self.best.pop();
            self.best.push(Reverse(hit));
        }
    }

    fn harvest(self) -> Vec<Ranked> {
        self.best.into_iter().map(|Reverse(hit)| hit).collect()
    }
}
