//! Readable placeholders: the same person keeps the same `[person 2]` throughout a story.

use std::collections::HashMap;

use super::Category;
use super::normalise::fold_term;

/// Numbering of the people and names met so far in one story (title and body share it).
#[derive(Debug, Default)]
pub struct Placeholders {
    numbered: HashMap<(Category, String), usize>,
    next: HashMap<Category, usize>,
    /// Known names, lower-cased, longest first: a span holding one ("وكريم" holds "كريم")
    /// is numbered as that name.
    known: Vec<String>,
}

/// The placeholder of a category: fixed, or a numbered label.
enum Shape {
    Fixed(&'static str),
    Numbered(&'static str),
}

fn shape(category: Category) -> Shape {
    match category {
        Category::Email => Shape::Fixed("[email]"),
        Category::Phone => Shape::Fixed("[phone]"),
        Category::Url => Shape::Fixed("[link]"),
        Category::Handle => Shape::Fixed("[handle]"),
        Category::IdNumber => Shape::Fixed("[number]"),
        Category::Place => Shape::Fixed("[place]"),
        Category::Other => Shape::Fixed("[redacted]"),
        Category::PrivateTerm => Shape::Numbered("name"),
        Category::Person => Shape::Numbered("person"),
    }
}

impl Placeholders {
    /// Placeholders for a story whose teller listed `terms` as private.
    pub fn with_terms(terms: &[String]) -> Placeholders {
        let mut known: Vec<String> = terms.iter().map(|t| fold_term(t)).filter(|t| !t.is_empty()).collect();
        known.sort_by_key(|t| std::cmp::Reverse(t.len()));
        Placeholders { known, ..Placeholders::default() }
    }

    pub fn for_span(&mut self, category: Category, original: &str) -> String {
        let label = match shape(category) {
            Shape::Fixed(placeholder) => return placeholder.to_owned(),
            Shape::Numbered(label) => label,
        };
        let original = fold_term(original);
        let name = self.known.iter().find(|known| original.contains(known.as_str())).cloned();
        let key = (category, name.unwrap_or(original));
        let count = self.next.entry(category).or_insert(0);
        let number = *self.numbered.entry(key).or_insert_with(|| {
            *count += 1;
            *count
        });
        format!("[{label} {number}]")
    }

    /// How a category's placeholder reads, for a moderator's list of suggestions.
    pub fn describe(category: Category) -> String {
        match shape(category) {
            Shape::Fixed(placeholder) => placeholder.to_owned(),
            Shape::Numbered(label) => format!("[{label} N]"),
        }
    }
}
