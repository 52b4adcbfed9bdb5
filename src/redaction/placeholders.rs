//! Readable placeholders: the same person keeps the same `[person 2]` throughout a story.

use std::collections::HashMap;

use super::normalise::fold_term;
use super::{Category, Rules, Span};

/// Numbering of the people and names met so far in one story (title and body share it).
#[derive(Debug)]
pub struct Placeholders<'r> {
    rules: &'r Rules,
    numbered: HashMap<(Category, String), usize>,
    next: HashMap<Category, usize>,
    /// Known names, lower-cased, longest first: a span holding one ("وكريم" holds "كريم")
    /// is numbered as that name.
    known: Vec<String>,
}

impl<'r> Placeholders<'r> {
    /// Placeholders for a story whose teller listed `terms` as private.
    pub fn new(rules: &'r Rules, terms: &[String]) -> Placeholders<'r> {
        let mut known: Vec<String> = terms.iter().map(|t| fold_term(t)).filter(|t| !t.is_empty()).collect();
        known.sort_by_key(|t| std::cmp::Reverse(t.len()));
        Placeholders { rules, known, numbered: HashMap::new(), next: HashMap::new() }
    }

    /// Placeholders under the default rules.
    pub fn with_terms(terms: &[String]) -> Placeholders<'static> {
        Placeholders::new(Rules::defaults(), terms)
    }

    /// What replaces `span`, whose text is `original`.
    pub fn for_span(&mut self, span: &Span, original: &str) -> String {
        if let Some(replacement) = &span.replacement {
            return replacement.clone();
        }
        let template = self.rules.placeholder(span.category);
        if !template.contains("{n}") {
            return template.to_owned();
        }
        let original = fold_term(original);
        let name = self.known.iter().find(|known| original.contains(known.as_str())).cloned();
        let key = (span.category, name.unwrap_or(original));
        let count = self.next.entry(span.category).or_insert(0);
        let number = *self.numbered.entry(key).or_insert_with(|| {
            *count += 1;
            *count
        });
        template.replace("{n}", &number.to_string())
    }

    /// How a category's placeholder reads, for a moderator's list of suggestions.
    pub fn describe(rules: &Rules, category: Category) -> String {
        rules.placeholder(category).replace("{n}", "N")
    }
}
