//! The query language readers type: words (all required), `"phrases"`, `-excluded` words or
//! phrases, and `OR` between alternatives. Parsing is pure and gives a message that says
//! what is wrong and how to fix it.

/// One thing to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    Word(String),
    Phrase(String),
}

/// A required (or excluded) item: one clause, or alternatives joined with `OR`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub excluded: bool,
    pub alternatives: Vec<Clause>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("A phrase is opened with \" but never closed. Add the closing \" or remove the opening one.")]
    UnclosedQuote,
    #[error("The phrase \"\" is empty. Put words between the quotes or remove them.")]
    EmptyPhrase,
    #[error("{0} needs a word on each side, as in: nurse {0} doctor.")]
    DanglingOperator(&'static str),
    #[error("A minus sign must stand directly before the word or phrase to leave out, as in: -winter.")]
    DanglingMinus,
    #[error("Excluded words cannot be combined with OR. Write each one with its own minus sign.")]
    ExcludedAlternative,
    #[error("The query only leaves things out. Add at least one word to search for.")]
    OnlyExclusions,
    #[error("The query is too long: at most {0} characters.")]
    TooLong(usize),
    #[error("The query has too many parts: at most {0} words and phrases.")]
    TooManyItems(usize),
}

pub const MAX_QUERY_CHARS: usize = 500;
pub const MAX_ITEMS: usize = 32;

enum Token {
    Clause { excluded: bool, clause: Clause },
    Or,
    And,
}

fn tokenize(input: &str) -> Result<Vec<Token>, QueryError> {
    let mut tokens = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut excluded = false;
        if c == '-' {
            chars.next();
            match chars.peek() {
                None => return Err(QueryError::DanglingMinus),
                Some(next) if next.is_whitespace() => return Err(QueryError::DanglingMinus),
                Some(_) => excluded = true,
            }
        }
        if chars.peek() == Some(&'"') {
            chars.next();
            let mut phrase = String::new();
            let mut closed = false;
            for c in chars.by_ref() {
                if c == '"' {
                    closed = true;
                    break;
                }
                phrase.push(c);
            }
            if !closed {
                return Err(QueryError::UnclosedQuote);
            }
            if phrase.trim().is_empty() {
                return Err(QueryError::EmptyPhrase);
            }
            tokens.push(Token::Clause { excluded, clause: Clause::Phrase(phrase.trim().to_owned()) });
            continue;
        }
        let mut word = String::new();
        while let Some(&c) = chars.peek() {
            // A quote ends the word and opens a phrase.
            if c.is_whitespace() || c == '"' {
                break;
            }
            word.push(c);
            chars.next();
        }
        match (excluded, word.as_str()) {
            (false, "OR") => tokens.push(Token::Or),
            (false, "AND") => tokens.push(Token::And),
            (_, "") => {}
            _ => tokens.push(Token::Clause { excluded, clause: Clause::Word(word) }),
        }
    }
    Ok(tokens)
}

/// Reads a query. An empty query is valid and matches everything the reader may see.
pub fn parse(input: &str) -> Result<Vec<Item>, QueryError> {
    if input.chars().count() > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong(MAX_QUERY_CHARS));
    }
    let tokens = tokenize(input)?;
    let mut items: Vec<Item> = Vec::new();
    // `pending` is the operator seen since the last clause.
    let mut pending: Option<&'static str> = None;
    for token in tokens {
        match token {
            Token::Or | Token::And => {
                let name = if matches!(token, Token::Or) { "OR" } else { "AND" };
                if items.is_empty() || pending.is_some() {
                    return Err(QueryError::DanglingOperator(name));
                }
                pending = Some(name);
            }
            Token::Clause { excluded, clause } => {
                if pending == Some("OR") {
                    let last = items.last_mut().ok_or(QueryError::DanglingOperator("OR"))?;
                    if excluded || last.excluded {
                        return Err(QueryError::ExcludedAlternative);
                    }
                    last.alternatives.push(clause);
                } else {
                    items.push(Item { excluded, alternatives: vec![clause] });
                }
                pending = None;
            }
        }
    }
    if let Some(name) = pending {
        return Err(QueryError::DanglingOperator(name));
    }
    if items.len() > MAX_ITEMS {
        return Err(QueryError::TooManyItems(MAX_ITEMS));
    }
    if !items.is_empty() && items.iter().all(|item| item.excluded) {
        return Err(QueryError::OnlyExclusions);
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Clause {
        Clause::Word(w.into())
    }

    #[test]
    fn words_phrases_exclusions_and_alternatives() {
        let items = parse(r#"nurse "first winter" -snow doctor OR teacher"#).unwrap();
        assert_eq!(
            items,
            vec![
                Item { excluded: false, alternatives: vec![word("nurse")] },
                Item { excluded: false, alternatives: vec![Clause::Phrase("first winter".into())] },
                Item { excluded: true, alternatives: vec![word("snow")] },
                Item { excluded: false, alternatives: vec![word("doctor"), word("teacher")] },
            ]
        );
        assert_eq!(parse("  ").unwrap(), vec![]);
        assert_eq!(parse("nurse AND doctor").unwrap().len(), 2);
        assert_eq!(
            parse("well-being").unwrap(),
            vec![Item { excluded: false, alternatives: vec![word("well-being")] }]
        );
    }

    #[test]
    fn malformed_queries_say_what_is_wrong() {
        assert_eq!(parse("\"foo"), Err(QueryError::UnclosedQuote));
        assert_eq!(parse("AND AND"), Err(QueryError::DanglingOperator("AND")));
        assert_eq!(parse("nurse OR"), Err(QueryError::DanglingOperator("OR")));
        assert_eq!(parse("a OR OR b"), Err(QueryError::DanglingOperator("OR")));
        assert_eq!(parse("\"\""), Err(QueryError::EmptyPhrase));
        assert_eq!(parse("- winter"), Err(QueryError::DanglingMinus));
        assert_eq!(parse("-winter"), Err(QueryError::OnlyExclusions));
        assert_eq!(parse("a OR -b"), Err(QueryError::ExcludedAlternative));
        assert_eq!(parse(&"a ".repeat(300)), Err(QueryError::TooLong(MAX_QUERY_CHARS)));
        assert!(parse("foo\"").is_err());
    }
}

/// A query that does not parse, mended the way its writer most likely meant it: an unclosed
/// quote closed, an empty phrase, a stray minus or a dangling `OR`/`AND` dropped, `OR` beside
/// an exclusion dropped. `None` when it parses already, or cannot be mended (too long, or
/// only exclusions). The pages search for the mended query and say how they read it.
pub fn mend(input: &str) -> Option<String> {
    let mut query = input.to_owned();
    // Each pass mends one kind of fault; there are five.
    for _ in 0..6 {
        let fault = match parse(&query) {
            Ok(_) => return (query != input).then_some(query),
            Err(fault) => fault,
        };
        query = match fault {
            QueryError::UnclosedQuote => format!("{query}\""),
            QueryError::EmptyPhrase => query.replace("\"\"", " "),
            QueryError::DanglingMinus => {
                let words: Vec<&str> = query.split_whitespace().filter(|w| *w != "-").collect();
                words.join(" ").trim_end_matches('-').to_owned()
            }
            QueryError::DanglingOperator(_) | QueryError::ExcludedAlternative => {
                let words: Vec<&str> = query.split_whitespace().collect();
                let is_operator = |w: &str| w == "OR" || w == "AND";
                let mut kept: Vec<&str> = Vec::new();
                for (i, word) in words.iter().enumerate() {
                    let next = words.get(i + 1).copied();
                    let dangling = is_operator(word)
                        && (kept.last().is_none_or(|w| is_operator(w) || w.starts_with('-'))
                            || next.is_none_or(|w| is_operator(w) || w.starts_with('-')));
                    if !dangling {
                        kept.push(word);
                    }
                }
                kept.join(" ")
            }
            QueryError::OnlyExclusions | QueryError::TooLong(_) | QueryError::TooManyItems(_) => return None,
        };
    }
    None
}

#[cfg(test)]
mod mend_tests {
    use super::*;

    #[test]
    fn malformed_queries_are_read_as_meant() {
        for (typed, read) in [
            ("\"first winter", "\"first winter\""),
            ("nurse \"\" Eritrea", "nurse   Eritrea"),
            ("nurse - winter", "nurse winter"),
            ("nurse OR", "nurse"),
            ("OR nurse AND AND doctor", "nurse AND doctor"),
            ("nurse OR -doctor", "nurse -doctor"),
            ("\"a\" OR", "\"a\""),
        ] {
            let mended = mend(typed).unwrap_or_else(|| panic!("{typed:?} not mended"));
            assert_eq!(mended, read, "{typed:?}");
            assert!(parse(&mended).is_ok());
        }
        assert_eq!(mend("nurse doctor"), None, "a good query is left alone");
        assert_eq!(mend("-winter"), None, "nothing to search for");
    }
}
